"""The demo events of ``seed_demo``: made through the services, once, without mailing anyone."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.choices import Role
from roundtables.choices import EmailStatus, EventKind, EventStatus, ParticipantStatus
from roundtables.demo import seed_demo_events
from roundtables.models import Event
from stakeholders.choices import Category, Country, Level
from stakeholders.selectors import open_followups_for
from tests.factories.roundtables import reachable_contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(make_user):
    people = [make_user(Role.UNIT_LEAD), make_user(Role.STAFF)]
    for country in (Country.CANADA, Country.MEXICO, Country.UNITED_STATES):
        for category in (Category.CORPORATION, Category.INDUSTRY_ASSOCIATION, Category.NGO, Category.CORPORATION):
            reachable_contact(country=country, category=category)
    return people


def test_the_demo_has_a_held_roundtable_an_upcoming_conference_and_a_webinar_in_planning(
    register, django_capture_on_commit_callbacks, inline_tasks
):
    lead, staff = register
    with django_capture_on_commit_callbacks(execute=True):
        assert seed_demo_events(register) == 3
    assert mail.outbox == []  # made-up addresses: the demo's invitations count as sent, none is mailed

    today = timezone.localdate()
    roundtable, conference, webinar = (Event.objects.get(kind=kind) for kind in
                                       (EventKind.ROUNDTABLE, EventKind.CONFERENCE, EventKind.WEBINAR))  # fmt: skip
    assert roundtable.status == EventStatus.OUTCOMES_RECORDED and roundtable.starts_local.date() < today
    statuses = set(roundtable.participants.values_list("status", flat=True))
    assert {ParticipantStatus.ATTENDED, ParticipantStatus.NO_SHOW, ParticipantStatus.DECLINED} <= statuses
    attended = roundtable.participants.filter(status=ParticipantStatus.ATTENDED).select_related("organization")
    assert attended and all(p.organization.engagement_level >= Level.ACTIVE for p in attended)
    assert roundtable.outcomes.count() == 4 and roundtable.follow_up_actions.count() == 1
    assert list(open_followups_for(staff)) == [roundtable.follow_up_actions.get().followup]
    assert {p.country for p in roundtable.participants.all()} == {"CA", "MX", "US"}

    assert conference.status == EventStatus.INVITATIONS_SENT and conference.starts_local.date() > today
    assert set(conference.participants.values_list("email_status", flat=True)) == {EmailStatus.SENT}
    answers = set(conference.participants.values_list("status", flat=True))
    assert answers == {ParticipantStatus.INVITED, ParticipantStatus.ACCEPTED, ParticipantStatus.DECLINED}

    assert webinar.status == EventStatus.PLANNING and webinar.starts_local.date() <= today + timedelta(days=3)


def test_the_demo_events_are_made_once(register):
    seed_demo_events(register)
    before = list(Event.objects.values_list("pk", "status"))
    assert seed_demo_events(register) == 0
    assert list(Event.objects.values_list("pk", "status")) == before
