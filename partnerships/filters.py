"""The filters of the partnership list and board (the same FilterSet serves both and the exports)."""

import django_filters as filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from stakeholders.choices import Country
from stakeholders.filters import FastFilterSet, ListChoiceFilter
from stakeholders.normalize import fold
from strategy.models import Goal, Pillar, Unit
from strategy.ordering import OrderingFilter

from .choices import PartnershipType
from .models import Partnership, Stage


def stage_choices():
    """The stages under the names administrators gave them."""
    return [(stage.code, stage.name) for stage in Stage.objects.all()]


class PartnershipFilter(FastFilterSet):
    q = filters.CharFilter(label=_("Search"), method="search")
    stage = filters.ChoiceFilter(label=_("Stage"), choices=stage_choices)
    kind = filters.ChoiceFilter(label=_("Type"), choices=PartnershipType.choices)
    unit = ListChoiceFilter(label=_("Unit"), queryset=Unit.objects.all(), choice_list="units")
    pillar = ListChoiceFilter(
        label=_("Pillar"), queryset=Pillar.objects.all(), method="filter_pillar", choice_list="pillars"
    )
    goal = filters.ModelChoiceFilter(label=_("Goal"), queryset=Goal.objects.order_by("number"), method="filter_goal")
    owner = ListChoiceFilter(label=_("Owner"), queryset=User.objects.filter(is_active=True), choice_list="staff")
    country = filters.ChoiceFilter(label=_("Country"), choices=Country.choices, method="filter_country")
    sort = OrderingFilter(
        label=_("Sort by"),
        fields=[("title", "title"), ("stage_entered_at", "in_stage"), ("updated_at", "updated")],
        field_labels={"title": _("Title"), "stage_entered_at": _("In stage since"), "updated_at": _("Last updated")},
    )

    class Meta:
        model = Partnership
        fields = []

    def search(self, queryset, name, value):
        folded = fold(value)
        matches = Q(title__icontains=value.strip()) | Q(lead_organization__search_key__contains=folded)
        return queryset.filter(matches) if folded else queryset

    def filter_pillar(self, queryset, name, value):
        through = Partnership.pillars.through
        return queryset.filter(Exists(through.objects.filter(partnership=OuterRef("pk"), pillar=value)))

    def filter_goal(self, queryset, name, value):
        through = Partnership.goals.through
        return queryset.filter(Exists(through.objects.filter(partnership=OuterRef("pk"), goal=value)))

    def filter_country(self, queryset, name, value):
        """Led by, or partnered with, an organization headquartered in the country."""
        through = Partnership.partners.through
        partnered = through.objects.filter(partnership=OuterRef("pk"), organization__hq_country=value)
        return queryset.filter(Q(lead_organization__hq_country=value) | Exists(partnered))
