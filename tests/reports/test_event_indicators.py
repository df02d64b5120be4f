"""The indicators of goals 2 and 3 on known events: which events count, their attendance and outcomes, the
breakdowns by unit, pillar, country and category, and "no data" until such events are recorded."""

from datetime import date, time

import pytest
from django.utils import timezone

from reports.indicators import REGISTRY, Context
from reports.models import IndicatorValue
from reports.services.snapshots import snapshot_take
from roundtables.choices import EventKind, EventStatus, OutcomeKind, ParticipantStatus
from roundtables.models import Outcome
from stakeholders.choices import Category, Country
from strategy.models import Pillar
from tests.factories.roundtables import EventFactory, attendee, held_event
from tests.factories.stakeholders import OrganizationFactory, log_interaction
from tests.factories.strategy import UnitFactory

pytestmark = pytest.mark.django_db

EVENT_INDICATORS = [
    "conferences-attended",
    "committee-participations",
    "roundtables-held",
    "roundtable-participants",
    "issues-identified",
    "practices-and-lessons",
]


def compute(code, ctx=None):
    return REGISTRY[code].compute(ctx or Context(as_of=timezone.localdate()))


def breakdown(values, dimension):
    """The non-zero values of one breakdown, keyed as the snapshot keys them."""
    return {key: int(value) for (dim, key), value in values.items() if dim == dimension and value}


def outcome(event, kind, text="Harmonize recycled-content standards."):
    return Outcome.objects.create(event=event, kind=kind, text=text)


@pytest.fixture
def pillars():
    return list(Pillar.objects.order_by("pk")[:2])


def test_roundtables_held_are_those_that_took_place_this_year(pillars):
    first, second = pillars
    unit, other = UnitFactory(), UnitFactory()
    held = held_event(unit=unit, pillars=[first])
    attendee(held, country=Country.MEXICO)
    attendee(held, country=Country.MEXICO)
    attendee(held, country=Country.CANADA)
    attendee(held, country=Country.UNITED_STATES, status=ParticipantStatus.DECLINED)
    recorded = held_event(unit=other, pillars=[first, second], status=EventStatus.OUTCOMES_RECORDED)
    attendee(recorded, country=Country.UNITED_STATES)
    held_event(unit=unit)  # held, attendance not taken: counted, in no country
    held_event(unit=unit, status=EventStatus.CANCELLED)
    held_event(unit=unit, status=EventStatus.INVITATIONS_SENT)
    held_event(unit=unit, day=date(timezone.localdate().year - 1, 6, 1))  # last year
    held_event(kind=EventKind.WORKSHOP, unit=unit)  # not a roundtable

    values = compute("roundtables-held")
    assert values[("all", "")] == 3
    assert breakdown(values, "unit") == {str(unit.pk): 2, str(other.pk): 1}
    assert breakdown(values, "pillar") == {str(first.pk): 2, str(second.pk): 1}
    # Once in each country someone attended from; a declined invitation is not attendance.
    assert breakdown(values, "country") == {Country.MEXICO: 1, Country.CANADA: 1, Country.UNITED_STATES: 1}


def test_an_events_day_is_its_day_where_it_happened():
    year = timezone.localdate().year
    # 22:00 in Vancouver on 31 December is already 1 January in Toronto: last year's roundtable.
    held_event(day=date(year - 1, 12, 31), at=time(22), zone="America/Vancouver")
    # 00:30 in Halifax on 1 January is still 31 December in Toronto: this year's.
    this_year = held_event(day=date(year, 1, 1), at=time(0, 30), zone="America/Halifax")
    attendee(this_year)
    assert compute("roundtables-held")[("all", "")] == 1
    assert compute("roundtable-participants")[("all", "")] == 1


def test_participants_count_attendees_by_the_category_and_country_their_invitation_recorded(pillars):
    unit = UnitFactory()
    roundtable = held_event(unit=unit, pillars=pillars[:1])
    company = attendee(roundtable, country=Country.MEXICO, category=Category.CORPORATION)
    attendee(roundtable, country=Country.CANADA, category=Category.NGO)
    attendee(roundtable, country=Country.CANADA, category=Category.GOVERNMENT)
    attendee(roundtable, country=Country.CANADA, category=Category.NGO, status=ParticipantStatus.NO_SHOW)
    attendee(roundtable, country=Country.UNITED_STATES, status=ParticipantStatus.ACCEPTED)
    attendee(held_event(kind=EventKind.CONFERENCE), country=Country.CANADA)  # not a roundtable
    # The organization moved since: the balance of a past roundtable stays as it was.
    company.organization.hq_country = Country.UNITED_STATES
    company.organization.category = Category.SME
    company.organization.save()

    values = compute("roundtable-participants")
    assert values[("all", "")] == 3
    assert breakdown(values, "category") == {Category.CORPORATION: 1, Category.NGO: 1, Category.GOVERNMENT: 1}
    assert breakdown(values, "country") == {Country.MEXICO: 1, Country.CANADA: 2}
    assert breakdown(values, "unit") == {str(unit.pk): 3}
    assert breakdown(values, "pillar") == {str(pillars[0].pk): 3}


def test_conferences_workshops_and_webinars_count_their_attendees_and_committees_theirs(pillars):
    unit = UnitFactory()
    conference = held_event(kind=EventKind.CONFERENCE, unit=unit, pillars=pillars)
    attendee(conference, country=Country.MEXICO)
    attendee(conference, country=Country.MEXICO)
    attendee(conference, country=Country.MEXICO, status=ParticipantStatus.DECLINED)
    attendee(held_event(kind=EventKind.WORKSHOP), country=Country.CANADA)
    attendee(held_event(kind=EventKind.WEBINAR, unit=unit), country=Country.UNITED_STATES)
    committee = held_event(kind=EventKind.COMMITTEE, unit=unit)
    attendee(committee, country=Country.CANADA)
    attendee(committee, country=Country.CANADA, status=ParticipantStatus.NO_SHOW)
    attendee(held_event(kind=EventKind.ROUNDTABLE, unit=unit))

    conferences = compute("conferences-attended")
    assert conferences[("all", "")] == 4
    assert breakdown(conferences, "unit") == {str(unit.pk): 3}
    assert breakdown(conferences, "country") == {Country.MEXICO: 2, Country.CANADA: 1, Country.UNITED_STATES: 1}
    assert breakdown(conferences, "pillar") == {str(pillars[0].pk): 2, str(pillars[1].pk): 2}
    committees = compute("committee-participations")
    assert committees[("all", "")] == 1
    assert breakdown(committees, "country") == {Country.CANADA: 1}
    assert breakdown(committees, "unit") == {str(unit.pk): 1}


def test_outcomes_count_by_type_at_the_roundtables_held(pillars):
    unit = UnitFactory()
    first = held_event(unit=unit, pillars=pillars[:1], status=EventStatus.OUTCOMES_RECORDED)
    attendee(first, country=Country.MEXICO)
    attendee(first, country=Country.CANADA)
    outcome(first, OutcomeKind.ISSUE)
    outcome(first, OutcomeKind.ISSUE, "Creation of networks")
    outcome(first, OutcomeKind.LESSON)
    second = held_event(status=EventStatus.OUTCOMES_RECORDED)
    attendee(second, country=Country.UNITED_STATES)
    outcome(second, OutcomeKind.BEST_PRACTICE)
    outcome(second, OutcomeKind.BARRIER)
    outcome(held_event(kind=EventKind.WORKSHOP, status=EventStatus.OUTCOMES_RECORDED), OutcomeKind.ISSUE)

    issues = compute("issues-identified")
    assert issues[("all", "")] == 2
    assert breakdown(issues, "unit") == {str(unit.pk): 2}
    assert breakdown(issues, "pillar") == {str(pillars[0].pk): 2}
    # In each country the roundtable was attended from.
    assert breakdown(issues, "country") == {Country.MEXICO: 2, Country.CANADA: 2}
    practices = compute("practices-and-lessons")
    assert practices[("all", "")] == 3
    assert breakdown(practices, "unit") == {str(unit.pk): 1}
    assert breakdown(practices, "country") == {Country.MEXICO: 1, Country.CANADA: 1, Country.UNITED_STATES: 2}


def test_without_events_of_their_kind_the_indicators_have_no_data_not_zero():
    # An interaction of the type "Conference or workshop" is not an event: only events are counted.
    log_interaction(OrganizationFactory(), kind="conference")
    for code in EVENT_INDICATORS:
        assert compute(code) == {}, code
    EventFactory(kind=EventKind.ROUNDTABLE)  # planned: the register keeps roundtables, none held yet
    assert compute("roundtables-held") == {("all", ""): 0}
    assert compute("issues-identified") == {("all", ""): 0}
    assert compute("conferences-attended") == {}
    snapshot = snapshot_take()
    stored = IndicatorValue.objects.filter(snapshot=snapshot)
    assert not stored.filter(indicator__code="conferences-attended").exists()  # no data, not zeros
    assert stored.get(indicator__code="roundtables-held", dimension="all").value == 0
    assert stored.filter(indicator__code="roundtables-held", dimension="country", key=Country.MEXICO).get().value == 0


@pytest.mark.parametrize("count", [2, 20])
def test_the_computation_costs_the_same_queries_for_2_or_20_events(django_assert_max_num_queries, count, pillars):
    unit = UnitFactory()
    kinds = list(EventKind.values)
    for n in range(count):
        event = held_event(kind=kinds[n % len(kinds)], unit=unit, pillars=pillars)
        attendee(event, country=[Country.CANADA, Country.MEXICO][n % 2])
        outcome(event, OutcomeKind.values[n % len(OutcomeKind.values)])
    ctx = Context(as_of=timezone.localdate())
    # the kinds of event recorded; the events held this year; their pillars; their attendees by country
    # and category; their outcomes by type — for all six indicators together
    with django_assert_max_num_queries(5):
        values = {code: compute(code, ctx) for code in EVENT_INDICATORS}
    assert sum(values[code].get(("all", ""), 0) for code in ("conferences-attended", "committee-participations",
                                                      "roundtable-participants")) == count  # fmt: skip
