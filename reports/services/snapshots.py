"""Computing every indicator and storing the values as the snapshot of a date.

Everything is computed first, in aggregate queries; the date's snapshot is then written in one
transaction that replaces any earlier one of the same date. A run that dies half way has written
nothing, so the previous snapshot stays in place; a run repeated for the same date gives the same rows.
"""

import logging
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from stakeholders.choices import Country
from strategy.jobs import send_on_commit
from strategy.models import Objective, Pillar, Unit

from ..choices import Dimension, Measure, RunStatus
from ..indicators import REGISTRY, Context
from ..models import Indicator, IndicatorValue, Snapshot, SnapshotRun
from ..models.snapshots import ACTIVE_LOCK

logger = logging.getLogger(__name__)
# A job silent for this long died with its worker; a new refresh may start.
STALE_AFTER = timedelta(minutes=30)
ZERO = Decimal("0.00")


def indicators_sync() -> dict[str, Indicator]:
    """One row per indicator the code defines (new ones appear, administrators' changes stay)."""
    existing = {indicator.code: indicator for indicator in Indicator.objects.all()}
    objectives = dict(Objective.objects.values_list("code", "pk"))
    for code, definition in REGISTRY.items():
        if code not in existing:
            existing[code] = Indicator.objects.create(
                code=code, objective_id=objectives.get(definition.objective), position=definition.position
            )
    return existing


@dataclass
class Computed:
    as_of: date
    rows: list[tuple[int, str, str, object]]
    seconds: float


def snapshot_compute(*, as_of: date, progress=None) -> Computed:
    """Every switched-on indicator's values on ``as_of``, in memory; writes nothing."""
    started = time.monotonic()
    indicators = [i for i in indicators_sync().values() if i.enabled and i.code in REGISTRY]
    ctx = Context(as_of=as_of)
    keys = {
        Dimension.UNIT: [str(pk) for pk in Unit.objects.values_list("pk", flat=True)],
        Dimension.PILLAR: [str(pk) for pk in Pillar.objects.values_list("pk", flat=True)],
        Dimension.COUNTRY: list(Country.values),
    }
    rows = []
    for done, indicator in enumerate(indicators, start=1):
        definition = REGISTRY[indicator.code]
        values = definition.compute(ctx)
        if values and definition.measure in (Measure.COUNT, Measure.MONEY):
            # A count with nothing in a breakdown is zero there (a share of nothing stays "no data").
            for dimension in definition.dimensions:
                for key in keys.get(dimension, ()):
                    values.setdefault((dimension.value, key), ZERO)
        rows += [(indicator.pk, dimension, key, value) for (dimension, key), value in values.items()]
        if progress:
            progress(done, len(indicators))
    return Computed(as_of=as_of, rows=rows, seconds=time.monotonic() - started)


@transaction.atomic
def snapshot_store(computed: Computed) -> Snapshot:
    """Replace the date's snapshot with ``computed``, whole or not at all."""
    Snapshot.objects.filter(as_of=computed.as_of).delete()
    snapshot = Snapshot.objects.create(as_of=computed.as_of, computed_at=timezone.now(), seconds=computed.seconds)
    IndicatorValue.objects.bulk_create(
        [
            IndicatorValue(snapshot=snapshot, indicator_id=indicator, dimension=dimension, key=key, value=value)
            for indicator, dimension, key, value in computed.rows
        ],
        batch_size=2000,
    )
    return snapshot


def snapshot_take(*, as_of: date | None = None, progress=None) -> Snapshot:
    """Compute and store the snapshot of ``as_of`` (today by default), inline."""
    return snapshot_store(snapshot_compute(as_of=as_of or timezone.localdate(), progress=progress))


def _release_stale() -> None:
    limit = timezone.now() - STALE_AFTER
    for run in SnapshotRun.objects.filter(lock=ACTIVE_LOCK):
        if (run.heartbeat_at or run.created_at) < limit:
            SnapshotRun.objects.filter(pk=run.pk).update(
                status=RunStatus.FAILED, lock=None, error="Stopped without finishing.", finished_at=timezone.now()
            )


def snapshot_request(*, by=None, as_of: date | None = None) -> SnapshotRun:
    """Queue a computation, or give back the one already queued or running (pressing refresh twice
    starts one job). The job is sent once the transaction commits.

    Raises ``JobsUnavailable`` when the job cannot be sent; the run is then removed, so a refresh
    later starts afresh.
    """
    from ..tasks import compute_snapshot

    _release_stale()
    running = SnapshotRun.objects.filter(lock=ACTIVE_LOCK).first()
    if running:
        return running
    try:
        with transaction.atomic():
            run = SnapshotRun.objects.create(lock=ACTIVE_LOCK, as_of=as_of or timezone.localdate(), requested_by=by)
    except IntegrityError:  # another request queued one in between
        return SnapshotRun.objects.get(lock=ACTIVE_LOCK)
    with transaction.atomic():
        send_on_commit(compute_snapshot, run.pk, revert=SnapshotRun.objects.filter(pk=run.pk).delete)
    return run


def snapshot_run(*, run_id: int) -> SnapshotRun:
    """The job: claim a queued run, compute, store, report progress on the run's row. Safe to run twice:
    a run that is no longer queued is left as it is."""
    claimed = SnapshotRun.objects.filter(pk=run_id, status=RunStatus.QUEUED).update(
        status=RunStatus.RUNNING, heartbeat_at=timezone.now()
    )
    run = SnapshotRun.objects.get(pk=run_id)
    if not claimed:
        return run

    def progress(done: int, total: int) -> None:
        SnapshotRun.objects.filter(pk=run_id).update(steps_done=done, steps_total=total, heartbeat_at=timezone.now())

    try:
        snapshot_take(as_of=run.as_of, progress=progress)
    except Exception as error:
        logger.exception("Snapshot %s failed", run_id)
        SnapshotRun.objects.filter(pk=run_id).update(
            status=RunStatus.FAILED, lock=None, error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    SnapshotRun.objects.filter(pk=run_id).update(status=RunStatus.DONE, lock=None, finished_at=timezone.now())
    run.refresh_from_db()
    return run
