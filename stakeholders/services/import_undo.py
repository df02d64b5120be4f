"""Undoing an import without losing what people did since (for ``stakeholders.services.imports``).

The undo deletes the organizations and contacts the import created, takes back the NAICS codes it gave
existing organizations, and restores the fields it changed, except on records someone changed after the
import: those stay as they are and are listed on the batch (``ImportBatch.undo_kept``), so a correction
saved after an import survives its undo. A record counts as changed since the import when

- its version moved on (a form's save, a merge), or it has a history row written since the import
  started (any other save, such as the admin site's); or,
- for a record the import created, anything else in the register points to it: an interaction, a
  follow-up, a partnership, a participation, a contact someone added to a new organization, and so on.

Versions only go up: a restored record's version moves on too, so a form opened before the undo
refuses to save over it. The records are locked (FOR UPDATE) before they are looked at, so nobody
changes one between the check and the write.
"""

from collections import defaultdict
from datetime import datetime

from django.db import models

from .. import bulk
from ..models import Contact, ImportBatch, Organization, OrganizationSector
from .organizations import organization_keys

MODELS = {"organization": Organization, "contact": Contact}


def _created(model, batch: ImportBatch) -> dict[int, int]:
    """The records the batch created, locked until the undo's transaction ends, with their versions.

    A scan of the table, without an index: an undo reads it once, while an index would cost every insert
    of every import.
    """
    created = model._base_manager.filter(imported_in=batch).order_by("pk").select_for_update()
    return dict(created.values_list("pk", "version"))


def _lock_versions(model, pks) -> dict[int, int]:
    """Lock the rows until the undo's transaction ends; their versions."""
    versions = {}
    for ids in bulk.batches(sorted(pks)):
        locked = model._base_manager.filter(pk__in=ids).order_by("pk").select_for_update()
        versions.update(locked.values_list("pk", "version"))
    return versions


def _edited_since(model, pks: set[int], batch: ImportBatch) -> set[int]:
    """Of ``pks``, the records with a history row written since the import began, other than its own.

    One read of the history written since (by its date's index), not one per batch of ids: whatever else
    it holds is left out here.
    """
    rows = model.history.filter(history_date__gte=batch.created_at)
    rows = rows.exclude(history_change_reason=f"Import #{batch.pk}").order_by()
    return pks & set(rows.values_list("id", flat=True).distinct())


def _references(model) -> list[tuple[type[models.Model], str]]:
    """Every (model, column) of the register that points to ``model``: reverse foreign keys, and the
    tables behind many-to-many fields."""
    found = []
    for relation in model._meta.related_objects:
        if relation.many_to_many:
            through = relation.through
            found += [
                (through, field.attname)
                for field in through._meta.concrete_fields
                if field.is_relation and field.related_model is model
            ]
        elif relation.field.concrete:
            found.append((relation.related_model, relation.field.attname))
    return list(dict.fromkeys(found))


def _referenced(model, pks: set[int], *, besides: set[tuple[type[models.Model], str]]) -> set[int]:
    """Of ``pks``, the records something in the register points to (but what ``besides`` names).

    The records an import creates take the highest ids of their table: one range read of each referring
    column's index, from the lowest of them up, finds what points to any of them.
    """
    referenced = set()
    if not pks:
        return referenced
    lowest = min(pks)
    for related, column in _references(model):
        if (related, column) not in besides:
            rows = related._base_manager.filter(**{f"{column}__gte": lowest}).order_by()
            referenced.update(rows.values_list(column, flat=True).distinct())
    return referenced & pks


class Undo:
    """What undoing a batch does, decided with the records locked; ``write()`` does it."""

    def __init__(self, batch: ImportBatch):
        self.batch = batch
        self.before: dict[str, dict[int, dict]] = {"organization": {}, "contact": {}}
        for model, pk, before in batch.changes.filter(action="updated").values_list("model", "object_id", "before"):
            self.before[model][pk] = before
        self.created = {name: _created(model, batch) for name, model in MODELS.items()}
        self.changed_since = {name: self._changed_since(name) for name in MODELS}
        self.kept = self._kept()

    def _changed_since(self, name: str) -> set[int]:
        """The records the batch created or changed whose version moved on since, or which have a history
        row of their own since."""
        model = MODELS[name]
        expected = {pk: before["version"] + 1 for pk, before in self.before[name].items()}
        versions = _lock_versions(model, expected)
        moved = {pk for pk, version in versions.items() if version != expected[pk]}
        moved |= {pk for pk, version in self.created[name].items() if version != 1}
        return moved | _edited_since(model, set(expected) | set(self.created[name]), self.batch)

    def _kept(self) -> dict[str, set[int]]:
        created_orgs, created_contacts = set(self.created["organization"]), set(self.created["contact"])
        contacts = (self.changed_since["contact"] & created_contacts) | _referenced(
            Contact, created_contacts, besides=set()
        )
        # A new organization's own NAICS codes and imported contacts go with it; anything else that
        # points to it is someone's work since the import.
        own = {(OrganizationSector, "organization_id"), (Contact, "organization_id")}
        organizations = (self.changed_since["organization"] & created_orgs) | _referenced(
            Organization, created_orgs, besides=own
        )
        # Contacts someone added to a new organization, and imported contacts kept, keep it too.
        members = Contact._base_manager.filter(organization_id__gte=min(created_orgs, default=0)).order_by()
        doomed_contacts = created_contacts - contacts
        organizations.update(
            organization
            for pk, organization in members.values_list("pk", "organization_id")
            if organization in created_orgs and pk not in doomed_contacts
        )
        return {
            "organization": organizations | (self.changed_since["organization"] & set(self.before["organization"])),
            "contact": contacts | (self.changed_since["contact"] & set(self.before["contact"])),
        }

    def write(self, *, by_id: int | None, now: datetime) -> dict[str, list[int]]:
        """Restore, take back and delete; return what was kept, by model."""
        history = {"reason": f"Undo of import #{self.batch.pk}", "user_id": by_id, "when": now}
        restored = {}
        for name, model in MODELS.items():
            groups = defaultdict(list)
            for pk, before in self.before[name].items():
                fields = {field: value for field, value in before.items() if field != "version"}
                if pk not in self.kept[name] and fields:  # (an erasure may have emptied ``before``)
                    groups[tuple(fields)].append((pk, *fields.values()))
            for fields, rows in groups.items():
                bulk.update(model, list(fields), rows, increment="version")
            restored[name] = sorted(pk for rows in groups.values() for pk, *_values in rows)
        _refresh_keys(restored["organization"])
        for name, model in MODELS.items():
            bulk.write_history(model, restored[name], history_type="~", **history)

        # NAICS codes given to existing organizations, but on those changed since.
        sectors = self.batch.changes.filter(action="created", model="sector").values_list("object_id", flat=True)
        codes = OrganizationSector.objects.filter(pk__in=list(sectors)).exclude(
            organization_id__in=self.kept["organization"]
        )
        bulk.delete(OrganizationSector, list(codes.values_list("pk", flat=True)))

        doomed = {
            "contact": sorted(set(self.created["contact"]) - self.kept["contact"]),
            "organization": sorted(set(self.created["organization"]) - self.kept["organization"]),
        }
        for name in ("contact", "organization"):  # contacts first: they point to their organization
            bulk.write_history(MODELS[name], doomed[name], history_type="-", **history)
            bulk.delete(MODELS[name], doomed[name])
        return {name: sorted(pks) for name, pks in self.kept.items() if pks}


def _refresh_keys(pks: list[int]) -> None:
    rows = []
    for batch in bulk.batches(pks):
        for pk, name, acronym, other_names, website in Organization.objects.filter(pk__in=batch).values_list(
            "pk", "name", "acronym", "other_names", "website"
        ):
            keys = organization_keys(name=name, acronym=acronym, other_names=other_names, website=website)
            rows.append((pk, *keys))
    bulk.update(Organization, ["name_key", "website_domain", "search_key"], rows)
