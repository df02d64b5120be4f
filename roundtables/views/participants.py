"""Inviting contacts chosen with the contact list's filters, answers recorded by staff, and attendance."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from stakeholders.filters import ContactFilter
from stakeholders.models import Contact

from ..forms import InviteForm, ParticipantForm
from ..models import Event, Participant
from ..selectors import event_balance, event_participants
from ..services.participants import attendance_mark_many, invitable, participant_update, participants_invite

SHOWN = 100  # contacts listed to tick at once; narrow the filters for more


@permission_required("roundtables.add_participant", raise_exception=True)
def event_invite(request, pk):
    event = get_object_or_404(Event, pk=pk)
    filterset = ContactFilter(request.GET, queryset=Contact.objects.select_related("organization"), request=request)
    filtered = any(value for key, value in request.GET.items() if key != "page")
    contacts = filterset.qs if filtered and filterset.is_valid() else Contact.objects.none()
    shown = list(invitable(event, contacts).order_by("name_key", "id")[:SHOWN])
    form = InviteForm(request.POST or None, contacts=shown)
    if request.method == "POST":
        if event.is_cancelled:
            messages.error(request, _("The event is cancelled: no invitation can be sent."))
        elif form.is_valid():
            chosen = Contact.objects.filter(pk__in=form.cleaned_data["contacts"])
            count = participants_invite(event=event, contacts=chosen, role=form.cleaned_data["role"], by=request.user)
            messages.success(
                request,
                ngettext("%(count)s invitation is on its way.", "%(count)s invitations are on their way.", count)
                % {"count": count},
            )
            return HttpResponseRedirect(event.get_absolute_url() + "#participants")
    matched = contacts.count() if filtered else 0
    return render(
        request,
        "roundtables/event_invite.html",
        {
            "event": event,
            "filter": filterset,
            "filtered": filtered,
            "form": form,
            "shown": shown,
            "skipped": max(0, matched - len(shown)),
            "limit": SHOWN,
        },
    )


@require_POST
@permission_required("roundtables.change_participant", raise_exception=True)
def participant_edit(request, pk, participant_pk):
    participant = get_object_or_404(Participant.objects.select_related("event"), pk=participant_pk, event_id=pk)
    form = ParticipantForm(request.POST)
    if form.is_valid():
        try:
            participant_update(
                participant=participant, role=form.cleaned_data["role"], status=form.cleaned_data["status"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Saved for %(name)s.") % {"name": participant.contact})
    return HttpResponseRedirect(participant.event.get_absolute_url() + "#participants")


@permission_required("roundtables.change_participant", raise_exception=True)
def event_attendance(request, pk):
    """The checklist taken on the day, on a tablet: one large toggle per person."""
    event = get_object_or_404(Event, pk=pk)
    if request.method == "POST":
        ticked = [int(value) for value in request.POST.getlist("attended") if value.isdigit()]
        try:
            attendance_mark_many(event=event, attended=ticked, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Attendance is saved."))
            return HttpResponseRedirect(reverse("roundtables:event_detail", args=[event.pk]) + "#balance")
    participants = event_participants(event)
    return render(
        request,
        "roundtables/event_attendance.html",
        {"event": event, "participants": participants, "balance": event_balance(event, participants)},
    )
