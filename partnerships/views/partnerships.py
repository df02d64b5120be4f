"""The partnership list, page, and create/edit forms."""

from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import CreateView, DetailView, UpdateView

from stakeholders.exports import to_csv, to_xlsx
from stakeholders.models import Organization
from stakeholders.selectors import change_history
from stakeholders.views.base import FilteredListView, ServiceFormMixin

from ..exports import partnership_rows
from ..filters import PartnershipFilter
from ..forms import ApprovalForm, MoveForm, PartnershipForm, ResourceForm, StepForm
from ..models import Partnership, PrincipleScore
from ..selectors import pledged_by_partnership, resource_totals, stage_timeline
from ..services.assessments import assessment_for
from ..services.pipeline import partnership_save

RELATIONS = ("partners", "contacts", "initiatives", "goals", "objectives", "actions", "pillars")


class PartnershipListView(FilteredListView):
    permission_required = "partnerships.view_partnership"
    filterset_class = PartnershipFilter
    template_name = "partnerships/partnership_list.html"
    context_object_name = "partnerships"

    def get_queryset(self):
        return Partnership.objects.for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["partnerships"]
        values, currency = pledged_by_partnership(p.pk for p in page)
        for partnership in page:
            partnership.pledged = values.get(partnership.pk)
            partnership.currency = currency
        return context


class PartnershipDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "partnerships.view_partnership"
    template_name = "partnerships/partnership_detail.html"
    context_object_name = "partnership"

    def get_queryset(self):
        return Partnership.objects.select_related(
            "lead_organization", "stage", "owner", "unit", "approved_by", "assessment__assessed_by"
        ).prefetch_related(
            "partners",
            "contacts",
            "initiatives",
            "goals",
            "objectives",
            "actions",
            "pillars",
            "resources",
            Prefetch("assessment__scores", queryset=PrincipleScore.objects.select_related("principle")),
        )

    def get_context_data(self, **kwargs):
        partnership = self.object
        timeline, days_per_stage = stage_timeline(partnership)
        steps = partnership.steps.select_related("interaction__kind").order_by(
            "-interaction__occurred_on", "-interaction_id"
        )[:20]
        return super().get_context_data(
            timeline=timeline,
            days_per_stage=days_per_stage,
            assessment=assessment_for(partnership),
            totals=resource_totals(partnership.resources.all()),
            steps=steps,
            move_form=MoveForm(partnership=partnership),
            approval_form=ApprovalForm(),
            resource_form=ResourceForm(),
            step_form=StepForm(partnership=partnership),
            history=change_history(partnership),
            **kwargs,
        )


class PartnershipFormView(ServiceFormMixin):
    model = Partnership
    form_class = PartnershipForm
    template_name = "partnerships/partnership_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "organization": self.organization()}

    def organization(self):
        pk = self.request.GET.get("organization", "")
        return Organization.objects.filter(pk=pk).first() if pk.isdigit() else None

    def save(self, form):
        return partnership_save(
            partnership=form.instance,
            by=self.request.user,
            many_to_many={name: form.cleaned_data[name] for name in RELATIONS},
            expected_version=form.cleaned_data.get("version") if form.instance.pk else None,
        )

    def get_success_url(self):
        return self.object.get_absolute_url()


class PartnershipCreateView(PermissionRequiredMixin, PartnershipFormView, CreateView):
    permission_required = "partnerships.add_partnership"
    success_message = _("The partnership “%(name)s” is in the pipeline, at its first stage.")


class PartnershipUpdateView(PermissionRequiredMixin, PartnershipFormView, UpdateView):
    permission_required = "partnerships.change_partnership"
    success_message = _("Changes to “%(name)s” are saved.")

    def get_object(self, queryset=None):
        partnership = super().get_object(queryset)
        if partnership.is_closed:
            raise Http404
        return partnership


FORMATS = {
    "csv": (to_csv, "text/csv; charset=utf-8"),
    "xlsx": (to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@require_GET
@permission_required("partnerships.view_partnership", raise_exception=True)
def partnership_export(request, file_format):
    if file_format not in FORMATS:
        raise Http404
    filterset = PartnershipFilter(request.GET, queryset=Partnership.objects.all(), request=request)
    header, rows = partnership_rows(filterset.qs if filterset.is_valid() else Partnership.objects.none())
    writer, content_type = FORMATS[file_format]
    response = HttpResponse(writer(header, rows), content_type=content_type)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="cec-engage-partnerships-{stamp}.{file_format}"'
    return response


def get_partnership(pk) -> Partnership:
    return get_object_or_404(Partnership.objects.select_related("stage", "lead_organization"), pk=pk)
