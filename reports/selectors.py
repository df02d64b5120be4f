"""Reads the dashboard pages, exports and printable report share, all from the stored snapshots.

A page costs the same few queries whatever the size of the register: the snapshot, the indicators, their
values for the chosen breakdown, the targets and the settings.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.models import Stage
from stakeholders.choices import Category, Country, Level
from stakeholders.models import InteractionType, NaicsCode
from strategy.models import Goal, Objective, Pillar, Unit

from .choices import Dimension, Measure, RunStatus, Status
from .indicators import REGISTRY
from .models import Indicator, IndicatorValue, ProgressSettings, Snapshot, SnapshotRun, Target

STALE_AFTER = timedelta(days=1)
STATUS_ORDER = [Status.OFF_TRACK, Status.AT_RISK, Status.ON_TRACK, Status.NO_TARGET, Status.NO_DATA]


@dataclass
class Filters:
    """What a dashboard shows: one breakdown (a unit, a country or a pillar, or the whole Secretariat)
    over a period."""

    start: date
    end: date
    unit: Unit | None = None
    country: str = ""
    pillar: Pillar | None = None

    @property
    def scope(self) -> tuple[str, str]:
        if self.unit:
            return Dimension.UNIT.value, str(self.unit.pk)
        if self.country:
            return Dimension.COUNTRY.value, self.country
        if self.pillar:
            return Dimension.PILLAR.value, str(self.pillar.pk)
        return Dimension.ALL.value, ""

    @property
    def label(self) -> str:
        if self.unit:
            return self.unit.name
        if self.country:
            return str(Country(self.country).label)
        if self.pillar:
            return self.pillar.name
        return str(_("Whole Secretariat"))

    def query(self) -> str:
        from urllib.parse import urlencode

        params = {
            "unit": self.unit.pk if self.unit else "",
            "country": self.country,
            "pillar": self.pillar.pk if self.pillar else "",
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
        }
        return urlencode(params)


def default_period(today: date | None = None) -> tuple[date, date]:
    today = today or timezone.localdate()
    return date(today.year, 1, 1), today


@dataclass
class Row:
    """An indicator as a page shows it: its value on the period's last snapshot, its target and status."""

    indicator: Indicator
    value: Decimal | None = None
    target: Decimal | None = None
    percent: Decimal | None = None
    status: str = Status.NO_DATA
    link: str | None = None
    trend: list[tuple[date, Decimal | None]] = field(default_factory=list)
    breakdowns: dict[str, list[tuple[str, Decimal | None, str | None]]] = field(default_factory=dict)

    @property
    def definition(self):
        return REGISTRY.get(self.indicator.code)

    @property
    def measure(self) -> str:
        return self.definition.measure if self.definition else Measure.COUNT

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def dom_id(self) -> str:
        return f"indicator-{self.indicator.code}"


def year_fraction(day: date) -> Decimal:
    days = 366 if calendar.isleap(day.year) else 365
    return Decimal(day.timetuple().tm_yday) / Decimal(days)


def progress_status(value, target, definition, as_of: date, settings: ProgressSettings) -> tuple[Decimal | None, str]:
    """The percent of the yearly target reached, and the status against the progress expected by now
    (cumulative counts are expected to grow through the year; levels are compared as they stand)."""
    if value is None:
        return None, Status.NO_DATA
    if target is None:
        return None, Status.NO_TARGET
    percent = (Decimal(100) * value / target).quantize(Decimal("0.1")) if target else None
    if definition is not None and not definition.higher_is_better:
        ratio = Decimal(100) if value <= target else Decimal(100) * target / value
    else:
        expected = target * year_fraction(as_of) if definition is not None and definition.cumulative else target
        ratio = Decimal(100) if expected <= 0 else Decimal(100) * value / expected
    if ratio >= settings.on_track_percent:
        return percent, Status.ON_TRACK
    if ratio >= settings.at_risk_percent:
        return percent, Status.AT_RISK
    return percent, Status.OFF_TRACK


def worst_status(statuses) -> str:
    statuses = list(statuses)
    for status in STATUS_ORDER[:3]:
        if status in statuses:
            return status
    return Status.NO_TARGET if Status.NO_TARGET in statuses else Status.NO_DATA


def snapshot_in(start: date, end: date) -> Snapshot | None:
    """The period's last snapshot."""
    return Snapshot.objects.filter(as_of__gte=start, as_of__lte=end).order_by("-as_of").first()


@dataclass
class Freshness:
    snapshot: Snapshot | None
    run: SnapshotRun | None

    @property
    def is_stale(self) -> bool:
        return self.snapshot is None or timezone.now() - self.snapshot.computed_at > STALE_AFTER


def freshness() -> Freshness:
    """The latest snapshot taken, and the latest job (to show its progress)."""
    return Freshness(
        snapshot=Snapshot.objects.order_by("-computed_at").first(),
        run=SnapshotRun.objects.order_by("-created_at", "-id").first(),
    )


def enabled_indicators(objectives: list[Objective] | None = None, *, vision: bool = False) -> list[Indicator]:
    indicators = Indicator.objects.filter(enabled=True)
    if vision:
        indicators = indicators.filter(objective=None)
    elif objectives is not None:
        indicators = indicators.filter(objective__in=objectives)
    else:
        indicators = indicators.exclude(objective=None)
    return [i for i in indicators.order_by("position", "code") if i.code in REGISTRY]


def _refs() -> dict:
    return {"types": dict(InteractionType.objects.values_list("code", "pk"))}


def indicator_rows(
    indicators: list[Indicator], filters: Filters, snapshot: Snapshot | None, *, trends: bool = False,
    breakdowns: bool = False, links: bool = True, settings: ProgressSettings | None = None,
) -> list[Row]:  # fmt: skip
    """A ``Row`` per indicator for the chosen breakdown, with the trend over the period if asked."""
    rows = {indicator.pk: Row(indicator=indicator) for indicator in indicators}
    if not rows or snapshot is None:
        return list(rows.values())
    dimension, key = filters.scope
    for indicator_id, value in IndicatorValue.objects.filter(
        snapshot=snapshot, indicator__in=rows, dimension=dimension, key=key
    ).values_list("indicator_id", "value"):
        rows[indicator_id].value = value
    targets = dict(
        Target.objects.filter(indicator__in=rows, year=snapshot.as_of.year, unit=filters.unit)
        .filter(unit__isnull=filters.unit is None)
        .values_list("indicator_id", "value")
    )
    settings = settings or ProgressSettings.current()
    refs = _refs() if links else {}
    start = date(snapshot.as_of.year, 1, 1)
    for row in rows.values():
        definition = row.definition
        row.target = targets.get(row.indicator.pk)
        row.percent, row.status = progress_status(row.value, row.target, definition, snapshot.as_of, settings)
        if links and row.value is not None and definition and definition.drilldown:
            row.link = definition.drilldown(dimension, key, start, snapshot.as_of, refs)
    if trends:
        for indicator_id, as_of, value in (
            IndicatorValue.objects.filter(
                indicator__in=rows,
                dimension=dimension,
                key=key,
                snapshot__as_of__gte=filters.start,
                snapshot__as_of__lte=filters.end,
            )
            .order_by("snapshot__as_of")
            .values_list("indicator_id", "snapshot__as_of", "value")
        ):
            rows[indicator_id].trend.append((as_of, value))
    if breakdowns:
        _add_breakdowns(rows, snapshot, refs, links=links)
    return list(rows.values())


def _labels(dimensions: set[str]) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    if Dimension.UNIT in dimensions:
        labels[Dimension.UNIT] = {str(u.pk): u.name for u in Unit.objects.all()}
    if Dimension.PILLAR in dimensions:
        labels[Dimension.PILLAR] = {str(p.pk): p.name for p in Pillar.objects.all()}
    if Dimension.SECTOR in dimensions:
        labels[Dimension.SECTOR] = {n.code: f"{n.code} {n.title}" for n in NaicsCode.objects.filter(level=2)}
    if Dimension.STAGE in dimensions:
        labels[Dimension.STAGE] = {s.code: s.name for s in Stage.objects.all()}
    labels[Dimension.COUNTRY] = {code: str(label) for code, label in Country.choices}
    labels[Dimension.CATEGORY] = {code: str(label) for code, label in Category.choices}
    labels[Dimension.LEVEL] = {str(code): str(label) for code, label in Level.choices}
    return labels


def _add_breakdowns(rows: dict[int, Row], snapshot: Snapshot, refs: dict, *, links: bool) -> None:
    found = defaultdict(list)
    for indicator_id, dimension, key, value in (
        IndicatorValue.objects.filter(snapshot=snapshot, indicator__in=rows)
        .exclude(dimension=Dimension.ALL)
        .values_list("indicator_id", "dimension", "key", "value")
    ):
        found[indicator_id].append((dimension, key, value))
    labels = _labels({dimension for values in found.values() for dimension, _key, _value in values})
    start = date(snapshot.as_of.year, 1, 1)
    for indicator_id, values in found.items():
        row = rows[indicator_id]
        definition = row.definition
        for dimension, key, value in values:
            link = None
            if links and definition.drilldown and value is not None:
                link = definition.drilldown(dimension, key, start, snapshot.as_of, refs)
            label = labels.get(dimension, {}).get(key, key)
            row.breakdowns.setdefault(Dimension(dimension).label, []).append((label, value, link))
        for entries in row.breakdowns.values():
            entries.sort(key=lambda entry: str(entry[0]))


@dataclass
class ObjectiveStatus:
    objective: Objective
    rows: list[Row]

    @property
    def status(self) -> str:
        return worst_status(row.status for row in self.rows)

    @property
    def status_label(self) -> str:
        return Status(self.status).label


def goals_with_status(filters: Filters, snapshot: Snapshot | None, *, goal: Goal | None = None, **options):
    """``[(goal, [ObjectiveStatus])]`` in the strategy's order."""
    objectives = list(Objective.objects.select_related("goal").order_by("goal__number", "position"))
    if goal is not None:
        objectives = [o for o in objectives if o.goal_id == goal.pk]
    rows = indicator_rows(enabled_indicators(objectives), filters, snapshot, **options)
    by_objective = defaultdict(list)
    for row in rows:
        by_objective[row.indicator.objective_id].append(row)
    goals: dict[int, tuple[Goal, list]] = {}
    for objective in objectives:
        goals.setdefault(objective.goal_id, (objective.goal, []))[1].append(
            ObjectiveStatus(objective=objective, rows=by_objective.get(objective.pk, []))
        )
    return list(goals.values())


@dataclass
class Rung:
    row: Row
    baseline: Decimal | None

    @property
    def change(self) -> Decimal | None:
        if self.row.value is None or self.baseline is None:
            return None
        return self.row.value - self.baseline


def vision_ladder(
    filters: Filters, snapshot: Snapshot | None, settings: ProgressSettings | None = None
) -> tuple[list[Rung], Snapshot | None]:
    """Organizations at each rung of the ladder now and on the baseline date's snapshot."""
    settings = settings or ProgressSettings.current()
    rows = indicator_rows(enabled_indicators(vision=True), filters, snapshot, trends=True, settings=settings)
    baseline_snapshot = None
    baseline = {}
    if settings.baseline_date and snapshot is not None:
        baseline_snapshot = (
            Snapshot.objects.filter(as_of__lte=settings.baseline_date).order_by("-as_of").first()
            or Snapshot.objects.filter(as_of__gte=settings.baseline_date).order_by("as_of").first()
        )
        if baseline_snapshot:
            dimension, key = filters.scope
            baseline = dict(
                IndicatorValue.objects.filter(
                    snapshot=baseline_snapshot, indicator__in=[r.indicator for r in rows], dimension=dimension, key=key
                ).values_list("indicator_id", "value")
            )
    return [Rung(row=row, baseline=baseline.get(row.indicator.pk)) for row in rows], baseline_snapshot


def chart_data(rows: list[Row]) -> dict:
    """The trend of each row for Chart.js: dates and values (None where there was no data)."""
    return {
        row.dom_id: {
            "label": row.indicator.name,
            "dates": [as_of.isoformat() for as_of, _value in row.trend],
            "values": [None if value is None else float(value) for _as_of, value in row.trend],
            "target": None if row.target is None else float(row.target),
        }
        for row in rows
    }


def runs_working() -> QuerySet[SnapshotRun]:
    return SnapshotRun.objects.filter(status__in=[RunStatus.QUEUED, RunStatus.RUNNING])
