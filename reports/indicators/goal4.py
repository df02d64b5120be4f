"""Goal 4: leverage private-sector resources (objective 4.1). Money goes through the partnerships app's
``resource_totals``, which converts each amount at its year's rate into the reporting currency."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from partnerships.choices import SIGNED, VALUED, ResourceKind
from partnerships.models import Partnership, Resource
from partnerships.selectors import resource_totals
from stakeholders.choices import Country

from .. import drilldown
from ..choices import Dimension, Measure
from .registry import ALL, Context, Values, counted, number, register

DIMENSIONS = (Dimension.UNIT, Dimension.COUNTRY, Dimension.PILLAR)


def _partnerships(ctx: Context):
    return Partnership.objects.filter(created_at__lt=ctx.end_moment).order_by()


def _by_country(ctx: Context) -> dict[str, list[int]]:
    """Partnerships led by, or partnered with, an organization headquartered in each country (the list's
    filter), read once: two plain queries rather than a join per country."""

    def compute():
        members: dict[str, set[int]] = {code: set() for code in Country.values}
        partnerships = _partnerships(ctx)
        for pk, country in partnerships.values_list("id", "lead_organization__hq_country"):
            members[country].add(pk)
        through = Partnership.partners.through.objects.filter(partnership__in=partnerships.values("id")).order_by()
        for pk, country in through.values_list("partnership_id", "organization__hq_country"):
            members[country].add(pk)
        return {code: sorted(ids) for code, ids in members.items()}

    return ctx.once("partnership_countries", compute)


def _breakdown_querysets(ctx: Context, queryset, prefix: str = ""):
    """``(dimension, key, queryset)`` for the whole Secretariat and each unit, country and pillar."""
    yield ALL[0], ALL[1], queryset
    partnerships = _partnerships(ctx)
    for unit in partnerships.exclude(unit=None).values_list("unit", flat=True).distinct():
        yield Dimension.UNIT.value, str(unit), queryset.filter(**{f"{prefix}unit": unit})
    for country, ids in _by_country(ctx).items():
        yield Dimension.COUNTRY.value, country, queryset.filter(**{f"{prefix}id__in": ids})
    for pillar in Partnership.pillars.through.objects.values_list("pillar", flat=True).distinct().order_by():
        yield Dimension.PILLAR.value, str(pillar), queryset.filter(**{f"{prefix}pillars": pillar})


def _totals(ctx: Context):
    def compute():
        resources = Resource.objects.filter(kind__in=VALUED, created_at__lt=ctx.end_moment).order_by()
        return {
            (dimension, key): resource_totals(subset)
            for dimension, key, subset in _breakdown_querysets(ctx, resources, "partnership__")
        }

    return ctx.once("totals", compute)


def _money(ctx: Context, side: str, kind: str) -> Values:
    return {key: number(getattr(totals, side)[kind]) for key, totals in _totals(ctx).items()}


def _link(dimension, key, start, end, refs):
    return drilldown.partnerships(dimension, key)


@register(
    "partnerships-by-stage",
    objective="4.1",
    position=1,
    name=_("Partnerships"),
    dimensions=(Dimension.STAGE, *DIMENSIONS),
    drilldown=_link,
    how=_("Partnerships on the day, in every stage; the breakdown by stage shows the pipeline."),
)
def partnerships_by_stage(ctx: Context) -> Values:
    values: Values = {}
    for dimension, key, subset in _breakdown_querysets(ctx, _partnerships(ctx)):
        values[(dimension, key)] = number(subset.values("id").distinct().count())
    values |= counted(Dimension.STAGE, _partnerships(ctx).values_list("stage").annotate(n=Count("id")))
    return values


@register(
    "financial-pledged",
    objective="4.1",
    position=2,
    name=_("Financial resources pledged"),
    measure=Measure.MONEY,
    dimensions=DIMENSIONS,
    drilldown=_link,
    how=_("Financial contributions pledged, each converted at its year's rate into the reporting currency."),
)
def financial_pledged(ctx: Context) -> Values:
    return _money(ctx, "pledged", ResourceKind.FINANCIAL)


@register(
    "financial-received",
    objective="4.1",
    position=3,
    name=_("Financial resources received"),
    measure=Measure.MONEY,
    dimensions=DIMENSIONS,
    drilldown=_link,
    how=_("Financial contributions received, each converted at its year's rate into the reporting currency."),
)
def financial_received(ctx: Context) -> Values:
    return _money(ctx, "received", ResourceKind.FINANCIAL)


@register(
    "in-kind-pledged",
    objective="4.1",
    position=4,
    name=_("In-kind contributions pledged"),
    measure=Measure.MONEY,
    dimensions=DIMENSIONS,
    drilldown=_link,
    how=_("The value of in-kind contributions pledged, in the reporting currency."),
)
def in_kind_pledged(ctx: Context) -> Values:
    return _money(ctx, "pledged", ResourceKind.IN_KIND)


@register(
    "expertise-contributions",
    objective="4.1",
    position=5,
    name=_("Expertise, network and data contributions"),
    dimensions=DIMENSIONS,
    drilldown=_link,
    how=_("Contributions of expertise, networks or data recorded on partnerships."),
)
def expertise_contributions(ctx: Context) -> Values:
    resources = Resource.objects.filter(
        kind__in=[ResourceKind.EXPERTISE, ResourceKind.NETWORKS, ResourceKind.DATA], created_at__lt=ctx.end_moment
    ).order_by()
    return {
        (dimension, key): number(subset.values("id").distinct().count())
        for dimension, key, subset in _breakdown_querysets(ctx, resources, "partnership__")
    }


@register(
    "initiatives-supported",
    objective="4.1",
    position=6,
    name=_("CEC initiatives supported by partnerships"),
    dimensions=(Dimension.UNIT, Dimension.PILLAR),
    drilldown=lambda dimension, key, start, end, refs: drilldown.partnerships(dimension, key, stage="active"),
    how=_("Initiatives supported by a partnership at agreement signed, active or completed."),
)
def initiatives_supported(ctx: Context) -> Values:
    through = Partnership.initiatives.through.objects.filter(
        partnership__stage__in=SIGNED, partnership__created_at__lt=ctx.end_moment
    ).order_by()
    distinct = Count("initiative", distinct=True)
    values: Values = {ALL: number(through.aggregate(n=distinct)["n"])}
    values |= counted(Dimension.UNIT, through.values_list("partnership__unit").annotate(n=distinct))
    values |= counted(Dimension.PILLAR, through.values_list("partnership__pillars").annotate(n=distinct))
    return values
