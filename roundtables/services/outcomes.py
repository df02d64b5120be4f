"""Outcomes of an event and the follow-up actions decided there."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from stakeholders.models import Organization
from stakeholders.services.interactions import followup_add

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
    if outcome is not None and outcome.event_id != event.pk:
        raise ValidationError({"outcome": _("Choose an outcome of this event.")})
    followup = followup_add(organization=organization, description=description, owner=owner, due_on=due_on)
    return EventAction.objects.create(event=event, outcome=outcome, followup=followup)
