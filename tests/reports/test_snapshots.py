"""The snapshot job: the same snapshot twice for one date, nothing lost when it dies, one job at a time."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from reports.choices import RunStatus
from reports.indicators import REGISTRY
from reports.models import Indicator, IndicatorValue, Snapshot, SnapshotRun
from reports.services.snapshots import snapshot_request, snapshot_run, snapshot_take
from tests.factories.roundtables import attendee, held_event
from tests.factories.stakeholders import OrganizationFactory, log_interaction

pytestmark = pytest.mark.django_db


def values_of(snapshot):
    return sorted(snapshot.values.values_list("indicator__code", "dimension", "key", "value"))


def test_every_indicator_of_the_code_has_a_row_from_the_migration():
    assert set(Indicator.objects.values_list("code", flat=True)) == set(REGISTRY)


def test_running_twice_for_a_date_gives_the_same_snapshot_not_a_duplicate():
    attendee(held_event(kind="conference"))
    first = values_of(snapshot_take())
    second = values_of(snapshot_take())
    assert first == second
    assert Snapshot.objects.count() == 1
    assert ("conferences-attended", "all", "", 1) in first


def test_a_switched_off_indicator_is_not_computed():
    Indicator.objects.filter(code="conferences-attended").update(enabled=False)
    snapshot = snapshot_take()
    assert not snapshot.values.filter(indicator__code="conferences-attended").exists()


def test_a_job_that_dies_half_way_leaves_the_previous_snapshot():
    log_interaction(OrganizationFactory(), kind="conference")
    before = values_of(snapshot_take())
    run = SnapshotRun.objects.create(lock="active", as_of=timezone.localdate())
    broken = mock.Mock(side_effect=RuntimeError("database went away"))
    with mock.patch.dict(REGISTRY, {"roundtables-held": REGISTRY["roundtables-held"].__class__(
        **{**REGISTRY["roundtables-held"].__dict__, "compute": broken}
    )}), pytest.raises(RuntimeError):  # fmt: skip
        snapshot_run(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and run.lock is None
    assert values_of(Snapshot.objects.get()) == before


def test_refresh_while_a_job_runs_reuses_it(staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        first = snapshot_request(by=staff_user)
        second = snapshot_request(by=staff_user)
    assert first.pk == second.pk
    assert len(callbacks) == 1


def test_a_job_silent_for_long_is_released():
    stale = SnapshotRun.objects.create(lock="active", as_of=timezone.localdate(), status=RunStatus.RUNNING)
    SnapshotRun.objects.filter(pk=stale.pk).update(heartbeat_at=timezone.now() - timedelta(hours=2))
    fresh = snapshot_request()
    assert fresh.pk != stale.pk
    stale.refresh_from_db()
    assert stale.status == RunStatus.FAILED


def test_the_job_runs_a_queued_run_and_reports_progress(inline_tasks):
    run = snapshot_request()
    run.refresh_from_db()
    if run.status == RunStatus.QUEUED:  # on_commit does not fire inside the test's transaction
        run = snapshot_run(run_id=run.pk)
    assert run.status == RunStatus.DONE
    assert run.steps_done == run.steps_total == len(REGISTRY)
    assert snapshot_run(run_id=run.pk).status == RunStatus.DONE  # twice: left as it is


def test_compute_progress_runs_inline(capsys):
    call_command("compute_progress", "--date", (timezone.localdate() - timedelta(days=3)).isoformat())
    assert Snapshot.objects.get().as_of == timezone.localdate() - timedelta(days=3)
    assert "values" in capsys.readouterr().out
    assert IndicatorValue.objects.exists()
