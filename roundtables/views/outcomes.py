"""Outcomes and follow-up actions of an event (recorded, corrected, removed); issues of common interest
across events."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from strategy.forms import add_service_errors
from strategy.models import Pillar

from ..forms import ActionForm, OutcomeForm
from ..models import Event, EventAction, Outcome
from ..selectors import issues_across_events, recurring_pillars
from ..services.outcomes import (
    event_action_add,
    event_action_delete,
    event_action_update,
    outcome_add,
    outcome_delete,
    outcome_update,
)


def _form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))


@require_POST
@permission_required("roundtables.add_outcome", raise_exception=True)
def outcome_create(request, pk):
    event = get_object_or_404(Event, pk=pk)
    form = OutcomeForm(request.POST, event=event)
    if form.is_valid():
        try:
            outcome_add(
                event=event,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                by=request.user,
                pillars=form.cleaned_data["pillars"],
                organizations=form.cleaned_data["organizations"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The outcome is recorded."))
    else:
        _form_errors(request, form)
    return HttpResponseRedirect(event.get_absolute_url() + "#outcomes")


@require_POST
@permission_required("roundtables.add_eventaction", raise_exception=True)
def action_create(request, pk):
    event = get_object_or_404(Event, pk=pk)
    form = ActionForm(request.POST, event=event)
    if form.is_valid():
        try:
            event_action_add(event=event, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The follow-up action is in its owner's follow-ups."))
    else:
        _form_errors(request, form)
    return HttpResponseRedirect(event.get_absolute_url() + "#actions")


def _outcome(pk: int, outcome_pk: int) -> Outcome:
    return get_object_or_404(Outcome.objects.select_related("event"), pk=outcome_pk, event_id=pk)


def _action(pk: int, action_pk: int) -> EventAction:
    related = ("event", "outcome", "followup__owner", "followup__organization")
    return get_object_or_404(EventAction.objects.select_related(*related), pk=action_pk, event_id=pk)


@require_http_methods(["GET", "POST"])
@permission_required("roundtables.change_outcome", raise_exception=True)
def outcome_edit(request, pk, outcome_pk):
    outcome = _outcome(pk, outcome_pk)
    event = outcome.event
    form = OutcomeForm(request.POST or None, instance=outcome, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            outcome_update(outcome=outcome, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The outcome is saved."))
            return HttpResponseRedirect(event.get_absolute_url() + "#outcomes")
    return render(request, "roundtables/outcome_form.html", {"event": event, "outcome": outcome, "form": form})


@require_http_methods(["GET", "POST"])
@permission_required("roundtables.delete_outcome", raise_exception=True)
def outcome_delete_view(request, pk, outcome_pk):
    """Asks first; deletes on the confirmation's POST."""
    outcome = _outcome(pk, outcome_pk)
    event = outcome.event
    if request.method == "POST":
        outcome_delete(outcome=outcome)
        messages.success(request, _("The outcome is deleted."))
        return HttpResponseRedirect(event.get_absolute_url() + "#outcomes")
    return render(
        request,
        "roundtables/confirm_delete.html",
        {
            "event": event,
            "title": _("Delete this outcome?"),
            "kind": outcome.get_kind_display(),
            "text": outcome.text,
            "consequence": _("Follow-up actions decided on it stay, no longer tied to it."),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("roundtables.change_eventaction", raise_exception=True)
def action_edit(request, pk, action_pk):
    action = _action(pk, action_pk)
    event = action.event
    form = ActionForm(request.POST or None, event=event, action=action)
    if request.method == "POST" and form.is_valid():
        try:
            event_action_update(action=action, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The follow-up action is saved."))
            return HttpResponseRedirect(event.get_absolute_url() + "#actions")
    return render(request, "roundtables/action_form.html", {"event": event, "action": action, "form": form})


@require_http_methods(["GET", "POST"])
@permission_required("roundtables.delete_eventaction", raise_exception=True)
def action_delete_view(request, pk, action_pk):
    """Asks first; deletes on the confirmation's POST, the follow-up in the owner's list with it."""
    action = _action(pk, action_pk)
    event = action.event
    if request.method == "POST":
        event_action_delete(action=action)
        messages.success(request, _("The follow-up action is deleted."))
        return HttpResponseRedirect(event.get_absolute_url() + "#actions")
    followup = action.followup
    return render(
        request,
        "roundtables/confirm_delete.html",
        {
            "event": event,
            "title": _("Delete this follow-up action?"),
            "kind": followup.organization.name,
            "text": followup.description,
            "consequence": _("It also leaves the follow-ups of its owner, %(owner)s.") % {"owner": followup.owner},
        },
    )


@permission_required("roundtables.view_outcome", raise_exception=True)
def issue_list(request):
    pillar_id = request.GET.get("pillar", "")
    pillar = Pillar.objects.filter(pk=pillar_id).first() if pillar_id.isdigit() else None
    issues = Paginator(issues_across_events(pillar), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "roundtables/issue_list.html",
        {"issues": issues, "pillars": list(recurring_pillars()), "pillar": pillar},
    )
