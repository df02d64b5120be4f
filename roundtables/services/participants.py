"""Invitations, answers and attendance. Marking someone attended logs an interaction on their
organization through the register's own service, so its engagement level moves."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from stakeholders.choices import Mode
from stakeholders.models import Contact, InteractionType
from stakeholders.services.interactions import interaction_delete, interaction_log
from stakeholders.summaries import in_each_language, system_summary

from ..choices import COMING, INTERACTION_TYPE_FOR_KIND, EventFormat, EventStatus, ParticipantRole, ParticipantStatus
from ..models import Event, Participant


class EventFull(ValidationError):
    """The event has reached its capacity: no new acceptance."""


def invitable(event: Event, contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """Contacts an invitation may go to: they consented, have not opted out, have an email, and are not
    invited to this event yet."""
    return contacts.reachable().exclude(event_invitations__event=event)


@transaction.atomic
def participants_invite(
    *, event: Event, contacts: QuerySet[Contact], role: str = ParticipantRole.PARTICIPANT, by: User | None
) -> int:
    """Invite each reachable contact once, copying the organization's category, country and equity focus,
    and send the emails by a job once saved. Returns how many were invited."""
    if event.is_cancelled:
        raise ValidationError({"event": _("The event is cancelled: no invitation can be sent.")})
    if role not in ParticipantRole.values:
        raise ValidationError({"role": _("Choose a role.")})
    chosen = list(invitable(event, contacts).select_related("organization"))
    Participant.objects.bulk_create(
        [
            Participant(
                event=event,
                contact=contact,
                organization=contact.organization,
                category=contact.organization.category,
                country=contact.organization.hq_country,
                equity_focus=bool(contact.organization.has_equity_focus),
                role=role,
                language=contact.preferred_language or "en",
                invited_by=by,
            )
            for contact in chosen
        ],
        ignore_conflicts=True,  # the same contact invited twice at once keeps one invitation
    )
    if chosen:
        from .events import event_advance

        event_advance(event=event, to=EventStatus.INVITATIONS_SENT)
        from ..tasks import send_event_invitations

        transaction.on_commit(lambda: send_event_invitations.delay(event.pk))
    return len(chosen)


def _lock_event(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _check_room(event: Event, participant: Participant) -> None:
    if participant.status in COMING or event.capacity is None:
        return
    coming = event.participants.filter(status__in=COMING).count()
    if coming >= event.capacity:
        raise EventFull({"status": _("The event is full: no new acceptance is possible.")})


@transaction.atomic
def participant_rsvp(*, participant: Participant, accept: bool) -> Participant:
    """The invited person's answer through their link. Refused once the event is cancelled or held, and an
    acceptance is refused when the event is full (a decline always goes through)."""
    event = _lock_event(participant.event)
    if event.status not in (EventStatus.PLANNING, EventStatus.INVITATIONS_SENT):
        raise ValidationError({"status": _("Answers are closed for this event.")})
    if accept:
        _check_room(event, participant)
    participant.status = ParticipantStatus.ACCEPTED if accept else ParticipantStatus.DECLINED
    participant.responded_at = timezone.now()
    participant.save(update_fields=["status", "responded_at"])
    return participant


@transaction.atomic
def participant_update(*, participant: Participant, role: str | None = None, status: str | None = None) -> Participant:
    """Change a participant's role, or record an answer given by phone or email. Attendance goes through
    ``attendance_mark``."""
    if role is not None:
        if role not in ParticipantRole.values:
            raise ValidationError({"role": _("Choose a role.")})
        participant.role = role
    if status is not None and status != participant.status:
        if status not in (ParticipantStatus.INVITED, ParticipantStatus.ACCEPTED, ParticipantStatus.DECLINED):
            raise ValidationError({"status": _("Record attendance from the attendance checklist.")})
        if participant.status in (ParticipantStatus.ATTENDED, ParticipantStatus.NO_SHOW):
            raise ValidationError({"status": _("Attendance is already taken for this person.")})
        if status == ParticipantStatus.ACCEPTED:
            _check_room(_lock_event(participant.event), participant)
        participant.status = status
        participant.responded_at = timezone.now()
    participant.save(update_fields=["role", "status", "responded_at"])
    return participant


def _interaction_kind(event: Event) -> InteractionType:
    return InteractionType.objects.get(code=INTERACTION_TYPE_FOR_KIND[event.kind])


@transaction.atomic
def attendance_mark(*, participant: Participant, attended: bool, by: User | None) -> Participant:
    """Mark a participant attended or absent (no-show). Attending logs an interaction on their organization,
    dated the event's day where it happened; changing one's mind removes it, and the level follows."""
    event = participant.event
    if event.is_cancelled:
        raise ValidationError({"status": _("The event is cancelled.")})
    day = event.starts_local.date()
    if day > timezone.localdate(timezone=event.zone):
        raise ValidationError({"status": _("Attendance is taken on the day of the event, not before.")})
    if attended and participant.status != ParticipantStatus.ATTENDED:
        interaction = interaction_log(
            kind=_interaction_kind(event),
            occurred_on=day,
            organizations=[participant.organization],
            contacts=[participant.contact],
            **system_summary(
                "event_attended",
                event={"en": event.title_en, "fr": event.title_fr, "es": event.title_es},
                role=in_each_language(lambda: str(participant.get_role_display()).lower()),
            ),
            by=by,
            mode=Mode.ONLINE if event.format == EventFormat.VIRTUAL else Mode.IN_PERSON,
            staff=[by] if by else [],
            unit=event.unit,
            objectives=event.objectives.all(),
            actions=event.actions.all(),
            pillars=event.pillars.all(),
        )
        participant.interaction = interaction
        participant.status = ParticipantStatus.ATTENDED
    elif not attended and participant.status != ParticipantStatus.NO_SHOW:
        if participant.interaction_id:
            interaction = participant.interaction
            participant.interaction = None
            participant.save(update_fields=["interaction"])
            interaction_delete(interaction=interaction)
        participant.status = ParticipantStatus.NO_SHOW
    else:
        return participant
    participant.save(update_fields=["status", "interaction"])
    from .events import event_advance

    event_advance(event=event, to=EventStatus.HELD)
    return participant


def attendance_mark_many(*, event: Event, attended: Iterable[int], by: User | None) -> int:
    """Take attendance from the checklist: the ids ticked attended, the others who were expected, no-shows."""
    ticked = set(attended)
    changed = 0
    for participant in event.participants.select_related("event", "organization", "contact", "interaction"):
        if participant.pk in ticked and participant.status != ParticipantStatus.ATTENDED:
            attendance_mark(participant=participant, attended=True, by=by)
            changed += 1
        elif participant.pk not in ticked and participant.status in (
            ParticipantStatus.ACCEPTED,
            ParticipantStatus.ATTENDED,
        ):
            attendance_mark(participant=participant, attended=False, by=by)
            changed += 1
    return changed
