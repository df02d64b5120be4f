"""Aggregate reads over the other apps' records that several indicators share (read only)."""

from django.db.models import Count, Q

from stakeholders.choices import PRIVATE_SECTOR, Country
from stakeholders.models import Interaction, InteractionOrganization, InteractionType, Organization

from ..choices import Dimension
from .registry import ALL, Context, Values, number

COUNTRY_FLAGS = {
    Country.CANADA: "operates_in_canada",
    Country.MEXICO: "operates_in_mexico",
    Country.UNITED_STATES: "operates_in_united_states",
    Country.OTHER: "operates_elsewhere",
}


def in_country(country: str, prefix: str = "") -> Q:
    """Headquartered in or operating in ``country``: what the organization list's country filter means."""
    return Q(**{f"{prefix}hq_country": country}) | Q(**{f"{prefix}{COUNTRY_FLAGS[country]}": True})


def interaction_type_ids(ctx: Context) -> dict[str, int]:
    return ctx.once("types", lambda: dict(InteractionType.objects.values_list("code", "pk")))


def interaction_counts(ctx: Context, kind_code: str) -> Values:
    """How many interactions of a type over the year to date: in all, per unit, pillar and country
    (an interaction counts in each country where one of its organizations is, as the lists filter)."""
    kind = interaction_type_ids(ctx).get(kind_code)
    if kind is None:
        return {}
    return _counts_by_type(ctx).get(kind, {ALL: number(0)})


def _counts_by_type(ctx: Context) -> dict[int, Values]:
    """Every type's counts at once: three grouped scans of the year's interactions, whatever the number
    of indicators that read them."""

    def compute():
        year = {"occurred_on__gte": ctx.year_start, "occurred_on__lte": ctx.as_of}
        by_type: dict[int, Values] = {}

        def add(kind, dimension, key, n):
            if key not in (None, ""):
                by_type.setdefault(kind, {})[(str(dimension), str(key))] = number(n)

        interactions = Interaction.objects.filter(**year).order_by()
        for kind, unit, n in interactions.values_list("kind", "unit").annotate(n=Count("id")):
            values = by_type.setdefault(kind, {ALL: number(0)})
            values[ALL] += number(n)
            add(kind, Dimension.UNIT, unit, n)
        through = Interaction.pillars.through.objects.filter(
            interaction__occurred_on__gte=ctx.year_start, interaction__occurred_on__lte=ctx.as_of
        ).order_by()
        for kind, pillar, n in through.values_list("interaction__kind", "pillar").annotate(n=Count("id")):
            add(kind, Dimension.PILLAR, pillar, n)
        participations = InteractionOrganization.objects.filter(**year).order_by()
        by_country = participations.values_list("interaction__kind").annotate(
            **{code: Count("interaction", distinct=True, filter=in_country(code, "organization__"))
               for code in COUNTRY_FLAGS}
        )  # fmt: skip
        for row in by_country.values("interaction__kind", *COUNTRY_FLAGS):
            for code in COUNTRY_FLAGS:
                add(row["interaction__kind"], Dimension.COUNTRY, code, row[code])
        return by_type

    return ctx.once("interaction_counts", compute)


def private_sector(ctx: Context):
    """Private-sector organizations in the register on the snapshot's date."""
    return Organization.objects.filter(category__in=PRIVATE_SECTOR, created_at__lt=ctx.end_moment).order_by()
