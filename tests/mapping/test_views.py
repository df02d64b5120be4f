"""The stakeholder matrix and the map by province and state: counts, links to the list, exports, cost."""

import csv
import io

import pytest
from django.db import connection
from django.urls import reverse

from accounts.choices import Role
from stakeholders.choices import Level
from stakeholders.models import Organization, Potential, Region
from stakeholders.services.potential import potential_rate
from strategy.models import Pillar
from tests.factories.stakeholders import OrganizationFactory

pytestmark = pytest.mark.django_db


def organization(make_user, *, level=None, potential=None, **kwargs):
    made = OrganizationFactory(**kwargs)
    # The stored level, as the engagement service leaves it after the organization's interactions.
    Organization.objects.filter(pk=made.pk).update(engagement_level=level)
    if potential is not None:
        potential_rate(organization=made, potential=potential, by=make_user())
    return made


def cell(response, level, potential):
    for row in response.context["rows"]:
        for item in row["cells"]:
            if (item["cell"].level, item["cell"].potential) == (level, potential):
                return item
    raise AssertionError("no such cell")


def test_the_matrix_counts_organizations_by_potential_and_level(client_for, make_user):
    for _ in range(2):
        organization(make_user, level=Level.ACTIVE, potential=Potential.HIGH)
    organization(make_user, level=Level.PASSIVE, potential=Potential.LOW)
    organization(make_user)  # not engaged, not rated
    response = client_for(Role.VIEWER).get(reverse("mapping:matrix"))
    assert cell(response, Level.ACTIVE, Potential.HIGH)["cell"].count == 2
    assert cell(response, Level.PASSIVE, Potential.LOW)["cell"].count == 1
    assert cell(response, None, None)["cell"].count == 1
    assert cell(response, Level.COLLABORATIVE, Potential.HIGH)["cell"].count == 0
    assert response.context["total"] == 4


def test_a_cell_links_to_the_list_of_its_organizations_with_the_same_filters(client_for, make_user):
    wanted = organization(make_user, level=Level.ACTIVE, potential=Potential.HIGH, name="Wanted", hq_country="CA")
    organization(make_user, level=Level.ACTIVE, potential=Potential.HIGH, name="Elsewhere", hq_country="MX")
    organization(make_user, level=Level.PASSIVE, potential=Potential.HIGH, name="Passive one", hq_country="CA")
    client = client_for(Role.VIEWER)
    response = client.get(reverse("mapping:matrix") + "?country=CA")
    item = cell(response, Level.ACTIVE, Potential.HIGH)
    assert item["cell"].count == 1
    assert item["url"] == reverse("stakeholders:organization_list") + "?country=CA&level=2&potential=3"
    assert item["url"].replace("&", "&amp;") in response.content.decode()
    listed = client.get(item["url"]).content.decode()
    assert wanted.name in listed and "Elsewhere" not in listed and "Passive one" not in listed


def test_the_matrix_filters_by_pillar(client_for, make_user):
    pillar = Pillar.objects.first()
    with_pillar = organization(make_user, level=Level.ACTIVE)
    with_pillar.pillars.add(pillar)
    organization(make_user, level=Level.ACTIVE)
    response = client_for(Role.VIEWER).get(reverse("mapping:matrix") + f"?pillar={pillar.pk}")
    assert cell(response, Level.ACTIVE, None)["cell"].count == 1


@pytest.mark.parametrize("organizations", [2, 50])
def test_the_matrix_costs_the_same_for_2_or_50_organizations(
    client_for, make_user, django_assert_num_queries, organizations
):
    for number in range(organizations):
        organization(make_user, level=Level(number % 3 + 1), potential=Potential(number % 3 + 1))
    client = client_for(Role.STAFF)
    client.get(reverse("mapping:matrix"))  # builds the filter panel's kept lists
    # session, user with unit, permissions (2), the counts (one GROUP BY); on PostgreSQL the counts run in
    # a transaction of their own that turns parallel workers off (begin, SET LOCAL, commit: 3 more)
    with django_assert_num_queries(5 + (3 if connection.vendor == "postgresql" else 0)):
        response = client.get(reverse("mapping:matrix") + "?country=MX")
    assert response.status_code == 200


def test_the_counts_download_as_csv_in_the_readers_language(client_for, make_user):
    organization(make_user, level=Level.COLLABORATIVE, potential=Potential.MEDIUM)
    client = client_for(Role.VIEWER)
    response = client.get(reverse("mapping:matrix_csv"), HTTP_ACCEPT_LANGUAGE="en")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Potential to support CEC initiatives", "Engagement level", "Organizations"]
    assert ["Medium", "Collaborative", "1"] in rows
    assert len(rows) == 1 + 16


def test_the_region_map_counts_by_province_or_state_and_level(client_for, make_user):
    ontario = Region.objects.get(country="CA", code="ON")
    jalisco = Region.objects.get(country="MX", code="JAL")
    organization(make_user, level=Level.ACTIVE, hq_country="CA", hq_region=ontario)
    organization(make_user, level=Level.PASSIVE, hq_country="CA", hq_region=ontario)
    organization(make_user, level=Level.ACTIVE, hq_country="MX", hq_region=jalisco)
    client = client_for(Role.VIEWER)
    response = client.get(reverse("mapping:regions"))
    by_code = {(region.country, region.code): region for region in response.context["tiles"]}
    assert by_code["CA", "ON"].total == 2
    assert by_code["CA", "ON"].by_level == {Level.ACTIVE: 1, Level.PASSIVE: 1}
    assert by_code["MX", "JAL"].total == 1
    assert by_code["US", "TX"].total == 0
    assert len(by_code) == Region.objects.count()  # every province, territory and state has its tile
    assert by_code["CA", "ON"].url == reverse("stakeholders:organization_list") + f"?region={ontario.pk}"
    listed = client.get(by_code["CA", "ON"].url).content.decode()
    assert listed.count(reverse("stakeholders:organization_list")) >= 1
    assert response.context["total"] == 3
    # The map's shapes (ids of the vendored GeoJSON) carry the same figures and links.
    shapes = response.context["shapes"]
    assert len(shapes) == Region.objects.count()
    assert shapes["CA.ON"]["url"] == by_code["CA", "ON"].url
    assert shapes["CA.ON"]["label"].startswith("Ontario: 2 organizations; passive 1, active 1")
    assert shapes["MX.JA"]["total"] == "1" and shapes["US.TX"]["shade"] == 0
    assert "vendor/regions/north-america" in response.content.decode()


@pytest.mark.parametrize("organizations", [2, 50])
def test_the_region_map_costs_the_same_for_2_or_50_organizations(
    client_for, make_user, django_assert_num_queries, organizations
):
    region = Region.objects.get(country="US", code="TX")
    for _ in range(organizations):
        organization(make_user, level=Level.ACTIVE, hq_country="US", hq_region=region)
    client = client_for(Role.STAFF)
    client.get(reverse("mapping:regions"))  # builds the filter panel's kept lists
    # session, user with unit, permissions (2), the counts (one GROUP BY), the provinces and states
    with django_assert_num_queries(6):
        response = client.get(reverse("mapping:regions"))
    assert response.status_code == 200


def test_a_cells_drill_down_lists_its_organizations_to_rate_them_there(
    client_for, make_user, django_assert_num_queries
):
    unrated = organization(make_user, level=Level.PASSIVE, name="Unrated passive", hq_country="CA")
    organization(make_user, level=Level.PASSIVE, potential=Potential.LOW, name="Rated passive", hq_country="CA")
    organization(make_user, level=Level.PASSIVE, name="Unrated Mexican", hq_country="MX")
    client = client_for(Role.STAFF)
    matrix = client.get(reverse("mapping:matrix") + "?country=CA")
    drill_down = cell(matrix, Level.PASSIVE, None)["rate_url"]
    assert drill_down == reverse("mapping:cell") + "?country=CA&level=1&potential=none"
    # session, user with unit, permissions (2), the cell's organizations
    with django_assert_num_queries(5):
        page = client.get(drill_down)
    body = page.content.decode()
    assert "Unrated passive" in body and "Rated passive" not in body and "Unrated Mexican" not in body
    rate_url = reverse("stakeholders:organization_rate", args=[unrated.pk])
    assert rate_url in body
    response = client.post(rate_url, {"potential": Potential.HIGH, "next": drill_down})
    assert response["Location"] == drill_down
    assert not client.get(drill_down).context["organizations"]  # rated: it left the cell


def test_viewers_see_a_cells_organizations_without_the_rating_forms(client_for, make_user):
    unrated = organization(make_user, level=Level.PASSIVE, name="Unrated passive")
    body = client_for(Role.VIEWER).get(reverse("mapping:cell") + "?level=1&potential=none").content.decode()
    assert "Unrated passive" in body
    assert reverse("stakeholders:organization_rate", args=[unrated.pk]) not in body
