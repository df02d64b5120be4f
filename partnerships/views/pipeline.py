"""Moving partnerships through the stages (board and form), approving, assessing, resources and steps."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from stakeholders.services.versions import ConcurrentEdit
from strategy.forms import add_service_errors

from ..filters import PartnershipFilter
from ..forms import ApprovalForm, AssessmentForm, MoveForm, ResourceForm, StepForm
from ..models import Partnership, Resource
from ..selectors import board_columns
from ..services.assessments import assessment_for, assessment_save
from ..services.pipeline import partnership_approve, partnership_move
from ..services.resources import resource_delete, resource_save
from ..services.steps import partnership_log_step
from .partnerships import get_partnership


def _messages_of(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


@permission_required("partnerships.view_partnership", raise_exception=True)
def board(request):
    """One column per stage; drag a card to move it, or use its move form without JavaScript."""
    filterset = PartnershipFilter(request.GET, queryset=Partnership.objects.all(), request=request)
    queryset = filterset.qs if filterset.is_valid() else Partnership.objects.none()
    return render(
        request,
        "partnerships/board.html",
        {
            "filter": filterset,
            "columns": board_columns(queryset),
            "can_move": request.user.has_perm("partnerships.change_partnership"),
            "filtered": any(value for key, value in request.GET.items() if key != "sort"),
        },
    )


def _next_url(request, partnership) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return partnership.get_absolute_url()


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@permission_required("partnerships.change_partnership", raise_exception=True)
def move(request, pk):
    """GET: the move form. POST: the move, from the form or the board (which asks for JSON)."""
    partnership = get_partnership(pk)
    form = MoveForm(request.POST or None, partnership=partnership)
    if request.method == "POST":
        status, problem = 200, None
        # The stage is checked by the service, not by the form's choices, so a refused move says why.
        stage = request.POST.get("stage", "")
        note = request.POST.get("note", "")
        version = request.POST.get("version", "")
        try:
            move = partnership_move(
                partnership=partnership,
                to_stage=stage,
                by=request.user,
                note=note,
                expected_version=int(version) if version.isdigit() else None,
            )
        except PermissionDenied as error:
            status, problem = 403, str(error) or _("You may not make this move.")
        except ConcurrentEdit as error:
            status, problem = 409, " ".join(_messages_of(error))
        except ValidationError as error:
            status, problem = 400, " ".join(_messages_of(error))
        if problem is None:
            done = _("“%(title)s” moved to “%(stage)s”.") % {"title": partnership.title, "stage": move.to_stage.name}
            if _wants_json(request):
                return JsonResponse(
                    {
                        "ok": True,
                        "message": done,
                        "version": partnership.version,
                        "days": ngettext("%(days)s day", "%(days)s days", 0) % {"days": 0},
                        "closed": partnership.is_closed,
                    }
                )
            messages.success(request, done)
            return HttpResponseRedirect(_next_url(request, partnership))
        if _wants_json(request):
            return JsonResponse({"ok": False, "message": problem}, status=status)
        form = MoveForm(request.POST, partnership=partnership)
        form.is_valid()
        form.add_error(None, problem)
        context = {"partnership": partnership, "form": form, "next": _next_url(request, partnership)}
        response = render(request, "partnerships/move_form.html", context)
        response.status_code = status
        return response
    return render(
        request,
        "partnerships/move_form.html",
        {"partnership": partnership, "form": form, "next": _next_url(request, partnership)},
    )


@require_POST
@permission_required("partnerships.approve_partnership", raise_exception=True)
def approve(request, pk):
    partnership = get_partnership(pk)
    form = ApprovalForm(request.POST)
    form.is_valid()
    try:
        partnership_approve(partnership=partnership, by=request.user, note=form.cleaned_data.get("note", ""))
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        messages.success(request, _("Approval recorded for “%(title)s”.") % {"title": partnership.title})
    return HttpResponseRedirect(partnership.get_absolute_url())


@permission_required("partnerships.change_partnership", raise_exception=True)
def assessment(request, pk):
    partnership = get_partnership(pk)
    current = assessment_for(partnership)
    form = AssessmentForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            assessment_save(
                partnership=partnership,
                by=request.user,
                fields=form.checks(),
                scores=form.scores(),
                complete=form.cleaned_data["complete"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            done = (
                _("The assessment of “%(title)s” is complete.")
                if form.cleaned_data["complete"]
                else _("The assessment of “%(title)s” is saved as a draft.")
            )
            messages.success(request, done % {"title": partnership.title})
            return HttpResponseRedirect(partnership.get_absolute_url())
    return render(request, "partnerships/assessment_form.html", {"partnership": partnership, "form": form})


@permission_required("partnerships.change_partnership", raise_exception=True)
def resource_edit(request, pk, resource_pk=None):
    partnership = get_partnership(pk)
    resource = (
        get_object_or_404(Resource, pk=resource_pk, partnership=partnership)
        if resource_pk
        else Resource(partnership=partnership)
    )
    form = ResourceForm(request.POST or None, instance=resource)
    if request.method == "POST" and form.is_valid():
        try:
            resource_save(resource=form.instance)
        except ValidationError as error:
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Resource saved."))
            return HttpResponseRedirect(partnership.get_absolute_url() + "#resources")
    return render(
        request, "partnerships/resource_form.html", {"partnership": partnership, "form": form, "resource": resource}
    )


@require_POST
@permission_required("partnerships.change_partnership", raise_exception=True)
def resource_remove(request, pk, resource_pk):
    partnership = get_partnership(pk)
    resource_delete(resource=get_object_or_404(Resource, pk=resource_pk, partnership=partnership))
    messages.success(request, _("Resource removed."))
    return HttpResponseRedirect(partnership.get_absolute_url() + "#resources")


@permission_required("stakeholders.add_interaction", raise_exception=True)
def log_step(request, pk):
    partnership = get_partnership(pk)
    form = StepForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            partnership_log_step(partnership=partnership, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The step is logged as an interaction with the partner organizations."))
            return HttpResponseRedirect(partnership.get_absolute_url() + "#steps")
    return render(request, "partnerships/step_form.html", {"partnership": partnership, "form": form})
