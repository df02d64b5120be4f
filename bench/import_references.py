"""The references of the import scenario, each run in its own process by bench/imports.py.

    python -m bench.import_references matching FILE [--rows N]   # django-import-export, matching by website
    python -m bench.import_references bulk FILE [--rows N]       # django-import-export, no matching
    python -m bench.import_references copy FILE [--rows N]       # PostgreSQL COPY into a temporary table

Each prints one JSON object: rows imported, seconds of work (reading the file included, interpreter and
Django start-up not), and the library's counts. Nothing stays in the database: the two imports run in a
transaction rolled back at the end, the COPY goes into a temporary table.

The django-import-export resources are what a Django user would write for this file: a ModelResource
for Organization mapping the file's columns (name, acronym, website, country), ``use_bulk``,
``batch_size = 1000``, ``skip_diff``; the country names turned into the model's codes, and, to avoid
duplicates, the organization looked up by its website's domain (the register's indexed ``website_domain``,
computed from the Website column), since the same site is written "www.x.com" or "https://x.com/".
Contacts, sectors and regions are not imported by them: an Organization resource has no place for them.
"""

import argparse
import io
import json
import os
import sys
import time

FLOOR_COLUMNS = [
    "organization",
    "acronym",
    "website",
    "country",
    "province_state",
    "naics",
    "contact_name",
    "email",
    "phone",
    "language",
]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["matching", "bulk", "copy"])
    parser.add_argument("file")
    parser.add_argument("--rows", type=int, default=0, help="only the first N rows (0: all)")
    options = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    with open(options.file, encoding="utf-8", newline="") as handle:
        text = handle.read()  # read before the clock, as the page would have it uploaded
    if options.rows:
        text = _first_rows(text, options.rows)
    result = copy(text) if options.kind == "copy" else import_export(text, matching=options.kind == "matching")
    print(json.dumps(result))
    return 0


def _first_rows(text: str, rows: int) -> str:
    """The header and the first ``rows`` rows (the bench file has no line break inside a cell)."""
    lines = text.splitlines(keepends=True)
    return "".join(lines[: rows + 1])


def import_export(text: str, *, matching: bool) -> dict:
    from django.db import transaction
    from import_export import fields, resources
    from tablib import Dataset

    from stakeholders.models import Organization
    from stakeholders.normalize import website_domain

    from .import_file import COUNTRY_CODES

    class OrganizationResource(resources.ModelResource):
        name = fields.Field(attribute="name", column_name="Organization")
        acronym = fields.Field(attribute="acronym", column_name="Acronym")
        website = fields.Field(attribute="website", column_name="Website")
        hq_country = fields.Field(attribute="hq_country", column_name="country_code")

        class Meta:
            model = Organization
            fields = ("id", "name", "acronym", "website", "hq_country")  # "id": the default import_id_fields
            use_bulk = True
            batch_size = 1000
            skip_diff = True

        def before_import(self, dataset, **kwargs):
            dataset.append_col([COUNTRY_CODES.get(name, "XX") for name in dataset["Country"]], header="country_code")

    class MatchingOrganizationResource(OrganizationResource):
        website_domain = fields.Field(attribute="website_domain", column_name="website_domain")

        class Meta(OrganizationResource.Meta):
            fields = ("name", "acronym", "website", "hq_country", "website_domain")
            import_id_fields = ["website_domain"]

        def before_import(self, dataset, **kwargs):
            super().before_import(dataset, **kwargs)
            dataset.append_col([website_domain(url) for url in dataset["Website"]], header="website_domain")

    resource = MatchingOrganizationResource() if matching else OrganizationResource()
    started = time.perf_counter()
    with transaction.atomic():
        dataset = Dataset().load(io.StringIO(text), format="csv")
        loaded = time.perf_counter()
        result = resource.import_data(dataset, dry_run=False, raise_errors=False)
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    totals = dict(result.totals)
    return {
        "rows": len(dataset),
        "seconds": round(seconds, 3),
        "load_seconds": round(loaded - started, 3),
        "new": totals.get("new", 0),
        "update": totals.get("update", 0),
        "skip": totals.get("skip", 0),
        "errors": totals.get("error", 0) + totals.get("invalid", 0),
        "first_error": _first_error(result),
    }


def _first_error(result) -> str:
    if result.base_errors:
        return repr(result.base_errors[0].error)
    for _number, errors in result.row_errors():
        return repr(errors[0].error)
    for row in result.invalid_rows:
        return repr(row.error)
    return ""


def copy(text: str) -> dict:
    """COPY the CSV as it is into a temporary table with a text column for each of the file's columns."""
    from django.db import connection, transaction

    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        columns = ", ".join(f"{name} text" for name in FLOOR_COLUMNS)
        cursor.execute(f"CREATE TEMPORARY TABLE bench_import_floor ({columns}) ON COMMIT DROP")
        cursor.copy_expert("COPY bench_import_floor FROM STDIN WITH (FORMAT csv, HEADER true)", io.StringIO(text))
        cursor.execute("SELECT count(*) FROM bench_import_floor")
        rows = cursor.fetchone()[0]
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    return {"rows": rows, "seconds": round(seconds, 3), "new": rows, "update": 0, "skip": 0, "errors": 0}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
