"""The event pages: permissions per role for every write, bad input, the RSVP page, query counts."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Role
from roundtables.choices import EventStatus, OutcomeKind, ParticipantStatus
from roundtables.models import Event, EventAction, Outcome
from roundtables.services.events import event_status_set
from roundtables.services.outcomes import event_action_add, outcome_add
from roundtables.services.participants import participant_rsvp, participants_invite
from stakeholders.choices import Category, Country, Level
from stakeholders.models import Contact, FollowUp
from strategy.models import Pillar
from tests.factories.roundtables import EventFactory, reachable_contact

pytestmark = pytest.mark.django_db
WRITERS = [Role.ADMINISTRATOR, Role.UNIT_LEAD, Role.STAFF]


def invite(event, *contacts):
    participants_invite(event=event, contacts=Contact.objects.filter(pk__in=[c.pk for c in contacts]), by=None)
    return [event.participants.get(contact=c) for c in contacts]


def event_data(**changes):
    data = {
        "kind": "roundtable",
        "title_en": "Food loss and waste roundtable",
        "format": "in_person",
        "time_zone": "America/Mexico_City",
        "starts_at": "2026-03-10T09:00",
        "ends_at": "2026-03-10T13:00",
        "city": "Ciudad de México",
        "country": "MX",
        "target_each_country": "on",
        "target_each_category": "on",
        "target_equity": "0",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# Permissions: everyone reads, writers write, viewers get 403 --------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_everyone_reads_the_list_calendar_issues_page_and_summary(client_for, role):
    event = EventFactory()
    client = client_for(role)
    for url in (
        reverse("roundtables:event_list"),
        reverse("roundtables:event_calendar"),
        reverse("roundtables:issue_list"),
        event.get_absolute_url(),
        reverse("roundtables:event_summary", args=[event.pk]),
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_create_events(client_for, role):
    response = client_for(role).post(reverse("roundtables:event_add"), event_data())
    assert response.status_code == (302 if role in WRITERS else 403)
    assert Event.objects.filter(title_en="Food loss and waste roundtable").exists() is (role in WRITERS)


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_edit_events(client_for, role):
    event = EventFactory()
    url = reverse("roundtables:event_edit", args=[event.pk])
    response = client_for(role).post(url, event_data(title_en="Renamed"))
    assert response.status_code == (302 if role in WRITERS else 403)
    event.refresh_from_db()
    assert (event.title_en == "Renamed") is (role in WRITERS)


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_change_the_status(client_for, role):
    event = EventFactory()
    response = client_for(role).post(reverse("roundtables:event_status", args=[event.pk]), {"status": "cancelled"})
    assert response.status_code == (302 if role in WRITERS else 403)
    event.refresh_from_db()
    assert (event.status == EventStatus.CANCELLED) is (role in WRITERS)


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_invite(client_for, role):
    event = EventFactory()
    contact = reachable_contact()
    url = reverse("roundtables:event_invite", args=[event.pk]) + f"?q={contact.full_name}"
    client = client_for(role)
    assert client.get(url).status_code == (200 if role in WRITERS else 403)
    response = client.post(url, {"contacts": [contact.pk], "role": "speaker"})
    assert response.status_code == (302 if role in WRITERS else 403)
    assert event.participants.filter(contact=contact, role="speaker").exists() is (role in WRITERS)


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_record_answers(client_for, role):
    event = EventFactory()
    (participant,) = invite(event, reachable_contact())
    url = reverse("roundtables:participant_edit", args=[event.pk, participant.pk])
    response = client_for(role).post(url, {"role": "moderator", "status": "accepted"})
    assert response.status_code == (302 if role in WRITERS else 403)
    participant.refresh_from_db()
    assert (participant.status == ParticipantStatus.ACCEPTED) is (role in WRITERS)


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_take_attendance(client_for, role):
    event = EventFactory()
    (participant,) = invite(event, reachable_contact())
    url = reverse("roundtables:event_attendance", args=[event.pk])
    client = client_for(role)
    assert client.get(url).status_code == (200 if role in WRITERS else 403)
    response = client.post(url, {"attended": [participant.pk]})
    assert response.status_code == (302 if role in WRITERS else 403)
    participant.refresh_from_db()
    assert (participant.status == ParticipantStatus.ATTENDED) is (role in WRITERS)


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_record_outcomes_and_actions(client_for, role, make_user):
    event = EventFactory()
    (participant,) = invite(event, reachable_contact())
    client = client_for(role)
    response = client.post(
        reverse("roundtables:outcome_add", args=[event.pk]),
        {"kind": OutcomeKind.ISSUE, "text": "Plastic packaging", "organizations": [participant.organization_id]},
    )
    assert response.status_code == (302 if role in WRITERS else 403)
    assert Outcome.objects.filter(event=event).exists() is (role in WRITERS)
    response = client.post(
        reverse("roundtables:action_add", args=[event.pk]),
        {
            "description": "Share the guide",
            "owner": make_user().pk,
            "due_on": (timezone.localdate() + timedelta(days=5)).isoformat(),
            "organization": participant.organization_id,
        },
    )
    assert response.status_code == (302 if role in WRITERS else 403)
    assert EventAction.objects.filter(event=event).exists() is (role in WRITERS)


def event_with_an_outcome_and_an_action(owner):
    event = EventFactory()
    (participant,) = invite(event, reachable_contact())
    outcome = outcome_add(event=event, kind=OutcomeKind.BARRIER, text="Permits take too long.", by=owner)
    action = event_action_add(
        event=event,
        description="Send the permit guide",
        owner=owner,
        due_on=timezone.localdate() + timedelta(days=7),
        organization=participant.organization,
        outcome=outcome,
    )
    return event, outcome, action


def action_data(action, **changes):
    data = {
        "description": "Call about the permit guide",
        "owner": action.followup.owner_id,
        "due_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
        "organization": action.followup.organization_id,
        "outcome": action.outcome_id or "",
    }
    data.update(changes)
    return data


DELETERS = [Role.ADMINISTRATOR, Role.UNIT_LEAD]  # as for interactions and follow-ups in the register


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_edit_outcomes(client_for, role, make_user):
    event, outcome, _action = event_with_an_outcome_and_an_action(make_user())
    url = reverse("roundtables:outcome_edit", args=[event.pk, outcome.pk])
    client = client_for(role)
    assert client.get(url).status_code == (200 if role in WRITERS else 403)
    response = client.post(url, {"kind": OutcomeKind.LESSON, "text": "Permits need a single window."})
    assert response.status_code == (302 if role in WRITERS else 403)
    outcome.refresh_from_db()
    assert (outcome.kind == OutcomeKind.LESSON) is (role in WRITERS)


@pytest.mark.parametrize("role", list(Role))
def test_only_unit_leads_and_administrators_delete_outcomes_after_confirming(client_for, role, make_user):
    event, outcome, _action = event_with_an_outcome_and_an_action(make_user())
    url = reverse("roundtables:outcome_delete", args=[event.pk, outcome.pk])
    client = client_for(role)
    confirmation = client.get(url)
    assert confirmation.status_code == (200 if role in DELETERS else 403)
    assert Outcome.objects.filter(pk=outcome.pk).exists()  # asking deletes nothing
    if role in DELETERS:
        assert "Permits take too long." in confirmation.content.decode()
    response = client.post(url)
    assert response.status_code == (302 if role in DELETERS else 403)
    assert Outcome.objects.filter(pk=outcome.pk).exists() is (role not in DELETERS)


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_edit_follow_up_actions(client_for, role, make_user):
    event, _outcome, action = event_with_an_outcome_and_an_action(make_user())
    url = reverse("roundtables:action_edit", args=[event.pk, action.pk])
    client = client_for(role)
    assert client.get(url).status_code == (200 if role in WRITERS else 403)
    response = client.post(url, action_data(action))
    assert response.status_code == (302 if role in WRITERS else 403)
    action.followup.refresh_from_db()
    assert (action.followup.description == "Call about the permit guide") is (role in WRITERS)


@pytest.mark.parametrize("role", list(Role))
def test_only_unit_leads_and_administrators_delete_follow_up_actions(client_for, role, make_user):
    event, _outcome, action = event_with_an_outcome_and_an_action(make_user())
    url = reverse("roundtables:action_delete", args=[event.pk, action.pk])
    client = client_for(role)
    assert client.get(url).status_code == (200 if role in DELETERS else 403)
    response = client.post(url)
    assert response.status_code == (302 if role in DELETERS else 403)
    assert EventAction.objects.filter(pk=action.pk).exists() is (role not in DELETERS)
    assert FollowUp.objects.filter(pk=action.followup_id).exists() is (role not in DELETERS)


def test_deleting_needs_the_forms_csrf_token(make_user):
    lead = make_user(Role.UNIT_LEAD)
    event, outcome, action = event_with_an_outcome_and_an_action(lead)
    client = Client(enforce_csrf_checks=True)
    client.force_login(lead, backend="django.contrib.auth.backends.ModelBackend")
    for url in (
        reverse("roundtables:outcome_delete", args=[event.pk, outcome.pk]),
        reverse("roundtables:action_delete", args=[event.pk, action.pk]),
    ):
        assert client.post(url).status_code == 403
    assert Outcome.objects.filter(pk=outcome.pk).exists() and EventAction.objects.filter(pk=action.pk).exists()
    # Through the confirmation page's own form, with its token, it goes.
    url = reverse("roundtables:action_delete", args=[event.pk, action.pk])
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', client.get(url).content.decode()).group(1)
    assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    assert not EventAction.objects.filter(pk=action.pk).exists()


def test_a_deleted_follow_up_action_leaves_its_owners_home_page(make_user, sign_in):
    owner = make_user(Role.STAFF)
    event, _outcome, action = event_with_an_outcome_and_an_action(owner)
    assert "Send the permit guide" in sign_in(owner).get("/").content.decode()
    sign_in(make_user(Role.UNIT_LEAD)).post(reverse("roundtables:action_delete", args=[event.pk, action.pk]))
    assert "Send the permit guide" not in sign_in(owner).get("/").content.decode()


def test_an_edited_follow_up_action_moves_to_its_new_owners_home_page(make_user, sign_in):
    first, second = make_user(Role.STAFF), make_user(Role.STAFF)
    event, _outcome, action = event_with_an_outcome_and_an_action(first)
    url = reverse("roundtables:action_edit", args=[event.pk, action.pk])
    response = sign_in(first).post(url, action_data(action, owner=second.pk))
    assert response.status_code == 302
    assert "Call about the permit guide" not in sign_in(first).get("/").content.decode()
    assert "Call about the permit guide" in sign_in(second).get("/").content.decode()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"due_on": ""}, "due_on"),
        ({"due_on": "not-a-date"}, "due_on"),
        ({"description": ""}, "description"),
        ({"owner": ""}, "owner"),
        ({"organization": "0"}, "organization"),
    ],
)
def test_a_follow_up_action_is_not_saved_with_bad_input(client_for, make_user, changes, field):
    event, _outcome, action = event_with_an_outcome_and_an_action(make_user())
    url = reverse("roundtables:action_edit", args=[event.pk, action.pk])
    response = client_for().post(url, action_data(action, **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    action.followup.refresh_from_db()
    assert action.followup.description == "Send the permit guide"


def test_a_follow_up_action_cannot_follow_another_events_outcome(client_for, make_user):
    owner = make_user()
    event, _outcome, action = event_with_an_outcome_and_an_action(owner)
    _other, elsewhere, _ = event_with_an_outcome_and_an_action(owner)
    url = reverse("roundtables:action_edit", args=[event.pk, action.pk])
    response = client_for().post(url, action_data(action, outcome=elsewhere.pk))
    assert response.status_code == 200 and "outcome" in response.context["form"].errors


@pytest.mark.parametrize("changes, field", [({"text": "  "}, "text"), ({"kind": "rumour"}, "kind")])
def test_an_outcome_is_not_saved_with_bad_input(client_for, make_user, changes, field):
    event, outcome, _action = event_with_an_outcome_and_an_action(make_user())
    url = reverse("roundtables:outcome_edit", args=[event.pk, outcome.pk])
    response = client_for().post(url, {"kind": OutcomeKind.ISSUE, "text": "Packaging", **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.text) == (OutcomeKind.BARRIER, "Permits take too long.")


def test_an_outcome_or_action_of_another_event_is_not_found(client_for, make_user):
    owner = make_user()
    event, outcome, action = event_with_an_outcome_and_an_action(owner)
    other = EventFactory()
    client = client_for(Role.ADMINISTRATOR)
    for name, pk in (("outcome_edit", outcome.pk), ("outcome_delete", outcome.pk), ("action_edit", action.pk),
                     ("action_delete", action.pk)):  # fmt: skip
        assert client.get(reverse(f"roundtables:{name}", args=[other.pk, pk])).status_code == 404


def test_the_event_page_offers_edit_and_delete_by_role(client_for, make_user):
    event, outcome, action = event_with_an_outcome_and_an_action(make_user())
    links = {
        "edit": [
            reverse("roundtables:outcome_edit", args=[event.pk, outcome.pk]),
            reverse("roundtables:action_edit", args=[event.pk, action.pk]),
        ],
        "delete": [
            reverse("roundtables:outcome_delete", args=[event.pk, outcome.pk]),
            reverse("roundtables:action_delete", args=[event.pk, action.pk]),
        ],
    }
    for role, shown in ((Role.VIEWER, set()), (Role.STAFF, {"edit"}), (Role.UNIT_LEAD, {"edit", "delete"})):
        body = client_for(role).get(event.get_absolute_url()).content.decode()
        for kind, urls in links.items():
            assert all((url in body) is (kind in shown) for url in urls), (role, kind)


def test_a_viewer_sees_no_write_buttons(client_for):
    event = EventFactory()
    body = client_for(Role.VIEWER).get(event.get_absolute_url()).content.decode()
    assert reverse("roundtables:event_invite", args=[event.pk]) not in body
    assert reverse("roundtables:event_attendance", args=[event.pk]) not in body


# Bad input through the form ------------------------------------------------------------------------------


def test_the_form_refuses_an_end_before_the_start(client_for):
    response = client_for().post(reverse("roundtables:event_add"), event_data(ends_at="2026-03-10T08:00"))
    assert response.status_code == 200
    assert "ends_at" in response.context["form"].errors
    assert not Event.objects.exists()


def test_the_form_refuses_a_missing_time_zone(client_for):
    response = client_for().post(reverse("roundtables:event_add"), event_data(time_zone=""))
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    assert not Event.objects.exists()


def test_the_event_page_shows_the_time_where_the_event_happens_whatever_the_readers_zone(client_for):
    start = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("America/Mexico_City"))
    event = EventFactory(time_zone="America/Mexico_City", starts_at=start, ends_at=start + timedelta(hours=4),
                         city="Ciudad de México", country=Country.MEXICO)  # fmt: skip
    reader = client_for(preferred_language="fr", time_zone="America/Vancouver")
    body = reader.get(event.get_absolute_url()).content.decode()
    assert "10 mars 2026, 09:00–13:00" in body  # in Mexico City, as the label beside it says
    assert "10 mars 2026 08:00 dans votre fuseau horaire (Vancouver (heure du Pacifique))" in body
    assert "10 mars 2026, 09:00–13:00" in reader.get(reverse("roundtables:event_list")).content.decode()


def test_times_are_read_in_the_events_time_zone_and_stored_in_utc(client_for):
    client_for().post(reverse("roundtables:event_add"), event_data())
    event = Event.objects.get()
    assert event.starts_local.hour == 9 and str(event.starts_local.tzinfo) == "America/Mexico_City"
    assert event.starts_at.astimezone(UTC).hour == 15  # Mexico City is UTC-6 all year


def test_a_capacity_below_those_coming_is_saved_with_a_warning(client_for):
    event = EventFactory(capacity=10)
    for participant in invite(event, reachable_contact(), reachable_contact()):
        participant_rsvp(participant=participant, accept=True)
    data = event_data(capacity="1", starts_at=event.starts_local.strftime("%Y-%m-%dT%H:%M"),
                      ends_at=event.ends_local.strftime("%Y-%m-%dT%H:%M"), time_zone=event.time_zone)  # fmt: skip
    response = client_for().post(reverse("roundtables:event_edit", args=[event.pk]), data, follow=True)
    event.refresh_from_db()
    assert event.capacity == 1
    assert "no new acceptance will be taken" in response.content.decode()


def test_inviting_the_same_contact_twice_from_the_page_keeps_one(client_for):
    event = EventFactory()
    contact = reachable_contact()
    client = client_for()
    url = reverse("roundtables:event_invite", args=[event.pk]) + f"?q={contact.full_name}"
    client.post(url, {"contacts": [contact.pk], "role": "participant"})
    response = client.post(url, {"contacts": [contact.pk], "role": "participant"})
    assert response.status_code == 200  # the contact is no longer offered
    assert event.participants.count() == 1


def test_invite_lists_contacts_chosen_with_the_contact_filters(client_for):
    event = EventFactory()
    canadian = reachable_contact(country=Country.CANADA)
    Contact.objects.filter(pk=canadian.pk).update(country=Country.CANADA)
    mexican = reachable_contact()
    response = client_for().get(reverse("roundtables:event_invite", args=[event.pk]) + "?country=CA")
    assert [c.pk for c in response.context["shown"]] == [canadian.pk]
    assert mexican.pk not in [c.pk for c in response.context["shown"]]


# The RSVP page (no account) -------------------------------------------------------------------------------


def future_event(**kwargs):
    start = timezone.now() + timedelta(days=14)
    return EventFactory(starts_at=start, ends_at=start + timedelta(hours=3), **kwargs)


def test_rsvp_accept_and_decline_without_an_account(client):
    event = future_event()
    (participant,) = invite(event, reachable_contact(language="fr"))
    url = reverse("roundtables:rsvp", args=[participant.token])
    page = client.get(url)
    assert page.status_code == 200
    assert "Table ronde sur l" in page.content.decode()
    response = client.post(url, {"answer": "accept"})
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.status == ParticipantStatus.ACCEPTED and participant.responded_at
    client.post(url, {"answer": "decline"})
    participant.refresh_from_db()
    assert participant.status == ParticipantStatus.DECLINED


def test_rsvp_for_a_cancelled_event_shows_a_polite_page(client):
    event = future_event()
    (participant,) = invite(event, reachable_contact())
    event_status_set(event=event, status=EventStatus.CANCELLED)
    url = reverse("roundtables:rsvp", args=[participant.token])
    for response in (client.get(url), client.post(url, {"answer": "accept"})):
        assert response.status_code == 410
        assert "cancelled" in response.content.decode()
    participant.refresh_from_db()
    assert participant.status == ParticipantStatus.INVITED


def test_cancelling_from_the_event_page_emails_those_invited(
    client_for, django_capture_on_commit_callbacks, inline_tasks, mailoutbox
):
    event = future_event()
    with django_capture_on_commit_callbacks(execute=True):
        (participant,) = invite(event, reachable_contact(language="es", email="juan@example.org"))
    mailoutbox.clear()
    url = reverse("roundtables:event_status", args=[event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for().post(url, {"status": "cancelled"}, follow=True)
    assert "told by email" in response.content.decode()
    (notice,) = mailoutbox
    assert notice.to == ["juan@example.org"] and notice.subject.startswith("Cancelación:")
    assert "METHOD:CANCEL" in notice.attachments[0][1]
    rsvp = client_for().get(reverse("roundtables:rsvp", args=[participant.token]))
    assert rsvp.status_code == 410


def test_rsvp_for_a_full_event_is_refused_politely(client):
    event = future_event(capacity=1)
    first, second = invite(event, reachable_contact(), reachable_contact())
    participant_rsvp(participant=first, accept=True)
    response = client.post(reverse("roundtables:rsvp", args=[second.token]), {"answer": "accept"})
    assert response.status_code == 409
    second.refresh_from_db()
    assert second.status == ParticipantStatus.INVITED


def test_an_unknown_rsvp_link_is_a_polite_404(client):
    response = client.get(reverse("roundtables:rsvp", args=["not-a-token"]))
    assert response.status_code == 404
    assert "not recognized" in response.content.decode()


def test_the_rsvp_page_offers_the_calendar_file(client):
    event = future_event()
    (participant,) = invite(event, reachable_contact())
    response = client.get(reverse("roundtables:rsvp_calendar", args=[participant.token]))
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar"
    assert b"BEGIN:VEVENT" in response.content


def test_the_rsvp_page_is_rate_limited(client, settings):
    settings.RATELIMIT_ENABLE = True
    from django.core.cache import cache

    cache.clear()
    statuses = [client.get(reverse("roundtables:rsvp", args=["x"])).status_code for _ in range(61)]
    assert statuses[-1] == 429


# Attendance moves the ladder; follow-ups reach the home page ---------------------------------------------


def test_attendance_from_the_checklist_moves_the_organizations_level(client_for):
    event = EventFactory()
    (participant,) = invite(event, reachable_contact())
    assert participant.organization.engagement_level is None
    client_for().post(reverse("roundtables:event_attendance", args=[event.pk]), {"attended": [participant.pk]})
    participant.organization.refresh_from_db()
    assert participant.organization.engagement_level == Level.ACTIVE


def test_a_follow_up_action_appears_on_its_owners_home_page(make_user, sign_in):
    owner = make_user(Role.STAFF)
    event = EventFactory()
    (participant,) = invite(event, reachable_contact())
    sign_in(owner).post(
        reverse("roundtables:action_add", args=[event.pk]),
        {
            "description": "Send the circular economy guide",
            "owner": owner.pk,
            "due_on": (timezone.localdate() + timedelta(days=5)).isoformat(),
            "organization": participant.organization_id,
        },
    )
    assert "Send the circular economy guide" in sign_in(owner).get("/").content.decode()


def test_the_balance_warning_shows_on_the_event_page_until_the_mix_is_right(client_for):
    event = EventFactory()
    people = [
        reachable_contact(category=Category.GOVERNMENT, country=Country.CANADA),
        reachable_contact(category=Category.CORPORATION, country=Country.MEXICO),
        reachable_contact(category=Category.NGO, country=Country.UNITED_STATES),
    ]
    participants = invite(event, *people)
    client = client_for()
    assert 'id="balance-warning"' in client.get(event.get_absolute_url()).content.decode()
    for participant in participants:
        participant_rsvp(participant=participant, accept=True)
    body = client.get(event.get_absolute_url()).content.decode()
    assert 'id="balance-warning"' not in body and 'id="balance-ok"' in body


# Filters and calendar -------------------------------------------------------------------------------------


def test_the_list_filters_by_kind_status_pillar_country_and_date(client_for):
    pillar = Pillar.objects.first()
    roundtable = EventFactory()
    roundtable.pillars.set([pillar])
    webinar = EventFactory(kind="webinar", format="virtual", link="https://meet.example.org/x", city="", country="US")
    client = client_for()
    url = reverse("roundtables:event_list")

    def found(query):
        return {e.pk for e in client.get(url + query).context["events"]}

    assert found("?kind=webinar") == {webinar.pk}
    assert found(f"?pillar={pillar.pk}") == {roundtable.pk}
    assert found("?country=US") == {webinar.pk}
    assert found("?status=planning") == {roundtable.pk, webinar.pk}
    day = timezone.localdate()
    assert found(f"?starts_after={(day + timedelta(days=2)).isoformat()}") == set()


def test_the_calendar_places_events_on_their_day(client_for):
    event = EventFactory()
    response = client_for().get(reverse("roundtables:event_calendar"))
    days = [events for week in response.context["weeks"] for _day, events in week]
    assert any(event in events for events in days)


# Query counts ---------------------------------------------------------------------------------------------


def spread(count):
    for n in range(count):
        EventFactory(kind=["roundtable", "webinar"][n % 2], format="in_person")


@pytest.mark.parametrize("count", [2, 50])
def test_the_event_list_costs_a_fixed_number_of_queries(client_for, django_assert_max_num_queries, count):
    spread(count)
    client = client_for(Role.STAFF)
    pillar = Pillar.objects.first()
    # session, user, permissions (2), the chosen pillar, count, rows with their units and counts,
    # the filter's pillar choices
    with django_assert_max_num_queries(9):
        response = client.get(reverse("roundtables:event_list") + f"?pillar={pillar.pk}&size=100")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 40])
def test_the_event_page_costs_a_fixed_number_of_queries(client_for, django_assert_max_num_queries, count):
    event = EventFactory()
    participants = invite(event, *(reachable_contact() for _ in range(count)))
    for participant in participants[:2]:
        participant_rsvp(participant=participant, accept=True)
    Outcome.objects.create(event=event, kind=OutcomeKind.ISSUE, text="Packaging")
    client = client_for(Role.STAFF)
    # session, user, permissions (2), event with unit, pillars, goals, objectives, actions, outcomes with
    # their pillars and organizations (3), actions, participants with contacts and organizations;
    # the forms: organizations of the event (2), outcomes, owners, pillars, units (status form none)
    with django_assert_max_num_queries(22):
        response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert response.context["balance"].invited == count
