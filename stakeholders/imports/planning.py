"""Planning an import chunk by chunk: each row checked, matched and given its action; nothing written.

Matching follows the register's keys: an existing organization is found by website domain, then by a
contact's email, then by normalized name, then by acronym (when only one organization has it); rows of
the same file that match each other become one organization. A match fills the blanks of the record
(or overwrites it, if chosen) instead of creating a second one.

A ``Planner`` reads the file's rows a chunk at a time and keeps, across chunks, only what later rows
depend on: the matching keys (the register's and those of the organizations the file creates), the
contacts already seen, and the changes to existing records, which are written once, at the end.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..bulk import batches
from ..models import Contact, Organization
from ..models.imports import UpdateMode
from ..normalize import fold, name_key, website_domain
from .rows import CheckedRow, Columns, Vocabulary, check_row

ORG_FIELDS = ["name", "acronym", "category", "website", "hq_country", "hq_region_id"]
STREAM_CHUNK = 10_000  # rows of the register fetched at a time when loading the matching keys
CONTACT_FIELDS = ["full_name", "job_title", "email", "phone", "preferred_language", "consent_given", "consent_date"]


@dataclass(slots=True)
class RowKeys:
    """A row's matching keys, computed once."""

    domain: str
    email: str
    name: str
    acronym: str
    folded_name: str

    @classmethod
    def of(cls, values: dict) -> "RowKeys":
        folded = fold(values["name"])
        return cls(
            domain=website_domain(values.get("website", "")),
            email=values.get("contact", {}).get("email", ""),
            name=name_key(values["name"], folded=folded),
            acronym=values.get("acronym", "").upper(),
            folded_name=folded,
        )


@dataclass(slots=True)
class PlannedRow:
    checked: CheckedRow
    organization: int | str  # an existing organization's id, or the key of one this file creates
    action: str = "skip"  # create, update or skip


@dataclass
class ChunkPlan:
    """What one chunk of rows adds: organizations to create, contacts to create, NAICS codes to add."""

    rows: list[PlannedRow] = field(default_factory=list)
    new_organizations: dict[str, tuple[dict, RowKeys]] = field(default_factory=dict)
    contacts_new: list[tuple[int | str, dict, str]] = field(default_factory=list)  # target, values, folded name
    sectors: dict[int | str, list] = field(default_factory=dict)


class Matcher:
    """The register's matching keys, loaded once, plus those of organizations this file creates."""

    def __init__(self):
        # Read as a stream (a server-side cursor on PostgreSQL): the whole register at once would cost its
        # size again in the driver's memory. Where several records share a key, the first in the register's
        # order (name key, then id) wins: the rows come in the reverse order, and each later one replaces.
        # In a transaction, because outside one the cursor is declared WITH HOLD, which has PostgreSQL copy
        # the whole result aside before the first row comes.
        with transaction.atomic():
            self._load()

    def _load(self) -> None:
        self.by_name, self.by_domain, self.by_acronym = {}, {}, {}
        acronyms = Counter()
        organizations = Organization.objects.order_by("-name_key", "-id")
        for pk, key, domain, acronym in organizations.values_list(
            "pk", "name_key", "website_domain", "acronym"
        ).iterator(chunk_size=STREAM_CHUNK):
            self.by_name[key] = pk
            if domain:
                self.by_domain[domain] = pk
            if acronym:
                acronym = acronym.upper()
                acronyms[acronym] += 1
                self.by_acronym[acronym] = pk
        # An acronym two organizations share matches neither.
        for acronym, count in acronyms.items():
            if count > 1:
                del self.by_acronym[acronym]
        self.by_email, self.contact_by_email = {}, {}
        contacts = Contact.objects.exclude(email="").order_by("-name_key", "-id")
        for email, organization_id, pk in contacts.values_list("email", "organization_id", "pk").iterator(
            chunk_size=STREAM_CHUNK
        ):
            email = email.lower()
            self.by_email[email] = organization_id
            self.contact_by_email[email] = pk

    def find(self, keys: RowKeys) -> int | str | None:
        return (
            (keys.domain and self.by_domain.get(keys.domain))
            or (keys.email and self.by_email.get(keys.email))
            or self.by_name.get(keys.name)
            or (keys.acronym and self.by_acronym.get(keys.acronym))
            or None
        )

    def remember(self, target: int | str, keys: RowKeys) -> None:
        if keys.domain:
            self.by_domain.setdefault(keys.domain, target)
        if keys.email:
            self.by_email.setdefault(keys.email, target)
        self.by_name.setdefault(keys.name, target)
        if keys.acronym:
            self.by_acronym.setdefault(keys.acronym, target)


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


class Planner:
    """Checks and matches a file's rows, chunk after chunk, in the file's order.

    ``org_current``/``contact_current`` hold the matched records as they were before the import, and
    ``org_changes``/``contact_changes`` what the file changes in them: written once, after the last chunk.
    """

    def __init__(self, header: list[str], mapping: dict[int, str], *, update_mode: str = UpdateMode.FILL):
        if "name" not in mapping.values():
            raise ValidationError(_("Choose which column holds the organization name."))
        self.header, self.mapping, self.update_mode = header, mapping, update_mode
        self.columns = Columns(mapping, header)
        self.vocabulary, self.matcher = Vocabulary(), Matcher()
        self.rows_seen = 0
        self.counts = {"create": 0, "update": 0, "skip": 0, "invalid": 0}
        self.invalid: list[CheckedRow] = []
        self.org_current: dict[int, dict] = {}
        self.org_changes: dict[int, dict] = {}
        self.contact_current: dict[int, dict] = {}
        self.contact_changes: dict[int, dict] = {}
        self.contacts_seen: set[str] = set()

    def plan(self, chunk: list[tuple[int, list[str]]]) -> ChunkPlan:
        """Check and match the rows of ``chunk`` ((line, cells) pairs) after those of earlier chunks."""
        part = ChunkPlan()
        matched: list[PlannedRow] = []
        for line, raw in chunk:
            offset = self.rows_seen
            self.rows_seen += 1
            checked = check_row(line, raw, self.columns, self.vocabulary)
            if not checked.is_valid:
                self.invalid.append(checked)
                continue
            values = checked.values
            keys = RowKeys.of(values)
            target = self.matcher.find(keys)
            if target is None:
                target = f"new-{offset}"
                part.new_organizations[target] = (values, keys)
                planned = PlannedRow(checked, target, "create")
            else:
                planned = PlannedRow(checked, target)
                if isinstance(target, int):
                    matched.append(planned)
            self.matcher.remember(target, keys)
            if values.get("sectors"):
                part.sectors.setdefault(target, []).extend(values["sectors"])
            part.rows.append(planned)
        self._plan_updates(matched)
        self._plan_contacts(part)
        for planned in part.rows:
            self.counts[planned.action] += 1
        self.counts["invalid"] = len(self.invalid)
        return part

    def _plan_updates(self, matched: list[PlannedRow]) -> None:
        missing = {planned.organization for planned in matched} - self.org_current.keys()
        for pks in batches(missing):
            organizations = Organization.objects.filter(pk__in=pks)
            for row in organizations.values("pk", *ORG_FIELDS, "other_names", "version"):
                self.org_current[row["pk"]] = row
        for planned in matched:
            pk = planned.organization
            values = planned.checked.values
            if "hq_region" in values:
                values = {**values, "hq_region_id": values["hq_region"].pk}
            current = {**self.org_current[pk], **self.org_changes.get(pk, {})}
            changes = _changes(current, values, ORG_FIELDS, self.update_mode)
            if changes:
                self.org_changes.setdefault(pk, {}).update(changes)
                planned.action = "update"

    def _plan_contacts(self, part: ChunkPlan) -> None:
        by_email = self.matcher.contact_by_email
        wanted = set()
        for planned in part.rows:
            email = planned.checked.values.get("contact", {}).get("email", "")
            if email in by_email and by_email[email] not in self.contact_current:
                wanted.add(by_email[email])
        for pks in batches(wanted):
            for row in Contact.objects.filter(pk__in=pks).values("pk", *CONTACT_FIELDS, "version"):
                self.contact_current[row["pk"]] = row
        for planned in part.rows:
            contact = planned.checked.values.get("contact")
            if not contact:
                continue
            email = contact.get("email", "")
            folded = fold(contact["full_name"])
            key = email or f"{planned.organization}:{folded}"
            if key in self.contacts_seen:
                continue
            self.contacts_seen.add(key)
            pk = by_email.get(email) if email else None
            if pk is None:
                part.contacts_new.append((planned.organization, contact, folded))
                if planned.action == "skip":
                    planned.action = "update"  # an existing organization gets a new contact
                continue
            changes = _changes(self.contact_current[pk], contact, CONTACT_FIELDS, self.update_mode)
            if changes:
                self.contact_changes[pk] = changes
                if planned.action == "skip":
                    planned.action = "update"
