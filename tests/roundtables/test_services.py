"""Events, invitations, answers, attendance, balance and outcomes, through the services."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from accounts.choices import Role
from roundtables.choices import EmailStatus, EventStatus, OutcomeKind, ParticipantStatus
from roundtables.models import Event, EventAction, Outcome, Participant
from roundtables.selectors import event_balance, issues_across_events, recurring_pillars
from roundtables.services.events import event_save, event_status_set
from roundtables.services.invitations import event_ics, invitations_send_queued
from roundtables.services.outcomes import (
    event_action_add,
    event_action_delete,
    event_action_update,
    outcome_add,
    outcome_delete,
    outcome_update,
)
from roundtables.services.participants import (
    EventFull,
    attendance_mark,
    attendance_mark_many,
    participant_rsvp,
    participant_update,
    participants_invite,
)
from stakeholders.choices import Category, Country, Level
from stakeholders.models import Contact, FollowUp, InteractionType
from stakeholders.selectors import open_followups_for
from strategy.models import Pillar
from tests.factories.roundtables import EventFactory, reachable_contact
from tests.factories.stakeholders import log_interaction

pytestmark = pytest.mark.django_db


def invite(event, *contacts, role="participant", by=None):
    return participants_invite(
        event=event, contacts=Contact.objects.filter(pk__in=[c.pk for c in contacts]), role=role, by=by
    )


# Bad input ---------------------------------------------------------------------------------------------


def test_it_refuses_an_end_before_the_start():
    start = timezone.now()
    with pytest.raises(ValidationError) as error:
        EventFactory(starts_at=start, ends_at=start - timedelta(minutes=1))
    assert "ends_at" in error.value.message_dict


def test_it_refuses_an_event_without_a_time_zone():
    with pytest.raises(ValidationError) as error:
        EventFactory(time_zone="")
    assert "time_zone" in error.value.message_dict


def test_it_refuses_a_time_zone_outside_the_three_countries():
    with pytest.raises(ValidationError) as error:
        EventFactory(time_zone="Europe/Paris")
    assert "time_zone" in error.value.message_dict


def test_inviting_a_contact_twice_keeps_one_invitation(staff_user):
    event = EventFactory()
    contact = reachable_contact()
    assert invite(event, contact, by=staff_user) == 1
    assert invite(event, contact, by=staff_user) == 0
    assert Participant.objects.filter(event=event, contact=contact).count() == 1


def test_only_reachable_contacts_are_invited(staff_user):
    event = EventFactory()
    reachable = reachable_contact()
    unreachable = reachable_contact()
    Contact.objects.filter(pk=unreachable.pk).update(opted_out=True)
    assert invite(event, reachable, unreachable, by=staff_user) == 1


def test_a_capacity_below_those_coming_is_saved_but_refuses_new_acceptances(staff_user):
    event = EventFactory(capacity=5)
    first, second, third = (reachable_contact() for _ in range(3))
    invite(event, first, second, third, by=staff_user)
    p1, p2, p3 = Participant.objects.filter(event=event).order_by("id")
    participant_rsvp(participant=p1, accept=True)
    participant_rsvp(participant=p2, accept=True)
    event.capacity = 1
    event_save(event=event)  # saved: nobody is turned away after the fact
    balance = event_balance(event)
    assert any("capacity" in warning for warning in balance.warnings)
    with pytest.raises(EventFull):
        participant_rsvp(participant=p3, accept=True)
    with pytest.raises(EventFull):
        participant_update(participant=p3, status=ParticipantStatus.ACCEPTED)
    participant_rsvp(participant=p3, accept=False)  # a decline always goes through
    p3.refresh_from_db()
    assert p3.status == ParticipantStatus.DECLINED


def test_no_answer_is_taken_once_the_event_is_cancelled(staff_user):
    event = EventFactory(
        starts_at=timezone.now() + timedelta(days=10), ends_at=timezone.now() + timedelta(days=10, hours=2)
    )
    invite(event, reachable_contact(), by=staff_user)
    event_status_set(event=event, status=EventStatus.CANCELLED)
    with pytest.raises(ValidationError):
        participant_rsvp(participant=event.participants.get(), accept=True)
    with pytest.raises(ValidationError):
        invite(event, reachable_contact(), by=staff_user)


def test_status_moves_forward_only_and_a_held_event_cannot_be_cancelled(staff_user):
    event = EventFactory()
    event_status_set(event=event, status=EventStatus.HELD)
    with pytest.raises(ValidationError):
        event_status_set(event=event, status=EventStatus.PLANNING)
    with pytest.raises(ValidationError):
        event_status_set(event=event, status=EventStatus.CANCELLED)


# Invitations and emails --------------------------------------------------------------------------------


def test_invitations_are_emailed_in_each_contacts_language_with_an_rsvp_link_and_a_calendar_file(
    staff_user, django_capture_on_commit_callbacks, inline_tasks
):
    event = EventFactory(
        starts_at=timezone.now() + timedelta(days=10), ends_at=timezone.now() + timedelta(days=10, hours=2)
    )
    french = reachable_contact(language="fr", country=Country.CANADA)
    spanish = reachable_contact(language="es")
    with django_capture_on_commit_callbacks(execute=True):
        assert invite(event, french, spanish, by=staff_user) == 2
    event.refresh_from_db()
    assert event.status == EventStatus.INVITATIONS_SENT
    assert len(mail.outbox) == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    fr, es = by_address[french.email], by_address[spanish.email]
    assert fr.subject.startswith("Invitation : Table ronde") and es.subject.startswith("Invitación: Mesa redonda")
    assert "Quand\u00a0:" in fr.body and "Cuándo:" in es.body
    for message, contact in ((fr, french), (es, spanish)):
        participant = Participant.objects.get(contact=contact)
        assert f"/r/{participant.token}/" in message.body
        assert participant.email_status == EmailStatus.SENT
        name, content, mimetype = message.attachments[0]
        assert name == "invitation.ics" and mimetype == "text/calendar"
        calendar = Calendar.from_ical(content)
        vevent = calendar.walk("VEVENT")[0]
        assert vevent.decoded("dtstart") == event.starts_local.replace(microsecond=0)
        assert str(vevent["dtstart"].params["TZID"]) == "America/Toronto"
        assert calendar.walk("VTIMEZONE")
    # Safe to run twice: nothing is queued any more.
    assert invitations_send_queued(event_id=event.pk, base_url="http://testserver").sent == 0


def test_a_failed_email_is_recorded_on_the_invitation(settings, staff_user):
    settings.EMAIL_BACKEND = "tests.surveys.failing_backend.EmailBackend"
    event = EventFactory()
    invite(event, reachable_contact(), by=staff_user)
    assert invitations_send_queued(event_id=event.pk, base_url="http://testserver").sent == 0
    participant = event.participants.get()
    assert participant.email_status == EmailStatus.FAILED and participant.email_error


def test_the_calendar_file_holds_the_event_in_its_own_time_zone():
    start = timezone.now().replace(microsecond=0) + timedelta(days=3)
    event = EventFactory(time_zone="America/Mexico_City", starts_at=start, ends_at=start + timedelta(hours=2),
                         city="Ciudad de México", country=Country.MEXICO)  # fmt: skip
    calendar = Calendar.from_ical(event_ics(event))
    vevent = calendar.walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == start
    assert vevent.decoded("dtend") - vevent.decoded("dtstart") == timedelta(hours=2)
    assert str(vevent["dtstart"].params["TZID"]) == "America/Mexico_City"
    assert "Ciudad de México" in str(vevent["location"])
    assert str(vevent["summary"]) == event.title_en


# Balance -----------------------------------------------------------------------------------------------


def test_balance_counts_those_coming_against_the_targets(staff_user):
    event = EventFactory(target_equity=1)
    canada_gov = reachable_contact(category=Category.GOVERNMENT, country=Country.CANADA)
    mexico_corp = reachable_contact(category=Category.CORPORATION, country=Country.MEXICO)
    us_ngo = reachable_contact(category=Category.NGO, country=Country.UNITED_STATES,
                               organization={"equity_led_by": True, "equity_indigenous": True})  # fmt: skip
    invite(event, canada_gov, mexico_corp, us_ngo, by=staff_user)
    participants = {p.contact_id: p for p in event.participants.all()}
    assert participants[us_ngo.pk].equity_focus is True

    balance = event_balance(event)
    assert balance.invited == 3 and balance.coming == 0
    assert len(balance.warnings) == 3  # countries, categories, equity

    participant_rsvp(participant=participants[canada_gov.pk], accept=True)
    participant_rsvp(participant=participants[mexico_corp.pk], accept=True)
    balance = event_balance(event)
    assert balance.coming == 2
    assert {str(label): (i, c) for label, i, c in balance.by_country}["United States"] == (1, 0)
    assert {str(label): (i, c) for label, i, c in balance.by_category}["Government"] == (1, 1)
    assert any("United States" in w for w in balance.warnings)
    assert any("Non-governmental organization" in w for w in balance.warnings)

    participant_rsvp(participant=participants[us_ngo.pk], accept=True)
    balance = event_balance(event)
    assert balance.warnings == [] and balance.equity_coming == 1


def test_targets_switched_off_give_no_warning(staff_user):
    event = EventFactory(target_each_country=False, target_each_category=False)
    invite(event, reachable_contact(), by=staff_user)
    assert event_balance(event).warnings == []


# Attendance moves the ladder ----------------------------------------------------------------------------


def test_attendance_logs_an_active_interaction_and_moves_the_organizations_level(staff_user):
    event = EventFactory()
    contact = reachable_contact()
    organization = contact.organization
    log_interaction(organization, kind="information-shared")
    organization.refresh_from_db()
    assert organization.engagement_level == Level.PASSIVE
    invite(event, contact, by=staff_user)
    participant = event.participants.get()

    attendance_mark(participant=participant, attended=True, by=staff_user)

    organization.refresh_from_db()
    participant.refresh_from_db()
    assert organization.engagement_level == Level.ACTIVE
    assert participant.status == ParticipantStatus.ATTENDED
    interaction = participant.interaction
    assert interaction.kind == InteractionType.objects.get(code="roundtable")
    assert interaction.occurred_on == event.starts_local.date()
    assert list(interaction.contacts.all()) == [contact]
    event.refresh_from_db()
    assert event.status == EventStatus.HELD

    # Marked by mistake: the interaction goes, and the level comes back down.
    attendance_mark(participant=participant, attended=False, by=staff_user)
    organization.refresh_from_db()
    participant.refresh_from_db()
    assert participant.status == ParticipantStatus.NO_SHOW and participant.interaction is None
    assert organization.engagement_level == Level.PASSIVE


def test_attendance_is_not_taken_before_the_event_day(staff_user):
    start = timezone.now() + timedelta(days=3)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    invite(event, reachable_contact(), by=staff_user)
    with pytest.raises(ValidationError):
        attendance_mark(participant=event.participants.get(), attended=True, by=staff_user)


def test_the_checklist_marks_ticked_attended_and_expected_others_no_show(staff_user):
    event = EventFactory()
    came, stayed_away, declined = (reachable_contact() for _ in range(3))
    invite(event, came, stayed_away, declined, by=staff_user)
    p_came, p_away, p_declined = (event.participants.get(contact=c) for c in (came, stayed_away, declined))
    participant_rsvp(participant=p_away, accept=True)
    participant_rsvp(participant=p_declined, accept=False)
    attendance_mark_many(event=event, attended=[p_came.pk], by=staff_user)
    statuses = dict(event.participants.values_list("contact_id", "status"))
    assert statuses == {
        came.pk: ParticipantStatus.ATTENDED,
        stayed_away.pk: ParticipantStatus.NO_SHOW,
        declined.pk: ParticipantStatus.DECLINED,
    }


# Outcomes and follow-ups ---------------------------------------------------------------------------------


def test_follow_up_actions_appear_in_the_owners_follow_ups(make_user):
    owner = make_user(Role.STAFF)
    event = EventFactory()
    contact = reachable_contact()
    invite(event, contact, by=owner)
    outcome = outcome_add(event=event, kind=OutcomeKind.BARRIER, text="Permits take too long.", by=owner)
    action = event_action_add(
        event=event,
        description="Send the permit guide",
        owner=owner,
        due_on=timezone.localdate() + timedelta(days=7),
        organization=contact.organization,
        outcome=outcome,
    )
    assert action.followup in list(open_followups_for(owner))


def held_event_with_an_action(owner):
    """A held event with one outcome and a follow-up action on it, owned by ``owner``."""
    event = EventFactory()
    contact = reachable_contact()
    invite(event, contact, by=owner)
    event_status_set(event=event, status=EventStatus.HELD)
    outcome = outcome_add(event=event, kind=OutcomeKind.BARRIER, text="Permits take too long.", by=owner)
    action = event_action_add(
        event=event,
        description="Send the permit guide",
        owner=owner,
        due_on=timezone.localdate() + timedelta(days=7),
        organization=contact.organization,
        outcome=outcome,
    )
    return event, outcome, action


def test_an_outcome_is_corrected(staff_user):
    event, outcome, _action = held_event_with_an_action(staff_user)
    pillar = Pillar.objects.first()
    organization = event.participants.get().organization
    outcome_update(outcome=outcome, kind=OutcomeKind.LESSON, text="  Permits need a single window.  ",
                   pillars=[pillar], organizations=[organization])  # fmt: skip
    outcome = Outcome.objects.get(pk=outcome.pk)
    assert (outcome.kind, outcome.text) == (OutcomeKind.LESSON, "Permits need a single window.")
    assert list(outcome.pillars.all()) == [pillar] and list(outcome.organizations.all()) == [organization]


@pytest.mark.parametrize("kind, text", [("", "Text"), ("rumour", "Text"), (OutcomeKind.ISSUE, "   ")])
def test_an_outcome_is_not_corrected_into_nonsense(staff_user, kind, text):
    _event, outcome, _action = held_event_with_an_action(staff_user)
    with pytest.raises(ValidationError):
        outcome_update(outcome=outcome, kind=kind, text=text)
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.text) == (OutcomeKind.BARRIER, "Permits take too long.")


def test_deleting_an_outcome_keeps_its_actions_and_the_last_one_puts_the_event_back_to_held(staff_user):
    event, outcome, action = held_event_with_an_action(staff_user)
    event.refresh_from_db()
    assert event.status == EventStatus.OUTCOMES_RECORDED
    outcome_delete(outcome=outcome)
    action.refresh_from_db()
    event.refresh_from_db()
    assert not Outcome.objects.filter(pk=outcome.pk).exists()
    assert action.outcome is None and action.followup in list(open_followups_for(staff_user))
    assert event.status == EventStatus.HELD


def test_deleting_one_of_two_outcomes_keeps_the_event_at_outcomes_recorded(staff_user):
    event, outcome, _action = held_event_with_an_action(staff_user)
    outcome_add(event=event, kind=OutcomeKind.ISSUE, text="Plastic packaging", by=staff_user)
    outcome_delete(outcome=outcome)
    event.refresh_from_db()
    assert event.status == EventStatus.OUTCOMES_RECORDED


def test_a_follow_up_action_moves_to_its_new_owner(make_user):
    first, second = make_user(Role.STAFF), make_user(Role.STAFF)
    event, _outcome, action = held_event_with_an_action(first)
    due = timezone.localdate() + timedelta(days=30)
    event_action_update(action=action, description="Call about the permit guide", owner=second, due_on=due,
                        organization=action.followup.organization, outcome=None)  # fmt: skip
    followup = FollowUp.objects.get(pk=action.followup_id)
    assert (followup.description, followup.owner, followup.due_on) == ("Call about the permit guide", second, due)
    assert EventAction.objects.get(pk=action.pk).outcome is None
    assert followup not in list(open_followups_for(first))
    assert followup in list(open_followups_for(second))


def test_a_follow_up_action_needs_a_due_date_and_an_outcome_of_its_own_event(staff_user):
    event, outcome, action = held_event_with_an_action(staff_user)
    organization = action.followup.organization
    with pytest.raises(ValidationError) as error:
        event_action_update(action=action, description="x", owner=staff_user, due_on=None, organization=organization)
    assert "due_on" in error.value.message_dict
    _other, elsewhere, _ = held_event_with_an_action(staff_user)
    with pytest.raises(ValidationError) as error:
        event_action_update(action=action, description="x", owner=staff_user, due_on=timezone.localdate(),
                            organization=organization, outcome=elsewhere)  # fmt: skip
    assert "outcome" in error.value.message_dict
    followup = FollowUp.objects.get(pk=action.followup_id)
    assert followup.description == "Send the permit guide" and followup.due_on is not None


def test_deleting_a_follow_up_action_removes_it_from_its_owners_follow_ups(staff_user):
    _event, _outcome, action = held_event_with_an_action(staff_user)
    followup = action.followup
    assert followup in list(open_followups_for(staff_user))
    event_action_delete(action=action)
    assert not EventAction.objects.filter(pk=action.pk).exists()
    assert not FollowUp.objects.filter(pk=followup.pk).exists()
    assert list(open_followups_for(staff_user)) == []


def test_issues_of_common_interest_are_listed_across_events_with_their_recurring_pillars(staff_user):
    pillar = Pillar.objects.first()
    first, second = EventFactory(), EventFactory()
    for event in (first, second):
        event_status_set(event=event, status=EventStatus.HELD)
        outcome_add(event=event, kind=OutcomeKind.ISSUE, text="Plastic packaging", by=staff_user, pillars=[pillar])
    outcome_add(event=first, kind=OutcomeKind.BEST_PRACTICE, text="Shared data", by=staff_user, pillars=[pillar])
    assert [o.event for o in issues_across_events()] == sorted(
        [first, second], key=lambda e: (e.starts_at, e.pk), reverse=True
    )
    top = recurring_pillars().first()
    assert top == pillar and top.event_count == 2 and top.issue_count == 2
    first.refresh_from_db()
    assert first.status == EventStatus.OUTCOMES_RECORDED


def test_no_outcome_for_a_cancelled_event(staff_user):
    event = EventFactory(status=EventStatus.CANCELLED)
    with pytest.raises(ValidationError):
        outcome_add(event=event, kind=OutcomeKind.ISSUE, text="x", by=staff_user)


def test_the_event_keeps_its_utc_times_and_shows_its_own_zone():
    event = EventFactory(time_zone="America/Vancouver")
    event = Event.objects.get(pk=event.pk)
    assert event.starts_at.utcoffset() == timedelta(0)
    assert str(event.starts_local.tzinfo) == "America/Vancouver"
