"""Engagement plans: the list, the form, and a plan's page with its progress and the organizations behind."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView

from strategy.forms import add_service_errors

from ..models import EngagementPlan
from ..plan_forms import EngagementPlanForm, TargetGroupForm
from ..plans import plan_open_followups, plan_organizations_behind, plan_progress, plans_for_list, read_target_filter
from ..services.plans import plan_save, target_group_create
from .base import ServiceFormMixin

# Organizations behind the cadence shown on a plan's page; the nightly follow-ups cover them all.
BEHIND_SHOWN = 50


def may_edit_plan(user, plan: EngagementPlan) -> bool:
    """A plan's owner edits it; with the permission to edit every plan, administrators do too."""
    if user.has_perm("stakeholders.change_any_engagementplan"):
        return True
    return user.has_perm("stakeholders.change_engagementplan") and plan.owner_id == user.pk


class PlanListView(PermissionRequiredMixin, ListView):
    permission_required = "stakeholders.view_engagementplan"
    template_name = "stakeholders/plan_list.html"
    context_object_name = "plans"
    paginate_by = 25

    def get_queryset(self):
        return plans_for_list()


class PlanDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "stakeholders.view_engagementplan"
    template_name = "stakeholders/plan_detail.html"
    context_object_name = "plan"

    def get_queryset(self):
        return plans_for_list()

    def get_context_data(self, **kwargs):
        plan = self.object
        selection = read_target_filter(plan.target_group.query)
        behind = plan_organizations_behind(plan).values("pk", "name", "acronym", "engagement_level")
        return super().get_context_data(
            progress=plan_progress(plan),
            group_problem=selection.problem,
            behind=list(behind[:BEHIND_SHOWN]),
            behind_shown=BEHIND_SHOWN,
            open_followups=plan_open_followups(plan).count(),
            may_edit=may_edit_plan(self.request.user, plan),
            **kwargs,
        )


class PlanCreateView(PermissionRequiredMixin, ServiceFormMixin, CreateView):
    permission_required = "stakeholders.add_engagementplan"
    model = EngagementPlan
    form_class = EngagementPlanForm
    template_name = "stakeholders/plan_form.html"
    success_message = _("The plan “%(name)s” is saved.")

    def get_initial(self):
        return {"owner": self.request.user, "target_group": self.request.GET.get("group")}

    def save(self, form):
        return plan_save(plan=form.instance)


class PlanUpdateView(PermissionRequiredMixin, ServiceFormMixin, UpdateView):
    permission_required = "stakeholders.change_engagementplan"
    model = EngagementPlan
    form_class = EngagementPlanForm
    template_name = "stakeholders/plan_form.html"
    success_message = _("The plan “%(name)s” is saved.")

    def get_object(self, queryset=None):
        plan = super().get_object(queryset)
        if not may_edit_plan(self.request.user, plan):
            raise PermissionDenied
        return plan

    def save(self, form):
        return plan_save(plan=form.instance)


class TargetGroupCreateView(PermissionRequiredMixin, FormView):
    """Save the organization list's filter as a target group, then go on to make a plan for it."""

    permission_required = "stakeholders.add_targetgroup"
    form_class = TargetGroupForm
    template_name = "stakeholders/targetgroup_form.html"

    def get_initial(self):
        query = self.request.GET.copy()
        return {"query": query.urlencode()}

    def get_context_data(self, **kwargs):
        query = self.get_form().data.get("query") if self.request.method == "POST" else self.request.GET.urlencode()
        selection = read_target_filter(query or "")
        return super().get_context_data(count=None if selection.problem else selection.organizations.count(), **kwargs)

    def form_valid(self, form):
        try:
            group = target_group_create(
                name=form.cleaned_data["name"], query=form.cleaned_data["query"], owner=self.request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return HttpResponseRedirect(reverse("stakeholders:plan_add") + f"?group={group.pk}")
