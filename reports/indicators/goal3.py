"""Goal 3: dialogue and knowledge sharing (objective 3.1).

Until the roundtables app records roundtables with their attendance and outcomes, these indicators count
the register's interactions of the type "Roundtable": a roundtable held is one such interaction, its
participants are its organizations, and an outcome recorded on it stands for the issues, best practices
and lessons it brought. The roundtables app's own indicators will be registered beside these.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from stakeholders.models import InteractionOrganization

from .. import drilldown
from ..choices import Dimension
from .goal1 import BREAKDOWNS, interactions_link
from .queries import COUNTRY_FLAGS, in_country, interaction_counts, interaction_type_ids, interactions_of
from .registry import ALL, Context, Values, counted, number, register


@register(
    "roundtables-held",
    objective="3.1",
    position=1,
    name=_("Roundtables held"),
    cumulative=True,
    dimensions=BREAKDOWNS,
    drilldown=interactions_link("roundtable"),
    how=_("Interactions of the type “Roundtable” since 1 January."),
)
def roundtables_held(ctx: Context) -> Values:
    return interaction_counts(ctx, "roundtable")


@register(
    "roundtable-participants",
    objective="3.1",
    position=2,
    name=_("Roundtable participants"),
    cumulative=True,
    dimensions=(Dimension.CATEGORY, Dimension.COUNTRY),
    drilldown=lambda dimension, key, start, end, refs: drilldown.interactions(
        refs["types"].get("roundtable"), dimension, key, start, end
    ),
    how=_("Organizations that took part in a roundtable since 1 January, by stakeholder category and country."),
)
def roundtable_participants(ctx: Context) -> Values:
    kind = interaction_type_ids(ctx).get("roundtable")
    if kind is None:
        return {}
    participations = InteractionOrganization.objects.filter(
        interaction__kind=kind, occurred_on__gte=ctx.year_start, occurred_on__lte=ctx.as_of
    ).order_by()
    distinct = Count("organization", distinct=True)
    values: Values = {ALL: number(participations.aggregate(n=distinct)["n"])}
    values |= counted(Dimension.CATEGORY, participations.values_list("organization__category").annotate(n=distinct))
    values |= counted(
        Dimension.COUNTRY,
        participations.aggregate(
            **{
                code: Count("organization", distinct=True, filter=in_country(code, "organization__"))
                for code in COUNTRY_FLAGS
            }
        ).items(),
    )
    return values


@register(
    "roundtable-outcomes",
    objective="3.1",
    position=3,
    name=_("Roundtables with issues, best practices or lessons recorded"),
    cumulative=True,
    dimensions=(Dimension.UNIT,),
    drilldown=interactions_link("roundtable"),
    how=_("Roundtables since 1 January whose outcome records issues of common interest, best practices or "
          "lessons learned."),
)  # fmt: skip
def roundtable_outcomes(ctx: Context) -> Values:
    recorded = interactions_of(ctx, "roundtable").exclude(outcome="").order_by()
    values: Values = {ALL: number(recorded.count())}
    values |= counted(Dimension.UNIT, recorded.values_list("unit").annotate(n=Count("id")))
    return values
