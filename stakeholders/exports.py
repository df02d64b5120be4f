"""Exporting a filtered list to CSV or XLSX, in the reader's language.

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
get a leading apostrophe; the importer takes it off again, so an exported list re-imports without
loss. Column names are the importer's own labels, so they are recognized in any of the languages.
"""

import csv
import io

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook

from .imports.columns import TARGETS
from .models import Contact, Interaction, Organization, OrganizationSector

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_EXPORT_ROWS = 200_000


def neutralize(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def _label(target: str) -> str:
    return str(TARGETS[target][0])


def organization_rows(queryset: QuerySet[Organization]):
    header = [_label(t) for t in ("name", "acronym", "category", "website", "hq_country", "hq_region", "naics")]
    header += [_("Engagement level"), _("Relationship owner")]
    queryset = queryset.select_related("hq_region", "owner").prefetch_related(
        Prefetch("sectors", queryset=OrganizationSector.objects.only("organization_id", "code"))
    )
    rows = (
        [
            o.name,
            o.acronym,
            o.get_category_display(),
            o.website,
            o.get_hq_country_display(),
            o.hq_region.name if o.hq_region else "",
            ", ".join(s.code for s in o.sectors.all()),
            o.get_engagement_level_display() or "",
            str(o.owner or ""),
        ]
        for o in queryset[:MAX_EXPORT_ROWS].iterator(chunk_size=2000)
    )
    return header, rows


def contact_rows(queryset: QuerySet[Contact]):
    targets = (
        "contact_name",
        "contact_title",
        "contact_email",
        "contact_phone",
        "contact_language",
        "consent",
        "consent_date",
        "name",
        "hq_country",
    )
    header = [_label(t) for t in targets]
    rows = (
        [
            c.full_name,
            c.job_title,
            c.email,
            c.phone,
            c.get_preferred_language_display(),
            _("yes") if c.consent_given else _("no"),
            c.consent_date.isoformat() if c.consent_date else "",
            c.organization.name,
            c.get_country_display(),
        ]
        for c in queryset.select_related("organization")[:MAX_EXPORT_ROWS].iterator(chunk_size=2000)
    )
    return header, rows


def interaction_rows(queryset: QuerySet[Interaction]):
    header = [_("Date"), _("Type"), _("Organizations"), _("Contacts"), _("Summary"), _("Outcome"), _("Unit")]
    rows = (
        [
            i.occurred_on.isoformat(),
            str(i.kind),
            "; ".join(o.name for o in i.organizations.all()),
            "; ".join(c.full_name for c in i.contacts.all()),
            i.summary_shown,
            i.outcome,
            str(i.unit or ""),
        ]
        for i in queryset.select_related("kind", "unit")
        .prefetch_related("organizations", "contacts")[:MAX_EXPORT_ROWS]
        .iterator(chunk_size=2000)
    )
    return header, rows


def to_csv(header, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralize(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM lets Excel read the accents


def to_xlsx(header, rows) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(header)
    for row in rows:
        sheet.append([neutralize(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
