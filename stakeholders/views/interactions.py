from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, UpdateView
from django_filters.views import FilterView

from ..filters import InteractionFilter
from ..forms import FollowUpForm, InteractionForm
from ..models import FollowUp, Interaction, Organization
from ..selectors import change_history, interaction_page
from ..services.interactions import (
    followup_add,
    followup_complete,
    followup_reopen,
    interaction_delete,
    interaction_log,
    interaction_update,
)
from .base import ServiceFormMixin, make_cursor, parse_cursor

LINKS = ("organizations", "contacts", "staff", "objectives", "actions", "pillars")


class InteractionListView(PermissionRequiredMixin, FilterView):
    """Interactions, newest first, paged by a cursor (date and id) rather than an offset, so the
    5,000th page of a million interactions costs what the first does."""

    permission_required = "stakeholders.view_interaction"
    filterset_class = InteractionFilter
    template_name = "stakeholders/interaction_list.html"
    page_size = 25

    def get_queryset(self):
        return Interaction.objects.select_related("kind", "created_by").prefetch_related("organizations")

    def get_context_data(self, **kwargs):
        cursor = parse_cursor(self.request.GET.get("after", ""))
        rows, has_more = interaction_page(self.object_list, after=cursor, size=self.page_size)
        context = super().get_context_data(**kwargs)
        context.update(
            interactions=rows,
            next_cursor=make_cursor(rows[-1]) if has_more else "",
            paged=cursor is not None,
            filtered=any(v for k, v in self.request.GET.items() if k != "after"),
        )
        return context


class InteractionDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "stakeholders.view_interaction"
    template_name = "stakeholders/interaction_detail.html"
    context_object_name = "interaction"

    def get_queryset(self):
        return Interaction.objects.select_related("kind", "unit", "created_by").prefetch_related(
            "organizations", "contacts__organization", "staff", "objectives", "actions", "pillars", "followups__owner"
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(history=change_history(self.object), **kwargs)


class InteractionCreateView(PermissionRequiredMixin, ServiceFormMixin, CreateView):
    """Log an interaction; from an organization's page the form comes prefilled with it."""

    permission_required = "stakeholders.add_interaction"
    model = Interaction
    form_class = InteractionForm
    template_name = "stakeholders/interaction_form.html"
    success_message = _("The interaction is logged.")

    def organization(self):
        organization_id = self.request.GET.get("organization", "")
        return get_object_or_404(Organization, pk=organization_id) if organization_id.isdigit() else None

    def get_form_kwargs(self):
        organization = self.organization()
        selected = self.request.POST.getlist("organizations") if self.request.method == "POST" else []
        organizations = list(Organization.objects.filter(pk__in=[s for s in selected if s.isdigit()])) or (
            [organization] if organization else []
        )
        return {**super().get_form_kwargs(), "organizations": organizations, "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(organization=self.organization(), **kwargs)

    def save(self, form):
        data = form.cleaned_data
        return interaction_log(
            kind=data["kind"],
            occurred_on=data["occurred_on"],
            mode=data["mode"],
            organizations=data["organizations"],
            contacts=data["contacts"],
            staff=data["staff"],
            unit=data["unit"],
            objectives=data["objectives"],
            actions=data["actions"],
            pillars=data["pillars"],
            summary=data["summary"],
            outcome=data["outcome"],
            followups=form.followups(),
            by=self.request.user,
        )

    def get_success_url(self):
        organization = self.organization()
        return organization.get_absolute_url() if organization else self.object.get_absolute_url()


class InteractionUpdateView(PermissionRequiredMixin, ServiceFormMixin, UpdateView):
    permission_required = "stakeholders.change_interaction"
    model = Interaction
    form_class = InteractionForm
    template_name = "stakeholders/interaction_form.html"
    success_message = _("The interaction is saved.")

    def get_form_kwargs(self):
        selected = self.request.POST.getlist("organizations") if self.request.method == "POST" else []
        organizations = list(Organization.objects.filter(pk__in=[s for s in selected if s.isdigit()]))
        return {**super().get_form_kwargs(), "organizations": organizations, "user": self.request.user}

    def save(self, form):
        return interaction_update(
            interaction=form.instance,
            expected_version=form.cleaned_data.get("version"),
            **{name: form.cleaned_data[name] for name in LINKS},
        )

    def get_success_url(self):
        return self.object.get_absolute_url()


@permission_required("stakeholders.delete_interaction", raise_exception=True)
def interaction_delete_view(request, pk):
    interaction = get_object_or_404(Interaction, pk=pk)
    if request.method == "POST":
        interaction_delete(interaction=interaction)
        messages.success(request, _("The interaction was deleted."))
        return HttpResponseRedirect(reverse("stakeholders:interaction_list"))
    return render(request, "stakeholders/interaction_confirm_delete.html", {"interaction": interaction})


def _back(request, default: str) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = default
    return HttpResponseRedirect(target)


@require_POST
@permission_required("stakeholders.change_followup", raise_exception=True)
def followup_toggle(request, pk):
    followup = get_object_or_404(FollowUp, pk=pk)
    if followup.is_done:
        followup_reopen(followup=followup)
    else:
        followup_complete(followup=followup, by=request.user)
        messages.success(request, _("Follow-up done: %(description)s") % {"description": followup.description})
    return _back(request, followup.organization.get_absolute_url())


@require_POST
@permission_required("stakeholders.add_followup", raise_exception=True)
def followup_create(request, organization_pk):
    organization = get_object_or_404(Organization, pk=organization_pk)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        followup_add(organization=organization, **form.cleaned_data)
        messages.success(request, _("The follow-up is added."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return HttpResponseRedirect(organization.get_absolute_url() + "#followups")
