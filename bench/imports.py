"""The import scenario: a large CSV of organizations with contacts, imported end to end, beside references.

Our import is ``manage.py import_stakeholders FILE --json --on-error skip`` (open_table → suggest_mapping →
import_rows, which plans and writes chunk by chunk, in one process, as the CLI runs it), in a subprocess whose wall
time and peak memory (its ``ru_maxrss``, from ``wait4``) are measured. Then the batch is undone with
``import_undo`` and what the undo leaves (the history rows, the batch, the version counters) is removed
too, so the register is as generate_load made it. The references, each in a subprocess measured the same
way, are in bench/import_references.py: django-import-export matching by website domain (a), the same
in bulk without matching (b), and a PostgreSQL COPY into a temporary table (c, the floor).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cec_engage_bench .venv/bin/python -m bench.imports

runs this scenario alone (the register must be loaded); ``make bench`` runs it after the pages.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .measure import BenchError

ROOT = Path(__file__).resolve().parent.parent
FILE_PREFIX = "bench-import-"
TARGET_SECONDS = 20
TARGET_MB = 300
TARGET_RATIO = 10  # at least this many times faster than django-import-export with matching
REFERENCE_SAMPLE = 10_000  # the rows (a) is timed on first
REFERENCE_FULL_LIMIT = 120  # seconds: (a) runs on the whole file only when the sample predicts no more
CHILD_TIMEOUT = 3600


@dataclass
class ImportConfig:
    rows: int = 100_000
    skip: bool = False
    profile: bool = False
    seed: int = 1

    @classmethod
    def from_env(cls) -> "ImportConfig":
        env = os.environ.get
        return cls(
            rows=int(env("BENCH_IMPORT_ROWS", cls.rows)),
            skip=env("BENCH_SKIP_IMPORT", "") not in ("", "0"),
            profile=env("BENCH_IMPORT_PROFILE", "") not in ("", "0"),
            seed=int(env("BENCH_SEED", cls.seed)),
        )


@dataclass
class Run:
    """One process: its wall time, peak memory and what it printed."""

    key: str
    label: str
    rows: int
    wall: float  # seconds, spawn to exit
    peak_mb: float  # ru_maxrss
    status: int
    output: dict = field(default_factory=dict)
    note: str = ""
    measured_rows: int = 0  # < rows when the figures are extrapolated from the first rows
    measured_wall: float = 0.0

    @property
    def extrapolated(self) -> bool:
        return 0 < self.measured_rows < self.rows

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.wall if self.wall else 0.0

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "run": self.label,
            "rows": self.rows,
            "wall_s": round(self.wall, 2),
            "peak_mb": round(self.peak_mb, 1),
            "rows_per_s": round(self.rows_per_s),
            "status": self.status,
            "extrapolated_from_rows": self.measured_rows if self.extrapolated else None,
            "measured_wall_s": round(self.measured_wall, 2) if self.extrapolated else None,
            "output": self.output,
            "note": self.note,
        }


def child(key: str, label: str, command: list[str], rows: int) -> Run:
    """Run ``command`` through bench/rusage.py, which measures it as /usr/bin/time -v would: the wall clock
    from start to exit, and the peak resident set of that process alone (see bench/rusage.py for why
    not straight from here)."""
    with tempfile.TemporaryDirectory(prefix="bench-run-") as folder:
        measured = Path(folder) / "rusage.json"
        out, err = Path(folder) / "stdout", Path(folder) / "stderr"
        with open(out, "wb") as stdout, open(err, "wb") as stderr:
            try:
                status = subprocess.call(  # noqa: S603 - our own command
                    [sys.executable, "-m", "bench.rusage", str(measured), *command],
                    stdout=stdout,
                    stderr=stderr,
                    cwd=ROOT,
                    timeout=CHILD_TIMEOUT,
                )
            except subprocess.TimeoutExpired as error:
                raise BenchError(f"{label}: still running after {CHILD_TIMEOUT} s") from error
        printed, errors = out.read_text(errors="replace"), err.read_text(errors="replace")
        figures = json.loads(measured.read_text()) if measured.exists() else None
    try:
        output = json.loads(printed.strip().splitlines()[-1]) if printed.strip() else {}
    except (json.JSONDecodeError, IndexError):
        output = {}
    if not output or figures is None:
        raise BenchError(f"{label}: exit {status}, no result; stderr: {errors[-2000:]}")
    return Run(key, label, rows, figures["wall_s"], figures["maxrss_kb"] / 1024, status, output)


def run_import_scenario(config: ImportConfig) -> dict:
    """The whole scenario; returns what goes into results.json under "imports"."""
    from django.db import connection

    from stakeholders.imports.columns import suggest_mapping
    from stakeholders.imports.reading import MAX_BYTES, read_table

    from .import_file import HEADER, write_import_file

    removed = remove_leftovers()
    if removed:
        print(f"  removed {removed} import batch(es) an earlier run left")
    # A settled register, as autovacuum keeps it: an earlier run stopped before its own vacuum (or the
    # pages' timings) leaves dead rows that would slow this import down.
    vacuum()
    before = register_counts()
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        path = Path(folder) / f"{FILE_PREFIX}{config.rows}.csv"
        step = time.monotonic()
        file = write_import_file(path, config.rows, seed=config.seed)
        print(
            f"  wrote {path.name}: {file.rows:,} rows, {file.matched:,} naming an organization of the register, "
            f"{file.size / 2**20:.1f} MB in {time.monotonic() - step:.1f} s"
        )
        if file.size > MAX_BYTES:
            raise BenchError(f"the import file weighs {file.size:,} bytes, more than an upload may ({MAX_BYTES:,})")
        sample = read_table(path.read_bytes()[:200_000], path.name)
        mapping = suggest_mapping(sample.header, sample.rows)
        if len(mapping) != len(HEADER):
            unmapped = [name for index, name in enumerate(HEADER) if index not in mapping]
            raise BenchError(f"suggest_mapping leaves columns of the bench file unmapped: {', '.join(unmapped)}")

        # Ours: the CLI, then the batch undone.
        phases_path = Path(folder) / "phases.json"
        print(f"  timing manage.py import_stakeholders {path.name} --json --on-error skip")
        ours = child(
            "ours",
            "ours: manage.py import_stakeholders",
            [
                python,
                "-m",
                "bench.import_child",
                str(path),
                "--json",
                "--on-error",
                "skip",
                "--phases",
                str(phases_path),
            ],
            file.rows,
        )
        phases = json.loads(phases_path.read_text()) if phases_path.exists() else {}
        batch_id = ours.output.get("batch")
        print(f"    {ours.wall:.1f} s, peak {ours.peak_mb:.0f} MB, batch {batch_id}; undoing it")
        cleanup = remove_batch(batch_id) if batch_id else {}
        if cleanup:
            print(f"    import_undo: {cleanup['undo_s']:.1f} s; history, batch and counters: {cleanup['rest_s']:.1f} s")

        profile = {}
        if config.profile:
            profile = profile_import(path, folder)

        # The references, each rolled back or in a temporary table.
        references = [reference_matching(path, file.rows), reference_bulk(path, file.rows), reference_copy(path)]
    vacuum()
    after = register_counts()
    expected = {"created": file.new, "updated": file.matched, "skipped": 0, "invalid": 0}
    got = {name: ours.output.get(name) for name in expected}
    notes = []
    if got != expected:
        notes.append(f"ours: counts {got}, the file was made for {expected}")
    a = references[0]
    ran = a.measured_rows or a.rows
    if (a.output.get("new"), a.output.get("update")) != (ran - _matched_in(ran), _matched_in(ran)):
        notes.append(f"(a): {a.output.get('new')} new, {a.output.get('update')} updated of {ran:,} rows")
    for run in references:
        if run.output.get("errors"):
            notes.append(f"{run.label}: {run.output['errors']} errors, the first: {run.output.get('first_error')}")
    ratio_a = a.wall / ours.wall if ours.wall else 0.0
    checks = [
        (f"ours < {TARGET_SECONDS} s", ours.wall < TARGET_SECONDS),
        (f"peak < {TARGET_MB} MB", ours.peak_mb < TARGET_MB),
        (f"≥ {TARGET_RATIO}x faster than (a)", ratio_a >= TARGET_RATIO),
        ("register restored after the undo", after == before),
        ("every row imported as planned", got == expected),
    ]
    return {
        "file": file.as_dict(),
        "connection": connection.vendor,
        "ours": ours.as_dict(),
        "phases": phases,
        "cleanup": cleanup,
        "profile": profile,
        "references": [run.as_dict() for run in references],
        "ratios": {run.key: round(run.wall / ours.wall, 3) if ours.wall else None for run in references},
        "targets": [{"target": target, "passed": passed} for target, passed in checks],
        "passed": all(passed for _, passed in checks),
        "register_before": before,
        "register_after": after,
        "notes": notes,
    }


def _matched_in(rows: int) -> int:
    from .import_file import MATCH_EVERY

    return rows // MATCH_EVERY


def reference_matching(path: Path, rows: int) -> Run:
    """(a): on the first REFERENCE_SAMPLE rows; on the whole file too when that sample says it takes no more
    than REFERENCE_FULL_LIMIT seconds. Otherwise the time is extrapolated linearly from the sample."""
    label = "(a) django-import-export, matching by website"
    command = [sys.executable, "-m", "bench.import_references", "matching", str(path)]
    sample = min(rows, REFERENCE_SAMPLE)
    print(f"  timing (a) django-import-export with import_id_fields = website domain, {sample:,} rows")
    run = child("a", label, [*command, "--rows", str(sample)], sample)
    if sample == rows:
        return run
    startup = max(0.0, run.wall - run.output.get("seconds", 0.0))
    estimate = startup + run.output.get("seconds", run.wall) * rows / sample
    if estimate <= REFERENCE_FULL_LIMIT:
        print(f"    {run.wall:.1f} s; the whole file should take {estimate:.0f} s: timing it")
        return child("a", label, command, rows)
    print(f"    {run.wall:.1f} s; the whole file would take about {estimate:.0f} s: extrapolated")
    run.measured_rows, run.measured_wall = sample, run.wall
    run.rows, run.wall = rows, estimate
    run.note = f"extrapolated linearly from the first {sample:,} rows ({run.measured_wall:.1f} s)"
    return run


def reference_bulk(path: Path, rows: int) -> Run:
    print("  timing (b) django-import-export in bulk, no matching")
    command = [sys.executable, "-m", "bench.import_references", "bulk", str(path)]
    return child("b", "(b) django-import-export, bulk, no matching", command, rows)


def reference_copy(path: Path) -> Run:
    print("  timing (c) COPY into a temporary table")
    command = [sys.executable, "-m", "bench.import_references", "copy", str(path)]
    run = child("c", "(c) PostgreSQL COPY, temporary table", command, 0)
    run.rows = run.output.get("rows", 0)
    return run


def profile_import(path: Path, folder: str) -> dict:
    """BENCH_IMPORT_PROFILE=1: import once more under cProfile (slower), undo, and keep the top functions."""
    import pstats

    stats_path = Path(folder) / "import.prof"
    print("  profiling the import (BENCH_IMPORT_PROFILE)")
    run = child(
        "profile",
        "ours under cProfile",
        [sys.executable, "-m", "bench.import_child", str(path), "--json", "--on-error", "skip"]
        + ["--profile", str(stats_path)],
        0,
    )
    if run.output.get("batch"):
        remove_batch(run.output["batch"])
    stats = pstats.Stats(str(stats_path))
    entries = [
        {
            "function": _where(filename, line, name),
            "calls": calls,
            "tottime_s": round(tottime, 2),
            "cumtime_s": round(cumtime, 2),
        }
        for (filename, line, name), (_, calls, tottime, cumtime, _callers) in stats.stats.items()
    ]
    project = [entry for entry in entries if entry["function"].startswith(("stakeholders/", "accounts/"))]
    top = {
        "tottime": sorted(entries, key=lambda entry: entry["tottime_s"], reverse=True)[:25],
        "project_cumulative": sorted(project, key=lambda entry: entry["cumtime_s"], reverse=True)[:25],
    }
    return {"wall_s": round(run.wall, 1), **top}


# Leaving the register as it was. -------------------------------------------------------------------


def _where(filename: str, line: int, name: str) -> str:
    path = Path(filename)
    if path.is_absolute() and ROOT in path.parents and ".venv" not in path.parts:
        filename = str(path.relative_to(ROOT))
    elif path.is_absolute():
        filename = "/".join(path.parts[-2:])
    return f"{filename}:{line}({name})"


def register_counts() -> dict:
    from django.db import connection

    from stakeholders.models import Contact, ImportBatch, ImportChange, Organization, OrganizationSector

    counts = {
        "organizations": Organization.objects.count(),
        "contacts": Contact.objects.count(),
        "sectors": OrganizationSector.objects.count(),
        "organization_history": Organization.history.model.objects.count(),
        "contact_history": Contact.history.model.objects.count(),
        "import_batches": ImportBatch.objects.count(),
        "import_changes": ImportChange.objects.count(),
    }
    with connection.cursor() as cursor:
        for table in ("organization", "contact"):
            cursor.execute(f"SELECT COALESCE(SUM(version), 0) FROM stakeholders_{table}")  # noqa: S608 - our names
            counts[f"{table}_versions"] = int(cursor.fetchone()[0])
    return counts


def remove_batch(batch_id: int) -> dict:
    """Undo a batch with ``import_undo``, then remove what the undo keeps: the history rows written by the
    import and the undo, the batch and its changes; and put back the version counters the import and the
    undo raised."""
    from django.db import connection, transaction

    from stakeholders import bulk
    from stakeholders.models import Contact, ImportBatch, Organization
    from stakeholders.models.imports import ImportStatus
    from stakeholders.services.imports import import_undo

    batch = ImportBatch.objects.get(pk=batch_id)
    started = time.monotonic()
    if batch.status == ImportStatus.DONE:
        import_undo(batch=batch, by=None)
    undone = time.monotonic()
    if connection.vendor == "postgresql":
        # The undo wrote its history rows in bulk, faster than autovacuum notices: without fresh statistics
        # the deletes below would pick a nested loop over every history row.
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE stakeholders_historicalorganization, stakeholders_historicalcontact, stakeholders_importchange"
            )
    reasons = [f"Import #{batch.pk}", f"Undo of import #{batch.pk}"]
    with transaction.atomic():
        # The undo moves restored records' versions on (they never go back, for people's open forms);
        # the bench puts them back so that every run starts from the same register.
        for name, model in ("organization", Organization), ("contact", Contact):
            changes = batch.changes.filter(action="updated", model=name).values_list("object_id", "before")
            bulk.update(model, ["version"], [(pk, before["version"]) for pk, before in changes])
        for model in Organization, Contact:
            model.history.model.objects.filter(
                history_change_reason__in=reasons, history_date__gte=batch.created_at
            ).delete()
        batch.delete()
    return {"undo_s": round(undone - started, 2), "rest_s": round(time.monotonic() - undone, 2)}


def remove_leftovers() -> int:
    """Batches of an earlier run that stopped before cleaning up after itself."""
    from stakeholders.models import ImportBatch

    leftovers = list(ImportBatch.objects.filter(file_name__startswith=FILE_PREFIX).values_list("pk", flat=True))
    for pk in leftovers:
        remove_batch(pk)
    return len(leftovers)


def vacuum() -> None:
    """The import and the undo leave dead rows behind; clear them so later page timings see a clean table."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    tables = [
        "stakeholders_organization",
        "stakeholders_contact",
        "stakeholders_organizationsector",
        "stakeholders_historicalorganization",
        "stakeholders_historicalcontact",
        "stakeholders_importbatch",
        "stakeholders_importchange",
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(table)}")


# The table. ------------------------------------------------------------------------------------------


def report_imports(imports: dict) -> None:
    ours = imports["ours"]
    runs = [ours, *imports["references"]]
    file = imports["file"]
    print(
        f"\nimports: {file['rows']:,} rows ({file['matching_the_register']:,} naming an organization of the "
        f"register), {file['bytes'] / 2**20:.1f} MB CSV; each run is a process, wall time from start to exit, "
        "peak = its max RSS"
    )
    header = ["run", "rows", "wall s", "peak MB", "rows/s", "new", "updated", "ratio"]
    lines = []
    for run in runs:
        output = run["output"]
        new = output.get("created", output.get("new"))
        updated = output.get("updated", output.get("update"))
        ratio = imports["ratios"].get(run["key"])
        extrapolated = run["extrapolated_from_rows"]
        lines.append(
            [
                run["run"] + (" *" if extrapolated else ""),
                f"{run['rows']:,}",
                f"{run['wall_s']:.1f}",
                f"{run['peak_mb']:.0f}" + (f" (at {extrapolated:,})" if extrapolated else ""),
                f"{run['rows_per_s']:,}",
                "—" if new is None else f"{new:,}",
                "—" if updated is None else f"{updated:,}",
                "—" if ratio is None else f"{ratio:.2f}",
            ]
        )
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]

    def show(cells):
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |")

    show(header)
    print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    for line in lines:
        show(line)
    print("ratio = reference wall / ours (above 1: ours is faster)")
    for run in runs:
        if run["extrapolated_from_rows"]:
            print(f"* {run['note']}; the new and updated counts are those of the rows it ran on")
    phases = imports["phases"]
    if phases:
        peaks = phases.get("peak_mb_after", {})
        print(
            "ours, step by step in its process (peak memory when the step ends): "
            + ", ".join(
                f"{name} {seconds:.1f} s ({peaks.get(name, 0):,} MB)"
                for name, seconds in phases["seconds"].items()
                if name != "total"
            )
        )
    cleanup = imports["cleanup"]
    if cleanup:
        print(
            f"cleanup: import_undo {cleanup['undo_s']:.1f} s, then history rows, batch and version counters "
            f"{cleanup['rest_s']:.1f} s"
        )
    for note in imports["notes"]:
        print(f"note: {note}")
    verdicts = ", ".join(f"{item['target']}: {'PASS' if item['passed'] else 'FAIL'}" for item in imports["targets"])
    print(f"targets: {verdicts}")
    profile = imports["profile"]
    if profile:
        print(f"\ncProfile of the import ({profile['wall_s']:.0f} s under the profiler); the project's functions:")
        for row in profile["project_cumulative"][:15]:
            print(
                f"  {row['cumtime_s']:>7.2f} s total, {row['tottime_s']:>7.2f} s own, "
                f"{row['calls']:>8,}x {row['function']}"
            )
        print("by own time:")
        for row in profile["tottime"][:10]:
            print(
                f"  {row['tottime_s']:>7.2f} s own, {row['cumtime_s']:>7.2f} s total, "
                f"{row['calls']:>8,}x {row['function']}"
            )


def main() -> int:
    """Run the import scenario alone (the register must already be loaded)."""
    from .run import DEFAULT_DATABASE_URL

    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    try:
        imports = run_import_scenario(ImportConfig.from_env())
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    report_imports(imports)
    return 0 if imports["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
