"""Reads of the strategy's frame that pages and other apps reuse."""

from django.db.models import Prefetch, QuerySet

from .models import Action, AreaOfRelevance, Goal, Initiative, KeyPrinciple, Objective, Pillar


def frame_goals() -> QuerySet[Goal]:
    """Goals with their objectives and actions, in the strategy's order, in three queries."""
    return Goal.objects.prefetch_related(
        Prefetch(
            "objectives",
            queryset=Objective.objects.order_by("position").prefetch_related(
                Prefetch("actions", queryset=Action.objects.order_by("position"))
            ),
        )
    )


def frame_pillars() -> QuerySet[Pillar]:
    """Pillars, then cross-cutting approaches, each with its areas of relevance."""
    return Pillar.objects.prefetch_related(Prefetch("areas", queryset=AreaOfRelevance.objects.order_by("position")))


def key_principles() -> QuerySet[KeyPrinciple]:
    return KeyPrinciple.objects.all()


def initiative_list() -> QuerySet[Initiative]:
    return Initiative.objects.select_related("unit").prefetch_related("pillars")
