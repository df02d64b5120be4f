"""Invitation emails: in each contact's language, with the RSVP link and the event as an .ics file."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from ..choices import EmailStatus
from ..models import Event, Participant

logger = logging.getLogger(__name__)


def rsvp_link(participant: Participant, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("roundtables:rsvp", args=[participant.token])


def event_ics(event: Event, *, participant: Participant | None = None, base_url: str = "") -> bytes:
    """The event as an iCalendar file, its times in the event's own time zone (with the zone's definition
    included, so calendars show the right hour wherever the reader is)."""
    with translation.override(participant.language if participant else translation.get_language()):
        calendar = Calendar()
        calendar.add("prodid", "-//Commission for Environmental Cooperation//CEC Engage//EN")
        calendar.add("version", "2.0")
        calendar.add("method", "PUBLISH")
        item = CalendarEvent()
        item.add("uid", f"event-{event.pk}@cec-engage")
        item.add("dtstamp", timezone.now())
        item.add("dtstart", event.starts_local)
        item.add("dtend", event.ends_local)
        item.add("summary", event.title)
        description = [event.issue] if event.issue else []
        if participant and base_url:
            description.append(rsvp_link(participant, base_url))
        if description:
            item.add("description", "\n\n".join(description))
        location = ", ".join(part for part in (event.place, event.link) if part)
        if location:
            item.add("location", location)
        if event.link:
            item.add("url", event.link)
        item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
        calendar.add_component(item)
        calendar.add_missing_timezones()
    return calendar.to_ical()


def invitation_send(participant: Participant, *, base_url: str) -> bool:
    """Email one invitation in the contact's language; record the outcome on the participant."""
    event, contact = participant.event, participant.contact
    with translation.override(participant.language):
        context = {
            "event": event,
            "contact": contact,
            "participant": participant,
            "link": rsvp_link(participant, base_url),
            "starts": event.starts_local,
            "ends": event.ends_local,
        }
        subject = render_to_string("roundtables/email/invitation_subject.txt", context).strip()
        body = render_to_string("roundtables/email/invitation.txt", context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [contact.email])
    message.attach("invitation.ics", event_ics(event, participant=participant, base_url=base_url), "text/calendar")
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - a delivery failure is recorded on the invitation, not raised
        logger.warning("event invitation %s failed: %s", participant.pk, error)
        participant.email_status, participant.email_error = EmailStatus.FAILED, str(error)[:300]
        participant.save(update_fields=["email_status", "email_error"])
        return False
    participant.email_status, participant.sent_at, participant.email_error = EmailStatus.SENT, timezone.now(), ""
    participant.save(update_fields=["email_status", "sent_at", "email_error"])
    return True


def invitations_send_queued(*, event_id: int, base_url: str) -> int:
    """Send every queued invitation of an event; safe to run twice (a sent one is no longer queued)."""
    queued = Participant.objects.filter(event_id=event_id, email_status=EmailStatus.QUEUED).select_related(
        "event", "contact"
    )
    return sum(invitation_send(participant, base_url=base_url) for participant in queued.iterator(chunk_size=200))
