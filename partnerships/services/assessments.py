"""The screening assessment against the four key principles of section 6 of the strategy."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strategy.models import KeyPrinciple

from ..choices import AFTER_SCREENING, ConflictCheck
from ..models import Assessment, Partnership, PrincipleScore

CHECK_FIELDS = ("conflict_of_interest", "reputational_risk", "recommendation")


def assessment_for(partnership: Partnership) -> Assessment:
    """The partnership's assessment, or a blank one (not saved) with a score row per principle."""
    try:
        return partnership.assessment
    except Assessment.DoesNotExist:
        return Assessment(partnership=partnership)


def _missing_parts(assessment: Assessment, scores: dict[int, tuple[int | None, str]]) -> dict[str, str]:
    errors = {}
    for principle in KeyPrinciple.objects.all():
        score, evidence = scores.get(principle.pk, (None, ""))
        if not score:
            errors[f"score_{principle.pk}"] = _("Score this principle.")
        if not evidence.strip():
            errors[f"evidence_{principle.pk}"] = _("Give the evidence behind the score.")
    labels = {
        "conflict_of_interest": _("Record the conflict-of-interest check."),
        "reputational_risk": _("Record the reputational check."),
        "recommendation": _("Make a recommendation."),
    }
    for field in CHECK_FIELDS:
        if not getattr(assessment, field):
            errors[field] = labels[field]
    if assessment.conflict_of_interest in (ConflictCheck.MITIGATED, ConflictCheck.UNRESOLVED) and not (
        assessment.conflict_notes.strip()
    ):
        errors["conflict_notes"] = _("Describe the conflict and what was done about it.")
    return errors


@transaction.atomic
def assessment_save(
    *,
    partnership: Partnership,
    by,
    fields: dict,
    scores: dict[int, tuple[int | None, str]],
    complete: bool,
) -> Assessment:
    """Save the assessment as a draft, or as complete when every part is there (else nothing is saved).

    ``scores`` maps a key principle's id to its (score, evidence).
    """
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    assessment = assessment_for(partnership)
    for name, value in fields.items():
        setattr(assessment, name, value)
    if not complete and partnership.stage_id in AFTER_SCREENING:
        raise ValidationError(_("This partnership has left screening on this assessment; it must stay complete."))
    if complete:
        missing = _missing_parts(assessment, scores)
        if missing:
            raise ValidationError(missing)
        assessment.completed_at = assessment.completed_at or timezone.now()
    else:
        assessment.completed_at = None
    assessment.assessed_by = by
    assessment.full_clean(exclude=["partnership"])
    assessment.save()
    for principle_id, (score, evidence) in scores.items():
        PrincipleScore.objects.update_or_create(
            assessment=assessment,
            principle_id=principle_id,
            defaults={"score": score or None, "evidence": evidence.strip()},
        )
    return assessment
