"""Goal 3: dialogue and knowledge sharing (objective 3.1).

Counted from the roundtables app's records (``events.py``): the roundtables held since 1 January, who
attended them, and the outcomes recorded at them. Every 3.1 figure is about the same roundtables, so a
unit's roundtables, participants and outcomes can be read side by side.
"""

from django.utils.translation import gettext_lazy as _

from roundtables.choices import EventKind, OutcomeKind

from .. import drilldown
from ..choices import Dimension
from .events import attendances, events_held, outcomes_recorded
from .goal1 import BREAKDOWNS
from .registry import Context, Values, register

ROUNDTABLES = (EventKind.ROUNDTABLE,)
PARTICIPANT_BREAKDOWNS = (Dimension.CATEGORY, *BREAKDOWNS)
ISSUES = (OutcomeKind.ISSUE,)
# The strategy organizes its roundtables "to share best practices, barriers and lessons learned".
PRACTICES_AND_LESSONS = (OutcomeKind.BEST_PRACTICE, OutcomeKind.BARRIER, OutcomeKind.LESSON)


def _roundtables_link(**options):
    def link(dimension, key, start, end, refs):
        return drilldown.events(dimension, key, start, end, kinds=ROUNDTABLES, **options)

    return link


@register(
    "roundtables-held",
    objective="3.1",
    position=1,
    name=_("Roundtables held"),
    cumulative=True,
    dimensions=BREAKDOWNS,
    drilldown=_roundtables_link(),
    how=_("Roundtables held since 1 January (held, or with their outcomes recorded), by organizing unit and "
          "pillar, and in each country someone attended from."),
)  # fmt: skip
def roundtables_held(ctx: Context) -> Values:
    return events_held(ctx, ROUNDTABLES, BREAKDOWNS)


@register(
    "roundtable-participants",
    objective="3.1",
    position=2,
    name=_("Roundtable participants"),
    cumulative=True,
    dimensions=PARTICIPANT_BREAKDOWNS,
    drilldown=_roundtables_link(attended=True),
    how=_("Participants marked attended at the roundtables held since 1 January, by the stakeholder category "
          "and country recorded when they were invited."),
)  # fmt: skip
def roundtable_participants(ctx: Context) -> Values:
    return attendances(ctx, ROUNDTABLES, PARTICIPANT_BREAKDOWNS)


@register(
    "issues-identified",
    objective="3.1",
    position=3,
    name=_("Issues of common interest identified"),
    cumulative=True,
    dimensions=BREAKDOWNS,
    drilldown=_roundtables_link(outcomes=ISSUES),
    how=_("Issues of common interest recorded as outcomes of the roundtables held since 1 January."),
)
def issues_identified(ctx: Context) -> Values:
    return outcomes_recorded(ctx, ROUNDTABLES, ISSUES, BREAKDOWNS)


@register(
    "practices-and-lessons",
    objective="3.1",
    position=4,
    name=_("Best practices, barriers and lessons learned recorded"),
    cumulative=True,
    dimensions=BREAKDOWNS,
    drilldown=_roundtables_link(outcomes=PRACTICES_AND_LESSONS),
    how=_("Best practices, barriers and lessons learned recorded as outcomes of the roundtables held since "
          "1 January."),
)  # fmt: skip
def practices_and_lessons(ctx: Context) -> Values:
    return outcomes_recorded(ctx, ROUNDTABLES, PRACTICES_AND_LESSONS, BREAKDOWNS)
