"""Counts over the roundtables app's records (read only) that the indicators of goals 2 and 3 share.

The events counted are those that took place (held, or held with outcomes recorded) on a day, where they
happened, from 1 January to the snapshot's date: the rows the event list shows for the same filters
(``drilldown.events``). Each number is broken down the same way:

- unit: the event's organizing unit;
- pillar: each of the event's pillars;
- country: the participant's country, as recorded when they were invited. An attendance counts in its
  attendee's country; an event, and each outcome of it, in every country someone attended it from. The
  event's own country is left aside: it says only where the room was (and nothing for a webinar), while
  the strategy counts engagement with the business community of each country, the way an interaction
  counts in the country of each of its organizations.
- category (participants only): the participant's stakeholder category, recorded when invited.

Everything is read in at most five queries whatever the number of events, then tallied in Python: per event, its
unit and pillars, its attendances by country and category, and its outcomes by type.
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Count

from roundtables.choices import TOOK_PLACE, ParticipantStatus
from roundtables.models import Event, Outcome, Participant

from ..choices import Dimension
from .registry import ALL, Context, Values, number


@dataclass
class HeldEvent:
    kind: str
    unit: int | None
    pillars: list[int] = field(default_factory=list)
    attendances: Counter = field(default_factory=Counter)  # (country, category) -> attendees
    outcomes: Counter = field(default_factory=Counter)  # outcome type -> outcomes

    @property
    def countries(self) -> set[str]:
        """The countries someone attended from."""
        return {country for (country, _category), n in self.attendances.items() if n}


@dataclass
class EventRecords:
    recorded: set[str]  # the kinds of event the register holds, of any date and status
    held: list[HeldEvent]


def event_records(ctx: Context) -> EventRecords:
    """The events held this year with what happened at each, read once per computation."""

    def compute():
        recorded = set(Event.objects.order_by().values_list("kind", flat=True).distinct())
        held = Event.objects.starting_between(ctx.year_start, ctx.as_of).filter(status__in=TOOK_PLACE).order_by()
        events = {pk: HeldEvent(kind=kind, unit=unit) for pk, kind, unit in held.values_list("id", "kind", "unit")}
        if events:
            ids = held.values("id")
            for event, pillar in Event.pillars.through.objects.filter(event__in=ids).values_list("event", "pillar"):
                events[event].pillars.append(pillar)
            attended = Participant.objects.filter(event__in=ids, status=ParticipantStatus.ATTENDED).order_by()
            for event, country, category, n in attended.values_list("event", "country", "category").annotate(
                n=Count("id")
            ):
                events[event].attendances[(country, category)] += n
            outcomes = Outcome.objects.filter(event__in=ids).order_by()
            for event, kind, n in outcomes.values_list("event", "kind").annotate(n=Count("id")):
                events[event].outcomes[kind] += n
        return EventRecords(recorded=recorded, held=list(events.values()))

    return ctx.once("events", compute)


def _tally(ctx: Context, kinds: Iterable[str], weigh: Callable[[HeldEvent], tuple[int, Counter, Counter]],
           dimensions: Iterable[str]) -> Values:  # fmt: skip
    """Add up ``weigh(event)`` — its total, by country and by category — over the events of ``kinds``.

    No data (``{}``) while the register holds no event of those kinds at all: the Secretariat does not
    keep them here (yet), which is not the same as having held none. Like the counts, which go by each
    event's day, this ignores when an event was entered: one entered late still counts in its period.
    """
    records = event_records(ctx)
    kinds = set(kinds)
    if not records.recorded & kinds:
        return {}
    found: dict[str, Counter] = defaultdict(Counter)
    total = 0
    for event in records.held:
        if event.kind not in kinds:
            continue
        n, by_country, by_category = weigh(event)
        total += n
        found[Dimension.UNIT][event.unit] += n
        for pillar in event.pillars:
            found[Dimension.PILLAR][pillar] += n
        found[Dimension.COUNTRY].update(by_country)
        found[Dimension.CATEGORY].update(by_category)
    values: Values = {ALL: number(total)}
    for dimension in dimensions:
        values |= {
            (str(dimension), str(key)): number(n) for key, n in found[dimension].items() if key not in (None, "")
        }
    return values


def events_held(ctx: Context, kinds: Iterable[str], dimensions: Iterable[str]) -> Values:
    """Events held: one each, in every country someone attended from."""
    return _tally(ctx, kinds, lambda event: (1, Counter(event.countries), Counter()), dimensions)


def attendances(ctx: Context, kinds: Iterable[str], dimensions: Iterable[str]) -> Values:
    """Participants marked attended, each in their own country and category."""

    def weigh(event: HeldEvent):
        by_country, by_category = Counter(), Counter()
        for (country, category), n in event.attendances.items():
            by_country[country] += n
            by_category[category] += n
        return sum(event.attendances.values()), by_country, by_category

    return _tally(ctx, kinds, weigh, dimensions)


def outcomes_recorded(ctx: Context, kinds: Iterable[str], types: Iterable[str], dimensions: Iterable[str]) -> Values:
    """Outcomes of the given types, each in every country its event was attended from."""
    types = tuple(types)

    def weigh(event: HeldEvent):
        n = sum(event.outcomes[kind] for kind in types)
        return n, Counter(dict.fromkeys(event.countries, n)), Counter()

    return _tally(ctx, kinds, weigh, dimensions)
