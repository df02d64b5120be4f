"""generate_load adds events in proportion to the register, through the roundtables app's load module."""

import io

import pytest
from django.core.management import call_command

from roundtables.models import Event, Participant

pytestmark = pytest.mark.django_db


def test_generate_load_adds_one_event_per_two_hundred_organizations_and_reuses_them():
    call_command("generate_load", orgs=600, interactions=300, seed=4, stdout=io.StringIO())
    assert Event.objects.count() == 3
    assert Participant.objects.exists()
    for event in Event.objects.all():
        event.full_clean()
    first = set(Event.objects.values_list("pk", flat=True))
    output = io.StringIO()
    call_command("generate_load", orgs=600, interactions=300, seed=4, stdout=output)
    assert "events: reusing 3" in output.getvalue()
    assert set(Event.objects.values_list("pk", flat=True)) == first
