"""The dashboards' part of ``seed_demo``: this year's targets for a few headline indicators (for the whole
Secretariat and for the unit lead's unit) and the indicators' snapshots, today's and a monthly history,
computed at once so the dashboards show figures and trends on the first visit instead of waiting for the
nightly job."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from accounts.models import User

from .models import ProgressSettings, Snapshot
from .services.snapshots import indicators_sync, snapshot_take
from .services.targets import targets_set

# Yearly targets a Secretariat could set: within reach of the demo register, some met, some not yet.
SECRETARIAT_TARGETS = {
    "private-sector-mapped": 150,
    "organizations-reached": 60,
    "passive-to-active": 10,
    "roundtables-held": 4,
    "roundtable-participants": 60,
    "issues-identified": 8,
    "targeted-survey-response-rate": 50,
    "partnerships-by-stage": 6,
    "financial-pledged": 250_000,
}
HISTORY_MONTHS = 6
UNIT_TARGETS = {"organizations-reached": 15, "roundtables-held": 1}


def seed_demo_targets(people: list[User]) -> int:
    """Set this year's demo targets; returns how many changed (0 when they are already set)."""
    year = timezone.localdate().year
    administrator = next(p for p in people if p.has_perm("reports.set_any_target"))
    leads = [p for p in people if p.has_perm("reports.add_target") and not p.has_perm("reports.set_any_target")]
    lead = leads[0] if leads else None
    indicators = indicators_sync()
    changed = targets_set(
        by=administrator,
        year=year,
        unit=None,
        values={indicators[code]: Decimal(value) for code, value in SECRETARIAT_TARGETS.items() if code in indicators},
    )
    if lead is not None:
        changed += targets_set(
            by=lead,
            year=year,
            unit=lead.unit,
            values={indicators[code]: Decimal(value) for code, value in UNIT_TARGETS.items() if code in indicators},
        )
    return changed


def _first_days_of_past_months(today: date, months: int) -> list[date]:
    days, year, month = [], today.year, today.month
    for _ in range(months):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        days.append(date(year, month, 1))
    return sorted(days)


def seed_demo_snapshots(*, months: int = HISTORY_MONTHS) -> int:
    """Today's snapshot and one on the first of each of the past months, the earliest as the ladder's
    baseline, so the trend charts have a history and the ladder a change to show. Only missing dates are
    computed; returns how many were."""
    today = timezone.localdate()
    dates = [*_first_days_of_past_months(today, months), today]
    present = set(Snapshot.objects.filter(as_of__in=dates).values_list("as_of", flat=True))
    for as_of in dates:
        if as_of not in present:
            snapshot_take(as_of=as_of)
    progress = ProgressSettings.current()
    if progress.baseline_date is None:  # an administrator's own choice stays
        progress.baseline_date = dates[0]
        progress.full_clean()
        progress.save(update_fields=["baseline_date"])
    return len(set(dates) - present)
