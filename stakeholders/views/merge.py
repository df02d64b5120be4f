"""Merging duplicates (administrators only): a list of likely duplicates and a field-by-field merge."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from ..models import Contact, Organization
from ..selectors import possible_duplicates
from ..services.merge import CONTACT_FIELDS, ORGANIZATION_FIELDS, contact_merge, organization_merge


@permission_required("stakeholders.merge_organization", raise_exception=True)
def duplicate_list(request):
    return render(request, "stakeholders/duplicate_list.html", {"groups": possible_duplicates()})


def _rows(model, fields, keep, duplicate):
    rows = []
    for name in fields:
        field = model._meta.get_field(name)
        kept, other = getattr(keep, name), getattr(duplicate, name)
        display = (
            (lambda obj, f=field: getattr(obj, f"get_{f.name}_display")())
            if field.choices
            else (lambda obj, f=field: getattr(obj, f.name))
        )
        rows.append(
            {
                "name": name,
                "label": field.verbose_name,
                "keep": display(keep) if kept not in (None, "") else "",
                "other": display(duplicate) if other not in (None, "") else "",
                "differs": kept != other,
            }
        )
    return rows


def _merge_view(request, *, model, fields, merge, template, kind):
    keep_id, other_id = (
        request.GET.get("keep") or request.POST.get("keep"),
        request.GET.get("other") or request.POST.get("other"),
    )
    keep = get_object_or_404(model, pk=keep_id) if str(keep_id).isdigit() else None
    other = get_object_or_404(model, pk=other_id) if str(other_id).isdigit() else None
    error = ""
    if keep and other and request.method == "POST":
        chosen = [name for name in fields if request.POST.get(f"pick_{name}") == "other"]
        try:
            kept = merge(keep=keep, duplicate=other, take_from_duplicate=chosen)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            messages.success(request, _("The two records are merged into %(name)s.") % {"name": kept})
            return HttpResponseRedirect(kept.get_absolute_url())
    if keep and other and keep.pk == other.pk:
        error = error or (
            _("An organization cannot be merged with itself.")
            if kind == "organization"
            else _("A contact cannot be merged with itself.")
        )
    context = {
        "keep": keep,
        "other": other,
        "error": error,
        "kind": kind,
        "rows": _rows(model, fields, keep, other) if keep and other and not error else [],
    }
    return render(request, template, context, status=400 if error and request.method == "POST" else 200)


@permission_required("stakeholders.merge_organization", raise_exception=True)
def organization_merge_view(request):
    return _merge_view(
        request,
        model=Organization,
        fields=ORGANIZATION_FIELDS,
        merge=organization_merge,
        template="stakeholders/merge.html",
        kind="organization",
    )


@permission_required("stakeholders.merge_organization", raise_exception=True)
def contact_merge_view(request):
    return _merge_view(
        request,
        model=Contact,
        fields=CONTACT_FIELDS,
        merge=contact_merge,
        template="stakeholders/merge.html",
        kind="contact",
    )
