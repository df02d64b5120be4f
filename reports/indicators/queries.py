"""Aggregate reads over the other apps' records that several indicators share (read only)."""

from django.db.models import Count, Q

from stakeholders.choices import PRIVATE_SECTOR, Country
from stakeholders.models import Interaction, InteractionOrganization, InteractionType, Organization

from ..choices import Dimension
from .registry import ALL, Context, Values, counted, number

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


def interactions_of(ctx: Context, kind_code: str):
    """Interactions of one type over the year to date; empty when the type does not exist."""
    kind = interaction_type_ids(ctx).get(kind_code)
    return Interaction.objects.filter(kind=kind, occurred_on__gte=ctx.year_start, occurred_on__lte=ctx.as_of)


def interaction_counts(ctx: Context, kind_code: str) -> Values:
    """How many interactions of a type over the year to date: in all, per unit, pillar and country
    (an interaction counts in each country where one of its organizations is, as the lists filter)."""
    kind = interaction_type_ids(ctx).get(kind_code)
    if kind is None:
        return {}
    interactions = interactions_of(ctx, kind_code).order_by()
    values: Values = {ALL: number(interactions.count())}
    values |= counted(Dimension.UNIT, interactions.values_list("unit").annotate(n=Count("id")))
    through = Interaction.pillars.through.objects.filter(
        interaction__kind=kind, interaction__occurred_on__gte=ctx.year_start, interaction__occurred_on__lte=ctx.as_of
    ).order_by()
    values |= counted(Dimension.PILLAR, through.values_list("pillar").annotate(n=Count("id")))
    participations = InteractionOrganization.objects.filter(
        interaction__kind=kind, occurred_on__gte=ctx.year_start, occurred_on__lte=ctx.as_of
    ).order_by()
    by_country = participations.aggregate(
        **{
            code: Count("interaction", distinct=True, filter=in_country(code, "organization__"))
            for code in COUNTRY_FLAGS
        }
    )
    values |= counted(Dimension.COUNTRY, by_country.items())
    return values


def private_sector(ctx: Context):
    """Private-sector organizations in the register on the snapshot's date."""
    return Organization.objects.filter(category__in=PRIVATE_SECTOR, created_at__lt=ctx.end_moment).order_by()
