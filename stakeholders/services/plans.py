"""Target groups and engagement plans, and the follow-ups a plan writes for organizations behind its cadence."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.models import User

from ..models import EngagementPlan, FollowUp, TargetGroup
from ..plans import plan_organizations_behind, read_target_filter, target_group_query

# How long the owner has to make the contact a plan's follow-up asks for.
FOLLOWUP_DUE_AFTER = timedelta(days=14)


@transaction.atomic
def target_group_create(*, name: str, query: str, owner: User) -> TargetGroup:
    """Save the organization list's filter ``query`` as a group; refused when the list cannot read it
    strictly, since such a filter would select no organization."""
    query = target_group_query(query.lstrip("?")).urlencode()
    selection = read_target_filter(query)
    if selection.problem:
        raise ValidationError({"query": selection.problem})
    group = TargetGroup(name=name, query=query, owner=owner)
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def plan_save(*, plan: EngagementPlan) -> EngagementPlan:
    """Create or update an engagement plan."""
    plan.full_clean()
    plan.save()
    return plan


def plan_create_followups(*, plan: EngagementPlan, today: date | None = None) -> int:
    """A follow-up, for the plan's owner, for each organization of the group behind the plan's cadence
    that has no open follow-up from this plan yet. Safe to run twice: the second run finds them open; a
    run racing another one is held back by the database's one-open-follow-up-per-plan rule."""
    today = today or timezone.localdate()
    already = FollowUp.objects.open().filter(plan=plan, organization=OuterRef("pk"))
    behind = plan_organizations_behind(plan, today).filter(~Exists(already)).values_list("pk", flat=True)
    with translation.override(plan.owner.preferred_language):
        description = gettext("Contact this organization (engagement plan “%(plan)s”)") % {"plan": plan.name}
    followups = [
        FollowUp(
            plan=plan,
            organization_id=pk,
            owner=plan.owner,
            description=description[:300],
            due_on=today + FOLLOWUP_DUE_AFTER,
        )
        for pk in behind.iterator(chunk_size=2000)
    ]
    return len(FollowUp.objects.bulk_create(followups, batch_size=1000, ignore_conflicts=True))


def plans_create_followups(today: date | None = None) -> int:
    """Run ``plan_create_followups`` for every plan not yet past its due date; the number created."""
    today = today or timezone.localdate()
    created = 0
    for plan in EngagementPlan.objects.filter(due_on__gte=today).select_related("owner", "target_group"):
        created += plan_create_followups(plan=plan, today=today)
    return created
