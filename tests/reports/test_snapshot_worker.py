"""The refresh button's job runs in a real Celery worker through Redis, reporting its progress."""

import os
import time

import pytest

from reports.choices import RunStatus
from reports.indicators import REGISTRY
from reports.models import Snapshot


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_computes_the_snapshot_and_the_run_reports_it():
    if not os.environ.get("REDIS_URL"):
        if os.environ.get("CI") and os.environ.get("DATABASE_URL"):
            pytest.fail("CI's PostgreSQL pass must set REDIS_URL so a real worker runs")
        pytest.skip("REDIS_URL is not set: no broker to send the job through")
    from celery.contrib.testing.worker import start_worker
    from django.apps import apps

    from cec_engage.celery import app
    from reports.roles import load_indicators
    from reports.services.snapshots import snapshot_request
    from stakeholders.reference_data import load_reference_data
    from strategy.frame import load_frame

    load_frame(apps)  # transactional tests start from an empty database
    load_reference_data(apps)
    load_indicators(apps)
    app.control.purge()  # messages left by another run are not this test's
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        run = snapshot_request()  # queued at once: no transaction here
        assert snapshot_request().pk == run.pk  # pressed again while it runs: the same job
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            run.refresh_from_db()
            if not run.is_working:
                break
            time.sleep(0.2)
    assert run.status == RunStatus.DONE, run.error
    assert run.steps_done == run.steps_total == len(REGISTRY)
    assert Snapshot.objects.get().values.exists()
