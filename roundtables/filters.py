"""The filters of the event list (the calendar reads the same ones)."""

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from stakeholders.choices import Country
from stakeholders.filters import FastFilterSet, ListChoiceFilter
from strategy.models import Pillar

from .choices import EventKind, EventStatus
from .models import Event, Participant

DATE = {"type": "date"}


class EventFilter(FastFilterSet):
    q = filters.CharFilter(label=_("Search"), method="search")
    kind = filters.ChoiceFilter(label=_("Kind of event"), choices=EventKind.choices)
    pillar = ListChoiceFilter(
        label=_("Pillar"), queryset=Pillar.objects.all(), method="filter_pillar", choice_list="pillars"
    )
    country = filters.ChoiceFilter(label=_("Country"), choices=Country.choices, method="filter_country")
    status = filters.ChoiceFilter(label=_("Status"), choices=EventStatus.choices)
    starts_after = filters.DateFilter(
        label=_("From"), field_name="starts_at", lookup_expr="date__gte", widget=forms.DateInput(attrs=DATE)
    )
    starts_before = filters.DateFilter(
        label=_("Until"), field_name="starts_at", lookup_expr="date__lte", widget=forms.DateInput(attrs=DATE)
    )

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
