"""Importing stakeholder lists in the browser (administrators): upload, map the columns, review, run
in the background with a progress bar, download the rejected rows, undo (in the background too)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from strategy.jobs import JobsUnavailable

from ..imports.columns import target_choices
from ..imports.reading import MAX_BYTES, UnreadableFile
from ..models import ImportBatch, SavedMapping
from ..models.imports import ImportStatus, OnError, UpdateMode
from ..selectors import import_kept
from ..services.imports import (
    batch_mapping,
    batch_source,
    import_remove,
    import_rows,
    import_set_mapping,
    import_start,
    import_start_again,
    import_undo_start,
    import_upload,
    imports_release_stale,
    saved_mapping_for,
)

PREVIEW_ROWS = 200


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or Excel file"), help_text=gettext_lazy("Up to 20 MB."))
    encoding = forms.ChoiceField(
        label=gettext_lazy("Text encoding (CSV)"),
        required=False,
        choices=[
            ("", gettext_lazy("Detect")),
            ("utf-8", "UTF-8"),
            ("utf-16", "UTF-16"),
            ("cp1252", "Windows-1252"),
            ("latin-1", "Latin-1"),
        ],
    )
    sheet = forms.CharField(
        label=gettext_lazy("Sheet (Excel)"), required=False, help_text=gettext_lazy("The first one if blank.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(size)s MB; split it into smaller files.") % {"size": MAX_BYTES // 2**20}
            )
        return upload


class ReviewForm(forms.Form):
    on_error = forms.ChoiceField(
        label=gettext_lazy("Invalid rows"), choices=OnError.choices, widget=forms.RadioSelect, initial=OnError.ABORT
    )
    update_mode = forms.ChoiceField(
        label=gettext_lazy("Records that match"),
        choices=UpdateMode.choices,
        widget=forms.RadioSelect,
        initial=UpdateMode.FILL,
    )


def _batch(pk):
    return get_object_or_404(ImportBatch.objects.defer("data"), pk=pk)


@permission_required("stakeholders.add_importbatch", raise_exception=True)
def import_list(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = import_upload(
                data=upload.read(),
                file_name=upload.name,
                by=request.user,
                encoding=form.cleaned_data["encoding"],
                sheet=form.cleaned_data["sheet"],
            )
        except UnreadableFile as error:
            form.add_error("file", str(error))
        else:
            return HttpResponseRedirect(f"{batch.get_absolute_url()}mapping/")
    imports_release_stale()
    batches = ImportBatch.objects.defer("data", "rejected_csv").select_related("created_by")[:30]
    return render(request, "stakeholders/import_list.html", {"form": form, "batches": batches})


@permission_required("stakeholders.add_importbatch", raise_exception=True)
def import_mapping(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk, status=ImportStatus.PREVIEWED)
    source = batch_source(batch)
    if request.method == "POST":
        mapping = {i: request.POST.get(f"column_{i}", "") for i in range(len(source.header))}
        import_set_mapping(
            batch=batch, mapping=mapping, header=source.header, save_as=request.POST.get("save_as", ""), by=request.user
        )
        return HttpResponseRedirect(f"{batch.get_absolute_url()}review/")
    saved_id = request.GET.get("saved", "")
    saved = SavedMapping.objects.filter(pk=saved_id).first() if saved_id.isdigit() else None
    mapping = saved_mapping_for(saved, source.header) if saved else batch_mapping(batch)
    samples = source.head(3)
    columns = [
        {
            "index": i,
            "name": name,
            "target": mapping.get(i, ""),
            "samples": [row[i] for row in samples if i < len(row)],
        }
        for i, name in enumerate(source.header)
    ]
    return render(
        request,
        "stakeholders/import_mapping.html",
        {
            "batch": batch,
            "columns": columns,
            "targets": target_choices(),
            "saved_mappings": SavedMapping.objects.all(),
            "saved": saved,
        },
    )


@permission_required("stakeholders.add_importbatch", raise_exception=True)
def import_review(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk, status=ImportStatus.PREVIEWED)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            import_start(batch=batch, **form.cleaned_data)
        except JobsUnavailable as error:
            messages.error(request, error.message)
        else:
            return HttpResponseRedirect(batch.get_absolute_url())
    update_mode = request.GET.get("update_mode") or UpdateMode.FILL
    error, plan = "", None
    try:  # a dry run: counts and invalid rows, without keeping every row
        plan = import_rows(batch_source(batch), batch_mapping(batch), update_mode=update_mode, dry_run=True)
    except ValidationError as refusal:
        error = " ".join(refusal.messages)
    return render(
        request,
        "stakeholders/import_review.html",
        {
            "batch": batch,
            "form": form,
            "plan": plan,
            "error": error,
            "counts": plan.counts if plan else {},
            "invalid": plan.invalid[:PREVIEW_ROWS] if plan else [],
        },
    )


@permission_required("stakeholders.add_importbatch", raise_exception=True)
def import_detail(request, pk):
    imports_release_stale()
    batch = _batch(pk)
    template = (
        "stakeholders/includes/import_progress.html"
        if request.headers.get("HX-Request")
        else "stakeholders/import_detail.html"
    )
    kept = import_kept(batch) if batch.status == ImportStatus.UNDONE and batch.kept_count else None
    return render(request, template, {"batch": batch, "kept": kept})


@permission_required("stakeholders.add_importbatch", raise_exception=True)
def import_rejected(request, pk):
    batch = _batch(pk)
    response = HttpResponse(batch.rejected_csv, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rejected-rows-{batch.pk}.csv"'
    return response


@require_POST
@permission_required("stakeholders.change_importbatch", raise_exception=True)
def import_undo_view(request, pk):
    batch = _batch(pk)
    try:
        import_undo_start(batch=batch, by=request.user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    except JobsUnavailable as error:
        messages.error(request, error.message)
    return HttpResponseRedirect(batch.get_absolute_url())


@require_POST
@permission_required("stakeholders.add_importbatch", raise_exception=True)
def import_start_again_view(request, pk):
    batch = _batch(pk)
    try:
        import_start_again(batch=batch)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    except JobsUnavailable as error:
        messages.error(request, error.message)
    return HttpResponseRedirect(batch.get_absolute_url())


@require_POST
@permission_required("stakeholders.change_importbatch", raise_exception=True)
def import_remove_view(request, pk):
    batch = _batch(pk)
    try:
        import_remove(batch=batch)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return HttpResponseRedirect(batch.get_absolute_url())
    messages.success(request, _("The import %(file)s was removed.") % {"file": batch.file_name})
    return HttpResponseRedirect(reverse("stakeholders:import_list"))
