"""The event jobs: invitations and cancellation notices, each in the contact's language, each safe to run
twice, with calendar files whose SEQUENCE tells calendars which version is newer."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from roundtables.choices import EmailStatus, EventStatus
from roundtables.models import Participant
from roundtables.services.events import event_save, event_status_set
from roundtables.services.participants import participant_rsvp, participants_invite
from roundtables.tasks import send_event_cancellations, send_event_invitations
from stakeholders.models import Contact
from tests.factories.roundtables import EventFactory, reachable_contact

pytestmark = pytest.mark.django_db


def tr(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def upcoming(**kwargs):
    start = timezone.now().replace(microsecond=0) + timedelta(days=20)
    return EventFactory(starts_at=start, ends_at=start + timedelta(hours=3), **kwargs)


def invite(event, *contacts):
    participants_invite(event=event, contacts=Contact.objects.filter(pk__in=[c.pk for c in contacts]), by=None)
    return [event.participants.get(contact=c) for c in contacts]


def calendar_of(message, name):
    (attachment,) = [a for a in message.attachments if a[0] == name]
    assert attachment[2] == "text/calendar"
    calendar = Calendar.from_ical(attachment[1])
    return calendar, calendar.walk("VEVENT")[0]


def by_address():
    return {message.to[0]: message for message in mail.outbox}


@pytest.fixture
def invited(django_capture_on_commit_callbacks, inline_tasks):
    """An upcoming event with four invitations emailed: French (no answer yet), Spanish (accepted),
    English (declined), and one whose email failed to go."""
    event = upcoming()
    french = reachable_contact(language="fr", full_name="Marie Tremblay", email="marie@example.org")
    spanish = reachable_contact(language="es", full_name="Juan Pérez", email="juan@example.org")
    english = reachable_contact(language="en", full_name="Jane Doe", email="jane@example.org")
    unsent = reachable_contact(language="en", full_name="Never Reached", email="never@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        participants = invite(event, french, spanish, english, unsent)
    Participant.objects.filter(contact=unsent).update(email_status=EmailStatus.FAILED, sent_at=None)
    participant_rsvp(participant=participants[1], accept=True)
    participant_rsvp(participant=participants[2], accept=False)
    invitations = by_address()
    mail.outbox.clear()
    event.refresh_from_db()
    return event, invitations


def test_cancelling_tells_those_invited_or_coming_each_in_their_language(invited, django_capture_on_commit_callbacks):
    event, invitations = invited
    with django_capture_on_commit_callbacks(execute=True):
        event_status_set(event=event, status=EventStatus.CANCELLED)

    sent = by_address()
    # The declined and the never-reached hear nothing more.
    assert set(sent) == {"marie@example.org", "juan@example.org"}
    fr, es = sent["marie@example.org"], sent["juan@example.org"]
    # Subjects are plain text: an apostrophe stays an apostrophe.
    assert invitations["marie@example.org"].subject == f"Invitation : {event.title_fr}"
    assert fr.subject == f"Annulation : {event.title_fr}"
    assert es.subject == f"Cancelación: {event.title_es}"
    assert "Marie Tremblay" in fr.body and "Juan Pérez" in es.body
    assert f"«\u00a0{event.title_fr}\u00a0»" in fr.body and "est annulé" in fr.body
    assert f"«{event.title_es}»" in es.body and "cancelado" in es.body
    assert "/r/" not in fr.body  # no answer to give any more
    assert all(p.cancellation_sent_at for p in event.participants.filter(contact__email__in=list(sent)))


def test_emails_give_the_time_where_the_event_happens(django_capture_on_commit_callbacks, inline_tasks):
    start = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("America/Vancouver"))  # noon in Toronto, the server's zone
    event = EventFactory(time_zone="America/Vancouver", starts_at=start, ends_at=start + timedelta(hours=2),
                         city="Vancouver", country="CA")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        invite(event, reachable_contact(language="fr", email="marie@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        event_status_set(event=event, status=EventStatus.CANCELLED)
    invitation, cancellation = mail.outbox
    for message in (invitation, cancellation):
        assert "Quand\u00a0: 10 mars 2026, 09:00–11:00 (Vancouver (heure du Pacifique))" in message.body


def test_the_cancellation_calendar_file_cancels_the_invitation_it_follows(invited, django_capture_on_commit_callbacks):
    event, invitations = invited
    _, invitation = calendar_of(invitations["marie@example.org"], "invitation.ics")
    with django_capture_on_commit_callbacks(execute=True):
        event_status_set(event=event, status=EventStatus.CANCELLED)
    calendar, cancellation = calendar_of(by_address()["marie@example.org"], "cancellation.ics")

    assert str(calendar["method"]) == "CANCEL"
    assert str(cancellation["status"]) == "CANCELLED"
    assert str(cancellation["uid"]) == str(invitation["uid"])
    assert int(cancellation["sequence"]) > int(invitation["sequence"])
    assert str(cancellation["attendee"]) == "mailto:marie@example.org"
    assert str(cancellation["organizer"]).startswith("mailto:")
    assert cancellation.decoded("dtstart") == invitation.decoded("dtstart")


def test_the_cancellation_job_is_safe_to_run_twice(invited, django_capture_on_commit_callbacks):
    event, _ = invited
    with django_capture_on_commit_callbacks(execute=True):
        event_status_set(event=event, status=EventStatus.CANCELLED)
    assert len(mail.outbox) == 2
    assert send_event_cancellations.apply(args=[event.pk]).get()["sent"] == 0
    assert len(mail.outbox) == 2


def test_no_cancellation_notice_for_an_event_that_is_not_cancelled(invited):
    event, _ = invited
    assert send_event_cancellations.apply(args=[event.pk]).get()["sent"] == 0
    assert mail.outbox == []


def test_no_invitation_goes_out_once_the_event_is_cancelled():
    event = upcoming()
    invite(event, reachable_contact())  # queued; the job has not run yet
    event_status_set(event=event, status=EventStatus.CANCELLED)
    assert send_event_invitations.apply(args=[event.pk]).get()["sent"] == 0
    assert mail.outbox == []


def test_a_new_time_after_invitations_raises_the_calendar_sequence(invited):
    event, invitations = invited
    _, invitation = calendar_of(invitations["marie@example.org"], "invitation.ics")
    assert int(invitation["sequence"]) == 0
    event.title_en = "Renamed"
    event_save(event=event)
    assert event.sequence == 0  # the same time: calendars hold the right one already
    event.starts_at += timedelta(hours=1)
    event.ends_at += timedelta(hours=1)
    event_save(event=event)
    assert event.sequence == 1
    marie = event.participants.get(contact__email="marie@example.org")
    offered = Client().get(reverse("roundtables:rsvp_calendar", args=[marie.token])).content  # the RSVP page's file
    assert int(Calendar.from_ical(offered).walk("VEVENT")[0]["sequence"]) == 1


def test_a_new_time_before_any_invitation_keeps_the_sequence():
    event = upcoming()
    event.starts_at += timedelta(days=1)
    event.ends_at += timedelta(days=1)
    event_save(event=event)
    assert event.sequence == 0


def test_the_rsvp_link_of_a_cancelled_event_shows_the_polite_page_in_the_invitations_language(
    invited, client, django_capture_on_commit_callbacks
):
    event, _ = invited
    with django_capture_on_commit_callbacks(execute=True):
        event_status_set(event=event, status=EventStatus.CANCELLED)
    marie = event.participants.get(contact__email="marie@example.org")
    response = client.get(reverse("roundtables:rsvp", args=[marie.token]))
    assert response.status_code == 410
    assert tr("fr", "This event is cancelled") in response.content.decode()
    response = client.post(reverse("roundtables:rsvp", args=[marie.token]), {"answer": "accept"})
    assert response.status_code == 410
    marie.refresh_from_db()
    assert marie.status == "invited"
