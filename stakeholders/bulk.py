"""Many rows at once, without a model instance each: COPY on PostgreSQL, batched statements elsewhere.

An import and its undo write tens of thousands of rows, where building an instance per row costs more
than the write itself. Rows are tuples in the order of a ``RowShape``'s columns. History rows
(django-simple-history) are copied from the rows themselves by one ``INSERT … SELECT`` per batch of ids,
so they hold exactly what was written, without the rows travelling to Python and back.

Nothing here sends model signals or runs ``save()``: callers write only models whose rules they keep
themselves (the import services), and write their history with ``write_history``.
"""

import functools
import gc
import io
import json
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from django.db import DEFAULT_DB_ALIAS, DatabaseError, IntegrityError, connection, connections, models, transaction
from django.db.models.deletion import get_candidate_relations_to_delete

IN_BATCH = 5_000  # ids per statement; fewer where the database takes fewer parameters (SQLite)
# What a COPY reads of its rows at a time (psycopg2 reads 8 kB by default): each read needs the GIL, which
# a thread busy in Python holds for up to 5 ms at a time; with ``Background``, few reads keep COPY going.
COPY_READ_SIZE = 1 << 20
SWITCH_INTERVAL = 0.0005  # seconds; Python's default is 0.005


def batches(values: Iterable, size: int = IN_BATCH) -> Iterator[list]:
    """``values`` in lists small enough for one statement's parameters."""
    size = min(size, (connection.features.max_query_params or size + 100) - 100)
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


class RowShape:
    """The columns of a model's table (all but the id), each with its field's default: a row is a list
    in that order, filled by ``row(**values)``.

    With ``columns``, rows hold those columns only, in that order, and the database fills the others:
    each must have a database default (``db_default``) or allow NULL. A large write then sends and parses
    only what varies from row to row, and its caller may lay rows out as plain lists.
    """

    def __init__(self, model: type[models.Model], *, now: datetime, columns: Sequence[str] | None = None):
        self.model = model
        fields = [field for field in model._meta.concrete_fields if not field.primary_key]
        if columns is not None:
            by_name = {field.attname: field for field in fields}
            left_out = [
                name
                for name, field in by_name.items()
                if name not in columns and field.db_default is models.NOT_PROVIDED and not field.null
            ]
            if left_out:
                raise ValueError(f"{model.__name__}: no database default for {', '.join(left_out)}")
            fields = [by_name[name] for name in columns]
        self.columns = [field.attname for field in fields]
        self.db_columns = [field.column for field in fields]
        self.template = [
            now if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) else field.get_default()
            for field in fields
        ]
        self.index = {name: position for position, name in enumerate(self.columns)}
        self.json = [self.index[field.attname] for field in fields if isinstance(field, models.JSONField)]

    def row(self, **values) -> list:
        row = self.template.copy()
        for name, value in values.items():
            row[self.index[name]] = value
        return row


@dataclass
class Prepared:
    """Rows laid out for ``write``: on PostgreSQL, the text of a COPY (``text`` empty: nothing to write)."""

    shape: RowShape
    ids: list[int]  # the rows' ids, in order, when asked for
    columns: list[str] = field(default_factory=list)
    text: str = ""


def prepare(shape: RowShape, rows: Sequence[list], *, ids: bool = False) -> Prepared:
    """Lay out ``rows`` of ``shape`` for ``write``; with ``ids``, draw their ids now (``Prepared.ids``).

    PostgreSQL: the ids come from the table's sequence (outside any transaction, so from any
    connection), and the rows become the text of a COPY. Elsewhere the rows go in at once, by
    ``bulk_create``, which reads the ids back: there, nothing writes in the background.
    """
    if not rows:
        return Prepared(shape, [])
    model = shape.model
    if not _is_postgresql():
        objects = [model(**dict(zip(shape.columns, row, strict=True))) for row in rows]
        created = model._base_manager.bulk_create(objects, batch_size=500)
        return Prepared(shape, [obj.pk for obj in created] if ids else [])
    columns = shape.db_columns
    new_ids: list[int] = []
    if ids:
        pk = model._meta.pk.column
        with connection.cursor() as cursor:
            # The sequence named once, not looked up again for each id drawn.
            cursor.execute("SELECT nextval(%s::regclass) FROM generate_series(1, %s)", [_id_sequence(model), len(rows)])
            new_ids = [row[0] for row in cursor.fetchall()]
        columns = [pk, *columns]
        rows = ([pk_, *row] for pk_, row in zip(new_ids, rows, strict=True))
    if shape.json:
        rows = (_dump_json(row, shape.json) for row in rows)
    return Prepared(shape, new_ids, columns, copy_text(list(rows), len(columns)))


NULL = "\\N"  # NULL in the text format of COPY
# What the text format of COPY escapes in a value (it reads a backslash as the start of an escape).
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_text(rows: Sequence[Sequence], width: int) -> str:
    """``rows`` (of ``width`` values each) as the text of a COPY in PostgreSQL's text format: a line per
    row, values separated by tabs, as ``str`` writes them (booleans as True/False, dates in ISO form),
    None as NULL.

    A value holding a tab, a line break or a backslash must be escaped. Names and addresses almost never
    do, so the rows are first joined as they are, then checked by counting: as many tabs and line breaks
    as the layout puts there, no carriage return, and no backslash but those of the NULLs. Otherwise
    each value is escaped. (The csv module took twenty times longer to write the same rows.)
    """
    nulls = 0
    lines = []
    for row in rows:
        if None in row:
            row = list(row)  # noqa: PLW2901 - the caller's row stays as it was
            while None in row:
                row[row.index(None)] = NULL
                nulls += 1
        lines.append("\t".join(map(str, row)))
    text = "\n".join(lines) + "\n"
    if (
        text.count("\t") == len(lines) * (width - 1)
        and text.count("\n") == len(lines)
        and "\r" not in text
        and text.count("\\") == nulls
    ):
        return text
    return "".join(
        "\t".join(NULL if value is None else str(value).translate(_ESCAPES) for value in row) + "\n" for row in rows
    )


@functools.cache
def _id_sequence(model: type[models.Model]) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [model._meta.db_table, model._meta.pk.column])
        return cursor.fetchone()[0]


def write(prepared: Prepared) -> None:
    """Insert prepared rows (on PostgreSQL, by COPY; elsewhere ``prepare`` has inserted them)."""
    if not prepared.text:
        return
    shape = prepared.shape
    with connection.cursor() as cursor, _STATEMENT_LOCK:  # a raw COPY goes around the execute wrappers
        cursor.copy_expert(
            f"COPY {_quote(shape.model._meta.db_table)} ({', '.join(map(_quote, prepared.columns))}) FROM STDIN",
            io.StringIO(prepared.text),
            size=COPY_READ_SIZE,
        )


def insert(shape: RowShape, rows: Sequence[list], *, ids: bool = False) -> list[int]:
    """Insert ``rows`` of ``shape``; with ``ids``, return the new rows' ids in the same order."""
    prepared = prepare(shape, rows, ids=ids)
    write(prepared)
    return prepared.ids


# Objects allocated between two collections of the youngest generation, during ``fewer_collections``
# (Python's default: 700).
YOUNG_COLLECTION_EVERY = 50_000


@contextmanager
def fewer_collections():
    """Python's cyclic garbage collector, kept out of the way of a long run of rows.

    An import allocates millions of short-lived objects (freed as they go, by reference counting) beside
    a large, long-lived heap: the matching keys of the whole register. With the collector's defaults,
    every few hundred allocations start a collection, and the older generations' walk over that heap
    came to about a fifth of the import's time (measured on 100,000 rows). Here the heap as it stands is
    frozen out of collections, and young objects are collected less often; both are put back after.
    """
    threshold = gc.get_threshold()
    # A web worker froze its start-up heap already (cec_engage/wsgi.py); unfreezing after would undo that.
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if freeze:
            gc.unfreeze()


# Room for a large write's entries in a GIN index's pending list: merged into the index once, sorted,
# instead of every 4 MB (PostgreSQL's default), which costs several times more on a trigram index.
GIN_PENDING_LIMIT = "256MB"
MERGE_PENDING = "SELECT gin_clean_pending_list(%s::regclass)"  # the named index's pending entries, merged


@contextmanager
def large_write(*, copied: Sequence[type[models.Model]] = (), gin_indexes: Sequence[str] = ()):
    """Within a transaction, set PostgreSQL up for writing many rows, and put it back after; yields the
    ``LargeWrite``, whose ``ending()`` runs the last steps early, beside the block's last writes.

    - The foreign keys of the rows added to the ``copied`` tables are checked once, at the end, by a
      statement per key, rather than row by row (see ``LargeWrite.check_references``). Other foreign keys
      are checked as each statement ends rather than all at the commit: the checks then run while
      ``Background`` lets this process prepare the next rows, instead of after the last one.
    - The named GIN indexes collect the write's entries and merge them once, at the end, so the index is
      whole again before the transaction commits (a search, or the next person's insert, never pays).

    Elsewhere than on PostgreSQL, nothing to do.
    """
    write = LargeWrite(copied, gin_indexes)
    if not _is_postgresql():
        yield write
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL gin_pending_list_limit = %s", [GIN_PENDING_LIMIT])
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    write.switch_triggers_off()
    try:
        yield write
    finally:
        write.join_merging()  # a merge started early is over before the transaction ends, however it ends
    write.check_references()
    write.merge_here()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # every deferrable constraint here is initially deferred
        cursor.execute("RESET gin_pending_list_limit")


class LargeWrite:
    """The foreign keys and search indexes of a large write (``large_write``), put right at its end.

    Foreign keys: the database checks one by a trigger per row, which looks the referenced row up and
    locks it (FOR KEY SHARE, so it cannot be deleted before the commit); for the hundreds of thousands of
    rows of a large import that is a good part of the write. So the triggers are switched off for this
    transaction (``session_replication_role``) while the ``copied`` tables take their rows, and at the end
    every referenced row that existed before is locked the same way and every reference is checked: one
    missing raises ``IntegrityError`` and the transaction is rolled back, as the trigger would have done.
    The rows checked are those above where each table's ids stood at the start. Switching triggers off
    needs a superuser, or the right to set that parameter (PostgreSQL 15: ``GRANT SET ON PARAMETER
    session_replication_role TO …``); without it, the triggers check each row as usual.

    GIN indexes: their pending entries are merged into the index proper. The merge moves index pages,
    whoever's rows their entries point to, so it needs no sight of the writing transaction: ``ending()``
    runs it on a connection of its own, beside the checks and the block's last writes; what those add to
    the same indexes is merged at the very end.
    """

    def __init__(self, copied: Sequence[type[models.Model]], gin_indexes: Sequence[str]):
        self.copied, self.gin_indexes = list(copied), list(gin_indexes)
        self.since: dict[type[models.Model], int] = {}  # the tables' last ids before the write
        self.triggers_off = False
        self._merging: threading.Thread | None = None

    def start_merging(self) -> None:
        """Start merging the indexes' pending entries aside, now: as early as the last copy, which leaves
        a core free (what it adds after is merged at the very end)."""
        if self._merging is None and self.gin_indexes and _is_postgresql():
            self._merging = threading.Thread(target=self._merge_on_own_connection, name="gin-merge")
            self._merging.start()

    def join_merging(self) -> None:
        if self._merging is not None:
            self._merging.join()
            self._merging = None

    @contextmanager
    def ending(self):
        """The copies are done: merge the indexes aside (unless already started) and check the references,
        while the block (the last writes, with the triggers back on) runs."""
        if not _is_postgresql():
            yield
            return
        self.start_merging()
        try:
            self.check_references()
            yield
        finally:
            self.join_merging()

    def switch_triggers_off(self) -> None:
        if not self.copied:
            return
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = replica")
        except DatabaseError:  # not allowed: the triggers stay on
            return
        self.triggers_off = True
        with connection.cursor() as cursor:
            for model in self.copied:
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {_quote(model._meta.db_table)}")  # noqa: S608
                self.since[model] = cursor.fetchone()[0]

    def check_references(self) -> None:
        """Switch the triggers back on, then check the copied rows' foreign keys (once)."""
        if not self.triggers_off:
            return
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = origin")
        self.triggers_off = False
        created: dict[type[models.Model], set] = {}  # a copied table's new ids, read when a key refers to them
        for model in self.copied:
            keys = [
                key for key in model._meta.concrete_fields if isinstance(key, models.ForeignKey) and key.db_constraint
            ]
            for key, values in zip(keys, self._referenced(model, keys), strict=True):
                self._check(model, key, values, created)

    def _referenced(self, model: type[models.Model], keys: list[models.ForeignKey]) -> list[list]:
        """The values each of ``keys`` takes in the new rows of ``model``, read in one pass over them."""
        if not keys:
            return []
        values = ", ".join(
            f"array_agg(DISTINCT {column}) FILTER (WHERE {column} IS NOT NULL)"
            for column in (_quote(key.column) for key in keys)
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {values} FROM {_quote(model._meta.db_table)} WHERE id > %s",  # noqa: S608 - our names
                [self.since[model]],
            )
            return [found or [] for found in cursor.fetchone()]

    def _check(self, model: type[models.Model], key: models.ForeignKey, values: list, created: dict) -> None:
        """Lock the rows that ``values`` (of ``model``'s ``key``) refer to as the trigger would, but those
        added in this transaction, which no one else sees; raise if any of them is missing."""
        target = key.remote_field.model
        older, newer = values, []
        if target in self.since:  # a copied table: its own new rows need no lock
            bound = self.since[target]
            older, newer = [v for v in values if v <= bound], [v for v in values if v > bound]
        target_table, target_column = _quote(target._meta.db_table), _quote(key.target_field.column)
        found = set()
        with connection.cursor() as cursor:
            for part in batches(older):
                cursor.execute(
                    f"SELECT {target_column} FROM {target_table} WHERE {target_column} = ANY(%s) "  # noqa: S608
                    "FOR KEY SHARE",
                    [part],
                )
                found.update(row[0] for row in cursor.fetchall())
        missing = [value for value in older if value not in found]
        if newer:
            if target not in created:
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT id FROM {target_table} WHERE id > %s",  # noqa: S608 - our names
                        [self.since[target]],
                    )
                    created[target] = {row[0] for row in cursor.fetchall()}
            missing += [value for value in newer if value not in created[target]]
        if missing:
            raise IntegrityError(
                f"{model._meta.db_table}.{key.column} refers to {target._meta.db_table} rows that do not exist: "
                + ", ".join(map(str, missing[:5]))
            )

    def merge_here(self) -> None:
        for index in self.gin_indexes:
            try:
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute(MERGE_PENDING, [index])
            except DatabaseError:
                # Only the index's owner may merge it by hand; then the next write past PostgreSQL's usual
                # limit, or autovacuum, merges it.
                pass

    def _merge_on_own_connection(self) -> None:
        own = connections.create_connection(DEFAULT_DB_ALIAS)
        try:
            for index in self.gin_indexes:
                with own.cursor() as cursor:
                    cursor.execute(MERGE_PENDING, [index])
        except DatabaseError:
            pass  # as in ``merge_here``: merged later
        finally:
            own.close()


class Background:
    """Runs writes on a thread of their own, one after the other, through this thread's connection and
    so in its transaction, while this thread goes on preparing the next ones.

    PostgreSQL works on a COPY while the Python process waits for it, and the wait releases the GIL: on
    two cores, checking and matching the next chunk of a file then costs no time of its own. The
    connection runs one statement at a time (psycopg2 serializes them), so reads made here meanwhile
    simply wait their turn; they must not depend on what the writes write. Elsewhere than on PostgreSQL,
    ``run`` writes at once, in this thread.
    """

    def __init__(self):
        self._executor: ThreadPoolExecutor | None = None
        self._pending: Future | None = None

    def __enter__(self) -> "Background":
        if _is_postgresql():
            shared = connections[DEFAULT_DB_ALIAS]
            shared.ensure_connection()
            shared.inc_thread_sharing()
            # psycopg2 lets two threads send statements on one connection at once, and the replies
            # then cross: every statement takes the connection in turn (COPY too: see ``_one_at_a_time``).
            shared.execute_wrappers.append(_one_statement_at_a_time)

            def use_shared_connection():
                connections[DEFAULT_DB_ALIAS] = shared

            self._executor = ThreadPoolExecutor(1, "bulk-write", initializer=use_shared_connection)
            # The writing thread mostly waits for PostgreSQL; when a reply comes, it gets the GIL back
            # sooner from a thread busy in Python.
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_INTERVAL)
        return self

    def run(self, function: Callable, *args) -> None:
        """Run ``function(*args)`` after the writes queued before it; raise what an earlier one raised."""
        if self._executor is None:
            function(*args)
            return
        self.wait()
        self._pending = self._executor.submit(function, *args)

    def wait(self) -> None:
        """Wait for the queued write; raise what it raised."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def __exit__(self, kind, error, traceback) -> None:
        if self._executor is None:
            return
        try:
            if error is None:
                self.wait()
            elif self._pending is not None:
                wait_futures([self._pending])  # the connection is free again before the rollback
        finally:
            self._executor.shutdown(wait=True)
            sys.setswitchinterval(self._switch_interval)
            shared = connections[DEFAULT_DB_ALIAS]
            shared.execute_wrappers.remove(_one_statement_at_a_time)
            shared.dec_thread_sharing()


@contextmanager
def reads_aside():
    """This thread's queries go through a connection of their own meanwhile, outside the transaction.

    Within ``Background``, a read of this thread would otherwise wait for the write in progress (a COPY
    of thousands of rows); on a connection of its own, it runs at once. It sees the register as last
    committed, so use it only for reads that must not see the transaction's own writes, and only when
    the transaction was begun by the caller itself: a transaction the caller was given (a test's, say)
    may hold rows that no other connection sees yet. Elsewhere than on PostgreSQL, nothing changes.
    """
    if not _is_postgresql():
        yield
        return
    shared = connections[DEFAULT_DB_ALIAS]
    own = connections.create_connection(DEFAULT_DB_ALIAS)
    connections[DEFAULT_DB_ALIAS] = own
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS] = shared
        own.close()


# One statement at a time on a connection that ``Background`` shares between two threads.
_STATEMENT_LOCK = threading.RLock()


def _one_statement_at_a_time(execute, sql, params, many, context):
    with _STATEMENT_LOCK:
        return execute(sql, params, many, context)


def _dump_json(row: list, positions: list[int]) -> list:
    for position in positions:
        row[position] = json.dumps(row[position])
    return row


def update(model: type[models.Model], fields: list[str], rows: Sequence[tuple], *, increment: str = "") -> None:
    """Set ``fields`` on each row ``(id, value, …)``; ``increment`` names a counter raised by one."""
    if not rows:
        return
    table = _quote(model._meta.db_table)
    model_fields = [model._meta.get_field(name) for name in fields]
    prepared = [
        [
            pk,
            *(
                field.get_db_prep_save(field.to_python(value), connection)
                for field, value in zip(model_fields, values, strict=True)
            ),
        ]
        for pk, *values in rows
    ]
    counter = f", {_quote(increment)} = {table}.{_quote(increment)} + 1" if increment else ""
    with connection.cursor() as cursor:
        if _is_postgresql():
            from psycopg2.extras import execute_values

            names = ", ".join(f"f{position}" for position in range(len(fields)))
            assignments = ", ".join(
                f"{_quote(field.column)} = v.f{position}::{field.db_type(connection)}"
                for position, field in enumerate(model_fields)
            )
            execute_values(
                cursor.cursor,
                f"UPDATE {table} SET {assignments}{counter} FROM (VALUES %s) AS v(id, {names}) "  # noqa: S608
                f"WHERE {table}.id = v.id",
                prepared,
                page_size=1000,
            )
        else:
            assignments = ", ".join(f"{_quote(field.column)} = %s" for field in model_fields)
            cursor.executemany(
                f"UPDATE {table} SET {assignments}{counter} WHERE id = %s",  # noqa: S608 - our own names
                [[*values, pk] for pk, *values in prepared],
            )


def write_history(
    model: type[models.Model], ids: Iterable[int], *, history_type: str, reason: str, user_id: int | None, when
) -> None:
    """One django-simple-history row per id, holding the row as it is now: ``+`` created, ``~`` changed,
    ``-`` about to be deleted (write it before the delete)."""
    history = model.history.model
    tracked = history.tracked_fields
    target = [history._meta.get_field(field.name).column for field in tracked]
    target += [history._meta.get_field(name).column for name in ("history_date", "history_change_reason")]
    target += [history._meta.get_field(name).column for name in ("history_type", "history_user")]
    source = ", ".join(_quote(model._meta.get_field(field.name).column) for field in tracked)
    stamp = connection.ops.adapt_datetimefield_value(when)
    with connection.cursor() as cursor:
        for batch in batches(ids):
            cursor.execute(
                f"INSERT INTO {_quote(history._meta.db_table)} ({', '.join(map(_quote, target))}) "  # noqa: S608
                f"SELECT {source}, %s, %s, %s, %s FROM {_quote(model._meta.db_table)} "
                f"WHERE id IN ({', '.join(['%s'] * len(batch))})",
                [stamp, reason[:100], history_type, user_id, *batch],
            )


def delete(model: type[models.Model], ids: Iterable[int]) -> None:
    """Delete rows by id without loading them, after what points to them, as Django's delete would:
    cascades deleted (by Django, with their own rules), links set to null, and a protected link refuses
    (``models.ProtectedError``). The model's own delete signals are not sent: write its history first.
    """
    table = _quote(model._meta.db_table)
    relations = list(get_candidate_relations_to_delete(model._meta))
    for batch in batches(ids):
        for relation in relations:
            field = relation.field
            on_delete = field.remote_field.on_delete
            if on_delete is models.DO_NOTHING:
                continue
            related = relation.related_model._base_manager.filter(**{f"{field.name}__in": batch})
            if on_delete is models.CASCADE:
                related.delete()
            elif on_delete is models.SET_NULL:
                related.update(**{field.name: None})
            elif related.exists():
                raise models.ProtectedError(
                    f"{relation.related_model._meta.verbose_name} still points to {model._meta.verbose_name}",
                    set(related[:10]),
                )
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE id IN ({', '.join(['%s'] * len(batch))})", batch)  # noqa: S608
