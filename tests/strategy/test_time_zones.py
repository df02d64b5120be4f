"""Time zones are shown by city and zone in the reader's language, never by their database key."""

import pytest
from django.template import Context, Template
from django.utils import translation

from accounts.models import TIME_ZONES
from strategy.time_zones import ZONE_NAMES


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Toronto (Eastern time)"), ("fr", "Toronto (heure de l’Est)"), ("es", "Toronto (hora del Este)")],
)
def test_a_zone_reads_as_its_city_and_zone(language, expected):
    with translation.override(language):
        shown = Template("{% load ui %}{{ zone|zone_name }}").render(Context({"zone": "America/Toronto"}))
    assert shown == expected


def test_every_zone_a_person_or_an_event_can_choose_has_a_name():
    assert {key for key, _label in TIME_ZONES} <= set(ZONE_NAMES)
