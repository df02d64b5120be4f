"""Choosing recipients from the register, sending invitations, and setting reminder days."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..filters import recipient_selection
from ..forms import ReminderForm
from ..models import Survey
from ..services.invitations import SelectionChanged, invitations_create, recipients


@permission_required("surveys.send_survey", raise_exception=True)
def survey_recipients(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    selection = recipient_selection(request.GET, request=request)
    reachable = recipients(survey, selection.contacts)
    if request.method == "POST":
        expected = request.POST.get("expected", "")
        if not survey.is_open:
            messages.error(request, _("Open the survey before sending its invitations."))
        elif selection.problem:
            messages.error(request, selection.problem)
        elif not selection.chosen:
            messages.error(request, _("Choose the recipients with the filters first."))
        elif not expected.isdigit():
            messages.error(request, _("Check the number of recipients, then send."))
        else:
            try:
                count = invitations_create(
                    survey=survey, contacts=selection.contacts, by=request.user, expected=int(expected)
                )
            except SelectionChanged as changed:
                messages.error(request, " ".join(changed.messages))
            else:
                messages.success(
                    request,
                    ngettext("%(count)s invitation is on its way.", "%(count)s invitations are on their way.", count)
                    % {"count": count},
                )
                return HttpResponseRedirect(survey.get_absolute_url() + "#invitations")
    matched = selection.contacts.count() if selection.chosen else 0
    count = reachable.count() if selection.chosen else 0
    invitations = Paginator(
        survey.invitations.select_related("contact__organization").order_by("-created_at", "-id"), 50
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "surveys/recipients.html",
        {
            "survey": survey,
            "filter": selection.filterset,
            "filtered": selection.chosen,
            "problem": selection.problem,
            "count": count,
            "skipped": matched - count,
            "sample": reachable.order_by("name_key")[:10] if selection.chosen else [],
            "invitations": invitations,
            "reminder_form": ReminderForm(),
            "reminders": survey.reminders.all(),
        },
    )


@require_POST
@permission_required("surveys.send_survey", raise_exception=True)
def reminder_add(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    form = ReminderForm(request.POST, instance=survey.reminders.model(survey=survey))
    if form.is_valid():
        if survey.reminders.filter(send_on=form.cleaned_data["send_on"]).exists():
            messages.info(request, _("A reminder is already set for that day."))
        else:
            form.save()
            messages.success(request, _("Reminder set: non-respondents get it that morning."))
    else:
        messages.error(request, _("Give the day of the reminder."))
    return HttpResponseRedirect(survey.get_absolute_url() + "#reminders")
