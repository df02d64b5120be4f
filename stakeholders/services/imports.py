"""Importing a stakeholder list: plan (check, match, count) and commit in bulk, as one batch that
can be undone.

Matching follows the register's keys: an existing organization is found by website domain, then by a
contact's email, then by normalized name, then by acronym (when only one organization has it); rows of
the same file that match each other become one organization. A match fills the blanks of the record
(or overwrites it, if chosen) instead of creating a second one.
"""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from accounts.models import User

from ..choices import Category
from ..imports.columns import target_choices
from ..imports.reading import Table
from ..imports.rows import CheckedRow, Vocabulary, check_row
from ..models import Contact, ImportBatch, ImportChange, Organization, OrganizationSector, SavedMapping
from ..models.imports import ImportStatus, OnError, UpdateMode
from ..normalize import fold, name_key, website_domain
from .organizations import _operates_at_least_at_home, organization_refresh_keys

ORG_FIELDS = ["name", "acronym", "category", "website", "hq_country", "hq_region"]
CONTACT_FIELDS = ["full_name", "job_title", "email", "phone", "preferred_language", "consent_given", "consent_date"]
BATCH = 2000


@dataclass
class PlannedRow:
    checked: CheckedRow
    organization: int | str  # an existing organization's id, or the key of one this file creates
    action: str = "skip"  # create, update or skip


@dataclass
class ImportPlan:
    table: Table
    mapping: dict[int, str]
    update_mode: str
    rows: list[PlannedRow] = field(default_factory=list)
    invalid: list[CheckedRow] = field(default_factory=list)
    new_organizations: dict[str, dict] = field(default_factory=dict)
    org_changes: dict[int, dict] = field(default_factory=dict)
    contacts_new: list[tuple[int | str, dict]] = field(default_factory=list)
    contact_changes: dict[int, dict] = field(default_factory=dict)
    sectors: dict[int | str, list] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        actions = [row.action for row in self.rows]
        return {
            "create": actions.count("create"),
            "update": actions.count("update"),
            "skip": actions.count("skip"),
            "invalid": len(self.invalid),
        }

    def rejected_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([*self.table.header, _("Reason")])
        for row in self.invalid:
            writer.writerow(
                [*row.raw[: len(self.table.header)], *[""] * (len(self.table.header) - len(row.raw)), row.reason()]
            )
        return buffer.getvalue()


class Matcher:
    """The register's matching keys, loaded once, plus those of organizations this file creates."""

    def __init__(self):
        self.by_domain, self.by_name, self.by_acronym, self.by_email = {}, {}, {}, {}
        acronyms: dict[str, list[int]] = {}
        rows = Organization.objects.values_list("pk", "name_key", "website_domain", "acronym")
        for pk, key, domain, acronym in rows.iterator(chunk_size=5000):
            self.by_name.setdefault(key, pk)
            if domain:
                self.by_domain.setdefault(domain, pk)
            if acronym:
                acronyms.setdefault(acronym.upper(), []).append(pk)
        self.by_acronym = {acronym: pks[0] for acronym, pks in acronyms.items() if len(pks) == 1}
        emails = Contact.objects.exclude(email="").values_list("email", "organization_id", "pk")
        self.contact_by_email = {}
        for email, organization_id, pk in emails.iterator(chunk_size=5000):
            self.by_email.setdefault(email.lower(), organization_id)
            self.contact_by_email.setdefault(email.lower(), pk)

    def find(self, values: dict) -> int | str | None:
        domain = website_domain(values.get("website", ""))
        email = values.get("contact", {}).get("email", "")
        key = name_key(values["name"])
        acronym = values.get("acronym", "").upper()
        return (
            (domain and self.by_domain.get(domain))
            or (email and self.by_email.get(email))
            or self.by_name.get(key)
            or (acronym and self.by_acronym.get(acronym))
            or None
        )

    def remember(self, target: int | str, values: dict) -> None:
        domain = website_domain(values.get("website", ""))
        if domain:
            self.by_domain.setdefault(domain, target)
        email = values.get("contact", {}).get("email", "")
        if email:
            self.by_email.setdefault(email, target)
        self.by_name.setdefault(name_key(values["name"]), target)
        if values.get("acronym"):
            self.by_acronym.setdefault(values["acronym"].upper(), target)


def _blank(value) -> bool:
    return value in (None, "", False)


def _changes(current: dict, incoming: dict, fields: list[str], mode: str) -> dict:
    """The fields to write: blanks only (fill), or every differing value the file gives (overwrite)."""
    changes = {}
    for name in fields:
        new = incoming.get(name)
        if _blank(new):
            continue
        if (mode == UpdateMode.FILL and _blank(current.get(name))) or (
            mode == UpdateMode.OVERWRITE and current.get(name) != new
        ):
            changes[name] = new
    return changes


def import_plan(
    table: Table,
    mapping: dict[int, str],
    *,
    update_mode: str = UpdateMode.FILL,
    progress: Callable[[int], None] | None = None,
) -> ImportPlan:
    """Check and match every row; nothing is written. The plan says what a commit would do."""
    if "name" not in mapping.values():
        raise ValidationError(_("Choose which column holds the organization name."))
    plan = ImportPlan(table=table, mapping=mapping, update_mode=update_mode)
    vocabulary, matcher = Vocabulary(), Matcher()
    matched: list[tuple[PlannedRow, int]] = []
    for offset, raw in enumerate(table.rows):
        if progress and offset % 1000 == 0:
            progress(offset)
        line = table.lines[offset] if table.lines else offset + 2
        checked = check_row(line, raw, mapping, table.header, vocabulary)
        if not checked.is_valid:
            plan.invalid.append(checked)
            continue
        values = checked.values
        target = matcher.find(values)
        if target is None:
            target = f"new-{offset}"
            plan.new_organizations[target] = values
            planned = PlannedRow(checked, target, "create")
        else:
            planned = PlannedRow(checked, target)
            if isinstance(target, int):
                matched.append((planned, target))
        matcher.remember(target, values)
        if values.get("sectors"):
            plan.sectors.setdefault(target, []).extend(values["sectors"])
        plan.rows.append(planned)
    _plan_updates(plan, matched)
    _plan_contacts(plan, matcher)
    return plan


def _org_snapshot(pks) -> dict[int, dict]:
    organizations = Organization.objects.filter(pk__in=pks).values(
        "pk", *[f for f in ORG_FIELDS if f != "hq_region"], "hq_region_id"
    )
    return {row["pk"]: row for row in organizations}


def _plan_updates(plan: ImportPlan, matched: list[tuple[PlannedRow, int]]) -> None:
    current = _org_snapshot({pk for _, pk in matched})
    for planned, pk in matched:
        values = {**planned.checked.values}
        if "hq_region" in values:
            values["hq_region_id"] = values.pop("hq_region").pk
        fields = [f for f in ORG_FIELDS if f != "hq_region"] + ["hq_region_id"]
        changes = _changes({**current[pk], **plan.org_changes.get(pk, {})}, values, fields, plan.update_mode)
        if changes:
            plan.org_changes.setdefault(pk, {}).update(changes)
            planned.action = "update"


def _plan_contacts(plan: ImportPlan, matcher: Matcher) -> None:
    emails = [
        r.checked.values["contact"]["email"] for r in plan.rows if r.checked.values.get("contact", {}).get("email")
    ]
    existing = {
        c["pk"]: c
        for c in Contact.objects.filter(
            pk__in=[matcher.contact_by_email[e] for e in emails if e in matcher.contact_by_email]
        ).values("pk", *CONTACT_FIELDS)
    }
    seen: set[str] = set()
    for planned in plan.rows:
        contact = planned.checked.values.get("contact")
        if not contact:
            continue
        email = contact.get("email", "")
        key = email or f"{planned.organization}:{fold(contact['full_name'])}"
        if key in seen:
            continue
        seen.add(key)
        pk = matcher.contact_by_email.get(email) if email else None
        if pk is None:
            plan.contacts_new.append((planned.organization, contact))
            if planned.action == "skip":
                planned.action = "update"  # an existing organization gets a new contact
            continue
        changes = _changes(existing[pk], contact, CONTACT_FIELDS, plan.update_mode)
        if changes:
            plan.contact_changes[pk] = changes
            if planned.action == "skip":
                planned.action = "update"


def _new_organization(values: dict) -> Organization:
    organization = Organization(
        name=values["name"],
        acronym=values.get("acronym", ""),
        category=values.get("category") or Category.CORPORATION,
        website=values.get("website", ""),
        hq_country=values.get("hq_country") or "XX",
        hq_region=values.get("hq_region"),
    )
    _operates_at_least_at_home(organization)
    organization_refresh_keys(organization)
    return organization


@transaction.atomic
def import_commit(
    plan: ImportPlan,
    *,
    file_name: str,
    by: User | None,
    on_error: str = OnError.ABORT,
    progress: Callable[[int], None] | None = None,
    batch: ImportBatch | None = None,
) -> ImportBatch:
    """Write the plan as one batch. With ``abort``, one invalid row means nothing is written."""
    counts = plan.counts()
    batch = batch or ImportBatch(file_name=file_name[:255], created_by=by)
    batch.on_error, batch.update_mode = on_error, plan.update_mode
    batch.rows_total = len(plan.rows) + len(plan.invalid)
    batch.created_count, batch.updated_count = counts["create"], counts["update"]
    batch.skipped_count, batch.invalid_count = counts["skip"], counts["invalid"]
    batch.rejected_csv = plan.rejected_csv() if plan.invalid else ""
    if plan.invalid and on_error == OnError.ABORT:
        batch.status, batch.created_count, batch.updated_count, batch.skipped_count = ImportStatus.REJECTED, 0, 0, 0
        batch.finished_at = timezone.now()
        batch.save()
        return batch
    batch.status = ImportStatus.RUNNING
    batch.save()
    changes: list[ImportChange] = []
    ids = _create_organizations(plan, by, batch, changes)
    _update_organizations(plan, by, batch, changes)
    _write_sectors(plan, ids, changes, batch)
    _write_contacts(plan, ids, by, batch, changes, file_name)
    ImportChange.objects.bulk_create(changes, batch_size=BATCH)
    batch.rows_done = batch.rows_total
    if progress:
        progress(batch.rows_done)
    batch.status, batch.finished_at = ImportStatus.DONE, timezone.now()
    batch.save()
    return batch


def _create_organizations(plan, by, batch, changes) -> dict[str, int]:
    keys = list(plan.new_organizations)
    objects = [_new_organization(plan.new_organizations[key]) for key in keys]
    # Created rows get no history row each: the batch's ImportChange rows say who imported them and when,
    # and the organization page shows it; history starts with their first change.
    created = Organization.objects.bulk_create(objects, batch_size=BATCH)
    ids = {key: organization.pk for key, organization in zip(keys, created, strict=True)}
    changes += [ImportChange(batch=batch, model="organization", object_id=pk, action="created") for pk in ids.values()]
    return ids


def _update_organizations(plan, by, batch, changes) -> None:
    if not plan.org_changes:
        return
    snapshot = _org_snapshot(plan.org_changes)
    organizations = list(Organization.objects.filter(pk__in=plan.org_changes))
    fields = set()
    for organization in organizations:
        new = plan.org_changes[organization.pk]
        before = {name: snapshot[organization.pk][name] for name in new} | {"version": organization.version}
        for name, value in new.items():
            setattr(organization, name, value)
        organization_refresh_keys(organization)
        organization.version += 1
        fields |= set(new)
        changes.append(
            ImportChange(batch=batch, model="organization", object_id=organization.pk, action="updated", before=before)
        )
    bulk_update_with_history(
        organizations,
        Organization,
        [*fields, "name_key", "search_key", "website_domain", "version"],
        batch_size=BATCH,
        default_user=by,
        default_change_reason=f"Import #{batch.pk}",
    )


def _write_sectors(plan, ids, changes, batch) -> None:
    wanted = {ids.get(target, target): items for target, items in plan.sectors.items()}
    existing = set(OrganizationSector.objects.filter(organization_id__in=wanted).values_list("organization_id", "code"))
    new = {}
    for pk, items in wanted.items():
        for item in items:
            if (pk, item.code) not in existing:
                new[(pk, item.code)] = OrganizationSector(
                    organization_id=pk, code=item.code, sector=item.sector, subsector=item.subsector
                )
    created = OrganizationSector.objects.bulk_create(new.values(), batch_size=BATCH)
    changes += [ImportChange(batch=batch, model="sector", object_id=s.pk, action="created") for s in created]


def _write_contacts(plan, ids, by, batch, changes, file_name) -> None:
    objects = []
    for target, values in plan.contacts_new:
        contact = Contact(organization_id=ids.get(target, target), **values)
        contact.name_key = fold(contact.full_name)[:200]
        if contact.consent_given and not contact.consent_source:
            contact.consent_source = file_name[:200]
        objects.append(contact)
    created = Contact.objects.bulk_create(objects, batch_size=BATCH)
    changes += [ImportChange(batch=batch, model="contact", object_id=c.pk, action="created") for c in created]
    if plan.contact_changes:
        contacts = list(Contact.objects.filter(pk__in=plan.contact_changes))
        fields = set()
        for contact in contacts:
            new = plan.contact_changes[contact.pk]
            before = {name: _json(getattr(contact, name)) for name in new} | {"version": contact.version}
            for name, value in new.items():
                setattr(contact, name, value)
            contact.version += 1
            fields |= set(new)
            changes.append(
                ImportChange(batch=batch, model="contact", object_id=contact.pk, action="updated", before=before)
            )
        bulk_update_with_history(
            contacts,
            Contact,
            [*fields, "version"],
            batch_size=BATCH,
            default_user=by,
            default_change_reason=f"Import #{batch.pk}",
        )


def _json(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


@transaction.atomic
def import_undo(*, batch: ImportBatch, by: User | None) -> ImportBatch:
    """Remove what the batch created and restore what it changed; the undo is recorded on the batch."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportStatus.DONE:
        raise ValidationError(_("Only a completed import can be undone."))
    changes = list(batch.changes.all())
    created = {
        model: [c.object_id for c in changes if c.model == model and c.action == "created"]
        for model in ("organization", "contact", "sector")
    }
    organizations = Organization.objects.filter(pk__in=created["organization"])
    if organizations.filter(participations__isnull=False).exists():
        raise ValidationError(
            _("Some organizations this import created have interactions logged since; undoing would lose them.")
        )
    for change in (c for c in changes if c.action == "updated"):
        model = Organization if change.model == "organization" else Contact
        model.objects.filter(pk=change.object_id).update(**change.before)
        if change.model == "organization":
            organization = Organization.objects.get(pk=change.object_id)
            organization_refresh_keys(organization)
            organization.save(update_fields=["name_key", "search_key", "website_domain"])
    OrganizationSector.objects.filter(pk__in=created["sector"]).delete()
    Contact.objects.filter(pk__in=created["contact"]).delete()
    Contact.objects.filter(organization__in=organizations).delete()
    organizations.delete()
    batch.status, batch.undone_at, batch.undone_by = ImportStatus.UNDONE, timezone.now(), by
    batch.save(update_fields=["status", "undone_at", "undone_by"])
    return batch


# The browser's steps: upload, map, review, run in the background. ---------------------------------


def import_upload(*, data: bytes, file_name: str, by: User | None, encoding: str = "", sheet: str = "") -> ImportBatch:
    """Keep an uploaded file as a batch waiting for review, with a suggested column mapping.

    Raises ``UnreadableFile`` (nothing kept) when the file cannot be read at all.
    """
    from ..imports.columns import suggest_mapping
    from ..imports.reading import read_table

    table = read_table(data, file_name, encoding=encoding or None, sheet=sheet or None)
    return ImportBatch.objects.create(
        file_name=file_name[:255],
        created_by=by,
        status=ImportStatus.PREVIEWED,
        data=data,
        encoding=table.encoding,
        sheet=table.sheet,
        mapping={str(index): target for index, target in suggest_mapping(table.header, table.rows).items()},
        rows_total=len(table.rows),
    )


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
    """The background job: check, match and write a queued batch, reporting rows checked as it goes.

    Safe to run twice: a batch that is no longer queued is left as it is.
    """
    claimed = ImportBatch.objects.filter(pk=batch_id, status=ImportStatus.QUEUED).update(status=ImportStatus.RUNNING)
    batch = ImportBatch.objects.get(pk=batch_id)
    if not claimed:
        return batch

    def progress(done: int) -> None:
        ImportBatch.objects.filter(pk=batch_id).update(rows_done=done)

    try:
        plan = import_plan(batch_table(batch), batch_mapping(batch), update_mode=batch.update_mode, progress=progress)
        batch = import_commit(
            plan, file_name=batch.file_name, by=batch.created_by, on_error=batch.on_error, batch=batch
        )
    except Exception as error:
        ImportBatch.objects.filter(pk=batch_id).update(status=ImportStatus.FAILED, error=str(error)[:2000])
        raise
    ImportBatch.objects.filter(pk=batch_id).update(data=None)  # the file is no longer needed
    return batch
