"""The writes of an import, in bulk (see ``stakeholders.bulk``), for
``stakeholders.services.imports``: rows built as tuples, never as model instances.

Organizations and contacts an import creates name their batch (``imported_in``); every other record it
creates or changes (a NAICS code of an existing organization, a changed organization or contact) gets
an ``ImportChange`` row. The undo reads both. Changed records get a history row naming the batch
("Import #12"); created ones get none, their batch tells who imported them and when
(``selectors.change_history``). The undo writes a history row for each record it restores or deletes,
naming the batch too (``import_undo``).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from .. import bulk
from ..choices import Category, LanguageChoice
from ..imports.planning import ChunkPlan, Planner
from ..models import Contact, ImportBatch, ImportChange, Organization, OrganizationSector
from .organizations import HOME_FLAGS, OPERATES, organization_keys

CHANGE_COLUMNS = ["batch_id", "model", "object_id", "action", "before"]
# The columns an import writes of the records it creates, in the order its rows list them; the database
# fills the rest with their defaults (``bulk.RowShape``).
NEW_ORGANIZATION = [
    "name",
    "acronym",
    "category",
    "website",
    "hq_country",
    "hq_region_id",
    *OPERATES,
    "name_key",
    "website_domain",
    "search_key",
    "imported_in_id",
]
NEW_CONTACT = [
    "organization_id",
    "full_name",
    "job_title",
    "email",
    "phone",
    "preferred_language",
    "consent_given",
    "consent_date",
    "consent_source",
    "name_key",
    "imported_in_id",
]
NEW_SECTOR = ["organization_id", "code", "sector_id", "subsector_id"]
# The tables chunks are copied into (ImportWriter.insert): their foreign keys are checked once, at the end
# (bulk.LargeWrite).
WRITTEN_IN_BULK = [Organization, OrganizationSector, Contact, ImportChange]
TRIGRAM_INDEXES = ["org_search_trgm", "contact_search_trgm"]  # merged once per import: bulk.large_write


def _json(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


@dataclass
class PreparedChunk:
    """A chunk's new rows, laid out for ``bulk.write``."""

    earlier_sectors: dict[int | str, list]  # NAICS codes for organizations that existed before the chunk
    organizations: bulk.Prepared
    sectors: bulk.Prepared  # those of the new organizations
    contacts: bulk.Prepared


class ImportWriter:
    """Writes a planned import chunk by chunk, then the changes to existing records once, at the end."""

    def __init__(self, batch: ImportBatch, *, by_id: int | None, file_name: str, now: datetime):
        self.batch, self.by_id, self.now = batch, by_id, now
        self.consent_source = file_name[:200]
        self.reason = f"Import #{batch.pk}"
        self.created: dict[str, int] = {}  # the organizations this file created: key → id
        self.organization = bulk.RowShape(Organization, now=now, columns=NEW_ORGANIZATION)
        self.contact = bulk.RowShape(Contact, now=now, columns=NEW_CONTACT)
        self.sector = bulk.RowShape(OrganizationSector, now=now, columns=NEW_SECTOR)
        self.change = bulk.RowShape(ImportChange, now=now)

    def _id(self, target: int | str) -> int:
        return target if isinstance(target, int) else self.created[target]

    def prepare(self, part: ChunkPlan) -> "PreparedChunk":
        """Lay out the rows a chunk creates and draw the new organizations' ids. With ``bulk.Background``,
        this runs while the previous chunk is written; elsewhere than on PostgreSQL it writes them."""
        # In the order of their name key: the five indexes that begin or end with it then take the rows
        # from one end to the other, not a page here and a page there (measured: about 1.3x faster writes).
        targets = sorted(part.new_organizations, key=lambda target: part.new_organizations[target][1].name)
        organizations = [self._new_organization(*part.new_organizations[target]) for target in targets]
        prepared = bulk.prepare(self.organization, organizations, ids=True)
        self.created.update(zip(targets, prepared.ids, strict=True))
        # The NAICS codes of the organizations this chunk creates need no check against the register.
        new_sectors = {
            (self.created[target], item.code): self._sector_row(self.created[target], item)
            for target, items in part.sectors.items()
            if target in part.new_organizations
            for item in items
        }
        contacts = [self._new_contact(self._id(target), values, folded) for target, values, folded in part.contacts_new]
        return PreparedChunk(
            earlier_sectors={
                target: items for target, items in part.sectors.items() if target not in part.new_organizations
            },
            organizations=prepared,
            # Likewise: NAICS codes by organization (their unique index), contacts by name key.
            sectors=bulk.prepare(self.sector, [new_sectors[key] for key in sorted(new_sectors)]),
            contacts=bulk.prepare(self.contact, sorted(contacts, key=self._contact_name_key)),
        )

    def _contact_name_key(self, row: list) -> str:
        return row[self.contact.index["name_key"]]

    def insert(self, prepared: "PreparedChunk") -> None:
        """Write a prepared chunk: its organizations, their NAICS codes and its contacts."""
        bulk.write(prepared.organizations)
        bulk.write(prepared.sectors)
        # NAICS codes given to existing organizations are undone one by one; those of the organizations
        # this file creates go with their organization.
        sectors = self._write_sectors(prepared.earlier_sectors)
        bulk.write(prepared.contacts)
        bulk.insert(self.change, [self.change.row(**self._change("sector", pk, "created")) for pk in sectors])

    def _change(self, model: str, pk: int, action: str, before: dict | None = None) -> dict:
        return {"batch_id": self.batch.pk, "model": model, "object_id": pk, "action": action, "before": before or {}}

    def _new_organization(self, values: dict, keys) -> list:
        """A new organization's row (``NEW_ORGANIZATION``)."""
        country = values.get("hq_country") or "XX"
        name, acronym, website = values["name"], values.get("acronym", ""), values.get("website", "")
        name_key, domain, search_key = organization_keys(
            name=name,
            acronym=acronym,
            other_names="",
            website=website,
            known=(keys.folded_name, keys.name, keys.domain),
        )
        region = values.get("hq_region")
        # An organization with no country of operation operates where it has its headquarters.
        home = HOME_FLAGS.get(country, "operates_elsewhere")
        return [
            name,
            acronym,
            values.get("category") or Category.CORPORATION.value,
            website,
            country,
            region.pk if region else None,
            *[flag == home for flag in OPERATES],
            name_key,
            domain,
            search_key,
            self.batch.pk,
        ]

    def _new_contact(self, organization: int, values: dict, folded: str) -> list:
        """A new contact's row (``NEW_CONTACT``)."""
        consent = values.get("consent_given", False)
        return [
            organization,
            values["full_name"],
            values.get("job_title", ""),
            values.get("email", ""),
            values.get("phone", ""),
            values.get("preferred_language") or LanguageChoice.ENGLISH.value,
            consent,
            values.get("consent_date"),
            self.consent_source if consent else "",
            folded[:200],
            self.batch.pk,
        ]

    def _sector_row(self, organization: int, item) -> list:
        """A NAICS code's row (``NEW_SECTOR``)."""
        return [organization, item.code, item.sector.pk, item.subsector.pk if item.subsector else None]

    def _write_sectors(self, wanted: dict[int | str, list]) -> list[int]:
        """Add NAICS codes to organizations that existed before the chunk (in the register, or created by
        an earlier chunk), but those they have; return the ids of those added to the register's."""
        earlier = {self._id(target): items for target, items in wanted.items()}
        existed = {target for target in wanted if isinstance(target, int)}
        existing = set()
        for pks in bulk.batches(earlier):
            sectors = OrganizationSector.objects.filter(organization_id__in=pks)
            existing.update(sectors.values_list("organization_id", "code"))
        new = {
            (pk, item.code): self._sector_row(pk, item)
            for pk, items in earlier.items()
            for item in items
            if (pk, item.code) not in existing
        }
        ids = bulk.insert(self.sector, list(new.values()), ids=True)
        return [pk for pk, (organization, _code) in zip(ids, new, strict=True) if organization in existed]

    def finish(self, planner: Planner) -> None:
        """Write the changes to existing organizations and contacts, each once, with its history row."""
        org_rows, contact_rows, changes = defaultdict(list), defaultdict(list), []
        for pk, new in planner.org_changes.items():
            current = planner.org_current[pk]
            merged = {**current, **new}
            keys = organization_keys(
                name=merged["name"],
                acronym=merged["acronym"],
                other_names=merged["other_names"],
                website=merged["website"],
            )
            org_rows[tuple(new)].append((pk, *new.values(), *keys))
            before = {name: current[name] for name in new} | {"version": current["version"]}
            changes.append(self._change("organization", pk, "updated", before))
        for fields, rows in org_rows.items():
            bulk.update(Organization, [*fields, "name_key", "website_domain", "search_key"], rows, increment="version")
        for pk, new in planner.contact_changes.items():
            current = planner.contact_current[pk]
            contact_rows[tuple(new)].append((pk, *new.values()))
            before = {name: _json(current[name]) for name in new} | {"version": current["version"]}
            changes.append(self._change("contact", pk, "updated", before))
        for fields, rows in contact_rows.items():
            bulk.update(Contact, list(fields), rows, increment="version")
        bulk.insert(self.change, [self.change.row(**change) for change in changes])
        history = {"history_type": "~", "reason": self.reason, "user_id": self.by_id, "when": timezone.now()}
        bulk.write_history(Organization, planner.org_changes, **history)
        bulk.write_history(Contact, planner.contact_changes, **history)
