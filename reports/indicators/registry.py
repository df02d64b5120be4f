"""The registry the indicator modules fill, and the helpers they share."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from ..choices import Dimension, Measure

Key = tuple[str, str]
Values = dict[Key, Decimal | None]
ALL: Key = (Dimension.ALL.value, "")


@dataclass
class Context:
    """What an indicator is computed for: values as of ``as_of``; counts of events over the year to date."""

    as_of: date
    cache: dict = field(default_factory=dict)

    @property
    def year_start(self) -> date:
        return date(self.as_of.year, 1, 1)

    @property
    def end_moment(self) -> datetime:
        """The first moment after ``as_of``, for records stamped with a time."""
        return timezone.make_aware(datetime.combine(self.as_of + timedelta(days=1), time.min))

    def once(self, name: str, compute: Callable):
        """A value several indicators share, computed once per run."""
        if name not in self.cache:
            self.cache[name] = compute()
        return self.cache[name]


@dataclass(frozen=True)
class Definition:
    """An indicator as code defines it.

    ``cumulative`` indicators count events of the year to date, so their yearly target is expected to
    be reached in proportion to the days gone by; the others are levels measured on the day.
    ``drilldown(dimension, key, start, end)`` gives the list page of the records behind a value, or None.
    """

    code: str
    objective: str | None
    position: int
    name: object
    measure: str
    compute: Callable[[Context], Values]
    cumulative: bool = False
    higher_is_better: bool = True
    dimensions: tuple[str, ...] = (Dimension.ALL,)
    drilldown: Callable | None = None
    how: object = ""


REGISTRY: dict[str, Definition] = {}


def register(code, *, objective, position, name, measure=Measure.COUNT, cumulative=False, higher_is_better=True,
             dimensions=(), drilldown=None, how=""):  # fmt: skip
    """Register the decorated function as the computation of indicator ``code``."""

    def decorate(function):
        REGISTRY[code] = Definition(
            code=code,
            objective=objective,
            position=position,
            name=name,
            measure=measure,
            compute=function,
            cumulative=cumulative,
            higher_is_better=higher_is_better,
            dimensions=(Dimension.ALL, *dimensions),
            drilldown=drilldown,
            how=how,
        )
        return function

    return decorate


def definitions_for(objective_code: str | None) -> list[Definition]:
    return sorted((d for d in REGISTRY.values() if d.objective == objective_code), key=lambda d: d.position)


# Helpers -------------------------------------------------------------------------------------------------


def number(value) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def share(part, whole) -> Decimal | None:
    """A percentage, or None when there is nothing to take a share of."""
    if not whole:
        return None
    return (Decimal(100) * Decimal(part) / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def counted(dimension: str, rows) -> Values:
    """``{(dimension, key): count}`` from ``(key, count)`` rows, leaving out rows without a key."""
    return {(str(dimension), str(key)): number(n) for key, n in rows if key not in (None, "")}


def shares(dimension: str, parts: dict, wholes: dict) -> Values:
    return {(str(dimension), str(key)): share(parts.get(key, 0), whole) for key, whole in wholes.items() if key}
