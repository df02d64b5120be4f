"""A large import runs as a Celery job in a real worker, through Redis, reporting its progress."""

import os
import time

import pytest

from stakeholders.models import ImportBatch, Organization
from stakeholders.services.imports import import_start, import_upload


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_an_import_and_the_batch_reports_it():
    if not os.environ.get("REDIS_URL"):
        if os.environ.get("CI") and os.environ.get("DATABASE_URL"):
            pytest.fail("CI's PostgreSQL pass must set REDIS_URL so a real worker runs")
        pytest.skip("REDIS_URL is not set: no broker to send the job through")
    from celery.contrib.testing.worker import start_worker
    from django.apps import apps

    from cec_engage.celery import app
    from stakeholders.reference_data import load_reference_data

    load_reference_data(apps)  # transactional tests start from an empty database
    rows = "".join(f"Organization {n},Canada,Ontario\n" for n in range(3000))
    batch = import_upload(data=f"Organization,Country,Province\n{rows}".encode(), file_name="big.csv", by=None)
    app.control.purge()  # messages left by another run are not this test's
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        import_start(batch=batch, on_error="abort", update_mode="fill")  # queued at once: no transaction here
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            batch.refresh_from_db()
            if not batch.is_working:
                break
            time.sleep(0.2)
    assert batch.status == "done", batch.error
    assert (batch.created_count, batch.rows_done, batch.rows_total) == (3000, 3000, 3000)
    assert Organization.objects.filter(hq_region__code="ON").count() == 3000
    assert ImportBatch.objects.get().data is None
