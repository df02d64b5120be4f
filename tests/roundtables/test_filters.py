"""The event list's filters, and the attendees and outcomes each row counts for them."""

from datetime import date, time

import pytest
from django.urls import reverse

from roundtables.choices import EventKind, EventStatus, OutcomeKind, ParticipantStatus
from roundtables.models import Outcome
from stakeholders.choices import Category, Country
from tests.factories.roundtables import attendee, held_event
from tests.factories.strategy import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(client_for):
    client = client_for()

    def get(query):
        return {event.pk: event for event in client.get(reverse("roundtables:event_list") + query).context["events"]}

    return get


def test_several_kinds_and_statuses_at_once(rows):
    conference = held_event(kind=EventKind.CONFERENCE)
    webinar = held_event(kind=EventKind.WEBINAR, status=EventStatus.OUTCOMES_RECORDED)
    held_event(kind=EventKind.ROUNDTABLE)
    held_event(kind=EventKind.CONFERENCE, status=EventStatus.PLANNING)
    found = rows("?kind=conference&kind=webinar&status=held&status=outcomes_recorded")
    assert set(found) == {conference.pk, webinar.pk}


def test_the_unit_is_the_organizing_unit(rows):
    unit = UnitFactory()
    ours = held_event(unit=unit)
    held_event(unit=UnitFactory())
    assert set(rows(f"?unit={unit.pk}")) == {ours.pk}


def test_the_attendee_filters_choose_one_attendee_and_the_row_counts_them(rows):
    event = held_event()
    attendee(event, country=Country.MEXICO, category=Category.CORPORATION)
    attendee(event, country=Country.MEXICO, category=Category.SME)
    attendee(event, country=Country.CANADA, category=Category.NGO)
    attendee(event, country=Country.MEXICO, category=Category.NGO, status=ParticipantStatus.DECLINED)
    nobody = held_event()
    attendee(nobody, country=Country.MEXICO, status=ParticipantStatus.NO_SHOW)

    assert {pk: e.attended for pk, e in rows("").items()} == {event.pk: 3, nobody.pk: 0}
    assert {pk: e.attended for pk, e in rows("?attended=on").items()} == {event.pk: 3}
    assert {pk: e.attended for pk, e in rows("?attendee_country=MX").items()} == {event.pk: 2}
    assert {pk: e.attended for pk, e in rows("?attendee_category=ngo").items()} == {event.pk: 1}
    # From Mexico and a non-governmental organization: the Mexican NGO declined, so nobody is both.
    assert rows("?attendee_country=MX&attendee_category=ngo") == {}


def test_the_outcome_filter_and_the_outcomes_each_row_counts(rows):
    event = held_event(status=EventStatus.OUTCOMES_RECORDED)
    for kind in (OutcomeKind.ISSUE, OutcomeKind.ISSUE, OutcomeKind.BARRIER, OutcomeKind.LESSON):
        Outcome.objects.create(event=event, kind=kind, text="Noted.")
    quiet = held_event()
    assert {pk: e.outcome_count for pk, e in rows("").items()} == {event.pk: 4, quiet.pk: 0}
    assert {pk: e.outcome_count for pk, e in rows("?outcome=issue").items()} == {event.pk: 2}
    assert {pk: e.outcome_count for pk, e in rows("?outcome=barrier&outcome=best_practice").items()} == {event.pk: 1}


def test_the_dates_are_each_events_own_day_as_the_list_shows_it(rows):
    # 22:00 on 31 December in Vancouver: 1 January in Toronto, where the reader is.
    late = held_event(day=date(2025, 12, 31), at=time(22), zone="America/Vancouver")
    # 00:30 on 1 January in Halifax: still 31 December in Toronto.
    early = held_event(day=date(2026, 1, 1), at=time(0, 30), zone="America/Halifax")
    assert set(rows("?starts_after=2026-01-01")) == {early.pk}
    assert set(rows("?starts_before=2025-12-31")) == {late.pk}
    assert set(rows("?starts_after=2025-12-31&starts_before=2026-01-01")) == {late.pk, early.pk}
