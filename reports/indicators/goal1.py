"""Goal 1: a systematic approach for engaging the private sector (objectives 1.1, 1.2, 1.3)."""

from collections import defaultdict
from statistics import median

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from partnerships.choices import SIGNED
from partnerships.models import Partnership, StageMove
from stakeholders.choices import PRIVATE_SECTOR
from stakeholders.models import Organization
from stakeholders.models.organizations import OrganizationSector
from strategy.models import Initiative
from surveys.choices import InvitationStatus
from surveys.models import Invitation

from .. import drilldown
from ..choices import Dimension, Measure
from .queries import COUNTRY_FLAGS, in_country, interaction_counts, private_sector
from .registry import ALL, Context, Values, counted, number, register, share, shares

BREAKDOWNS = (Dimension.UNIT, Dimension.COUNTRY, Dimension.PILLAR)


def _prefixed_equity(prefix: str = "") -> Q:
    """Owned by, led by, representing or serving, with a population named: the list's ``equity=any``."""
    relation = ("owned_by", "led_by", "representing", "serving")
    has_relation = Q()
    for name in relation:
        has_relation |= Q(**{f"{prefix}equity_{name}": True})
    population = (
        Q(**{f"{prefix}equity_indigenous": True})
        | Q(**{f"{prefix}equity_women": True})
        | ~Q(**{f"{prefix}equity_other": ""})
    )
    return has_relation & population


EQUITY = _prefixed_equity()


def _mapped(ctx: Context) -> dict:
    """The private-sector register on the day, counted once for both 1.1 indicators: in all, by country
    and by pillar, each with and without an equity-deserving focus (three queries)."""

    def compute():
        organizations = private_sector(ctx)
        aggregates = {"whole": Count("id"), "part": Count("id", filter=EQUITY)}
        for code in COUNTRY_FLAGS:
            aggregates[f"{code}_whole"] = Count("id", filter=in_country(code))
            aggregates[f"{code}_part"] = Count("id", filter=in_country(code) & EQUITY)
        totals = organizations.aggregate(**aggregates)
        through = Organization.pillars.through.objects.filter(
            organization__category__in=PRIVATE_SECTOR, organization__created_at__lt=ctx.end_moment
        ).order_by()
        pillars = through.values_list("pillar").annotate(
            whole=Count("id"), part=Count("id", filter=_prefixed_equity("organization__"))
        )
        sectors = OrganizationSector.objects.filter(
            organization__category__in=PRIVATE_SECTOR, organization__created_at__lt=ctx.end_moment
        ).order_by()
        return {
            "totals": totals,
            "pillars": {pillar: (whole, part) for pillar, whole, part in pillars},
            "sectors": list(sectors.values_list("sector").annotate(n=Count("organization", distinct=True))),
        }

    return ctx.once("mapped", compute)


@register(
    "private-sector-mapped",
    objective="1.1",
    position=1,
    name=_("Private-sector organizations mapped"),
    dimensions=(Dimension.COUNTRY, Dimension.PILLAR, Dimension.SECTOR),
    drilldown=lambda dimension, key, start, end, refs: drilldown.organizations(dimension, key),
    how=_("Private-sector organizations in the register on the day, by NAICS sector, pillar and country."),
)
def private_sector_mapped(ctx: Context) -> Values:
    mapped = _mapped(ctx)
    totals = mapped["totals"]
    values: Values = {ALL: number(totals["whole"])}
    values |= counted(Dimension.COUNTRY, ((code, totals[f"{code}_whole"]) for code in COUNTRY_FLAGS))
    values |= counted(Dimension.PILLAR, ((pillar, whole) for pillar, (whole, _part) in mapped["pillars"].items()))
    values |= counted(Dimension.SECTOR, mapped["sectors"])
    return values


@register(
    "equity-focus-share",
    objective="1.1",
    position=2,
    name=_("Share of mapped organizations with an equity-deserving focus"),
    measure=Measure.PERCENT,
    dimensions=(Dimension.COUNTRY, Dimension.PILLAR),
    drilldown=lambda dimension, key, start, end, refs: drilldown.organizations(dimension, key, equity="any"),
    how=_("Of the private-sector organizations mapped, those owned by, led by, representing or serving "
          "Indigenous peoples, women or other equity-deserving populations."),
)  # fmt: skip
def equity_focus_share(ctx: Context) -> Values:
    mapped = _mapped(ctx)
    totals = mapped["totals"]
    values: Values = {ALL: share(totals["part"], totals["whole"])}
    values |= {
        (Dimension.COUNTRY.value, code): share(totals[f"{code}_part"], totals[f"{code}_whole"])
        for code in COUNTRY_FLAGS
    }
    values |= {
        (Dimension.PILLAR.value, str(pillar)): share(part, whole) for pillar, (whole, part) in mapped["pillars"].items()
    }
    return values


@register(
    "targeted-survey-response-rate",
    objective="1.1",
    position=3,
    name=_("Targeted survey response rate"),
    measure=Measure.PERCENT,
    dimensions=(Dimension.COUNTRY,),
    drilldown=lambda dimension, key, start, end, refs: "/surveys/" if dimension == Dimension.ALL else None,
    how=_(
        "Of the invitations sent for surveys serving objective 1.1, the share answered in full; by the "
        "country of the invited organization."
    ),  # fmt: skip
)
def targeted_survey_response_rate(ctx: Context) -> Values:
    invitations = (
        Invitation.objects.filter(survey__objectives__code="1.1", sent_at__lt=ctx.end_moment)
        .exclude(status__in=[InvitationStatus.QUEUED, InvitationStatus.FAILED])
        .order_by()
    )
    answered = Q(response__completed_at__lt=ctx.end_moment)
    totals = invitations.aggregate(whole=Count("id"), part=Count("id", filter=answered))
    values: Values = {ALL: share(totals["part"], totals["whole"])}
    wholes = dict(invitations.values_list("country").annotate(n=Count("id")))
    parts = dict(invitations.filter(answered).values_list("country").annotate(n=Count("id")))
    values |= shares(Dimension.COUNTRY, parts, wholes)
    return values


@register(
    "initiatives-pse-answered",
    objective="1.2",
    position=1,
    name=_("Share of CEC initiatives whose private-sector-engagement question is answered"),
    measure=Measure.PERCENT,
    dimensions=(Dimension.UNIT, Dimension.PILLAR),
    drilldown=lambda dimension, key, start, end, refs: drilldown.initiatives(dimension, key),
    how=_("Initiatives with an answer to the question of the project description template, of all initiatives."),
)
def initiatives_pse_answered(ctx: Context) -> Values:
    initiatives = Initiative.objects.order_by()
    answered = ~Q(private_sector_engagement="")
    totals = initiatives.aggregate(whole=Count("id"), part=Count("id", filter=answered))
    values: Values = {ALL: share(totals["part"], totals["whole"])}
    values |= shares(
        Dimension.UNIT,
        dict(initiatives.filter(answered).values_list("unit").annotate(n=Count("id"))),
        dict(initiatives.values_list("unit").annotate(n=Count("id"))),
    )
    through = Initiative.pillars.through.objects.order_by()
    values |= shares(
        Dimension.PILLAR,
        dict(through.filter(initiative__in=initiatives.filter(answered)).values_list("pillar").annotate(n=Count("id"))),
        dict(through.values_list("pillar").annotate(n=Count("id"))),
    )
    return values


def interactions_link(kind_code):
    def link(dimension, key, start, end, refs):
        return drilldown.interactions(refs["types"].get(kind_code), dimension, key, start, end)

    return link


@register(
    "advice-to-units",
    objective="1.2",
    position=2,
    name=_("Support and advice given to units"),
    cumulative=True,
    dimensions=BREAKDOWNS,
    drilldown=interactions_link("advice-to-unit"),
    how=_("Interactions of the type “Support and advice to a unit” since 1 January."),
)
def advice_to_units(ctx: Context) -> Values:
    return interaction_counts(ctx, "advice-to-unit")


def _signed(ctx: Context):
    """Partnerships that reached agreement, by the snapshot's date."""
    return Partnership.objects.filter(stage__in=SIGNED, created_at__lt=ctx.end_moment).order_by()


@register(
    "partnerships-process-followed",
    objective="1.3",
    position=1,
    name=_("Share of agreements reached with a completed assessment and approval"),
    measure=Measure.PERCENT,
    dimensions=(Dimension.UNIT, Dimension.PILLAR),
    drilldown=lambda dimension, key, start, end, refs: drilldown.partnerships(dimension, key),
    how=_("Of the partnerships at agreement signed, active or completed, those with a completed screening "
          "assessment and a unit lead's approval."),
)  # fmt: skip
def partnerships_process_followed(ctx: Context) -> Values:
    signed = _signed(ctx)
    followed = Q(assessment__completed_at__isnull=False, approved_at__isnull=False)
    totals = signed.aggregate(whole=Count("id"), part=Count("id", filter=followed))
    values: Values = {ALL: share(totals["part"], totals["whole"])}
    values |= shares(
        Dimension.UNIT,
        dict(signed.filter(followed).values_list("unit").annotate(n=Count("id"))),
        dict(signed.values_list("unit").annotate(n=Count("id"))),
    )
    through = Partnership.pillars.through.objects.order_by()
    values |= shares(
        Dimension.PILLAR,
        dict(through.filter(partnership__in=signed.filter(followed)).values_list("pillar").annotate(n=Count("id"))),
        dict(through.filter(partnership__in=signed).values_list("pillar").annotate(n=Count("id"))),
    )
    return values


@register(
    "median-days-per-stage",
    objective="1.3",
    position=2,
    name=_("Median days per stage"),
    measure=Measure.DAYS,
    higher_is_better=False,
    dimensions=(Dimension.STAGE,),
    drilldown=lambda dimension, key, start, end, refs: drilldown.partnerships(dimension, key),
    how=_("Days between entering a stage and leaving it, for every stage left by the day; the median of all "
          "stays, and of each stage's."),
)  # fmt: skip
def median_days_per_stage(ctx: Context) -> Values:
    moves = StageMove.objects.filter(moved_at__lt=ctx.end_moment).order_by("partnership_id", "moved_at", "id")
    stays: dict[str, list[int]] = defaultdict(list)
    previous = None
    for partnership_id, stage, moved_at in moves.values_list("partnership_id", "to_stage_id", "moved_at").iterator(
        chunk_size=5000
    ):
        if previous and previous[0] == partnership_id:
            stays[previous[1]].append((moved_at - previous[2]).days)
        previous = (partnership_id, stage, moved_at)
    every = [days for values in stays.values() for days in values]
    values: Values = {ALL: number(median(every)) if every else None}
    values |= {(Dimension.STAGE.value, stage): number(median(days)) for stage, days in stays.items()}
    return values
