"""Every province, territory and state has its shape on the vendored map, and every shape draws one of them."""

import json

import pytest

from mapping.selectors import shade, shade_steps
from mapping.shapes import GEOJSON, region_of_shape, shape_of_region
from stakeholders.models import Region

pytestmark = pytest.mark.django_db


def test_every_region_has_one_shape_and_every_shape_is_a_region():
    shape_ids = [feature["id"] for feature in json.loads(GEOJSON.read_text())["features"]]
    regions = set(Region.objects.values_list("country", "code"))
    assert len(shape_ids) == len(set(shape_ids))
    assert {region_of_shape(shape_id) for shape_id in shape_ids} == regions
    assert {shape_of_region(*region) for region in regions} == set(shape_ids)


def test_the_ids_that_differ_are_translated_both_ways():
    assert region_of_shape("CA.NF") == ("CA", "NL")
    assert region_of_shape("MX.JA") == ("MX", "JAL")
    assert region_of_shape("US.TX") == ("US", "TX")
    assert shape_of_region("MX", "CMX") == "MX.DF"
    assert shape_of_region("CA", "ON") == "CA.ON"


@pytest.mark.parametrize("most", [0, 1, 2, 3, 7, 100, 1234])
def test_the_map_legend_names_the_counts_of_each_shading_step(most):
    steps = shade_steps(most)
    for count in range(1, most + 1):
        assert [step for step, low, high in steps if low <= count <= high] == [shade(count, most)]
