"""Importing a stakeholder list: plan (check, match, count) and write, as one batch that can be undone.

A file is read and written a chunk of rows at a time (``CHUNK``), so a large file costs the memory of
one chunk plus the matching keys; matching and actions are those of ``stakeholders.imports.planning``,
the writes are in ``import_writes``. The whole import is one transaction: all or nothing.
"""

import csv
import io
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from strategy.jobs import Lease, LeaseHeld, leased_ids, send_on_commit

from .. import bulk
from ..imports.columns import target_choices
from ..imports.planning import PlannedRow, Planner
from ..imports.reading import Source, Table
from ..imports.rows import CheckedRow
from ..models import ImportBatch, SavedMapping
from ..models.imports import REMOVABLE, ImportStatus, OnError, UpdateMode
from ..normalize import fold
from ..selectors import forget_organization_counts
from .import_undo import Undo
from .import_writes import TRIGRAM_INDEXES, WRITTEN_IN_BULK, ImportWriter

CHUNK = 5_000  # rows checked, matched and written at a time
# The first chunk, smaller: the database starts writing sooner, while the rest of the file is checked.
FIRST_CHUNK = 1_000


def rejected_csv(header: list[str], invalid: list[CheckedRow]) -> str:
    """The invalid rows as they were, each with its reasons: a file to fix and import again."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*header, _("Reason")])
    for row in invalid:
        writer.writerow([*row.raw[: len(header)], *[""] * (len(header) - len(row.raw)), row.reason()])
    return buffer.getvalue()


@dataclass
class ImportPlan:
    """What importing a table would do, row by row (for review, and for small files)."""

    table: Table
    mapping: dict[int, str]
    update_mode: str
    rows: list[PlannedRow] = field(default_factory=list)
    invalid: list[CheckedRow] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return dict(self.totals)

    def rejected_csv(self) -> str:
        return rejected_csv(self.table.header, self.invalid)


@dataclass
class ImportResult:
    """What an import did (or, in a dry run, would do): counts, invalid rows, and its batch."""

    counts: dict[str, int]
    invalid: list[CheckedRow]
    batch: ImportBatch | None = None


def import_plan(
    table: Table,
    mapping: dict[int, str],
    *,
    update_mode: str = UpdateMode.FILL,
    progress: Callable[[int], None] | None = None,
) -> ImportPlan:
    """Check and match every row; nothing is written. The plan says what a commit would do."""
    planner = Planner(table.header, mapping, update_mode=update_mode)
    plan = ImportPlan(table=table, mapping=mapping, update_mode=update_mode)
    with bulk.fewer_collections():
        for chunk in table.source().chunks(CHUNK):
            plan.rows += planner.plan(chunk).rows
            if progress:
                progress(planner.rows_seen)
    plan.invalid, plan.totals = planner.invalid, planner.counts
    return plan


def import_commit(
    plan: ImportPlan,
    *,
    file_name: str,
    by: User | None,
    on_error: str = OnError.ABORT,
    progress: Callable[[int], None] | None = None,
    batch: ImportBatch | None = None,
) -> ImportBatch:
    """Write the plan's table as one batch. With ``abort``, one invalid row means nothing is written.

    The rows are checked and matched again as they are written, against the register as it is then.
    """
    return import_rows(
        plan.table.source(),
        plan.mapping,
        file_name=file_name,
        by=by,
        on_error=on_error,
        update_mode=plan.update_mode,
        progress=progress,
        batch=batch,
    ).batch


class _Rejected(Exception):
    """All or nothing, and a row is invalid: what was written is rolled back."""


def import_rows(
    source: Source,
    mapping: dict[int, str],
    *,
    file_name: str = "",
    by: User | None = None,
    on_error: str = OnError.ABORT,
    update_mode: str = UpdateMode.FILL,
    progress: Callable[[int], None] | None = None,
    batch: ImportBatch | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Check, match and write a file's rows a chunk at a time, as one batch (none in a dry run).

    Raises ``ValidationError`` when no column holds the organization name, ``UnreadableFile`` when a
    row cannot be read (nothing is written then).
    """
    planner = Planner(source.header, mapping, update_mode=update_mode)
    with bulk.fewer_collections():  # the matching keys just loaded stay out of the collector's walks
        if dry_run:
            for chunk in source.chunks(CHUNK):
                planner.plan(chunk)
                if progress:
                    progress(planner.rows_seen)
            return ImportResult(planner.counts, planner.invalid)
        batch = batch or ImportBatch(file_name=file_name[:255], created_by=by)
        batch.on_error, batch.update_mode = on_error, update_mode
        _write(source, planner, batch, by_id=by.pk if by else None, file_name=file_name, progress=progress)
    return ImportResult(planner.counts, planner.invalid, batch)


def _planned(source: Source, planner: Planner, batch: ImportBatch, progress):
    """The chunks of the file planned one after the other, with what to write of each (``None`` once a
    row is invalid and the import is all or nothing: then nothing more is written)."""
    for chunk in source.chunks(CHUNK, first=min(FIRST_CHUNK, CHUNK)):
        part = planner.plan(chunk)
        chunk = None  # noqa: PLW2901 - each chunk is let go of before the next is read and planned
        yield None if batch.on_error == OnError.ABORT and planner.invalid else part
        part = None
        if progress:
            progress(planner.rows_seen)


def _rejected(batch: ImportBatch, planner: Planner) -> bool:
    return batch.on_error == OnError.ABORT and bool(planner.invalid)


def _write(source: Source, planner: Planner, batch: ImportBatch, *, by_id, file_name, progress) -> None:
    """Plan and write each chunk in turn, in one transaction: all or nothing."""
    created_here = batch.pk is None
    # The planner reads only records that existed before the import (what the file itself creates, it
    # keeps in memory), so it may read the register as committed, aside from the writes (see
    # bulk.reads_aside) — unless the caller holds a transaction of its own, whose rows only it sees.
    aside = bulk.reads_aside if not connection.in_atomic_block else nullcontext
    try:
        with transaction.atomic():
            if created_here:
                batch.status = ImportStatus.RUNNING
                batch.save()
            writer = ImportWriter(batch, by_id=by_id, file_name=file_name, now=timezone.now())
            with bulk.large_write(copied=WRITTEN_IN_BULK, gin_indexes=TRIGRAM_INDEXES) as large_write:
                # Each chunk is written while the next one is checked, matched and laid out (see
                # bulk.Background).
                with bulk.Background() as background, aside():
                    for part in _planned(source, planner, batch, progress):
                        if part:
                            background.run(writer.insert, writer.prepare(part))
                        del part  # memory: one chunk planned at a time
                    if not _rejected(batch, planner):
                        large_write.start_merging()  # while the last chunk is copied
                if _rejected(batch, planner):
                    raise _Rejected
                # The references are checked and the search indexes take in the new rows while the
                # existing records are updated.
                with large_write.ending():
                    writer.finish(planner)
            _record(batch, planner, ImportStatus.DONE)
            forget_organization_counts()  # written in bulk, without the signals that forget them
    except _Rejected:
        if created_here:  # its row went with the rollback
            batch.pk, batch._state.adding = None, True
        _record(batch, planner, ImportStatus.REJECTED)


def _record(batch: ImportBatch, planner: Planner, status: str) -> None:
    counts = planner.counts
    batch.rows_total = batch.rows_done = planner.rows_seen
    batch.created_count, batch.updated_count = counts["create"], counts["update"]
    batch.skipped_count, batch.invalid_count = counts["skip"], counts["invalid"]
    if status == ImportStatus.REJECTED:
        batch.created_count = batch.updated_count = batch.skipped_count = 0
    batch.rejected_csv = rejected_csv(planner.header, planner.invalid) if planner.invalid else ""
    batch.status, batch.finished_at = status, timezone.now()
    batch.save()


@transaction.atomic
def import_undo(*, batch: ImportBatch, by: User | None) -> ImportBatch:
    """Remove what the batch created and restore what it changed, but for records changed since (see
    ``import_undo``); the undo is recorded on the batch.

    For a large batch, queue it with ``import_undo_start`` instead: it runs as a background job.
    """
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportStatus.DONE:
        raise ValidationError(_("Only a completed import can be undone."))
    return _undo(batch, by)


def _undo(batch: ImportBatch, by: User | None) -> ImportBatch:
    now = timezone.now()
    kept = Undo(batch).write(by_id=by.pk if by else None, now=now)
    forget_organization_counts()
    batch.status, batch.undone_at, batch.undone_by = ImportStatus.UNDONE, now, by
    batch.error, batch.undo_kept = "", kept
    batch.save(update_fields=["status", "undone_at", "undone_by", "error", "undo_kept"])
    return batch


def import_undo_start(*, batch: ImportBatch, by: User | None) -> ImportBatch:
    """Queue the undo of a completed import; the job runs once the transaction commits.

    Raises ``JobsUnavailable`` (the batch stays imported) when the job cannot be sent.
    """
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().defer("data").get(pk=batch.pk)
        if batch.status != ImportStatus.DONE:
            raise ValidationError(_("Only a completed import can be undone."))
        batch.status, batch.undone_by, batch.error, batch.attempts = ImportStatus.UNDO_QUEUED, by, "", 0
        batch.save(update_fields=["status", "undone_by", "error", "attempts"])
        _send(batch, back_to=ImportStatus.DONE)
    return batch


def import_undo_run(*, batch_id: int) -> ImportBatch:
    """The background job: undo a queued batch. Safe to run twice: a batch no longer queued is left as
    it is, unless the job undoing it died (see ``_claim``). A failure puts the batch back as imported,
    with the reason to show."""
    try:
        with Lease(ImportBatch, batch_id):
            if not _claim(batch_id, ImportStatus.UNDO_QUEUED, ImportStatus.UNDOING):
                return ImportBatch.objects.defer("data").get(pk=batch_id)
            try:
                with transaction.atomic():
                    batch = ImportBatch.objects.select_for_update(of=("self",)).defer("data")
                    batch = batch.select_related("undone_by").get(pk=batch_id)
                    return _undo(batch, batch.undone_by)
            except Exception as error:
                ImportBatch.objects.filter(pk=batch_id).update(status=ImportStatus.DONE, error=str(error)[:2000])
                raise
    except LeaseHeld:  # another live job is undoing it
        return ImportBatch.objects.defer("data").get(pk=batch_id)


# Jobs: sending, claiming, and what happens to those whose worker died. ------------------------------------

# The statuses of a batch waiting for a job, and those of the same batch once a job works on it.
QUEUED_TO_WORKING = {ImportStatus.QUEUED: ImportStatus.RUNNING, ImportStatus.UNDO_QUEUED: ImportStatus.UNDOING}
WORKING_TO_QUEUED = {working: queued for queued, working in QUEUED_TO_WORKING.items()}
# A job that died is started again by the next worker to start, this many times at most.
MAX_ATTEMPTS = 3
# A running batch whose job shows no sign of life for this long is given up (PostgreSQL knows at once
# that a job is dead, but a worker starting again within this time takes the batch up where it was).
STALE_AFTER = timedelta(minutes=2)
# Kept in English on the batch and shown in the reader's language (ImportBatch.error_message).
IMPORT_STOPPED = gettext_noop("The import stopped before it finished: nothing was imported. You can start it again.")
UNDO_STOPPED = gettext_noop("The undo stopped before it finished: nothing was undone. You can undo the import again.")


def _send(batch: ImportBatch, *, back_to: str) -> None:
    """Send the batch's job once committed; if no job can be sent, the batch goes back to ``back_to``."""
    from ..tasks import run_import, run_import_undo

    task = run_import_undo if batch.status == ImportStatus.UNDO_QUEUED else run_import

    def revert() -> None:
        ImportBatch.objects.filter(pk=batch.pk, status=batch.status).update(status=back_to)

    send_on_commit(task, batch.pk, revert=revert)


def _claim(batch_id: int, queued: str, working: str) -> bool:
    """Take the batch for this job: queued, or left working by a job that died (a task redelivered when
    its worker was lost finds it so). Called holding the batch's lease: no other live job works on it."""
    return bool(
        ImportBatch.objects.filter(pk=batch_id, status__in=[queued, working]).update(
            status=working, heartbeat_at=timezone.now(), attempts=F("attempts") + 1
        )
    )


def _dead(batches) -> list[ImportBatch]:
    """Of the working batches, those whose job died: nobody holds their lease (PostgreSQL), or, without
    leases, no heartbeat for ``STALE_AFTER``."""
    working = [batch for batch in batches if batch.status in WORKING_TO_QUEUED]
    alive = leased_ids(ImportBatch, [batch.pk for batch in working])
    if connection.vendor == "postgresql":
        return [batch for batch in working if batch.pk not in alive]
    limit = timezone.now() - STALE_AFTER
    return [batch for batch in working if (batch.heartbeat_at or batch.created_at) < limit]


def imports_release_stale() -> int:
    """Give up the batches whose job died ``STALE_AFTER`` ago (see ``_give_up``). Returns how many."""
    limit = timezone.now() - STALE_AFTER
    working = ImportBatch.objects.defer("data", "rejected_csv").filter(status__in=list(WORKING_TO_QUEUED))
    return sum(_give_up(batch) for batch in _dead(working) if (batch.heartbeat_at or batch.created_at) < limit)


def _give_up(batch: ImportBatch) -> bool:
    """An import whose job died is marked failed (its transaction was rolled back: nothing of it is in
    the register) and can be started again; an undo goes back to imported. Both with the reason."""
    if batch.status == ImportStatus.RUNNING:
        status, error, finished = ImportStatus.FAILED, IMPORT_STOPPED, timezone.now()
    else:
        status, error, finished = ImportStatus.DONE, UNDO_STOPPED, batch.finished_at
    given_up = ImportBatch.objects.filter(pk=batch.pk, status=batch.status)
    return bool(given_up.update(status=status, error=error, finished_at=finished))


def imports_resume() -> int:
    """When a worker starts: queue again the jobs of batches left queued (their message may have been
    lost with the broker) or left working by a job that died (its worker was killed), up to
    ``MAX_ATTEMPTS`` starts each. A batch queued twice runs once (``_claim``). Returns how many."""
    waiting = ImportBatch.objects.defer("data", "rejected_csv")
    queued = list(waiting.filter(status__in=list(QUEUED_TO_WORKING)))
    dead = _dead(waiting.filter(status__in=list(WORKING_TO_QUEUED)))
    for batch in dead:
        if batch.attempts >= MAX_ATTEMPTS:  # it may be what kills the worker
            _give_up(batch)
            continue
        if ImportBatch.objects.filter(pk=batch.pk, status=batch.status).update(status=WORKING_TO_QUEUED[batch.status]):
            batch.status = WORKING_TO_QUEUED[batch.status]
            queued.append(batch)
    for batch in queued:
        back_to = ImportStatus.FAILED if batch.status == ImportStatus.QUEUED else ImportStatus.DONE
        _send(batch, back_to=back_to)
    return len(queued)


# The browser's steps: upload, map, review, run in the background. ---------------------------------


def import_upload(*, data: bytes, file_name: str, by: User | None, encoding: str = "", sheet: str = "") -> ImportBatch:
    """Keep an uploaded file as a batch waiting for review, with a suggested column mapping.

    Raises ``UnreadableFile`` (nothing kept) when the file cannot be read at all.
    """
    from ..imports.columns import suggest_mapping
    from ..imports.reading import open_table

    source = open_table(data, file_name, encoding=encoding or None, sheet=sheet or None)
    mapping = suggest_mapping(source.header, source.head(50))
    return ImportBatch.objects.create(
        file_name=file_name[:255],
        created_by=by,
        status=ImportStatus.PREVIEWED,
        data=data,
        encoding=source.encoding,
        sheet=source.sheet,
        mapping={str(index): target for index, target in mapping.items()},
        rows_total=sum(1 for _row in source.rows()),
    )


def batch_source(batch: ImportBatch) -> Source:
    """The uploaded file of a batch, read as it is consumed."""
    from ..imports.reading import open_table

    return open_table(bytes(batch.data), batch.file_name, encoding=batch.encoding or None, sheet=batch.sheet or None)


def batch_table(batch: ImportBatch) -> Table:
    from ..imports.reading import read_table

    return read_table(bytes(batch.data), batch.file_name, encoding=batch.encoding or None, sheet=batch.sheet or None)


def batch_mapping(batch: ImportBatch) -> dict[int, str]:
    return {int(index): target for index, target in batch.mapping.items() if target}


def import_set_mapping(
    *, batch: ImportBatch, mapping: dict[int, str], header: list[str], save_as: str = "", by: User | None = None
) -> ImportBatch:
    """Keep the mapping a person chose; with ``save_as``, also keep it by name for files of the same shape."""
    valid = {key for key, _label in target_choices()}
    batch.mapping = {str(index): target for index, target in mapping.items() if target in valid}
    batch.save(update_fields=["mapping"])
    if save_as.strip():
        columns = {fold(header[index]): target for index, target in mapping.items() if target in valid}
        SavedMapping.objects.update_or_create(
            name=save_as.strip()[:100], defaults={"columns": columns, "created_by": by}
        )
    return batch


def saved_mapping_for(saved: SavedMapping, header: list[str]) -> dict[int, str]:
    """A saved mapping applied to this file's header, column by column name."""
    return {index: saved.columns[fold(name)] for index, name in enumerate(header) if fold(name) in saved.columns}


def import_start(*, batch: ImportBatch, on_error: str, update_mode: str) -> ImportBatch:
    """Queue a reviewed batch; the job runs once the transaction commits.

    Raises ``JobsUnavailable`` (the batch waits for review again) when the job cannot be sent.
    """
    if batch.status != ImportStatus.PREVIEWED:
        raise ValidationError(_("This import has already been run."))
    batch.on_error, batch.update_mode, batch.status, batch.rows_done = on_error, update_mode, ImportStatus.QUEUED, 0
    batch.attempts, batch.error = 0, ""
    with transaction.atomic():
        batch.save(update_fields=["on_error", "update_mode", "status", "rows_done", "attempts", "error"])
        _send(batch, back_to=ImportStatus.PREVIEWED)
    return batch


def import_start_again(*, batch: ImportBatch) -> ImportBatch:
    """Queue again an import that failed (it wrote nothing, and kept its file)."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().defer("data").get(pk=batch.pk)
        has_file = ImportBatch.objects.filter(pk=batch.pk, data__isnull=False).exists()
        if batch.status != ImportStatus.FAILED or not has_file:
            raise ValidationError(_("Only a failed import can be started again."))
        batch.status, batch.rows_done, batch.attempts, batch.error = ImportStatus.QUEUED, 0, 0, ""
        batch.finished_at = None
        batch.save(update_fields=["status", "rows_done", "attempts", "error", "finished_at"])
        _send(batch, back_to=ImportStatus.FAILED)
    return batch


@transaction.atomic
def import_remove(*, batch: ImportBatch) -> None:
    """Remove a batch of which nothing is in the register (waiting for review, rejected or failed)."""
    batch = ImportBatch.objects.select_for_update().defer("data").get(pk=batch.pk)
    if batch.status not in REMOVABLE:
        raise ValidationError(_("Only an import that wrote nothing can be removed; undo it instead."))
    batch.delete()


def import_run(*, batch_id: int) -> ImportBatch:
    """The background job: check, match and write a queued batch, reporting rows done as it goes.

    Safe to run twice: a batch that is no longer queued is left as it is, unless the job importing it
    died (see ``_claim``): its transaction was rolled back with it, and this one starts over.
    """
    try:
        with Lease(ImportBatch, batch_id) as lease:
            if not _claim(batch_id, ImportStatus.QUEUED, ImportStatus.RUNNING):
                return ImportBatch.objects.defer("data").get(pk=batch_id)
            lease.update(rows_done=0)
            batch = ImportBatch.objects.select_related("created_by").get(pk=batch_id)
            try:
                batch = import_rows(
                    batch_source(batch),
                    batch_mapping(batch),
                    file_name=batch.file_name,
                    by=batch.created_by,
                    on_error=batch.on_error,
                    update_mode=batch.update_mode,
                    progress=lambda done: lease.update(rows_done=done),
                    batch=batch,
                ).batch
            except Exception as error:
                ImportBatch.objects.filter(pk=batch_id).update(
                    status=ImportStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
                )
                raise
    except LeaseHeld:  # another live job is importing it
        return ImportBatch.objects.defer("data").get(pk=batch_id)
    ImportBatch.objects.filter(pk=batch_id).update(data=None)  # the file is no longer needed
    return batch
