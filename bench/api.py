"""The reporting API under the load: the organization list read with a person's key, its first page, a
page deep in the cursor, and the filtered list of the organization list scenario.

Target: each with a 95th percentile under 150 ms of server time (no reference: the admin has no API).

The key is made inside a transaction rolled back at the end, so the bench database is left as it was;
so is the key's table on a database migrated before it existed (PostgreSQL rolls back DDL too).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cec_engage_bench .venv/bin/python -m bench.api

runs this scenario alone on a database that already holds the load (no migrate, no generate_load).
"""

import base64
import os
import sys
import warnings
from urllib.parse import quote, urlencode

from .measure import BenchError, get, time_pages

PAGE_SIZE = 100  # the API's page
DEEP_PAGE = 500  # the 50,000th organization on, by id
FILTERS = "country=MX&category=corporation&level=2&q=grupo"


def cursor_at(position: int) -> str:
    """The cursor DRF's CursorPagination gives for the page after the row whose id is ``position``."""
    return quote(base64.b64encode(urlencode({"p": position}).encode()).decode())


def api_scenarios(config, row_class) -> list:
    from django.db import connection, transaction
    from django.test import Client

    from accounts.models import ApiToken, User
    from accounts.services import api_token_create
    from stakeholders.management.commands.generate_load import STAFF_EMAIL
    from stakeholders.models import Organization

    ids = Organization.objects.order_by("id").values_list("id", flat=True)
    count = Organization.objects.count()
    page = max(2, min(DEEP_PAGE, count // PAGE_SIZE))
    last_before, first_on_page = ids[PAGE_SIZE * (page - 1) - 1], ids[PAGE_SIZE * (page - 1)]
    urls = [
        "/api/organizations/",
        f"/api/organizations/?cursor={cursor_at(last_before)}",
        f"/api/organizations/?{FILTERS}",
    ]
    with transaction.atomic():
        if ApiToken._meta.db_table not in connection.introspection.table_names():
            with connection.schema_editor() as editor:
                editor.create_model(ApiToken)
        _token, key = api_token_create(user=User.objects.get(email=STAFF_EMAIL.format(1)))
        client = Client(headers={"Authorization": f"Bearer {key}"})
        get(client, urls[1], expect=f'"id":{first_on_page},')
        print(f"  timing {', '.join(urls)}")
        first, deep, filtered = time_pages(client, urls, repeat=config.repeat, warmup=config.warmup)
        transaction.set_rollback(True)
    rows = [
        row_class("api_orgs_first", f"API organizations, first page of {PAGE_SIZE}", first, None),
        row_class("api_orgs_deep", f"API organizations, page {page:,} by cursor", deep, None),
        row_class("api_orgs_filtered", "API organizations, 3 filters + search", filtered, None),
    ]
    for row in rows:
        row.checks.append(("p95 < 150 ms", row.ours.p95 < 150))
    rows[1].checks.append((f"same queries as first page ({first.queries})", deep.queries == first.queries))
    return rows


def main() -> int:
    from .run import DEFAULT_DATABASE_URL, Config, Row

    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DEBUG"] = "0"
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    import django

    django.setup()
    from django.test import override_settings

    from cec_engage.wsgi import settle_heap

    config = Config.from_env()
    in_process = {"DEBUG": False, "ALLOWED_HOSTS": ["testserver"], "SECURE_SSL_REDIRECT": False}
    try:
        with override_settings(**in_process):
            settle_heap()
            rows = api_scenarios(config, Row)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    for row in rows:
        verdict = "PASS" if row.passed else "FAIL"
        print(
            f"{row.label}: p50 {row.ours.p50:.1f} ms, p95 {row.ours.p95:.1f} ms, {row.ours.queries} queries, {verdict}"
        )
    return 0 if all(row.passed for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
