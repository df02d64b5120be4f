"""Choosing recipients from the register, sending invitations, and setting reminder days."""

import django_filters as filters
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from stakeholders.filters import ContactFilter
from stakeholders.models import Contact, Organization

from ..forms import ReminderForm
from ..models import Survey
from ..services.invitations import invitations_create, recipients


class RecipientFilter(ContactFilter):
    """The contact list's filters, plus organizations that took part in past CEC initiatives."""

    past_initiatives = filters.BooleanFilter(
        label=gettext_lazy("Organization took part in a past CEC initiative"),
        method="filter_past_initiatives",
        widget=forms.CheckboxInput,
    )

    def filter_past_initiatives(self, queryset, name, value):
        if not value:
            return queryset
        through = Organization.initiatives.through
        return queryset.filter(Exists(through.objects.filter(organization=OuterRef("organization"))))


def _chosen(request, survey):
    filterset = RecipientFilter(request.GET, queryset=Contact.objects.select_related("organization"), request=request)
    contacts = filterset.qs if filterset.is_valid() else Contact.objects.none()
    return filterset, contacts


@permission_required("surveys.send_survey", raise_exception=True)
def survey_recipients(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    filterset, contacts = _chosen(request, survey)
    filtered = any(value for key, value in request.GET.items() if key != "page")
    reachable = recipients(survey, contacts) if filtered else Contact.objects.none()
    if request.method == "POST":
        if not survey.is_open:
            messages.error(request, _("Open the survey before sending its invitations."))
        elif not filtered:
            messages.error(request, _("Choose the recipients with the filters first."))
        else:
            count = invitations_create(survey=survey, contacts=contacts, by=request.user)
            messages.success(
                request,
                ngettext("%(count)s invitation is on its way.", "%(count)s invitations are on their way.", count)
                % {"count": count},
            )
            return HttpResponseRedirect(survey.get_absolute_url() + "#invitations")
    matched = contacts.count() if filtered else 0
    count = reachable.count() if filtered else 0
    invitations = Paginator(
        survey.invitations.select_related("contact__organization").order_by("-created_at", "-id"), 50
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "surveys/recipients.html",
        {
            "survey": survey,
            "filter": filterset,
            "filtered": filtered,
            "count": count,
            "skipped": matched - count,
            "sample": reachable.order_by("name_key")[:10] if filtered else [],
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
