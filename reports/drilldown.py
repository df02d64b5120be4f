"""Links from a number to the list of records behind it: the other apps' own filtered list pages, with
the query parameters of their FilterSets (stakeholders/filters.py, partnerships/filters.py,
roundtables/filters.py)."""

from datetime import date
from urllib.parse import urlencode

from django.urls import reverse

from roundtables.choices import TOOK_PLACE
from stakeholders.choices import PRIVATE_SECTOR

from .choices import Dimension

PRIVATE_CATEGORIES = sorted(PRIVATE_SECTOR)
# The breakdowns each list can filter on, under its own parameter names.
ORGANIZATION_PARAMS = {Dimension.COUNTRY: "country", Dimension.PILLAR: "pillar", Dimension.SECTOR: "sector",
                       Dimension.LEVEL: "level", Dimension.CATEGORY: "category"}  # fmt: skip
INTERACTION_PARAMS = {Dimension.UNIT: "unit", Dimension.PILLAR: "pillar"}
PARTNERSHIP_PARAMS = {Dimension.UNIT: "unit", Dimension.PILLAR: "pillar", Dimension.COUNTRY: "country",
                      Dimension.STAGE: "stage"}  # fmt: skip
# A country or a category of events' figures is their attendees' (reports/indicators/events.py).
EVENT_PARAMS = {Dimension.UNIT: "unit", Dimension.PILLAR: "pillar", Dimension.COUNTRY: "attendee_country",
                Dimension.CATEGORY: "attendee_category"}  # fmt: skip


def _url(name: str, params: list[tuple[str, object]]) -> str:
    query = urlencode([(k, v) for k, v in params if v not in (None, "")])
    return f"{reverse(name)}?{query}" if query else reverse(name)


def _breakdown(params_by_dimension, dimension: str, key: str) -> list[tuple[str, str]] | None:
    if dimension == Dimension.ALL:
        return []
    param = params_by_dimension.get(dimension)
    return None if param is None else [(param, key)]


def organizations(dimension: str, key: str, *, private: bool = True, **extra) -> str | None:
    breakdown = _breakdown(ORGANIZATION_PARAMS, dimension, key)
    if breakdown is None:
        return None
    categories = [] if dimension == Dimension.CATEGORY or not private else [("category", c) for c in PRIVATE_CATEGORIES]
    return _url("stakeholders:organization_list", [*categories, *breakdown, *extra.items()])


def interactions(kind_id, dimension: str, key: str, start: date, end: date) -> str | None:
    breakdown = _breakdown(INTERACTION_PARAMS, dimension, key)
    if breakdown is None or kind_id is None:
        return None
    params = [
        ("kind", kind_id),
        *breakdown,
        ("occurred_after", start.isoformat()),
        ("occurred_before", end.isoformat()),
    ]
    return _url("stakeholders:interaction_list", params)


def events(dimension: str, key: str, start: date, end: date, *, kinds, attended: bool = False,
           outcomes=()) -> str | None:  # fmt: skip
    """The event list of the events held from ``start`` to ``end`` of ``kinds``: with attendees when
    ``attended``, with outcomes of the types ``outcomes`` when given. Its rows show the attendees and the
    outcomes counted."""
    breakdown = _breakdown(EVENT_PARAMS, dimension, key)
    if breakdown is None:
        return None
    params = [
        *(("kind", kind) for kind in kinds),
        *(("status", status) for status in TOOK_PLACE),
        *breakdown,
        *([("attended", "on")] if attended else []),
        *(("outcome", outcome) for outcome in outcomes),
        ("starts_after", start.isoformat()),
        ("starts_before", end.isoformat()),
    ]
    return _url("roundtables:event_list", params)


def partnerships(dimension: str, key: str, **extra) -> str | None:
    breakdown = _breakdown(PARTNERSHIP_PARAMS, dimension, key)
    if breakdown is None:
        return None
    return _url("partnerships:partnership_list", [*breakdown, *extra.items()])


def initiatives(dimension: str, key: str) -> str | None:
    return reverse("strategy:initiative_list") if dimension == Dimension.ALL else None
