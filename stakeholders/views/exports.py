"""Exporting the list on screen (same filters) to CSV or Excel, in the reader's language."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from ..exports import contact_rows, interaction_rows, organization_rows, to_csv, to_xlsx
from ..filters import ContactFilter, InteractionFilter, OrganizationFilter
from ..models import Contact, Interaction, Organization

LISTS = {
    "organizations": (
        "stakeholders.view_organization",
        OrganizationFilter,
        Organization.objects.all,
        organization_rows,
    ),
    "contacts": ("stakeholders.view_contact", ContactFilter, Contact.objects.all, contact_rows),
    "interactions": ("stakeholders.view_interaction", InteractionFilter, Interaction.objects.all, interaction_rows),
}
FORMATS = {
    "csv": (to_csv, "text/csv; charset=utf-8"),
    "xlsx": (to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@require_GET
def export_list(request, kind, file_format):
    if kind not in LISTS or file_format not in FORMATS:
        raise Http404
    permission, filterset_class, queryset, rows = LISTS[kind]
    if not request.user.has_perm(permission):
        raise PermissionDenied
    filterset = filterset_class(request.GET, queryset=queryset(), request=request)
    header, body = rows(filterset.qs if filterset.is_valid() else queryset().none())
    writer, content_type = FORMATS[file_format]
    response = HttpResponse(writer(header, body), content_type=content_type)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="cec-engage-{kind}-{stamp}.{file_format}"'
    return response
