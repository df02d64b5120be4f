"""Outcomes and follow-up actions of an event; issues of common interest across events."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from strategy.models import Pillar

from ..forms import ActionForm, OutcomeForm
from ..models import Event
from ..selectors import issues_across_events, recurring_pillars
from ..services.outcomes import event_action_add, outcome_add


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
