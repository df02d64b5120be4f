"""From a number to its records: each event figure links to the event list, filtered so that its rows are
exactly the records counted (and the attendees or outcomes shown on them add up to the number)."""

from datetime import date, time

import pytest
from django.utils import timezone

from reports.indicators import REGISTRY, Context
from roundtables.choices import EventKind, EventStatus, OutcomeKind, ParticipantStatus
from roundtables.models import Outcome
from stakeholders.choices import Category, Country
from strategy.models import Pillar
from tests.factories.roundtables import attendee, held_event
from tests.factories.strategy import UnitFactory

pytestmark = pytest.mark.django_db

# What a row of the event list shows for each indicator: the event itself, its attendees, its outcomes.
ROW_COUNT = {
    "roundtables-held": lambda event: 1,
    "roundtable-participants": lambda event: event.attended,
    "conferences-attended": lambda event: event.attended,
    "committee-participations": lambda event: event.attended,
    "issues-identified": lambda event: event.outcome_count,
    "practices-and-lessons": lambda event: event.outcome_count,
}


def a_year_of_events():
    """Roundtables, conferences and a committee of two units, some held, some not, some last year."""
    today = timezone.localdate()
    first, second = Pillar.objects.order_by("pk")[:2]
    unit, other = UnitFactory(), UnitFactory()
    events = {}
    events["roundtable"] = roundtable = held_event(unit=unit, pillars=[first], status=EventStatus.OUTCOMES_RECORDED)
    attendee(roundtable, country=Country.MEXICO, category=Category.CORPORATION)
    attendee(roundtable, country=Country.CANADA, category=Category.NGO)
    attendee(roundtable, country=Country.UNITED_STATES, status=ParticipantStatus.DECLINED)
    for kind in (OutcomeKind.ISSUE, OutcomeKind.ISSUE, OutcomeKind.LESSON):
        Outcome.objects.create(event=roundtable, kind=kind, text="Noted.")
    events["virtual"] = virtual = held_event(unit=other, pillars=[first, second], zone="America/Vancouver", at=time(8))
    attendee(virtual, country=Country.UNITED_STATES, category=Category.GOVERNMENT)
    Outcome.objects.create(event=virtual, kind=OutcomeKind.BARRIER, text="Noted.")
    events["unattended"] = held_event(unit=unit)
    events["planned"] = held_event(unit=unit, status=EventStatus.INVITATIONS_SENT)
    events["last year"] = old = held_event(unit=unit, day=date(today.year - 1, 12, 31), at=time(22),
                                           zone="America/Vancouver")  # fmt: skip
    attendee(old, country=Country.MEXICO)
    Outcome.objects.create(event=old, kind=OutcomeKind.ISSUE, text="Noted.")
    events["conference"] = conference = held_event(kind=EventKind.CONFERENCE, unit=unit, pillars=[second])
    attendee(conference, country=Country.MEXICO)
    attendee(conference, country=Country.MEXICO, category=Category.ACADEMIA)
    attendee(conference, country=Country.CANADA, status=ParticipantStatus.NO_SHOW)
    events["webinar"] = webinar = held_event(kind=EventKind.WEBINAR, unit=other)
    attendee(webinar, country=Country.CANADA)
    events["committee"] = committee = held_event(kind=EventKind.COMMITTEE, unit=other, pillars=[first])
    attendee(committee, country=Country.UNITED_STATES)
    return events, unit


@pytest.mark.parametrize("code", sorted(ROW_COUNT))
def test_every_event_figure_opens_the_list_of_exactly_its_records(client_for, code):
    a_year_of_events()
    today = timezone.localdate()
    definition = REGISTRY[code]
    values = definition.compute(Context(as_of=today))
    client = client_for()
    assert values[("all", "")] > 0
    for (dimension, key), value in values.items():
        link = definition.drilldown(dimension, key, today.replace(month=1, day=1), today, {})
        assert link and link.startswith("/roundtables/?"), (dimension, key)
        rows = list(client.get(f"{link}&size=100").context["events"])
        counted = [ROW_COUNT[code](event) for event in rows]
        # Every row is a record behind the number, and together they make it.
        assert all(n > 0 for n in counted), (dimension, key, link)
        assert sum(counted) == value, (dimension, key, link)


def test_a_countrys_conference_attendance_lists_its_conferences_with_its_attendees(client_for):
    events, unit = a_year_of_events()
    today = timezone.localdate()
    link = REGISTRY["conferences-attended"].drilldown("country", Country.MEXICO, today.replace(month=1, day=1),
                                                      today, {})  # fmt: skip
    assert "kind=conference&kind=workshop&kind=webinar&status=held&status=outcomes_recorded" in link
    rows = client_for().get(link).context["events"]
    assert [(event.pk, event.attended) for event in rows] == [(events["conference"].pk, 2)]


def test_a_units_roundtables_are_its_roundtables_held_this_year(client_for):
    events, unit = a_year_of_events()
    today = timezone.localdate()
    link = REGISTRY["roundtables-held"].drilldown("unit", str(unit.pk), today.replace(month=1, day=1), today, {})
    rows = client_for().get(link).context["events"]
    assert {event.pk for event in rows} == {events["roundtable"].pk, events["unattended"].pk}
