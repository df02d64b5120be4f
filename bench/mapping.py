"""The mapping pages under the load: the stakeholder matrix, whole and filtered, and the map by province
or state.

The load has no potential ratings of its own: for the run, four organizations in five are rated (low,
medium, high in turn), inside a transaction rolled back at the end, so the bench database keeps nothing.
Targets: each page's 95th percentile under 150 ms of server time (no reference: the admin has no page
that counts organizations by two of their columns).

``python -m bench.mapping`` times these pages alone on the bench database (as ``make bench`` would,
with its migrations applied inside the same rolled-back transaction).
"""

import os
import sys

RATED_SHARE = "id % 5 <> 0"  # four in five organizations rated


def _rate_most_organizations() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM stakeholders_potentialrating)")
        if cursor.fetchone()[0]:
            return 0
        cursor.execute(
            f"""INSERT INTO stakeholders_potentialrating (organization_id, potential, rated_at)
                SELECT id, 1 + id % 3, now() FROM stakeholders_organization WHERE {RATED_SHARE}"""  # noqa: S608
        )
        rated = cursor.rowcount
        cursor.execute("ANALYZE stakeholders_potentialrating")
    return rated


def _busiest_filters() -> str:
    """Country, pillar and NAICS sector of the most organizations: the filtered matrix a person would ask."""
    from django.db.models import Count

    from stakeholders.models import Organization, OrganizationSector

    through = Organization.pillars.through
    pillar = through.objects.values("pillar").annotate(n=Count("id")).order_by("-n", "pillar").first()
    sector = OrganizationSector.objects.values("sector").annotate(n=Count("id")).order_by("-n", "sector").first()
    params = ["country=MX"]
    if pillar:
        params.append(f"pillar={pillar['pillar']}")
    if sector:
        params.append(f"sector={sector['sector']}")
    return "&".join(params)


def mapping_scenarios(measure, row_class) -> list:
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        print("  not PostgreSQL: mapping scenarios skipped")
        return []
    rows = []
    with transaction.atomic():
        rated = _rate_most_organizations()
        if rated:
            print(f"  {rated:,} organizations rated for the run (rolled back after it)")
        filters = _busiest_filters()
        matrix, filtered, regions = measure("/mapping/", f"/mapping/?{filters}", "/mapping/regions/")
        rows = [
            row_class("mapping_matrix", "stakeholder matrix, every organization", matrix, None),
            row_class("mapping_matrix_filtered", "stakeholder matrix, country + pillar + sector", filtered, None),
            row_class("mapping_regions", "map by province or state", regions, None),
        ]
        for row in rows:
            row.checks.append(("p95 < 150 ms", row.ours.p95 < 150))
        transaction.set_rollback(True)
    return rows


def _ensure_mapping_schema() -> None:
    """The ratings' table and the mapping pages' indexes, when the bench database predates them. Not
    ``migrate``: the bench database may hold other schema changes not in this tree, and these are all
    these pages need."""
    from django.db import connection

    from stakeholders.models import Organization, PotentialRating

    with connection.schema_editor(atomic=False) as editor:
        if PotentialRating._meta.db_table not in connection.introspection.table_names():
            editor.create_model(PotentialRating)
        with connection.cursor() as cursor:
            present = connection.introspection.get_constraints(cursor, Organization._meta.db_table)
        for index in Organization._meta.indexes:
            if index.name in ("org_region_level", "org_id_level") and index.name not in present:
                editor.add_index(Organization, index)


def main() -> int:
    """Time the mapping pages alone, on the bench database, leaving it as it was."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cec_engage_bench")
    import django

    django.setup()
    from django.db import transaction
    from django.test import Client, override_settings

    from accounts.models import User
    from cec_engage.wsgi import settle_heap
    from stakeholders.management.commands.generate_load import STAFF_EMAIL

    from .measure import time_pages
    from .run import MODEL_BACKEND, Row

    repeat, warmup = int(os.environ.get("BENCH_REPEAT", 30)), int(os.environ.get("BENCH_WARMUP", 3))
    in_process = {"DEBUG": False, "ALLOWED_HOSTS": ["testserver"], "SECURE_SSL_REDIRECT": False,
                  "SESSION_COOKIE_SECURE": False, "CSRF_COOKIE_SECURE": False}  # fmt: skip
    with transaction.atomic(), override_settings(**in_process):
        _ensure_mapping_schema()  # rolled back with the rest
        client = Client()
        client.force_login(User.objects.get(email=STAFF_EMAIL.format(1)), backend=MODEL_BACKEND)
        settle_heap()

        def measure(*urls):
            print(f"  timing {', '.join(urls)}")
            return time_pages(client, list(urls), repeat=repeat, warmup=warmup)

        rows = mapping_scenarios(measure, Row)
        for row in rows:
            ours = row.ours
            checks = ", ".join(f"{target} {'ok' if passed else 'FAIL'}" for target, passed in row.checks)
            if os.environ.get("BENCH_SQL"):
                print("\n".join(ours.sql))
            print(f"{row.label}: p50 {ours.p50:.1f} ms, p95 {ours.p95:.1f} ms, {ours.queries} queries, "
                  f"slowest query {ours.slowest_query_ms:.1f} ms; {checks}")  # fmt: skip
        transaction.set_rollback(True)
    return 0 if all(row.passed for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
