"""Goal 2: reinvigorate the engagement with the business community (objectives 2.1 and 2.2).

Conferences, workshops and committee meetings are counted from the roundtables app's events and their
attendance (``events.py``); organizations reached and the moves up the ladder from the register.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from roundtables.choices import EventKind
from stakeholders.choices import Level
from stakeholders.models import InteractionOrganization, LevelChange

from .. import drilldown
from ..choices import Dimension
from .events import attendances
from .goal1 import BREAKDOWNS
from .queries import COUNTRY_FLAGS, in_country
from .registry import ALL, Context, Values, counted, number, register

# Webinars count with workshops: a webinar is a workshop or seminar held online, the strategy's action
# ("participate in conferences and workshops targeting the private sector") does not ask where it takes
# place, and attending one logs the same interaction type, "Conference or workshop", on the organization.
CONFERENCES = (EventKind.CONFERENCE, EventKind.WORKSHOP, EventKind.WEBINAR)


@register(
    "conferences-attended",
    objective="2.1",
    position=1,
    name=_("Conferences and workshops attended"),
    cumulative=True,
    dimensions=BREAKDOWNS,
    drilldown=lambda dimension, key, start, end, refs: drilldown.events(
        dimension, key, start, end, kinds=CONFERENCES, attended=True
    ),
    how=_("Participants marked attended at conferences, workshops and webinars held since 1 January, by the "
          "event's organizing unit and pillars and the participant's country."),
)  # fmt: skip
def conferences_attended(ctx: Context) -> Values:
    return attendances(ctx, CONFERENCES, BREAKDOWNS)


@register(
    "organizations-reached",
    objective="2.1",
    position=2,
    name=_("Organizations reached"),
    cumulative=True,
    dimensions=(Dimension.UNIT, Dimension.COUNTRY),
    drilldown=lambda dimension, key, start, end, refs: drilldown.interactions("", dimension, key, start, end),
    how=_("Organizations with at least one interaction since 1 January."),
)
def organizations_reached(ctx: Context) -> Values:
    participations = InteractionOrganization.objects.filter(
        occurred_on__gte=ctx.year_start, occurred_on__lte=ctx.as_of
    ).order_by()
    values: Values = {ALL: number(participations.aggregate(n=Count("organization", distinct=True))["n"])}
    values |= counted(
        Dimension.UNIT,
        participations.values_list("interaction__unit").annotate(n=Count("organization", distinct=True)),
    )
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
    "passive-to-active",
    objective="2.1",
    position=3,
    name=_("Organizations that moved from passive to active"),
    cumulative=True,
    dimensions=(Dimension.COUNTRY,),
    drilldown=lambda dimension, key, start, end, refs: drilldown.organizations(
        dimension, key, private=False, level=Level.ACTIVE
    ),
    how=_("Organizations whose engagement level rose from passive to active or collaborative since 1 January."),
)
def passive_to_active(ctx: Context) -> Values:
    moves = LevelChange.objects.filter(
        from_level=Level.PASSIVE, to_level__gte=Level.ACTIVE, changed_on__gte=ctx.year_start, changed_on__lte=ctx.as_of
    ).order_by()
    values: Values = {ALL: number(moves.aggregate(n=Count("organization", distinct=True))["n"])}
    values |= counted(
        Dimension.COUNTRY,
        moves.aggregate(
            **{
                code: Count("organization", distinct=True, filter=in_country(code, "organization__"))
                for code in COUNTRY_FLAGS
            }
        ).items(),
    )
    return values


@register(
    "committee-participations",
    objective="2.2",
    position=1,
    name=_("Committee participations"),
    cumulative=True,
    dimensions=BREAKDOWNS,
    drilldown=lambda dimension, key, start, end, refs: drilldown.events(
        dimension, key, start, end, kinds=(EventKind.COMMITTEE,), attended=True
    ),
    how=_("Participants marked attended at committee meetings held since 1 January, by the event's organizing "
          "unit and pillars and the participant's country."),
)  # fmt: skip
def committee_participations(ctx: Context) -> Values:
    return attendances(ctx, (EventKind.COMMITTEE,), BREAKDOWNS)
