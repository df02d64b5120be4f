"""Importing a stakeholder list: plan (check, match, count) and write, as one batch that can be undone.

A file is read and written a chunk of rows at a time (``CHUNK``), so a large file costs the memory of
one chunk plus the matching keys; matching and actions are those of ``stakeholders.imports.planning``,
the writes are in ``import_writes``. The whole import is one transaction: all or nothing.
"""

import csv
import io
from collections.abc import Callable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .. import bulk
from ..imports.columns import target_choices
from ..imports.planning import PlannedRow, Planner
from ..imports.reading import Source, Table
from ..imports.rows import CheckedRow
from ..models import ImportBatch, SavedMapping
from ..models.imports import ImportStatus, OnError, UpdateMode
from ..normalize import fold
from ..selectors import forget_organization_counts
from .import_writes import TRIGRAM_INDEXES, WRITTEN_IN_BULK, ImportWriter, undo_blocked, undo_writes

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


@contextmanager
def _progress_of(batch_id: int):
    """A function that records rows done on the batch where the page sees it while the import's
    transaction is still open: through a connection of its own on PostgreSQL (SQLite has one writer
    at a time, so there it goes in the import's own transaction and shows at the end)."""
    if connection.vendor != "postgresql":
        yield lambda done: ImportBatch.objects.filter(pk=batch_id).update(rows_done=done)
        return
    own = connections.create_connection(DEFAULT_DB_ALIAS)
    table = own.ops.quote_name(ImportBatch._meta.db_table)

    def progress(done: int) -> None:
        with own.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET rows_done = %s WHERE id = %s", [done, batch_id])  # noqa: S608

    try:
        yield progress
    finally:
        own.close()


@transaction.atomic
def import_undo(*, batch: ImportBatch, by: User | None) -> ImportBatch:
    """Remove what the batch created and restore what it changed; the undo is recorded on the batch.

    For a large batch, queue it with ``import_undo_start`` instead: it runs as a background job.
    """
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportStatus.DONE:
        raise ValidationError(_("Only a completed import can be undone."))
    return _undo(batch, by)


def _undo(batch: ImportBatch, by: User | None) -> ImportBatch:
    if undo_blocked(batch):
        raise ValidationError(
            _("Some organizations this import created have interactions logged since; undoing would lose them.")
        )
    now = timezone.now()
    try:
        undo_writes(batch, by_id=by.pk if by else None, now=now)
    except models.ProtectedError as error:
        # A record kept for its own sake (an event's participant) now points to what the import created.
        kinds = sorted({str(type(record)._meta.verbose_name_plural) for record in error.protected_objects})
        raise ValidationError(
            _("Records made since point to what this import created (%(records)s); undoing would lose them.")
            % {"records": ", ".join(kinds)}
        ) from error
    forget_organization_counts()
    batch.status, batch.undone_at, batch.undone_by = ImportStatus.UNDONE, now, by
    batch.error = ""
    batch.save(update_fields=["status", "undone_at", "undone_by", "error"])
    return batch


@transaction.atomic
def import_undo_start(*, batch: ImportBatch, by: User | None) -> ImportBatch:
    """Queue the undo of a completed import; the job runs once the transaction commits.

    What can be refused at once is refused here, so the person reads why on the page.
    """
    from ..tasks import run_import_undo

    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportStatus.DONE:
        raise ValidationError(_("Only a completed import can be undone."))
    if undo_blocked(batch):
        raise ValidationError(
            _("Some organizations this import created have interactions logged since; undoing would lose them.")
        )
    batch.status, batch.undone_by, batch.error = ImportStatus.UNDO_QUEUED, by, ""
    batch.save(update_fields=["status", "undone_by", "error"])
    transaction.on_commit(lambda: run_import_undo.delay(batch.pk))
    return batch


def import_undo_run(*, batch_id: int) -> ImportBatch:
    """The background job: undo a queued batch. Safe to run twice: a batch no longer queued is left as
    it is. A refusal or a failure puts the batch back as imported, with the reason to show."""
    claimed = ImportBatch.objects.filter(pk=batch_id, status=ImportStatus.UNDO_QUEUED).update(
        status=ImportStatus.UNDOING
    )
    batch = ImportBatch.objects.defer("data").select_related("undone_by").get(pk=batch_id)
    if not claimed:
        return batch
    try:
        with transaction.atomic():
            batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
            return _undo(batch, batch.undone_by)
    except ValidationError as refusal:
        ImportBatch.objects.filter(pk=batch_id).update(status=ImportStatus.DONE, error=" ".join(refusal.messages))
    except Exception as error:
        ImportBatch.objects.filter(pk=batch_id).update(status=ImportStatus.DONE, error=str(error)[:2000])
        raise
    return ImportBatch.objects.get(pk=batch_id)


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
    """Queue a reviewed batch; the job runs once the transaction commits."""
    from ..tasks import run_import

    if batch.status != ImportStatus.PREVIEWED:
        raise ValidationError(_("This import has already been run."))
    batch.on_error, batch.update_mode, batch.status, batch.rows_done = on_error, update_mode, ImportStatus.QUEUED, 0
    batch.save(update_fields=["on_error", "update_mode", "status", "rows_done"])
    transaction.on_commit(lambda: run_import.delay(batch.pk))
    return batch


def import_run(*, batch_id: int) -> ImportBatch:
    """The background job: check, match and write a queued batch, reporting rows done as it goes.

    Safe to run twice: a batch that is no longer queued is left as it is.
    """
    claimed = ImportBatch.objects.filter(pk=batch_id, status=ImportStatus.QUEUED).update(status=ImportStatus.RUNNING)
    batch = ImportBatch.objects.select_related("created_by").get(pk=batch_id)
    if not claimed:
        return batch
    try:
        with _progress_of(batch_id) as progress:
            batch = import_rows(
                batch_source(batch),
                batch_mapping(batch),
                file_name=batch.file_name,
                by=batch.created_by,
                on_error=batch.on_error,
                update_mode=batch.update_mode,
                progress=progress,
                batch=batch,
            ).batch
    except Exception as error:
        ImportBatch.objects.filter(pk=batch_id).update(status=ImportStatus.FAILED, error=str(error)[:2000])
        raise
    ImportBatch.objects.filter(pk=batch_id).update(data=None)  # the file is no longer needed
    return batch
