"""The filters of the event list (the calendar reads the same ones)."""

import django_filters as filters
from django import forms
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from stakeholders.choices import Category, Country
from stakeholders.filters import DateFilter, FastFilterSet, ListChoiceFilter
from strategy.models import Pillar, Unit

from .choices import EventKind, EventStatus, OutcomeKind, ParticipantStatus
from .models import Event, Outcome, Participant
from .models.events import starting_from, starting_until

DATE = {"type": "date"}
# The filters on who attended, read together: "from Mexico" and "NGO" mean one attendee who is both.
ATTENDEE_FILTERS = ("attended", "attendee_country", "attendee_category")


class EventFilter(FastFilterSet):
    q = filters.CharFilter(label=_("Search"), method="search")
    # Several kinds and statuses at once: a dashboard number counts conferences, workshops and webinars
    # together, and events held with or without their outcomes recorded yet.
    kind = filters.MultipleChoiceFilter(
        label=_("Kind of event"), choices=EventKind.choices, widget=forms.CheckboxSelectMultiple, distinct=False
    )
    status = filters.MultipleChoiceFilter(
        label=_("Status"), choices=EventStatus.choices, widget=forms.CheckboxSelectMultiple, distinct=False
    )
    unit = ListChoiceFilter(label=_("Organizing unit"), queryset=Unit.objects.all(), choice_list="units")
    pillar = ListChoiceFilter(
        label=_("Pillar"), queryset=Pillar.objects.all(), method="filter_pillar", choice_list="pillars"
    )
    country = filters.ChoiceFilter(label=_("Country"), choices=Country.choices, method="filter_country")
    attended = filters.BooleanFilter(label=_("With attendees"), method="keep", widget=forms.CheckboxInput)
    attendee_country = filters.ChoiceFilter(label=_("Attendees from"), choices=Country.choices, method="keep")
    attendee_category = filters.ChoiceFilter(
        label=_("Attendees' stakeholder category"), choices=Category.choices, method="keep"
    )
    outcome = filters.MultipleChoiceFilter(
        label=_("Outcomes recorded"),
        choices=OutcomeKind.choices,
        widget=forms.CheckboxSelectMultiple,
        method="filter_outcome",
    )
    starts_after = DateFilter(label=_("From"), method="filter_from", widget=forms.DateInput(attrs=DATE))
    starts_before = DateFilter(label=_("Until"), method="filter_until", widget=forms.DateInput(attrs=DATE))

    class Meta:
        model = Event
        fields = []

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title_en__icontains=value)
            | Q(title_fr__icontains=value)
            | Q(title_es__icontains=value)
            | Q(city__icontains=value)
        )

    def filter_pillar(self, queryset, name, value):
        through = Event.pillars.through
        return queryset.filter(Exists(through.objects.filter(event=OuterRef("pk"), pillar=value)))

    def filter_country(self, queryset, name, value):
        """Held in the country, or with participants from there."""
        participants = Participant.objects.filter(event=OuterRef("pk"), country=value)
        return queryset.filter(Q(country=value) | Exists(participants))

    def filter_outcome(self, queryset, name, value):
        return queryset.filter(Exists(Outcome.objects.filter(event=OuterRef("pk"), kind__in=value)))

    def filter_from(self, queryset, name, value):
        """From the day, where the event happens: the day the list shows for it."""
        return queryset.filter(starting_from(value))

    def filter_until(self, queryset, name, value):
        return queryset.filter(starting_until(value))

    def keep(self, queryset, name, value):
        """The attendee filters are applied together, in ``filter_queryset``."""
        return queryset

    def attendees(self, prefix: str = "") -> Q | None:
        """The attendees the filters choose (those marked attended, from the country and of the category
        chosen), as a condition on participants under ``prefix``; None when no attendee filter is set."""
        data = getattr(self.form, "cleaned_data", {})
        if not any(data.get(name) for name in ATTENDEE_FILTERS):
            return None
        condition = Q(**{f"{prefix}status": ParticipantStatus.ATTENDED})
        if data.get("attendee_country"):
            condition &= Q(**{f"{prefix}country": data["attendee_country"]})
        if data.get("attendee_category"):
            condition &= Q(**{f"{prefix}category": data["attendee_category"]})
        return condition

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        attendees = self.attendees()
        if attendees is not None:
            queryset = queryset.filter(Exists(Participant.objects.filter(attendees, event=OuterRef("pk"))))
        return queryset

    def with_counts(self, queryset):
        """Each event with the attendees and outcomes the filters chose (every attendee and outcome when
        none is chosen), so a list opened from a dashboard number adds up to it."""
        attendees = self.attendees("participants__") or Q(participants__status=ParticipantStatus.ATTENDED)
        kinds = getattr(self.form, "cleaned_data", {}).get("outcome") or OutcomeKind.values
        outcomes = (
            Outcome.objects.filter(event=OuterRef("pk"), kind__in=kinds)
            .order_by()
            .values("event")
            .annotate(n=Count("id"))
            .values("n")
        )
        return queryset.annotate(
            attended=Count("participants", filter=attendees),
            outcome_count=Coalesce(Subquery(outcomes, output_field=IntegerField()), Value(0)),
        )
