"""The dashboards' part of ``seed_demo``: this year's targets for a few headline indicators (for the whole
Secretariat and for the unit lead's unit) and today's snapshot, computed at once so the dashboards show
figures on the first visit instead of waiting for the nightly job."""

from decimal import Decimal

from django.utils import timezone

from accounts.models import User

from .models import Snapshot
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


def seed_demo_snapshot() -> Snapshot | None:
    """Compute today's snapshot unless there is one; returns it when it was just computed."""
    if Snapshot.objects.filter(as_of=timezone.localdate()).exists():
        return None
    return snapshot_take()
