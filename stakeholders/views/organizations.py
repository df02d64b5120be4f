from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from ..choices import Country, Level
from ..filters import OrganizationFilter
from ..forms import FollowUpForm, OrganizationForm
from ..models import Organization
from ..selectors import (
    change_history,
    level_history,
    organization_count,
    organization_detail,
    organization_links,
    organization_list_count,
    organization_members,
    organization_search,
    organization_timeline,
    potential_rating_of,
)
from ..services.organizations import organization_delete, organization_save
from .base import FilteredListView, ServiceFormMixin, make_cursor, parse_cursor
from .potential import PotentialForm


class OrganizationListView(FilteredListView):
    permission_required = "stakeholders.view_organization"
    filterset_class = OrganizationFilter
    template_name = "stakeholders/organization_list.html"
    context_object_name = "organizations"

    def get_queryset(self):
        return Organization.objects.for_list()

    def unfiltered_count(self):
        return organization_count()

    def filtered_count(self, queryset):
        return organization_list_count(self.filter_pairs(), lambda: queryset.values("pk").count())


class OrganizationDetailView(PermissionRequiredMixin, DetailView):
    """Profile, contacts, timeline of interactions, follow-ups, level history and change history."""

    permission_required = "stakeholders.view_organization"
    template_name = "stakeholders/organization_detail.html"
    context_object_name = "organization"

    def get_object(self, queryset=None):
        try:
            return organization_detail(self.kwargs["pk"])
        except Organization.DoesNotExist as missing:
            raise Http404 from missing

    def get_context_data(self, **kwargs):
        organization = self.object
        before = parse_cursor(self.request.GET.get("before", ""))
        interactions, has_more = organization_timeline(organization, before=before)
        changes = list(level_history(organization)[:20])
        rating = potential_rating_of(organization)
        return super().get_context_data(
            interactions=interactions,
            older=make_cursor(interactions[-1]) if has_more else "",
            paged=before is not None,
            contacts=organization.contacts.order_by("name_key")[:50],
            followups=organization.followups.select_related("owner").order_by("done_at", "due_on")[:20],
            level_changes=changes,
            latest_change=changes[0] if changes else None,
            history=change_history(organization),
            links=organization_links(organization),
            followup_form=FollowUpForm(initial={"owner": self.request.user.pk}),
            potential_rating=rating,
            # Who rated it when, newest first; no query for an organization nobody rated.
            potential_history=list(rating.history.select_related("history_user")[:10]) if rating else [],
            potential_form=PotentialForm(initial={"potential": rating.potential if rating else None}),
            **kwargs,
        )


class OrganizationFormView(ServiceFormMixin):
    model = Organization
    form_class = OrganizationForm
    template_name = "stakeholders/organization_form.html"

    def save(self, form):
        many_to_many = {
            name: form.cleaned_data[name]
            for name in form._meta.fields
            if name in ("pillars", "areas", "initiatives", "tags", "member_of")
        }
        return organization_save(
            organization=form.instance,
            many_to_many=many_to_many,
            sectors=form.cleaned_data["naics_codes"],
            expected_version=form.cleaned_data.get("version") if form.instance.pk else None,
        )

    def get_success_url(self):
        return self.object.get_absolute_url()


class OrganizationCreateView(PermissionRequiredMixin, OrganizationFormView, CreateView):
    permission_required = "stakeholders.add_organization"
    success_message = _("%(name)s is in the register.")

    def get_initial(self):
        return {**super().get_initial(), "owner": self.request.user.pk}


class OrganizationUpdateView(PermissionRequiredMixin, OrganizationFormView, UpdateView):
    permission_required = "stakeholders.change_organization"
    success_message = _("Changes to %(name)s are saved.")


@permission_required("stakeholders.delete_organization", raise_exception=True)
def organization_delete_view(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    if request.method == "POST":
        try:
            organization_delete(organization=organization)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return HttpResponseRedirect(organization.get_absolute_url())
        except ProtectedError:
            messages.error(request, _("This organization still has records that point to it; merge it instead."))
            return HttpResponseRedirect(organization.get_absolute_url())
        messages.success(request, _("%(name)s was deleted.") % {"name": organization})
        return HttpResponseRedirect(reverse("stakeholders:organization_list"))
    return render(request, "stakeholders/organization_confirm_delete.html", {"organization": organization})


@require_GET
@permission_required("stakeholders.view_organization", raise_exception=True)
def organization_lookup(request):
    """Up to ten organizations matching what a person types in an organization picker."""
    term = request.GET.get("q", "").strip()
    organizations = []
    if len(term) >= 2:
        organizations = organization_search(Organization.objects.select_related("hq_region"), term).order_by(
            "name_key", "id"
        )[:10]
    return render(
        request,
        "stakeholders/widgets/organization_lookup.html",
        {
            "organizations": organizations,
            "term": term,
            "field": request.GET.get("field", "organizations"),
            "multiple": request.GET.get("multiple") == "1",
            "prefix": request.GET.get("prefix", "id"),
        },
    )


class OrganizationMembersView(PermissionRequiredMixin, ListView):
    """The member organizations of a chamber of commerce or an industry association, a page at a time."""

    permission_required = "stakeholders.view_organization"
    template_name = "stakeholders/organization_members.html"
    context_object_name = "members"
    paginate_by = 25

    def get_queryset(self):
        fields = ("id", "name", "acronym", "category")
        self.organization = get_object_or_404(Organization.objects.only(*fields), pk=self.kwargs["pk"])
        if not self.organization.has_members:
            raise Http404
        return organization_members(self.organization)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(organization=self.organization, **kwargs)
        countries, levels = dict(Country.choices), dict(Level.choices)
        for row in context["members"]:  # list rows are plain dicts: their labels in the reader's language
            row["country_label"] = countries.get(row["hq_country"], "")
            row["level_label"] = levels.get(row["engagement_level"], "")
        return context
