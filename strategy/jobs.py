"""Background jobs seen from the records that ask for them: sending a job, and telling a live job from a
dead one.

Sending (``send_on_commit``): a job is sent once the record that asks for it is committed. When the
broker (Redis) cannot take it, the record is put back as it was and ``JobsUnavailable`` is raised, so the
page can say so and nothing waits forever for a job that was never sent.

Liveness (``Lease``): a running job holds a lease on its record, on a database connection of its own:
on PostgreSQL an advisory lock, which ends with the connection, so with the process however it dies;
and a heartbeat, the time written on the record every few seconds, which the page reads while the job's
own transaction is still open. A record marked running whose lock nobody holds has lost its job (see
``leased_ids``). SQLite has no advisory locks, and no worker either (jobs run inline there): its
heartbeat is all there is to go by.
"""

import logging
import threading
import zlib
from collections.abc import Callable, Iterable

from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from kombu.exceptions import OperationalError as KombuOperationalError

logger = logging.getLogger(__name__)

HEARTBEAT_EVERY = 10  # seconds between heartbeats of a running job
# How long a running job waits for the lease of its record: another live run of the same record holds it.
LEASE_WAIT = "3s"


# What sending raises when the broker is down: Celery wraps connection errors in kombu's OperationalError.
BROKER_ERRORS = (KombuOperationalError, ConnectionError, TimeoutError)


class JobsUnavailable(Exception):
    """The broker could not take the job: nothing was started."""

    message = _("Background jobs are unavailable right now, so nothing was started. Try again in a few minutes.")


class LeaseHeld(Exception):
    """Another live run holds the record's lease."""


def send_on_commit(task, *args, revert: Callable[[], None]) -> None:
    """Send ``task(*args)`` once the current transaction commits (at once outside one).

    If the broker refuses, ``revert`` puts the record back as it was before it asked for the job (it
    runs after the commit, in a transaction of its own), then ``JobsUnavailable`` is raised: from the
    end of the caller's outermost ``transaction.atomic()`` block, or from this call outside one.
    """

    def send() -> None:
        try:
            # A few quick tries (Redis restarting), not the default's seconds of waiting for the page.
            task.apply_async(args, retry=True, retry_policy={"max_retries": 2, "interval_start": 0.1})
        except BROKER_ERRORS as error:
            logger.warning("Could not send %s%r: %s", task.name, args, error)
            with transaction.atomic():
                revert()
            raise JobsUnavailable from error

    transaction.on_commit(send)


def _namespace(table: str) -> int:
    """The first key of a table's advisory locks (the second is the record's id)."""
    return zlib.crc32(table.encode()) & 0x7FFFFFFF


def leased_ids(model, ids: Iterable[int]) -> set[int]:
    """Of ``ids``, those whose job holds its lease now (PostgreSQL only; elsewhere, none)."""
    ids = list(ids)
    if connection.vendor != "postgresql" or not ids:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            " AND classid = %s::bigint::oid AND objid = ANY(%s::bigint[]::oid[])",
            [_namespace(model._meta.db_table), ids],
        )
        return {row[0] for row in cursor.fetchall()}


class Lease:
    """Held by a job while it works on one record: ``with Lease(ImportBatch, pk) as lease: …``.

    Raises ``LeaseHeld`` when another live job holds it. While held, a thread writes the heartbeat every
    ``HEARTBEAT_EVERY`` seconds; ``update(**fields)`` writes fields (progress) with a heartbeat, where
    other sessions see them at once.
    """

    def __init__(self, model, pk: int, *, every: float = HEARTBEAT_EVERY):
        self.model, self.pk, self.every = model, pk, every
        self.table = connection.ops.quote_name(model._meta.db_table)
        self.key = [_namespace(model._meta.db_table), pk]
        self._own = None
        self._guard = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "Lease":
        if connection.vendor == "postgresql":
            self._own = connections.create_connection(DEFAULT_DB_ALIAS)
            try:
                with self._own.cursor() as cursor:
                    cursor.execute(f"SET lock_timeout = '{LEASE_WAIT}'")
                    cursor.execute("SELECT pg_advisory_lock(%s, %s)", self.key)
                    cursor.execute("SET lock_timeout = 0")
            except OperationalError as error:  # lock_timeout: a live run holds it
                self._own.close()
                raise LeaseHeld from error
            self._thread = threading.Thread(target=self._beat, name=f"heartbeat-{self.pk}", daemon=True)
            self._thread.start()
        self.update()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()
        if self._own is not None:
            self._own.close()  # and with it the advisory lock

    def update(self, **fields) -> None:
        """Write ``fields`` and the heartbeat on the record, seen by other sessions at once on PostgreSQL
        (elsewhere, in the caller's transaction)."""
        fields["heartbeat_at"] = timezone.now()
        if self._own is None:
            self.model.objects.filter(pk=self.pk).update(**fields)
            return
        columns = [self.model._meta.get_field(name) for name in fields]
        assignments = ", ".join(f"{self._own.ops.quote_name(field.column)} = %s" for field in columns)
        values = [field.get_db_prep_save(fields[field.name], self._own) for field in columns]
        with self._guard, self._own.cursor() as cursor:
            cursor.execute(f"UPDATE {self.table} SET {assignments} WHERE id = %s", [*values, self.pk])  # noqa: S608

    def _beat(self) -> None:
        while not self._stop.wait(self.every):
            try:
                self.update()
            except Exception:  # a missed beat is not worth stopping the job for
                logger.exception("Heartbeat of %s %s failed", self.model.__name__, self.pk)
