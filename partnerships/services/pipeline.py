"""Creating partnerships and moving them through the stages, with the gates of the Partnerships Action Plan.

Gates: past screening only with a completed assessment that does not advise against it; agreement signed
and beyond only with a unit lead's approval, and only a unit lead moves a partnership there. While a
partnership stands at agreement signed or active, its organizations are collaborative on the engagement
ladder, through the stakeholders service, with the partnership as the cause.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stakeholders.choices import Level
from stakeholders.models import Commitment
from stakeholders.services.engagement import commitment_close, commitment_open
from stakeholders.services.versions import ConcurrentEdit, check_version

from ..choices import AFTER_SCREENING, CLOSED, CLOSING, COMMITTED, SIGNED, Recommendation, StageCode
from ..models import Assessment, Partnership, Stage, StageMove

__all__ = ["ConcurrentEdit", "GateRefused", "partnership_approve", "partnership_move", "partnership_save"]


class GateRefused(ValidationError):
    """A move the pipeline's rules do not allow (yet)."""


def _stage_name(code: str) -> str:
    stage = Stage.objects.filter(code=code).first()
    return stage.name if stage else code


@transaction.atomic
def partnership_save(
    *, partnership: Partnership, by, many_to_many: dict | None = None, expected_version: int | None = None
) -> Partnership:
    """Create or update a partnership filled from a form; a new one starts at "identified"."""
    creating = partnership.pk is None
    if creating:
        partnership.created_by = by
        partnership.stage_id = StageCode.IDENTIFIED
        partnership.stage_entered_at = timezone.now()
    else:
        check_version(Partnership, partnership, expected_version)
    partnership.full_clean()
    partnership._history_user = by  # also outside a request (imports, the demo, jobs)
    partnership.save()
    many_to_many = dict(many_to_many or {})
    if "partners" in many_to_many:
        # The lead organization is a partner by definition; keep it out of the "other partners" list.
        many_to_many["partners"] = [
            org for org in many_to_many["partners"] if org.pk != partnership.lead_organization_id
        ]
    for field, values in many_to_many.items():
        getattr(partnership, field).set(values)
    if creating:
        StageMove.objects.create(partnership=partnership, to_stage_id=StageCode.IDENTIFIED, moved_by=by)
    elif partnership.stage_id in COMMITTED:
        _sync_commitments(partnership)
    return partnership


def _refuse_if_gated(partnership: Partnership, to_stage: str, by) -> None:
    if to_stage in SIGNED and not by.has_perm("partnerships.sign_partnership"):
        raise PermissionDenied(
            _("Only a unit lead can move a partnership to “%(stage)s”.") % {"stage": _stage_name(to_stage)}
        )
    if to_stage in AFTER_SCREENING:
        assessment = Assessment.objects.filter(partnership=partnership).first()  # as saved, not as cached
        if assessment is None or not assessment.is_complete:
            raise GateRefused(
                _(
                    "“%(title)s” cannot leave screening yet: its assessment against the key principles is not "
                    "complete. Score each principle with evidence, record the conflict-of-interest and "
                    "reputational checks and a recommendation first."
                )
                % {"title": partnership.title}
            )
        if assessment.recommendation == Recommendation.DO_NOT_PROCEED:
            raise GateRefused(
                _(
                    "The assessment of “%(title)s” recommends not proceeding. Decline or withdraw it, or revise "
                    "the assessment."
                )
                % {"title": partnership.title}
            )
    if to_stage in SIGNED and not partnership.is_approved:
        raise GateRefused(
            _("“%(title)s” needs a unit lead's approval before it can reach “%(stage)s”.")
            % {"title": partnership.title, "stage": _stage_name(StageCode.AGREEMENT_SIGNED)}
        )


@transaction.atomic
def partnership_move(
    *, partnership: Partnership, to_stage: str, by, note: str = "", expected_version: int | None = None
) -> StageMove:
    """Move a partnership to ``to_stage`` if the gates allow it; record the move and its cause."""
    if to_stage not in StageCode.values:
        raise ValidationError({"stage": _("Choose a stage.")})
    # Work on the row as it is now, locked: the caller's copy may be stale (a card on someone's board).
    locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ConcurrentEdit(
            _(
                "Someone else changed “%(title)s” meanwhile; it is now at “%(stage)s”. Nothing was moved: "
                "check it and try again."
            )
            % {"title": locked.title, "stage": _stage_name(locked.stage_id)}
        )
    from_stage = locked.stage_id
    if to_stage == from_stage:
        raise ValidationError({"stage": _("The partnership is already at this stage.")})
    if from_stage in CLOSED:
        raise GateRefused(
            _("“%(title)s” is closed (%(stage)s) and can no longer move.")
            % {"title": locked.title, "stage": _stage_name(from_stage)}
        )
    if to_stage in CLOSING and not note.strip():
        raise ValidationError({"note": _("Give the reason for declining or withdrawing the partnership.")})
    _refuse_if_gated(locked, to_stage, by)

    now = timezone.now()
    locked.stage_id = to_stage
    locked.stage_entered_at = now
    locked.version += 1
    if to_stage in CLOSING:
        locked.close_reason = note.strip()
    locked._change_reason = note.strip()[:100]
    locked._history_user = by
    locked.save()
    move = StageMove.objects.create(
        partnership=locked, from_stage_id=from_stage, to_stage_id=to_stage, moved_by=by, moved_at=now, note=note
    )
    if to_stage in COMMITTED:
        _sync_commitments(locked)
    elif from_stage in COMMITTED:
        for organization in locked.organizations():
            commitment_close(organization=organization, source=locked, ended_on=now.date())
    for name in ("stage_id", "stage_entered_at", "version", "close_reason"):
        setattr(partnership, name, getattr(locked, name))
    return move


def _sync_commitments(partnership: Partnership) -> None:
    """Hold every partner organization at collaborative while the partnership stands (and only those)."""
    started_on = timezone.localdate()
    organizations = partnership.organizations()
    standing = Commitment.objects.filter(
        source_type=ContentType.objects.get_for_model(Partnership), source_id=partnership.pk, ended_on__isnull=True
    ).exclude(organization__in=organizations)
    for commitment in standing.select_related("organization"):
        commitment_close(organization=commitment.organization, source=partnership, ended_on=started_on)
    for organization in organizations:
        commitment_open(
            organization=organization,
            level=Level.COLLABORATIVE,
            source=partnership,
            label=partnership.title,
            started_on=started_on,
        )


@transaction.atomic
def partnership_approve(*, partnership: Partnership, by, note: str = "") -> Partnership:
    """Record a unit lead's approval to sign, with their name and the date."""
    if not by.has_perm("partnerships.approve_partnership"):
        raise PermissionDenied(_("Only a unit lead can approve a partnership."))
    locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
    if locked.is_closed:
        raise GateRefused(_("A closed partnership cannot be approved."))
    assessment = Assessment.objects.filter(partnership=locked).first()
    if assessment is None or not assessment.is_complete:
        raise GateRefused(_("Complete the assessment against the key principles before approving."))
    if assessment.recommendation == Recommendation.DO_NOT_PROCEED:
        raise GateRefused(_("The assessment recommends not proceeding; revise it before approving."))
    if locked.is_approved:
        return locked
    locked.approved_by = by
    locked.approved_at = timezone.now()
    locked.approval_note = note.strip()
    locked.version += 1
    locked._change_reason = "approved"
    locked._history_user = by
    locked.save()
    return locked
