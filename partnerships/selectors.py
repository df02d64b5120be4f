"""Reads the partnership pages and other apps share: the board, totals in the reporting currency, timelines."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from .choices import CLOSED, VALUED, ResourceKind, StageCode
from .models import CurrencySettings, ExchangeRate, Partnership, Resource, Stage, StageMove

# A column shows the cards to look at; the rest are a link away, in the list with the same filters.
BOARD_CARDS_PER_STAGE = 20
BOARD_CARDS_PER_CLOSED_STAGE = 8


def rates_to(reporting: str) -> dict[tuple[int, str], Decimal]:
    """Every yearly rate into ``reporting``, keyed by (year, currency)."""
    return {
        (year, currency): rate
        for year, currency, rate in ExchangeRate.objects.filter(to_currency=reporting).values_list(
            "year", "currency", "rate"
        )
    }


@dataclass
class Totals:
    """Amounts in the reporting currency; ``missing`` names the rates that were needed and not found."""

    currency: str
    pledged: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    received: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    missing: set[tuple[int, str]] = field(default_factory=set)

    @property
    def total_pledged(self) -> Decimal:
        return sum(self.pledged.values(), Decimal(0))

    @property
    def total_received(self) -> Decimal:
        return sum(self.received.values(), Decimal(0))

    def rows(self) -> list[tuple[str, Decimal, Decimal]]:
        labels = dict(ResourceKind.choices)
        return [(labels[kind], self.pledged[kind], self.received[kind]) for kind in VALUED_ORDER]


VALUED_ORDER = [ResourceKind.FINANCIAL, ResourceKind.IN_KIND]


def _add(totals: Totals, rates, kind, currency, year, pledged, received) -> None:
    if kind not in VALUED or not currency:
        return
    if currency == totals.currency:
        rate = Decimal(1)
    else:
        rate = rates.get((year, currency))
        if rate is None:
            totals.missing.add((year, currency))
            return
    if pledged is not None:
        totals.pledged[kind] += (pledged * rate).quantize(Decimal("0.01"))
    if received is not None:
        totals.received[kind] += (received * rate).quantize(Decimal("0.01"))


def resource_totals(resources: QuerySet[Resource] | None = None) -> Totals:
    """Financial and in-kind resources of ``resources`` (all by default) in the reporting currency."""
    reporting = CurrencySettings.current().reporting_currency
    rates = rates_to(reporting)
    totals = Totals(currency=reporting)
    rows = (resources if resources is not None else Resource.objects.all()).values_list(
        "kind", "currency", "year", "pledged", "received"
    )
    for row in rows:
        _add(totals, rates, *row)
    return totals


def pledged_by_partnership(partnership_ids) -> tuple[dict[int, Decimal], str]:
    """The value pledged (financial and in kind) per partnership, in the reporting currency."""
    reporting = CurrencySettings.current().reporting_currency
    rates = rates_to(reporting)
    values: dict[int, Totals] = {}
    rows = Resource.objects.filter(partnership_id__in=list(partnership_ids), kind__in=VALUED).values_list(
        "partnership_id", "kind", "currency", "year", "pledged", "received"
    )
    for partnership_id, *row in rows:
        totals = values.setdefault(partnership_id, Totals(currency=reporting))
        _add(totals, rates, *row)
    return {pk: totals.total_pledged for pk, totals in values.items()}, reporting


@dataclass
class Column:
    stage: Stage
    cards: list
    count: int

    @property
    def more(self) -> int:
        return self.count - len(self.cards)


def _first_ids(partnerships: QuerySet[Partnership], stages, order, per_stage: int) -> list[int]:
    ranked = partnerships.filter(stage__in=stages).annotate(
        rank=Window(RowNumber(), partition_by=[F("stage")], order_by=[order, F("id").asc()])
    )
    return list(ranked.filter(rank__lte=per_stage).values_list("pk", flat=True))


def board_columns(
    partnerships: QuerySet[Partnership],
    per_stage: int = BOARD_CARDS_PER_STAGE,
    per_closed_stage: int = BOARD_CARDS_PER_CLOSED_STAGE,
) -> list[Column]:
    """A column per stage: its count and its first cards, longest in the stage first (the ones to look
    at), and in a closed stage the latest first. The same queries whatever the number of partnerships."""
    counts = dict(partnerships.order_by().values_list("stage").annotate(n=Count("id")))
    open_stages = [code for code in StageCode.values if code not in CLOSED]
    ids = _first_ids(partnerships, open_stages, F("stage_entered_at").asc(), per_stage)
    ids += _first_ids(partnerships, CLOSED, F("stage_entered_at").desc(), per_closed_stage)
    cards = list(Partnership.objects.for_cards().filter(pk__in=ids).order_by("stage_entered_at", "id"))
    values, currency = pledged_by_partnership(ids)
    by_stage = defaultdict(list)
    for card in cards:
        card.pledged = values.get(card.pk)
        card.currency = currency
        by_stage[card.stage_id].append(card)
    for code in CLOSED:
        by_stage[code].reverse()
    return [
        Column(stage=stage, cards=by_stage.get(stage.code, []), count=counts.get(stage.code, 0))
        for stage in Stage.objects.all()
    ]


@dataclass
class TimelineEntry:
    move: StageMove
    days: int
    current: bool


def stage_timeline(partnership: Partnership) -> tuple[list[TimelineEntry], dict[str, int]]:
    """Every move with the days spent in the stage it led to, and the days per stage in total."""
    moves = list(partnership.moves.select_related("from_stage", "to_stage", "moved_by"))
    now = timezone.now()
    entries = []
    per_stage: dict[str, int] = defaultdict(int)
    for index, move in enumerate(moves):
        following = moves[index + 1].moved_at if index + 1 < len(moves) else None
        days = ((following or now) - move.moved_at).days
        current = following is None and not partnership.is_closed
        entries.append(TimelineEntry(move=move, days=days, current=current))
        if following is not None or not partnership.is_closed:
            per_stage[move.to_stage.name] += days
    return list(reversed(entries)), dict(per_stage)
