"""`make bench`: the register's pages timed beside their Django admin reference, then a load run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cec_engage_bench .venv/bin/python -m bench.run

Creates the database when it is missing, migrates, loads the register with ``generate_load`` (or reuses
it), times each page and its reference in the same run, runs gunicorn under concurrent clients, prints
a table and writes ``bench/results.json``. Settings come from the environment; see bench/README.md.
"""

import io
import json
import os
import platform
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .measure import BenchError, Timing

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.json"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/cec_engage_bench"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
PAGE_SIZE = 25  # the interaction list's page, and the reference admin's
DEEP_PAGE = 5_000
SEARCH = "country=MX&category=corporation&level=2&q=grupo"
ADMIN_SEARCH = "hq_country=MX&category=corporation&engagement_level=2&q=grupo"


@dataclass
class Config:
    orgs: int = 100_000
    interactions: int = 1_000_000
    seed: int = 1
    repeat: int = 30
    warmup: int = 3
    clients: int = 8
    load_seconds: float = 20.0
    load_tool: str = "auto"
    skip_load: bool = False
    explain: bool = False
    import_rows: int = 100_000
    skip_import: bool = False
    import_profile: bool = False

    @classmethod
    def from_env(cls) -> "Config":
        env = os.environ.get
        return cls(
            orgs=int(env("BENCH_ORGS", cls.orgs)),
            interactions=int(env("BENCH_INTERACTIONS", cls.interactions)),
            seed=int(env("BENCH_SEED", cls.seed)),
            repeat=int(env("BENCH_REPEAT", cls.repeat)),
            warmup=int(env("BENCH_WARMUP", cls.warmup)),
            clients=int(env("BENCH_CLIENTS", cls.clients)),
            load_seconds=float(env("BENCH_LOAD_SECONDS", cls.load_seconds)),
            load_tool=env("BENCH_LOAD_TOOL", cls.load_tool),
            skip_load=env("BENCH_SKIP_LOAD", "") not in ("", "0"),
            explain=env("BENCH_EXPLAIN", "") not in ("", "0"),
            import_rows=int(env("BENCH_IMPORT_ROWS", cls.import_rows)),
            skip_import=env("BENCH_SKIP_IMPORT", "") not in ("", "0"),
            import_profile=env("BENCH_IMPORT_PROFILE", "") not in ("", "0"),
        )


@dataclass
class Row:
    """One scenario: our page, its reference, and the targets it is held to."""

    key: str
    label: str
    ours: Timing
    reference: Timing | None
    checks: list[tuple[str, bool]] = field(default_factory=list)
    explain: str = ""

    @property
    def ratio(self) -> float | None:
        return self.reference.p50 / self.ours.p50 if self.reference else None

    @property
    def passed(self) -> bool:
        return all(passed for _, passed in self.checks)

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "scenario": self.label,
            "ours": self.ours.as_dict(),
            "reference": self.reference.as_dict() if self.reference else None,
            "ratio": round(self.ratio, 2) if self.ratio else None,
            "targets": [{"target": target, "passed": passed} for target, passed in self.checks],
            "explain_slowest_query": self.explain,
        }


class Tee(io.StringIO):
    """Prints what a management command writes, and keeps it."""

    def write(self, text):
        sys.stdout.write(text)
        sys.stdout.flush()
        return super().write(text)


def main() -> int:
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DEBUG"] = "0"  # figures with DEBUG on mean nothing
    # WhiteNoise warns that collectstatic has not run; the benchmark serves no static files.
    os.environ["PYTHONWARNINGS"] = "ignore:No directory at:UserWarning"
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    config = Config.from_env()
    try:
        ensure_database(os.environ["DATABASE_URL"])
        import django

        django.setup()
        results = run(config)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten: {RESULTS.relative_to(ROOT)}")
    return 0


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database named in ``url`` if it does not exist yet."""
    import environ

    config = environ.Env.db_url_config(url)
    if "postgresql" not in config["ENGINE"]:
        print(f"bench: warning: {config['ENGINE']} is not PostgreSQL; the figures will not compare.")
        return
    import psycopg2
    from psycopg2 import sql

    connection = psycopg2.connect(
        dbname="postgres",
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
                print(f"Created database {config['NAME']}.")
    finally:
        connection.close()


def run(config: Config) -> dict:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings

    from accounts.models import User
    from stakeholders.management.commands.generate_load import MARKER_PREFIX, STAFF_EMAIL
    from stakeholders.models import Contact, Interaction, InteractionOrganization, Organization, Tag

    started = time.monotonic()
    print(f"Database: {connection.vendor} {settings.DATABASES['default']['NAME']}")
    call_command("migrate", interactive=False, verbosity=0)
    if Organization.objects.exists() and not Tag.objects.filter(name__startswith=MARKER_PREFIX).exists():
        raise BenchError(
            "this database holds a register generate_load did not make; point DATABASE_URL at a bench database"
        )
    print(f"generate_load --orgs {config.orgs} --interactions {config.interactions} --seed {config.seed}")
    output = Tee()
    generation_started = time.monotonic()
    call_command(
        "generate_load",
        orgs=config.orgs,
        interactions=config.interactions,
        seed=config.seed,
        replace=True,
        stdout=output,
    )
    generation = {
        "seconds": round(time.monotonic() - generation_started, 1),
        "reused": output.getvalue().startswith("Reusing"),
        "output": output.getvalue(),
    }
    from .imports import remove_leftovers

    leftovers = remove_leftovers()  # an import scenario that stopped before undoing its batch
    if leftovers:
        print(f"Removed {leftovers} import batch(es) an earlier run left in the register.")
    sizes = {
        "organizations": Organization.objects.count(),
        "contacts": Contact.objects.count(),
        "interactions": Interaction.objects.count(),
        "participations": InteractionOrganization.objects.count(),
    }
    print("Sizes: " + ", ".join(f"{count:,} {name}" for name, count in sizes.items()))
    user = User.objects.get(email=STAFF_EMAIL.format(1))

    in_process = {
        "DEBUG": False,
        "ALLOWED_HOSTS": ["testserver", "127.0.0.1"],
        "SECURE_SSL_REDIRECT": False,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
    }
    with override_settings(**in_process):
        client = Client()
        client.force_login(user, backend=MODEL_BACKEND)
        rows = scenarios(client, config, sizes)
        session_key = client.cookies[settings.SESSION_COOKIE_NAME].value

    load = None if config.skip_load else load_run(config, session_key, settings.SESSION_COOKIE_NAME)
    imports = None if config.skip_import else import_run(config)
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "git": git_describe(),
        "database": {"vendor": connection.vendor, "version": database_version(connection)},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "config": config.__dict__,
        "sizes": sizes,
        "generation": generation,
        "scenarios": [row.as_dict() for row in rows],
        "load": load,
        "imports": imports,
        "passed": all(row.passed for row in rows)
        and (load is None or load["passed"])
        and (imports is None or imports.get("passed", False)),
        "seconds": round(time.monotonic() - started, 1),
    }
    report(results, rows, config)
    return results


def scenarios(client, config: Config, sizes: dict) -> list[Row]:
    from django.db.models import Count

    from stakeholders.models import Interaction, InteractionOrganization

    from .measure import get, time_pages

    def measure(*urls: str) -> list[Timing]:
        print(f"  timing {', '.join(urls)}")
        return time_pages(client, list(urls), repeat=config.repeat, warmup=config.warmup)

    from cec_engage.wsgi import settle_heap

    settle_heap()  # as a server process does once started (cec_engage/wsgi.py)
    rows = []
    print(f"\nIn process: {config.warmup} warm-up rounds, then {config.repeat} timed requests per page")

    # a. The organization list with three filters and a search term.
    ours, reference = measure(f"/organizations/?{SEARCH}", f"/bench-admin/stakeholders/organization/?{ADMIN_SEARCH}")
    rows.append(Row("org_list_search", "organization list, 3 filters + search", ours, reference))

    # b. The page of the organization with the longest timeline.
    heavy = (
        InteractionOrganization.objects.values("organization")
        .annotate(count=Count("id"))
        .order_by("-count", "organization")
        .first()
    )
    if heavy is None:
        raise BenchError("no interactions: nothing to time")
    org = heavy["organization"]
    ours, reference = measure(f"/organizations/{org}/", f"/bench-admin/stakeholders/organization/{org}/change/")
    label = f"organization page, timeline of {heavy['count']:,}"
    rows.append(Row("org_page", label, ours, reference))

    # c. The interaction list: first page, then the 5,000th by its cursor (and the admin by its offset).
    ordered = Interaction.objects.order_by("-occurred_on", "-id")
    page = max(2, min(DEEP_PAGE, sizes["interactions"] // PAGE_SIZE))
    day, pk = ordered.values_list("occurred_on", "id")[PAGE_SIZE * (page - 1) - 1]
    first_on_page = ordered.values_list("id", flat=True)[PAGE_SIZE * (page - 1)]
    deep_url = f"/interactions/?after={day.isoformat()}_{pk}"
    deep_reference = f"/bench-admin/stakeholders/interaction/?p={page}"
    get(client, deep_url, expect=f'href="/interactions/{first_on_page}/"')
    get(client, deep_reference, expect=f"/bench-admin/stakeholders/interaction/{first_on_page}/change/")
    first, first_reference, deep, deep_admin = measure(
        "/interactions/", "/bench-admin/stakeholders/interaction/", deep_url, deep_reference
    )
    first_row = Row("interactions_first", "interaction list, first page", first, first_reference)
    deep_row = Row("interactions_deep", f"interaction list, page {page:,}", deep, deep_admin)
    deep_row.checks.append(("≤ 1.2x first page", deep.p50 <= 1.2 * first.p50))
    rows += [first_row, deep_row]

    # d. The organization list at 25 and at 100 rows: the same queries.
    small, small_reference, large, large_reference = measure(
        "/organizations/",
        "/bench-admin/stakeholders/organization/",
        "/organizations/?size=100",
        "/bench-admin-100/stakeholders/organization/",
    )
    small_row = Row("org_list_25", "organization list, 25 rows", small, small_reference)
    large_row = Row("org_list_100", "organization list, 100 rows", large, large_reference)
    large_row.checks.append((f"same queries as 25 rows ({small.queries})", large.queries == small.queries))
    rows += [small_row, large_row]

    for row in rows:
        if row.key in ("org_list_search", "org_page"):
            row.checks[:0] = [("p50 < 80 ms", row.ours.p50 < 80), ("p95 < 150 ms", row.ours.p95 < 150)]
        row.checks.append(("≥ 2x admin", row.ratio is not None and row.ratio >= 2))
        if not row.passed:
            from .measure import explain

            row.explain = explain(row.ours.slowest_query)

    # e. The partnership board and the filtered partnership list.
    from .partnerships import partnership_scenarios

    rows += partnership_scenarios(measure, Row)
    from .surveys import survey_scenarios

    rows += survey_scenarios(measure, Row)
    from .roundtables import roundtable_scenarios

    rows += roundtable_scenarios(measure, Row)
    from .dashboards import dashboard_scenarios

    rows += dashboard_scenarios(measure, Row)
    from .api import api_scenarios

    rows += api_scenarios(config, Row)
    from .mapping import mapping_scenarios

    rows += mapping_scenarios(measure, Row)
    return rows


def load_run(config: Config, session_key: str, cookie_name: str) -> dict:
    from .load import gunicorn, load

    headers = {"Cookie": f"{cookie_name}={session_key}", "X-Forwarded-Proto": "https"}
    ours_path = f"/organizations/?{SEARCH}"
    reference_path = f"/bench-admin/stakeholders/organization/?{ADMIN_SEARCH}"
    print(f"\nLoad run: gunicorn (2 workers), {config.clients} clients, {config.load_seconds:g} s per page")
    with gunicorn(workers=2) as port:
        ours = load(
            port, ours_path, headers, clients=config.clients, seconds=config.load_seconds, tool=config.load_tool
        )
        print(f"  {ours_path}: {ours.throughput:.1f} req/s")
        reference = load(
            port, reference_path, headers, clients=config.clients, seconds=config.load_seconds, tool=config.load_tool
        )
        print(f"  {reference_path}: {reference.throughput:.1f} req/s")
    ratio = ours.throughput / reference.throughput if reference.throughput else 0.0
    checks = [("≥ 3x admin throughput", ratio >= 3), ("no errors", ours.errors == 0)]
    return {
        "scenario": "organization list, 3 filters + search",
        "workers": 2,
        "ours": ours.as_dict(),
        "reference": reference.as_dict(),
        "ratio": round(ratio, 2),
        "targets": [{"target": target, "passed": passed} for target, passed in checks],
        "passed": all(passed for _, passed in checks),
    }


def import_run(config: Config) -> dict:
    """The import scenario (bench/imports.py), after the pages so that its writes and its undo do not
    touch their timings. A failure is reported and recorded; the page figures are kept."""
    from .imports import ImportConfig, run_import_scenario

    print(f"\nImport: {config.import_rows:,} rows, ours and its references, each in a process of its own")
    try:
        return run_import_scenario(
            ImportConfig(rows=config.import_rows, seed=config.seed, profile=config.import_profile)
        )
    except BenchError as error:
        print(f"  the import scenario failed: {error}")
        return {"error": str(error), "passed": False}


def report(results: dict, rows: list[Row], config: Config) -> None:
    sizes = results["sizes"]
    generation = results["generation"]
    print(
        f"\nRegister: {sizes['organizations']:,} organizations, {sizes['interactions']:,} interactions "
        f"({sizes['participations']:,} participations, {sizes['contacts']:,} contacts); generation "
        f"{'reused' if generation['reused'] else 'took'} {generation['seconds']:.1f} s"
    )
    print(f"Server time in process, {config.repeat} requests per page after {config.warmup} warm-up rounds\n")
    header = ["scenario", "p50 ms", "p95 ms", "queries", "reference p50 ms", "reference p95 ms", "ratio", "targets"]
    lines = []
    for row in rows:
        reference = row.reference
        verdict = "PASS" if row.passed else "FAIL"
        failed = [target for target, passed in row.checks if not passed]
        lines.append(
            [
                row.label,
                f"{row.ours.p50:.1f}",
                f"{row.ours.p95:.1f}",
                str(row.ours.queries),
                f"{reference.p50:.1f}" if reference else "—",
                f"{reference.p95:.1f}" if reference else "—",
                f"{row.ratio:.2f}" if row.ratio else "—",
                verdict + (f" ({'; '.join(failed)})" if failed else ""),
            ]
        )
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]

    def show(cells):
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |")

    show(header)
    print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    for line in lines:
        show(line)
    print("\nreference: a plain Django admin on the same tables (bench/reference_admin.py); ratio = reference / ours")
    load = results["load"]
    if load:
        ours, reference = load["ours"], load["reference"]
        verdict = "PASS" if load["passed"] else "FAIL"
        failed = [target["target"] for target in load["targets"] if not target["passed"]]
        print(
            f"\nload run ({ours['tool']}, gunicorn {load['workers']} workers, {ours['clients']} clients, "
            f"{ours['seconds']:.0f} s each), {load['scenario']}:"
        )
        for name, figures in (("ours", ours), ("admin", reference)):
            print(
                f"  {name:<5}: {figures['requests_per_s']:>7.1f} req/s, p50 {figures['p50_ms']:.0f} ms, "
                f"p95 {figures['p95_ms']:.0f} ms, {figures['errors']} errors ({figures['requests']:,} requests)"
            )
        print(
            f"  ratio (ours/admin throughput): {load['ratio']:.2f}  {verdict}"
            + (f" ({'; '.join(failed)})" if failed else "")
        )
    imports = results["imports"]
    if imports and "error" in imports:
        print(f"\nimports: FAIL ({imports['error']})")
    elif imports:
        from .imports import report_imports

        report_imports(imports)
    failing = [row for row in rows if not row.passed]
    for row in failing:
        ours = row.ours
        print(
            f"\n{row.label}: {ours.queries} queries take {ours.sql_ms:.1f} ms of the {ours.p50:.1f} ms p50; "
            f"the slowest, {ours.slowest_query_ms:.1f} ms: {ours.slowest_query[:300]}"
        )
        if config.explain and row.explain:
            print(row.explain)
    print("\nAll targets met." if results["passed"] else "\nSome targets are not met (see FAIL above).")


def git_describe() -> str:
    try:
        return subprocess.run(  # noqa: S603 - a fixed command
            ["git", "describe", "--always", "--dirty"],  # noqa: S607 - git from PATH
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def database_version(connection) -> str:
    if connection.vendor != "postgresql":
        return connection.vendor
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


if __name__ == "__main__":
    sys.exit(main())
