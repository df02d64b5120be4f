"""Reads of engagement plans: a target group's organizations, read strictly, and where a plan stands.

A saved filter that holds a key the organization list no longer knows, or a value it cannot read, selects
no organization: ignoring the key would widen the group to every organization in the register, and the
nightly run would then write a follow-up for each of them.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from .filters import OrganizationFilter, read_strictly
from .models import EngagementPlan, FollowUp, InteractionOrganization, Organization, TargetGroup

# Keys of the list page itself: how it is shown, not which organizations it finds.
PAGE_KEYS = frozenset({"page", "size", "sort"})


@dataclass
class GroupSelection:
    """The organizations a saved filter selects, or why it selects none."""

    organizations: QuerySet[Organization]
    problem: str = ""


def target_group_query(query: str) -> QueryDict:
    """The saved query string as the FilterSet reads it: without the list's page keys, nor the empty
    fields a filter form submits."""
    data = QueryDict(mutable=True)
    for key, values in QueryDict(query).lists():
        kept = [value for value in values if value]
        if key not in PAGE_KEYS and kept:
            data.setlist(key, kept)
    return data


def read_target_filter(query: str) -> GroupSelection:
    """The organizations ``query`` selects: none unless every key is a filter of the organization list,
    every value is valid and at least one filter narrows the register."""
    data = target_group_query(query)
    filterset = OrganizationFilter(data, queryset=Organization.objects.all())
    none = Organization.objects.none()
    reading = read_strictly(filterset)
    if reading.unknown:
        problem = _("The organization list does not know the filter “%(names)s”, so this group selects no "
                    "organization.") % {"names": "”, “".join(reading.unknown)}  # fmt: skip
        return GroupSelection(none, problem)
    if reading.invalid:
        return GroupSelection(none, _("A filter holds a value the organization list cannot read, so this group "
                                      "selects no organization."))  # fmt: skip
    if not reading.narrows:
        return GroupSelection(none, _("The filter does not narrow the register, so this group selects no "
                                      "organization."))  # fmt: skip
    return GroupSelection(filterset.qs)


def target_group_organizations(group: TargetGroup) -> QuerySet[Organization]:
    """The organizations of ``group`` today (none when its filter cannot be read strictly)."""
    return read_target_filter(group.query).organizations


@dataclass
class PlanProgress:
    total: int
    reached: int

    @property
    def percent(self) -> int:
        return round(100 * self.reached / self.total) if self.total else 0


def plan_progress(plan: EngagementPlan) -> PlanProgress:
    """How many of the group's organizations stand at or above the plan's goal level, in one query."""
    counts = target_group_organizations(plan.target_group).aggregate(
        total=Count("pk"), reached=Count("pk", filter=Q(engagement_level__gte=plan.goal_level))
    )
    return PlanProgress(total=counts["total"], reached=counts["reached"])


def cadence_window_start(plan: EngagementPlan, today: date | None = None) -> date:
    """The first day of the window in which each organization should have had an interaction."""
    return (today or timezone.localdate()) - timedelta(days=plan.cadence_days)


def plan_organizations_behind(plan: EngagementPlan, today: date | None = None) -> QuerySet[Organization]:
    """The group's organizations with no interaction within the plan's cadence window."""
    recent = InteractionOrganization.objects.filter(
        organization=OuterRef("pk"), occurred_on__gte=cadence_window_start(plan, today)
    )
    return target_group_organizations(plan.target_group).filter(~Exists(recent))


def plans_for_list() -> QuerySet[EngagementPlan]:
    return EngagementPlan.objects.select_related("target_group", "owner")


def plan_open_followups(plan: EngagementPlan) -> QuerySet[FollowUp]:
    return FollowUp.objects.open().filter(plan=plan)
