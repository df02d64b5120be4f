"""The engagement ladder: an organization's level, derived from what it did.

The level is the highest rung among its interactions in the rolling window (each interaction type
implies a rung) and its open commitments (for example a signed partnership). Every change is kept in
``LevelChange`` with its date and cause. This module is the one place that computes it; other apps
call ``commitment_open`` / ``commitment_close`` and ``interaction_log``.
"""

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max, OuterRef, Q, Subquery
from django.utils import timezone

from ..choices import ChangeReason
from ..models import Commitment, Interaction, InteractionOrganization, LadderSettings, LevelChange, Organization
from ..selectors import forget_list_counts


def window_start(today: date | None = None) -> date:
    today = today or timezone.localdate()
    return today - timedelta(days=LadderSettings.current().window_days - 1)


def _interaction_level(organization_id: int, since: date) -> int | None:
    return InteractionOrganization.objects.filter(organization_id=organization_id, occurred_on__gte=since).aggregate(
        level=Max("interaction__kind__level")
    )["level"]


def _commitment_level(organization_id: int) -> int | None:
    return Commitment.objects.filter(organization_id=organization_id, ended_on__isnull=True).aggregate(
        level=Max("level")
    )["level"]


def engagement_level_for(organization: Organization, today: date | None = None) -> int | None:
    """The level the records give today, without storing it."""
    levels = [
        level
        for level in (_interaction_level(organization.pk, window_start(today)), _commitment_level(organization.pk))
        if level is not None
    ]
    return max(levels) if levels else None


@transaction.atomic
def engagement_recompute(
    *,
    organization: Organization,
    reason: str = ChangeReason.CORRECTION,
    interaction: Interaction | None = None,
    commitment: Commitment | None = None,
    today: date | None = None,
) -> LevelChange | None:
    """Bring the stored level in line with the records; record the change, if any, with its cause."""
    today = today or timezone.localdate()
    locked = Organization.objects.select_for_update().only("id", "engagement_level").get(pk=organization.pk)
    level = engagement_level_for(locked, today)
    if level == locked.engagement_level:
        return None
    change = LevelChange.objects.create(
        organization=locked,
        changed_on=interaction.occurred_on if interaction and reason == ChangeReason.INTERACTION else today,
        from_level=locked.engagement_level,
        to_level=level,
        reason=reason,
        interaction=interaction,
        commitment=commitment,
    )
    Organization.objects.filter(pk=locked.pk).update(engagement_level=level)
    organization.engagement_level = level
    forget_list_counts()  # the lists filtered by level
    return change


@transaction.atomic
def commitment_open(*, organization: Organization, level: int, source, label: str, started_on: date) -> Commitment:
    """Hold an organization at ``level`` or above while ``source`` (e.g. a partnership) stands."""
    commitment, _ = Commitment.objects.update_or_create(
        organization=organization,
        source_type=ContentType.objects.get_for_model(source),
        source_id=source.pk,
        defaults={"level": level, "label": label[:300], "started_on": started_on, "ended_on": None},
    )
    engagement_recompute(organization=organization, reason=ChangeReason.COMMITMENT, commitment=commitment)
    return commitment


@transaction.atomic
def commitment_close(*, organization: Organization, source, ended_on: date) -> None:
    """End the commitment ``source`` gave; the level falls back to what the other records give."""
    commitment = Commitment.objects.filter(
        organization=organization, source_type=ContentType.objects.get_for_model(source), source_id=source.pk
    ).first()
    if commitment is None or commitment.ended_on:
        return
    commitment.ended_on = ended_on
    commitment.save(update_fields=["ended_on"])
    engagement_recompute(organization=organization, reason=ChangeReason.COMMITMENT_ENDED, commitment=commitment)


def engagement_refresh_all(today: date | None = None) -> int:
    """Re-derive every organization's level as the window rolls on (nightly). Returns how many changed.

    One aggregate query finds the organizations whose stored level differs from their records; only
    those are recomputed, one by one, so each change is recorded with its cause.
    """
    today = today or timezone.localdate()
    since = window_start(today)
    recent = (
        InteractionOrganization.objects.filter(organization=OuterRef("pk"), occurred_on__gte=since)
        .values("organization")
        .annotate(level=Max("interaction__kind__level"))
        .values("level")
    )
    committed = (
        Commitment.objects.filter(organization=OuterRef("pk"), ended_on__isnull=True)
        .values("organization")
        .annotate(level=Max("level"))
        .values("level")
    )
    candidates = (
        Organization.objects.annotate(recent=Subquery(recent), committed=Subquery(committed))
        .filter(Q(engagement_level__isnull=False) | Q(recent__isnull=False) | Q(committed__isnull=False))
        .values_list("pk", "engagement_level", "recent", "committed")
    )
    changed = 0
    for pk, stored, recent_level, committed_level in candidates.iterator():
        derived = max([lvl for lvl in (recent_level, committed_level) if lvl is not None], default=None)
        if derived != stored:
            organization = Organization.objects.get(pk=pk)
            if engagement_recompute(organization=organization, reason=ChangeReason.WINDOW, today=today):
                changed += 1
    return changed
