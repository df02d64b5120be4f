"""Invitation and cancellation emails: in each contact's language, with the event as an .ics file (the
invitation with the RSVP link; the cancellation with a file that takes the event out of calendars)."""

import logging
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar, vCalAddress, vText
from icalendar import Event as CalendarEvent

from stakeholders.emails import FAILED, SENT, WITHHELD, Delivery, render_subject
from stakeholders.services.consent import contact_may_be_emailed, unsubscribe_headers, unsubscribe_urls

from ..choices import EmailStatus, EventStatus, ParticipantStatus
from ..models import Event, Participant

logger = logging.getLogger(__name__)
# Kept on a participant whose invitation was held back (the email status has no value of its own for it).
WITHHELD_NOTE = "Not sent: the contact withdrew consent or opted out after being invited."


def rsvp_link(participant: Participant, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("roundtables:rsvp", args=[participant.token])


def _organizer() -> vCalAddress:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address}")
    if name:
        organizer.params["cn"] = vText(name)
    return organizer


def event_ics(event: Event, *, participant: Participant | None = None, base_url: str = "") -> bytes:
    """The event as an iCalendar file, its times in the event's own time zone (with the zone's definition
    included, so calendars show the right hour wherever the reader is).

    Every version of the event keeps one UID; SEQUENCE says which is newer. Once the event is cancelled,
    the file is a cancellation (METHOD:CANCEL, STATUS:CANCELLED, addressed to the participant), which
    takes the event out of the calendar that holds the invitation."""
    cancelled = event.is_cancelled
    with translation.override(participant.language if participant else translation.get_language()):
        calendar = Calendar()
        calendar.add("prodid", "-//Commission for Environmental Cooperation//CEC Engage//EN")
        calendar.add("version", "2.0")
        calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
        item = CalendarEvent()
        item.add("uid", f"event-{event.pk}@cec-engage")
        item.add("sequence", event.sequence)
        item.add("dtstamp", timezone.now())
        item.add("organizer", _organizer())
        if cancelled and participant is not None:
            attendee = vCalAddress(f"mailto:{participant.contact.email}")
            attendee.params["cn"] = vText(participant.contact.full_name)
            item.add("attendee", attendee)
        item.add("dtstart", event.starts_local)
        item.add("dtend", event.ends_local)
        item.add("summary", event.title)
        description = [event.issue] if event.issue else []
        if participant and base_url and not cancelled:
            description.append(rsvp_link(participant, base_url))
        if description:
            item.add("description", "\n\n".join(description))
        location = ", ".join(part for part in (event.place, event.link) if part)
        if location:
            item.add("location", location)
        if event.link:
            item.add("url", event.link)
        item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        calendar.add_component(item)
        calendar.add_missing_timezones()
    return calendar.to_ical()


def _email(participant: Participant, *, kind: str, context: dict, base_url: str) -> EmailMessage:
    """The invitation or cancellation email in the contact's language, with their unsubscribe link in the
    body and the List-Unsubscribe headers."""
    contact = participant.contact
    unsubscribe, one_click = unsubscribe_urls(contact, language=participant.language, base_url=base_url)
    with translation.override(participant.language):
        context = {**context, "contact": contact, "unsubscribe_link": unsubscribe}
        subject = render_subject(f"roundtables/email/{kind}_subject.txt", context)
        body = render_to_string(f"roundtables/email/{kind}.txt", context)
    return EmailMessage(
        subject, body, settings.DEFAULT_FROM_EMAIL, [contact.email], headers=unsubscribe_headers(one_click)
    )


def invitation_send(participant: Participant, *, base_url: str) -> str:
    """Email one invitation in the contact's language; record the outcome on the participant. Consent is
    read again now: a contact who withdrew it or opted out since being invited gets nothing, and the
    participant records why. Returns ``sent``, ``failed`` or ``withheld``."""
    event = participant.event
    if not contact_may_be_emailed(participant.contact_id):
        participant.email_status, participant.email_error = EmailStatus.FAILED, WITHHELD_NOTE
        participant.save(update_fields=["email_status", "email_error"])
        return WITHHELD
    context = {
        "event": event,
        "participant": participant,
        "link": rsvp_link(participant, base_url),
        "starts": event.starts_local,
        "ends": event.ends_local,
    }
    message = _email(participant, kind="invitation", context=context, base_url=base_url)
    message.attach("invitation.ics", event_ics(event, participant=participant, base_url=base_url), "text/calendar")
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - a delivery failure is recorded on the invitation, not raised
        logger.warning("event invitation %s failed: %s", participant.pk, error)
        participant.email_status, participant.email_error = EmailStatus.FAILED, str(error)[:300]
        participant.save(update_fields=["email_status", "email_error"])
        return FAILED
    participant.email_status, participant.sent_at, participant.email_error = EmailStatus.SENT, timezone.now(), ""
    participant.save(update_fields=["email_status", "sent_at", "email_error"])
    return SENT


def invitations_send_queued(*, event_id: int, base_url: str) -> Delivery:
    """Send every queued invitation of an event; safe to run twice (a sent one is no longer queued).
    Nothing goes out for an event cancelled in the meantime."""
    queued = (
        Participant.objects.filter(event_id=event_id, email_status=EmailStatus.QUEUED)
        .exclude(event__status=EventStatus.CANCELLED)
        .select_related("event", "contact")
    )
    delivery = Delivery()
    for participant in queued.iterator(chunk_size=200):
        delivery.add(invitation_send(participant, base_url=base_url))
    return delivery


def cancellation_send(participant: Participant, *, base_url: str) -> str:
    """Tell one participant the event is cancelled, in their language, with the calendar file that
    removes it; record when, so the notice goes once. Not to a contact who has opted out or withdrawn
    consent since: they asked for no more emails."""
    event = participant.event
    if not contact_may_be_emailed(participant.contact_id):
        return WITHHELD
    context = {"event": event, "starts": event.starts_local, "ends": event.ends_local}
    message = _email(participant, kind="cancellation", context=context, base_url=base_url)
    message.attach("cancellation.ics", event_ics(event, participant=participant), "text/calendar")
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - left unsent, so the job's next run tries again
        logger.warning("event cancellation notice %s failed: %s", participant.pk, error)
        return FAILED
    participant.cancellation_sent_at = timezone.now()
    participant.save(update_fields=["cancellation_sent_at"])
    return SENT


def cancellations_send(*, event_id: int, base_url: str) -> Delivery:
    """Send the cancellation notice to each person still invited or coming who received the invitation;
    safe to run twice (a notice sent is recorded). Nothing goes out unless the event is cancelled."""
    waiting = Participant.objects.filter(
        event_id=event_id,
        event__status=EventStatus.CANCELLED,
        status__in=(ParticipantStatus.INVITED, ParticipantStatus.ACCEPTED),
        sent_at__isnull=False,
        cancellation_sent_at__isnull=True,
    ).select_related("event", "contact")
    delivery = Delivery()
    for participant in waiting.iterator(chunk_size=200):
        delivery.add(cancellation_send(participant, base_url=base_url))
    return delivery
