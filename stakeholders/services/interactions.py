"""Logging interactions and their follow-ups; the engagement ladder moves with them."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from ..choices import ChangeReason, Mode
from ..models import Contact, FollowUp, Interaction, InteractionOrganization, InteractionType, Organization
from .engagement import engagement_recompute
from .versions import check_version


def _check_date(occurred_on: date) -> None:
    if occurred_on > timezone.localdate():
        raise ValidationError(
            {"occurred_on": _("An interaction is logged once it has happened: the date cannot be in the future.")}
        )


@transaction.atomic
def interaction_log(
    *,
    kind: InteractionType,
    occurred_on: date,
    organizations: Iterable[Organization],
    summary: str,
    by: User | None,
    mode: str = Mode.IN_PERSON,
    contacts: Iterable[Contact] = (),
    staff: Iterable[User] = (),
    unit=None,
    objectives=(),
    actions=(),
    pillars=(),
    outcome: str = "",
    followups: Iterable[dict] = (),
    summary_code: str = "",
    summary_values: dict | None = None,
) -> Interaction:
    """Record an interaction with one or more organizations and move their engagement levels.

    ``followups`` are dicts with ``description``, ``owner``, ``due_on`` and ``organization``
    (defaulting to the first organization). A summary the app writes itself comes with its code and
    values (``stakeholders.summaries.system_summary``), so each reader sees it in their language.
    """
    organizations = list(dict.fromkeys(organizations))
    if not organizations:
        raise ValidationError({"organizations": _("Choose at least one organization.")})
    _check_date(occurred_on)
    interaction = Interaction(
        kind=kind,
        occurred_on=occurred_on,
        mode=mode,
        unit=unit,
        summary=summary,
        summary_code=summary_code,
        summary_values=summary_values or {},
        outcome=outcome,
        created_by=by,
    )
    interaction.full_clean()
    interaction.save()
    InteractionOrganization.objects.bulk_create(
        InteractionOrganization(interaction=interaction, organization=org, occurred_on=occurred_on)
        for org in organizations
    )
    interaction.contacts.set(contacts)
    interaction.staff.set(staff)
    interaction.objectives.set(objectives)
    interaction.actions.set(actions)
    interaction.pillars.set(pillars)
    for item in followups:
        followup_add(
            organization=item.get("organization") or organizations[0],
            interaction=interaction,
            description=item["description"],
            owner=item["owner"],
            due_on=item["due_on"],
        )
    for organization in organizations:
        engagement_recompute(organization=organization, reason=ChangeReason.INTERACTION, interaction=interaction)
    return interaction


@transaction.atomic
def interaction_update(*, interaction: Interaction, expected_version: int | None = None, **links) -> Interaction:
    """Save changes to an interaction (already filled from a form) and its links; levels follow."""
    check_version(Interaction, interaction, expected_version)
    _check_date(interaction.occurred_on)
    interaction.full_clean()
    interaction.save()
    before = set(interaction.participations.values_list("organization_id", flat=True))
    organizations = links.pop("organizations", None)
    if organizations is not None:
        organizations = list(organizations)
        if not organizations:
            raise ValidationError({"organizations": _("Choose at least one organization.")})
        wanted = {org.pk for org in organizations}
        interaction.participations.exclude(organization_id__in=wanted).delete()
        InteractionOrganization.objects.bulk_create(
            InteractionOrganization(interaction=interaction, organization_id=pk, occurred_on=interaction.occurred_on)
            for pk in wanted - before
        )
    interaction.participations.update(occurred_on=interaction.occurred_on)
    for field, values in links.items():
        getattr(interaction, field).set(values)
    for organization in Organization.objects.filter(
        pk__in=before | {p.organization_id for p in interaction.participations.all()}
    ):
        engagement_recompute(organization=organization, reason=ChangeReason.CORRECTION)
    return interaction


@transaction.atomic
def interaction_delete(*, interaction: Interaction) -> None:
    organization_ids = list(interaction.participations.values_list("organization_id", flat=True))
    interaction.delete()
    for organization in Organization.objects.filter(pk__in=organization_ids):
        engagement_recompute(organization=organization, reason=ChangeReason.CORRECTION)


def followup_add(
    *, organization: Organization, description: str, owner: User, due_on: date, interaction: Interaction | None = None
) -> FollowUp:
    followup = FollowUp(
        organization=organization, interaction=interaction, description=description, owner=owner, due_on=due_on
    )
    followup.full_clean()
    followup.save()
    return followup


@transaction.atomic
def followup_update(
    *, followup: FollowUp, description: str, owner: User, due_on: date, organization: Organization | None = None
) -> FollowUp:
    """Correct what a follow-up asks, who owns it, when it is due, or (when given) its organization."""
    followup.description = description
    followup.owner = owner
    followup.due_on = due_on
    if organization is not None:
        followup.organization = organization
    followup.full_clean()
    followup.save(update_fields=["description", "owner", "due_on", "organization"])
    return followup


@transaction.atomic
def followup_delete(*, followup: FollowUp) -> None:
    """Remove a follow-up: it leaves its owner's follow-ups and the organization's page (records that
    point to it, such as an event's follow-up action, go with it)."""
    followup.delete()


def followup_complete(*, followup: FollowUp, by: User) -> FollowUp:
    """Mark a follow-up done (doing it twice keeps the first time)."""
    if followup.done_at is None:
        followup.done_at = timezone.now()
        followup.done_by = by
        followup.save(update_fields=["done_at", "done_by"])
    return followup


def followup_reopen(*, followup: FollowUp) -> FollowUp:
    followup.done_at = None
    followup.done_by = None
    followup.save(update_fields=["done_at", "done_by"])
    return followup
