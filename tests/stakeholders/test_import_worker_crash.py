"""A real Celery worker killed in the middle of an import or an undo, on PostgreSQL: nothing is half
written, and the job finishes once a worker runs again, without anyone pressing a button.

The worker runs as a process of its own (``celery worker``, as in production), on the test database
and on a Redis server of the test's own, so that killing it and starting it again disturbs nothing else.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from stakeholders.models import Contact, ImportBatch, Organization
from stakeholders.services.imports import import_start, import_undo_start, import_upload
from tests.outage import broker_at, worker_environment

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
ROWS = 30_000


@pytest.fixture(autouse=True)
def on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("a worker of its own needs a database other processes can reach: PostgreSQL")
    from django.apps import apps

    from stakeholders.reference_data import load_reference_data

    load_reference_data(apps)  # transactional tests start from an empty database


class Worker:
    """``celery worker`` with one pool process, on the test's database and the given broker."""

    def __init__(self, broker_url: str):
        self.env = worker_environment(broker_url)
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "celery", "-A", "cec_engage", "worker", "--pool=prefork", "--concurrency=1"]
        command += ["--without-mingle", "--without-gossip", "--loglevel=WARNING"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, start_new_session=True)

    def pool_process(self) -> int:
        """The pid of the process that runs the jobs (the worker's child)."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
            if children:
                return int(children[0])
            time.sleep(0.1)
        raise AssertionError("the worker started no pool process")

    def kill(self) -> None:
        """As a machine that loses power or an OOM kill: SIGKILL to the worker and its pool, no goodbye."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(30)


@pytest.fixture
def worker(private_redis):
    with broker_at(private_redis.url):
        running = Worker(private_redis.url)
        yield running
        running.kill()


def wait_for(condition, *, timeout=120, what=""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def status(batch: ImportBatch) -> str:
    batch.refresh_from_db(fields=["status", "rows_done", "error"])
    return batch.status


def large_file() -> bytes:
    rows = "".join(f"Organization {n},Canada,Contact {n},person{n}@example.org\n" for n in range(ROWS))
    return f"Organization,Country,Contact,Email\n{rows}".encode()


def test_an_import_killed_with_its_worker_writes_nothing_then_finishes_when_a_worker_starts(worker):
    batch = import_upload(data=large_file(), file_name="large.csv", by=None)
    worker.start()
    import_start(batch=batch, on_error="abort", update_mode="fill")  # committed: sent at once
    wait_for(lambda: status(batch) == "running" and batch.rows_done > 0, what="the import to start writing")

    worker.kill()
    assert status(batch) == "running"
    # Its transaction went with its connection: nothing of it is in the register.
    assert Organization.objects.count() == 0 and Contact.objects.count() == 0

    worker.start()  # the worker comes back, and takes up the batch on its own
    wait_for(lambda: status(batch) not in ("running", "queued"), what="the import to finish")
    batch.refresh_from_db()
    assert (batch.status, batch.error, batch.created_count, batch.attempts) == ("done", "", ROWS, 2)
    assert Organization.objects.count() == ROWS and Contact.objects.count() == ROWS


def test_an_import_whose_pool_process_dies_is_taken_over_by_the_redelivered_task(worker):
    batch = import_upload(data=large_file(), file_name="large.csv", by=None)
    worker.start()
    import_start(batch=batch, on_error="abort", update_mode="fill")
    wait_for(lambda: status(batch) == "running" and batch.rows_done > 0, what="the import to start writing")

    os.kill(worker.pool_process(), signal.SIGKILL)  # the worker itself lives on, and gives the task back

    wait_for(lambda: status(batch) not in ("running", "queued"), what="the import to finish")
    batch.refresh_from_db()
    assert (batch.status, batch.created_count, batch.attempts) == ("done", ROWS, 2)
    assert Organization.objects.count() == ROWS


def test_an_undo_killed_with_its_worker_undoes_nothing_then_finishes_when_a_worker_starts(worker):
    batch = import_upload(data=large_file(), file_name="large.csv", by=None)
    worker.start()
    import_start(batch=batch, on_error="abort", update_mode="fill")
    wait_for(lambda: status(batch) == "done", what="the import")

    import_undo_start(batch=batch, by=None)
    wait_for(lambda: status(batch) == "undoing", what="the undo to start")
    worker.kill()
    assert status(batch) == "undoing"
    assert Organization.objects.count() == ROWS and Contact.objects.count() == ROWS  # all or nothing

    worker.start()
    wait_for(lambda: status(batch) not in ("undoing", "undo_queued"), what="the undo to finish")
    batch.refresh_from_db()
    assert (batch.status, batch.error) == ("undone", "")
    assert Organization.objects.count() == 0 and Contact.objects.count() == 0
