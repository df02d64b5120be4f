"""Outcomes of an event and the follow-up actions decided there."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from stakeholders.models import Organization
from stakeholders.services.interactions import followup_add, followup_delete, followup_update

from ..choices import EventStatus, OutcomeKind
from ..models import Event, EventAction, Outcome
from .events import event_advance


@transaction.atomic
def outcome_add(*, event: Event, kind: str, text: str, by: User | None, pillars=(), organizations=()) -> Outcome:
    """Record an outcome. Once the first is recorded, a held event shows "outcomes recorded"."""
    if event.is_cancelled:
        raise ValidationError({"text": _("The event is cancelled: it has no outcomes.")})
    if kind not in OutcomeKind.values:
        raise ValidationError({"kind": _("Choose the type of outcome.")})
    outcome = Outcome(event=event, kind=kind, text=text.strip(), created_by=by)
    outcome.full_clean()
    outcome.save()
    outcome.pillars.set(pillars)
    outcome.organizations.set(organizations)
    if event.status == EventStatus.HELD:
        event_advance(event=event, to=EventStatus.OUTCOMES_RECORDED)
    return outcome


@transaction.atomic
def outcome_update(*, outcome: Outcome, kind: str, text: str, pillars=(), organizations=()) -> Outcome:
    """Correct an outcome: its type, its text, its pillars and organizations."""
    if kind not in OutcomeKind.values:
        raise ValidationError({"kind": _("Choose the type of outcome.")})
    outcome.kind, outcome.text = kind, text.strip()
    outcome.full_clean()
    outcome.save(update_fields=["kind", "text"])
    outcome.pillars.set(pillars)
    outcome.organizations.set(organizations)
    return outcome


@transaction.atomic
def outcome_delete(*, outcome: Outcome) -> None:
    """Remove an outcome recorded by mistake. The follow-up actions decided on it stay, no longer tied to
    it. When the last outcome goes, the event shows "held" again: "outcomes recorded" follows the outcomes."""
    event = outcome.event
    outcome.delete()
    if event.status == EventStatus.OUTCOMES_RECORDED and not event.outcomes.exists():
        event.status = EventStatus.HELD
        event.save(update_fields=["status", "updated_at"])


def _check_outcome(event: Event, outcome: Outcome | None) -> None:
    if outcome is not None and outcome.event_id != event.pk:
        raise ValidationError({"outcome": _("Choose an outcome of this event.")})


@transaction.atomic
def event_action_add(
    *,
    event: Event,
    description: str,
    owner: User,
    due_on: date,
    organization: Organization,
    outcome: Outcome | None = None,
) -> EventAction:
    """A follow-up action with an owner and a due date. It is a follow-up of the register, so it shows in
    the owner's follow-ups on the home page and on the organization's page."""
    _check_outcome(event, outcome)
    followup = followup_add(organization=organization, description=description, owner=owner, due_on=due_on)
    return EventAction.objects.create(event=event, outcome=outcome, followup=followup)


@transaction.atomic
def event_action_update(
    *,
    action: EventAction,
    description: str,
    owner: User,
    due_on: date,
    organization: Organization,
    outcome: Outcome | None = None,
) -> EventAction:
    """Correct a follow-up action. The register's follow-up changes with it (through the register's
    service), so a new owner finds it in their follow-ups and the former owner no longer does."""
    _check_outcome(action.event, outcome)
    followup_update(
        followup=action.followup, description=description, owner=owner, due_on=due_on, organization=organization
    )
    if action.outcome_id != (outcome.pk if outcome else None):
        action.outcome = outcome
        action.save(update_fields=["outcome"])
    return action


@transaction.atomic
def event_action_delete(*, action: EventAction) -> None:
    """Remove a follow-up action and the register's follow-up behind it, so it also leaves its owner's
    follow-ups (deleting the action alone would leave the follow-up waiting on the owner's home page)."""
    followup_delete(followup=action.followup)
