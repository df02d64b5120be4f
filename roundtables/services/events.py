"""Creating and editing events, and moving them through their statuses."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from stakeholders.services.versions import check_version

from ..choices import COMING, STATUS_ORDER, EventStatus
from ..models import Event


def accepted_count(event: Event) -> int:
    return event.participants.filter(status__in=COMING).count()


def capacity_exceeded(event: Event) -> bool:
    """True when more people are coming than the room (or the licence) holds."""
    return event.capacity is not None and event.pk is not None and accepted_count(event) > event.capacity


def _time_changed(event: Event) -> bool:
    before = Event.objects.filter(pk=event.pk).values("starts_at", "ends_at").first()
    return before is not None and (before["starts_at"], before["ends_at"]) != (event.starts_at, event.ends_at)


@transaction.atomic
def event_save(
    *, event: Event, by: User | None = None, many_to_many: dict | None = None, expected_version: int | None = None
) -> Event:
    """Create or update an event. A capacity below the count already coming is saved (people are not
    turned away after the fact) but refuses new acceptances; the page warns about it.

    ``expected_version`` is the version the person started editing; if the event was saved since, the
    save is refused with ``ConcurrentEdit`` and nothing is written."""
    if event.pk is None:
        event.created_by = by
    else:
        check_version(Event, event, expected_version)
        if _time_changed(event) and event.participants.filter(sent_at__isnull=False).exists():
            event.sequence += 1  # invitations are out: their calendars take this version over the one they hold
    event.full_clean()
    event.save()
    for name, values in (many_to_many or {}).items():
        getattr(event, name).set(values)
    return event


@transaction.atomic
def event_status_set(*, event: Event, status: str) -> Event:
    """Move an event forward (planning → invitations sent → held → outcomes recorded) or cancel it
    before it is held. Moving back is refused: what happened stays recorded.

    Cancelling raises the event's calendar sequence and, once saved, has a job tell those invited or
    coming, each in their language, with a calendar file that takes the event out of their calendar."""
    if status == event.status:
        return event
    if status == EventStatus.CANCELLED:
        if not event.can_be_cancelled:
            raise ValidationError({"status": _("An event that was held cannot be cancelled.")})
    elif event.status == EventStatus.CANCELLED:
        raise ValidationError({"status": _("A cancelled event stays cancelled.")})
    elif STATUS_ORDER.index(status) < STATUS_ORDER.index(event.status):
        raise ValidationError({"status": _("An event's status only moves forward.")})
    event.status = status
    if status == EventStatus.CANCELLED:
        event.sequence += 1
        event.save(update_fields=["status", "sequence", "updated_at"])
        from ..tasks import send_event_cancellations

        transaction.on_commit(lambda: send_event_cancellations.delay(event.pk))
        return event
    event.save(update_fields=["status", "updated_at"])
    return event


def event_advance(*, event: Event, to: str) -> None:
    """Move the status forward to ``to`` when it is behind (never back, never out of cancelled)."""
    if event.status != EventStatus.CANCELLED and STATUS_ORDER.index(event.status) < STATUS_ORDER.index(to):
        event.status = to
        event.save(update_fields=["status", "updated_at"])
