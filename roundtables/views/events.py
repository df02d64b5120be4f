"""The event list, calendar, page, printable summary, and create/edit forms."""

import zoneinfo
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, UpdateView

from stakeholders.services.versions import ConcurrentEdit
from stakeholders.views.base import FilteredListView, ServiceFormMixin
from strategy.validators import year_in_range

from ..choices import COMING, ParticipantRole, ParticipantStatus
from ..filters import EventFilter
from ..forms import LINKS, ActionForm, EventForm, OutcomeForm, StatusForm, event_organization_choices
from ..models import Event, EventAction, Outcome
from ..selectors import event_balance, event_participants, month_bounds, month_weeks
from ..services.events import capacity_exceeded, event_save, event_status_set

ANSWERS = (ParticipantStatus.INVITED, ParticipantStatus.ACCEPTED, ParticipantStatus.DECLINED)


def _reader_zone(request) -> zoneinfo.ZoneInfo:
    return request.user.zone if hasattr(request.user, "zone") else timezone.get_current_timezone()


class EventListView(FilteredListView):
    permission_required = "roundtables.view_event"
    filterset_class = EventFilter
    template_name = "roundtables/event_list.html"
    context_object_name = "events"

    def get_queryset(self):
        return (
            Event.objects.for_list()
            .annotate(
                invited=Count("participants"),
                coming=Count("participants", filter=Q(participants__status__in=COMING)),
            )
            .order_by("-starts_at", "-id")
        )

    def paginate_queryset(self, queryset, page_size):
        return super().paginate_queryset(self.filterset.with_counts(queryset), page_size)


@permission_required("roundtables.view_event", raise_exception=True)
def event_calendar(request):
    today = timezone.localdate()
    try:
        year, month = int(request.GET.get("year", today.year)), int(request.GET.get("month", today.month))
        first = date(year, month, 1)
    except ValueError:
        first = today.replace(day=1)
    if not year_in_range(first):  # the months around it must exist too (no year 0 or 10000)
        first = today.replace(day=1)
    zone = _reader_zone(request)
    start, end = month_bounds(first.year, first.month, zone)
    filterset = EventFilter(request.GET, queryset=Event.objects.for_list(), request=request)
    events = filterset.qs.filter(starts_at__range=(start, end)).order_by("starts_at", "id")
    previous = (first.replace(day=1) - date.resolution).replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return render(
        request,
        "roundtables/event_calendar.html",
        {
            "filter": filterset,
            "month": first,
            "weeks": month_weeks(first.year, first.month, list(events), zone),
            "previous": previous,
            "following": following,
            "today": timezone.localdate(timezone=zone),
            "zone": zone,
        },
    )


def _detail_queryset():
    return Event.objects.select_related("unit").prefetch_related(
        "pillars",
        "goals",
        "objectives",
        "actions",
        Prefetch("outcomes", queryset=Outcome.objects.in_kind_order().prefetch_related("pillars", "organizations")),
        Prefetch(
            "follow_up_actions",
            queryset=EventAction.objects.select_related("followup__owner", "followup__organization", "outcome"),
        ),
    )


def _event_context(event: Event) -> dict:
    participants = event_participants(event)
    outcomes = list(event.outcomes.all())
    return {
        "event": event,
        "participants": participants,
        "balance": event_balance(event, participants),
        "outcomes": outcomes,
        "actions": list(event.follow_up_actions.all()),
        "attended": [p for p in participants if p.status == ParticipantStatus.ATTENDED],
    }


@permission_required("roundtables.view_event", raise_exception=True)
def event_detail(request, pk):
    event = get_object_or_404(_detail_queryset(), pk=pk)
    context = _event_context(event)
    can_write = request.user.has_perm("roundtables.change_event")
    forms = {"status_form": None, "outcome_form": None, "action_form": None}
    if can_write:
        organizations = event_organization_choices(event)  # read once for both forms
        forms = {
            "status_form": StatusForm(initial={"status": event.status}),
            "outcome_form": OutcomeForm(event=event, organization_choices=organizations),
            "action_form": ActionForm(event=event, user=request.user, organization_choices=organizations),
        }
    context.update(
        forms,
        reader_zone=_reader_zone(request),
        can_write=can_write,
        role_choices=ParticipantRole.choices,
        answer_choices=[(s.value, s.label) for s in ANSWERS],
    )
    return render(request, "roundtables/event_detail.html", context)


@permission_required("roundtables.view_event", raise_exception=True)
def event_summary(request, pk):
    """One page to print, in the reader's language."""
    event = get_object_or_404(_detail_queryset(), pk=pk)
    return render(request, "roundtables/event_summary.html", _event_context(event))


class ChangedMeanwhile(Exception):
    """The event was saved by someone else while this person edited it; ``report`` says what changed."""

    def __init__(self, report: dict):
        super().__init__(report["message"])
        self.report = report


class EventFormView(ServiceFormMixin):
    model = Event
    form_class = EventForm
    template_name = "roundtables/event_form.html"

    def save(self, form):
        try:
            event = event_save(
                event=form.instance,
                by=self.request.user,
                many_to_many={name: form.cleaned_data[name] for name in LINKS},
                expected_version=form.cleaned_data.get("version") if form.instance.pk else None,
            )
        except ConcurrentEdit:
            raise self.concurrent_edit(form) from None
        if capacity_exceeded(event):
            messages.warning(
                self.request,
                _("More people have accepted than the new capacity: no new acceptance will be taken."),
            )
        return event

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ChangedMeanwhile as changed:
            return self.render_to_response(self.get_context_data(form=form, changed_meanwhile=changed.report))

    def concurrent_edit(self, form) -> "ChangedMeanwhile":
        """What the person reads when someone else saved the event while they edited it: their edit is
        not saved, what the other person changed, and a form holding both their changes and this
        person's input, to save again."""
        current = Event.objects.get(pk=form.instance.pk)
        changes = form.take_in_concurrent_edit(current)
        return ChangedMeanwhile(
            {
                "message": _(
                    "Your changes are not saved: someone else saved this event while you were editing it. "
                    "Their changes are now in the form, except in the fields you changed too, which keep "
                    "your input. Check the form, then save again."
                ),
                "heading": (
                    _("What they changed:") if changes else _("Their changes are in fields this form does not show.")
                ),
                "changes": [
                    _("%(field)s: now “%(value)s”") % {"field": label, "value": value} for label, value in changes
                ],
            }
        )

    def get_success_url(self):
        return self.object.get_absolute_url()


class EventCreateView(PermissionRequiredMixin, EventFormView, CreateView):
    permission_required = "roundtables.add_event"
    success_message = gettext_lazy("“%(name)s” is planned. Invite its participants next.")


class EventUpdateView(PermissionRequiredMixin, EventFormView, UpdateView):
    permission_required = "roundtables.change_event"
    success_message = gettext_lazy("Changes to “%(name)s” are saved.")


@require_POST
@permission_required("roundtables.change_event", raise_exception=True)
def event_status(request, pk):
    event = get_object_or_404(Event, pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            event_status_set(event=event, status=form.cleaned_data["status"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The status is now “%(status)s”.") % {"status": event.get_status_display()})
            if event.is_cancelled and event.participants.exists():
                messages.info(request, _("Those invited are told by email, each in their language."))
    return HttpResponseRedirect(event.get_absolute_url())
