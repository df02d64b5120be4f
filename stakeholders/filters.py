"""The filters of the register's lists; the same FilterSets serve exports and selectors."""

import copy
from dataclasses import dataclass

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from strategy.forms import DateField
from strategy.models import Pillar, Unit
from strategy.ordering import OrderingFilter
from strategy.widgets import bootstrap_filter_form

from .choice_lists import ListChoiceField
from .choices import Category, Country, Level
from .models import (
    Contact,
    FollowUp,
    Interaction,
    InteractionOrganization,
    InteractionType,
    NaicsCode,
    Organization,
    Potential,
    PotentialRating,
    Region,
    Tag,
)
from .models.organizations import OrganizationSector
from .selectors import contact_search, organization_search

EQUITY_CHOICES = [
    ("any", _("Any equity-deserving focus")),
    ("owned_by", _("Owned by")),
    ("led_by", _("Led by")),
    ("representing", _("Representing")),
    ("serving", _("Serving")),
    ("indigenous", _("Indigenous peoples")),
    ("women", _("Women")),
]
LEVEL_CHOICES = [*Level.choices, ("none", _("Not engaged yet"))]
POTENTIAL_CHOICES = [*Potential.choices, ("none", _("Not rated yet"))]


class ListChoiceFilter(filters.ModelChoiceFilter):
    """A reference-data choice offered from ``stakeholders.choice_lists`` (ordered by its name in the
    reader's language); the chosen value is still looked up in ``queryset``."""

    field_class = ListChoiceField


class DateFilter(filters.DateFilter):
    """A date of a list's filter, in the years every form accepts (``strategy.forms.DateField``)."""

    field_class = DateField


class FastFilterSet(filters.FilterSet):
    """A FilterSet that costs a list page little: drop-downs written fast (``strategy.widgets``), and
    no deep copies.

    django-filter deep-copies every filter for each request (their querysets, choices and translated
    labels), then Django's form deep-copies the fields again; together that cost more than a page of
    rows. Here each filter is copied shallowly: a filter keeps no state of its own beyond its
    ``extra`` (which building its field changes: copied too), its field (built once per copy), its
    method (bound to the copy) and its parent. The form then takes those fields as they are.
    """

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {name: self._copy_filter(base) for name, base in self.base_filters.items()}

    def _copy_filter(self, base):
        filter_ = copy.copy(base)
        filter_.__dict__.pop("_field", None)
        filter_.extra = base.extra.copy()
        filter_.method = base.method
        filter_.model = self.queryset.model
        filter_.parent = self
        return filter_

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = self._meta.form(self.data if self.is_bound else None, prefix=self.form_prefix)
            form.fields = {name: filter_.field for name, filter_ in self.filters.items()}
            self._form = bootstrap_filter_form(form)
        return self._form


class OrganizationFilter(FastFilterSet):
    q = filters.CharFilter(label=_("Search"), method="search")
    # DISTINCT on a plain column removes nothing, but measured on PostgreSQL it keeps a search on the
    # trigram index rather than walking the name index; django-filter's default is kept on purpose.
    category = filters.MultipleChoiceFilter(
        label=_("Category"), choices=Category.choices, widget=forms.CheckboxSelectMultiple
    )
    country = filters.ChoiceFilter(label=_("Country"), choices=Country.choices, method="filter_country")
    region = ListChoiceFilter(
        label=_("Province or state"), field_name="hq_region", queryset=Region.objects.all(), choice_list="regions"
    )
    sector = ListChoiceFilter(
        label=_("NAICS sector"),
        queryset=NaicsCode.objects.filter(level=2),
        method="filter_sector",
        choice_list="sectors",
    )
    pillar = ListChoiceFilter(
        label=_("Pillar"), queryset=Pillar.objects.all(), method="filter_pillar", choice_list="pillars"
    )
    unit = ListChoiceFilter(
        label=_("Engaged by unit"), queryset=Unit.objects.all(), method="filter_unit", choice_list="units"
    )
    level = filters.ChoiceFilter(label=_("Engagement level"), choices=LEVEL_CHOICES, method="filter_level")
    potential = filters.ChoiceFilter(
        label=_("Potential to support CEC initiatives"), choices=POTENTIAL_CHOICES, method="filter_potential"
    )
    equity = filters.ChoiceFilter(label=_("Equity-deserving focus"), choices=EQUITY_CHOICES, method="filter_equity")
    owner = ListChoiceFilter(
        label=_("Relationship owner"), queryset=User.objects.filter(is_active=True), choice_list="staff"
    )
    tag = ListChoiceFilter(label=_("Tag"), queryset=Tag.objects.all(), method="filter_tag", choice_list="tags")
    open_followups = filters.BooleanFilter(
        label=_("Has open follow-ups"), method="filter_open_followups", widget=forms.CheckboxInput
    )
    sort = OrderingFilter(
        label=_("Sort by"),
        fields=[
            ("name_key", "name"),
            ("category", "category"),
            ("hq_country", "country"),
            ("engagement_level", "level"),
            ("updated_at", "updated"),
        ],
        field_labels={
            "name_key": _("Name"),
            "category": _("Category"),
            "hq_country": _("Country"),
            "engagement_level": _("Engagement level"),
            "updated_at": _("Last updated"),
        },
    )

    class Meta:
        model = Organization
        fields = []

    def search(self, queryset, name, value):
        return organization_search(queryset, value)

    def filter_country(self, queryset, name, value):
        operates = {
            Country.CANADA: "operates_in_canada",
            Country.MEXICO: "operates_in_mexico",
            Country.UNITED_STATES: "operates_in_united_states",
            Country.OTHER: "operates_elsewhere",
        }[value]
        return queryset.filter(Q(hq_country=value) | Q(**{operates: True}))

    def filter_sector(self, queryset, name, value):
        return queryset.filter(Exists(OrganizationSector.objects.filter(organization=OuterRef("pk"), sector=value)))

    def filter_pillar(self, queryset, name, value):
        through = Organization.pillars.through
        return queryset.filter(Exists(through.objects.filter(organization=OuterRef("pk"), pillar=value)))

    def filter_tag(self, queryset, name, value):
        through = Organization.tags.through
        return queryset.filter(Exists(through.objects.filter(organization=OuterRef("pk"), tag=value)))

    def filter_level(self, queryset, name, value):
        if value == "none":
            return queryset.filter(engagement_level__isnull=True)
        return queryset.filter(engagement_level=int(value))

    def filter_unit(self, queryset, name, value):
        # A unit engaged an organization when one of the unit's interactions involved it.
        interactions = InteractionOrganization.objects.filter(organization=OuterRef("pk"), interaction__unit=value)
        return queryset.filter(Exists(interactions))

    def filter_potential(self, queryset, name, value):
        ratings = PotentialRating.objects.filter(organization=OuterRef("pk"))
        if value == "none":
            return queryset.filter(~Exists(ratings))
        return queryset.filter(Exists(ratings.filter(potential=int(value))))

    def filter_equity(self, queryset, name, value):
        relation = (
            Q(equity_owned_by=True) | Q(equity_led_by=True) | Q(equity_representing=True) | Q(equity_serving=True)
        )
        population = Q(equity_indigenous=True) | Q(equity_women=True) | ~Q(equity_other="")
        if value == "any":
            return queryset.filter(relation & population)
        if value in ("indigenous", "women"):
            return queryset.filter(relation, **{f"equity_{value}": True})
        return queryset.filter(population, **{f"equity_{value}": True})

    def filter_open_followups(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Exists(FollowUp.objects.open().filter(organization=OuterRef("pk"))))


class ContactFilter(FastFilterSet):
    q = filters.CharFilter(label=_("Search"), method="search")
    country = filters.ChoiceFilter(label=_("Country"), choices=Country.choices)
    category = filters.MultipleChoiceFilter(
        label=_("Organization category"),
        field_name="organization__category",
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,  # a plain column: no duplicates to remove, and DISTINCT costs a sort
    )
    reachable = filters.BooleanFilter(
        label=_("Can be contacted"), method="filter_reachable", widget=forms.CheckboxInput
    )
    sort = OrderingFilter(
        label=_("Sort by"),
        fields=[("name_key", "name"), ("organization__name_key", "organization"), ("updated_at", "updated")],
        field_labels={
            "name_key": _("Name"),
            "organization__name_key": _("Organization"),
            "updated_at": _("Last updated"),
        },
    )

    class Meta:
        model = Contact
        fields = []

    def search(self, queryset, name, value):
        return contact_search(queryset, value)

    def filter_reachable(self, queryset, name, value):
        return queryset.reachable() if value else queryset


class InteractionFilter(FastFilterSet):
    kind = ListChoiceFilter(label=_("Type"), queryset=InteractionType.objects.all(), choice_list="interaction_types")
    unit = ListChoiceFilter(label=_("Unit"), queryset=Unit.objects.all(), choice_list="units")
    pillar = ListChoiceFilter(
        label=_("Pillar"), queryset=Pillar.objects.all(), method="filter_pillar", choice_list="pillars"
    )
    staff = ListChoiceFilter(
        label=_("Staff present"),
        queryset=User.objects.filter(is_active=True),
        method="filter_staff",
        choice_list="staff",
    )
    occurred_after = DateFilter(
        label=_("From"), field_name="occurred_on", lookup_expr="gte", widget=forms.DateInput(attrs={"type": "date"})
    )
    occurred_before = DateFilter(
        label=_("Until"), field_name="occurred_on", lookup_expr="lte", widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = Interaction
        fields = []

    def filter_pillar(self, queryset, name, value):
        through = Interaction.pillars.through
        return queryset.filter(Exists(through.objects.filter(interaction=OuterRef("pk"), pillar=value)))

    def filter_staff(self, queryset, name, value):
        through = Interaction.staff.through
        return queryset.filter(Exists(through.objects.filter(interaction=OuterRef("pk"), user=value)))


@dataclass
class StrictReading:
    """How a FilterSet read a query string when nothing may widen the selection: the keys it does not
    know, whether a value could not be read, and whether any filter narrows the register."""

    unknown: list[str]
    invalid: bool = False
    narrows: bool = False

    @property
    def accepted(self) -> bool:
        return not self.unknown and not self.invalid and self.narrows


def _narrows(value) -> bool:
    if isinstance(value, QuerySet):  # a multiple choice left empty
        return value.exists()
    return value not in (None, "", [], (), {}, False)


def read_strictly(filterset: filters.FilterSet, *, ignore=frozenset(), narrowing=None) -> StrictReading:
    """Read ``filterset``'s data for a page that acts on what it selects (a survey's recipients, a plan's
    target group): an unknown key or an unreadable value must select nothing, never everything, since
    a FilterSet ignores keys it does not know and an empty filter matches all. ``narrowing`` names the
    filters that count as narrowing (all, by default); ``ignore``, the page's own keys."""
    unknown = sorted(set(filterset.data) - set(filterset.filters) - set(ignore))
    if unknown:
        return StrictReading(unknown)
    if not filterset.is_valid():
        return StrictReading([], invalid=True)
    cleaned = filterset.form.cleaned_data
    names = cleaned if narrowing is None else narrowing
    return StrictReading([], narrows=any(_narrows(cleaned.get(name)) for name in names))
