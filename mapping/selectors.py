"""The counts the mapping pages draw: each page's counts come from one GROUP BY over the organizations
the filters keep, whatever the size of the register."""

from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, QuerySet

from stakeholders.choices import Level
from stakeholders.models import Organization, Potential, Region
from stakeholders.models.organizations import LIST_COLUMNS

from .tiles import tile_position

# The matrix's columns, left to right (the ladder, after those not engaged yet), and rows, top to bottom
# (the highest potential first, those not rated yet last). None stands for "not yet".
LEVELS = (None, Level.PASSIVE, Level.ACTIVE, Level.COLLABORATIVE)
POTENTIALS = (Potential.HIGH, Potential.MEDIUM, Potential.LOW, None)
SHADES = 5  # the cells' and tiles' shading steps, from none to the most organizations


def shade(count: int, most: int) -> int:
    """The shading step (0 to SHADES - 1) of a count, relative to the largest count on the page."""
    if not count or not most:
        return 0
    return 1 + min(SHADES - 2, (count * (SHADES - 1) - 1) // most)


def shade_steps(most: int) -> list[tuple[int, int, int]]:
    """The map legend: each shading step above 0 that some count up to ``most`` falls in, as (step,
    smallest count, largest count), the inverse of ``shade``."""
    steps = []
    for step in range(1, SHADES):
        low = -(-((step - 1) * most + 1) // (SHADES - 1))
        high = step * most // (SHADES - 1)
        if low <= high:
            steps.append((step, low, high))
    return steps


def filter_value(value) -> str:
    """A level or potential as the organization list's filter takes it ("none" for not yet)."""
    return "none" if value is None else str(int(value))


@dataclass(frozen=True)
class Cell:
    level: int | None
    potential: int | None
    count: int
    shade: int


@dataclass
class Matrix:
    """Organizations by potential (rows) and engagement level (columns)."""

    rows: list[tuple[int | None, list[Cell]]]
    total: int

    def cells(self) -> list[Cell]:
        return [cell for _, cells in self.rows for cell in cells]


def matrix_counts(organizations: QuerySet) -> dict[tuple[int | None, int | None], int]:
    """How many of ``organizations`` sit at each (engagement level, potential): one aggregate query."""
    rows = (
        organizations.order_by()
        .values_list("engagement_level", "potential_rating__potential")
        .annotate(count=Count("pk"))
    )
    if connection.vendor != "postgresql":
        return {(level, potential): count for level, potential, count in rows}
    with transaction.atomic(), connection.cursor() as cursor:
        # PostgreSQL's parallel plan has each worker build the same hash of every rating: on 100,000
        # organizations it took twice as long as one process joining alone (49 ms against 23).
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        return {(level, potential): count for level, potential, count in rows}


def stakeholder_matrix(organizations: QuerySet) -> Matrix:
    """The stakeholder matrix of ``organizations``: every cell, the empty ones too."""
    counts = matrix_counts(organizations)
    most = max(counts.values(), default=0)

    def cell(level, potential) -> Cell:
        count = counts.get((level, potential), 0)
        return Cell(level, potential, count, shade(count, most))

    rows = [(potential, [cell(level, potential) for level in LEVELS]) for potential in POTENTIALS]
    return Matrix(rows=rows, total=sum(counts.values()))


@dataclass
class RegionCount:
    """A province, territory or state, its organizations in all and at each rung of the ladder."""

    id: int
    country: str
    code: str
    name: str
    by_level: dict = field(default_factory=dict)  # level (None: not engaged yet) -> count
    shade: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_level.values())

    @property
    def levels(self) -> list[tuple[int | None, int]]:
        return [(level, self.by_level.get(level, 0)) for level in LEVELS]

    @property
    def tile(self) -> tuple[int, int] | None:
        return tile_position(self.country, self.code)


def region_counts(organizations: QuerySet) -> list[RegionCount]:
    """Every province, territory and state, with how many of ``organizations`` have their headquarters
    there, at each level: one aggregate query, and one for the regions."""
    counts = (
        organizations.order_by()
        .filter(hq_region__isnull=False)
        .values_list("hq_region", "engagement_level")
        .annotate(count=Count("*"))  # not COUNT(id): the index of region and level answers alone
    )
    by_region: dict[int, dict] = {}
    for region, level, count in counts:
        by_region.setdefault(region, {})[level] = count
    regions = [
        RegionCount(id=region.pk, country=region.country, code=region.code, name=region.name,
                    by_level=by_region.get(region.pk, {}))
        for region in Region.objects.only("country", "code", "name_en", "name_fr", "name_es")
    ]  # fmt: skip
    most = max((region.total for region in regions), default=0)
    for region in regions:
        region.shade = shade(region.total, most)
    return regions


def cell_organizations(organizations: QuerySet, *, limit: int) -> tuple[list[dict], int]:
    """The first ``limit`` of ``organizations`` by name, as list rows with their rated potential, and how
    many there are in all."""
    rows = list(
        organizations.order_by(*Organization._meta.ordering).values(*LIST_COLUMNS, "potential_rating__potential")[
            :limit
        ]
    )
    count = len(rows) if len(rows) < limit else organizations.order_by().count()
    return rows, count
