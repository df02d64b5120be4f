"""Writes of the strategy app: the units' answers to the private-sector-engagement question."""

from django.db import transaction

from .models import Initiative, InitiativeAnswer


def may_answer(user, initiative: Initiative) -> bool:
    """Administrators answer for every initiative; a unit lead for their own unit's."""
    if user.has_perm("strategy.answer_any_initiative"):
        return True
    return (
        user.has_perm("strategy.answer_initiative")
        and initiative.unit_id is not None
        and initiative.unit_id == getattr(user, "unit_id", None)
    )


@transaction.atomic
def initiative_answer(*, initiative: Initiative, text: str, by) -> InitiativeAnswer:
    """Record ``by``'s answer to the initiative's question, keeping the earlier ones as its history."""
    initiative.private_sector_engagement = text.strip()
    initiative.full_clean()
    initiative.save(update_fields=["private_sector_engagement"])
    answer = InitiativeAnswer(initiative=initiative, text=initiative.private_sector_engagement, answered_by=by)
    answer.full_clean()
    answer.save()
    return answer
