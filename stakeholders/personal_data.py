"""Everything the app holds on one person, read for an access request (and counted before a deletion).

The records are found through Django's model metadata, as merging does, so what partnerships, surveys
and roundtables keep on a contact (and the apps built later) is included without the register
importing them. A section is one kind of record: the contact itself, each kind of record that points
to the contact, the records those own in turn (an invitation's response, a response's answers), and
the contact's change history. Each section is one query (plus one per many-to-many field it shows),
so an export costs the same however many interactions the person had.
"""

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import models

from .models import Contact

# Keys to a person's personal links: an export is sent on, and must not let whoever reads it answer in
# the person's name.
SECRET_FIELDS = {"token", "visitor_key"}
# Records owned by an owned record, and so on: an invitation, its response, the response's answers.
OWNED_DEPTH = 3


@dataclass
class Section:
    key: str  # "surveys.invitation"
    title: str  # "invitations", in the reader's language
    rows: list[dict]


def is_history(model) -> bool:
    return model.__name__.startswith("Historical")


def contact_relations(model=Contact) -> list[models.ForeignObjectRel]:
    """The kinds of records that point to a ``model`` row, change history left out."""
    return [r for r in model._meta.related_objects if not r.hidden and not is_history(r.related_model)]


def contact_record_counts(contacts) -> list[tuple[str, int]]:
    """How many records of each kind point to any of ``contacts`` (a queryset), as (plural name, count):
    what deleting them would take away. One query per kind."""
    counts = []
    for relation in contact_relations():
        model = relation.related_model
        rows = model._default_manager.filter(**{f"{relation.field.name}__in": contacts})
        if model._meta.model_name == "affiliation":
            rows = rows.exclude(ended_on=None)  # the current position goes with the contact; former ones are history
        count = rows.values("pk").distinct().count()
        if count:
            counts.append((str(model._meta.verbose_name_plural), count))
    return counts


def _value(obj, field):
    if field.is_relation:
        if field.is_cached(obj):  # joined by select_related: show what it is, not its number
            related = getattr(obj, field.name)
            return None if related is None else str(related)
        return getattr(obj, field.attname)
    value = getattr(obj, field.attname)
    if field.choices and value not in ("", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _m2m_fields(model) -> list[models.ManyToManyField]:
    # Other people at the same interaction or partnership are not this person's data.
    return [f for f in model._meta.many_to_many if f.related_model is not Contact]


def _rows(queryset, related=()) -> list[dict]:
    """Each row's fields (secrets left out); ``related``: the foreign keys to show by name, all the
    non-null ones by default."""
    model = queryset.model
    fields = [f for f in model._meta.concrete_fields if f.name not in SECRET_FIELDS]
    many = _m2m_fields(model)
    rows = []
    queryset = queryset.select_related(*related) if related else queryset.select_related()
    for obj in queryset.prefetch_related(*(f.name for f in many)).order_by("pk"):
        row = {field.name: _value(obj, field) for field in fields}
        for field in many:
            row[field.name] = [str(related) for related in getattr(obj, field.name).all()]
        rows.append(row)
    return rows


def _owned_sections(model, path: str, contact, depth: int) -> list[Section]:
    """Records a ``model`` row owns (deleted with it), reached from the contact through ``path``."""
    sections = []
    if depth > OWNED_DEPTH:
        return sections
    for relation in contact_relations(model):
        if relation.many_to_many or relation.on_delete is not models.CASCADE:
            continue
        child = relation.related_model
        child_path = f"{relation.field.name}__{path}"
        rows = _rows(child._default_manager.filter(**{child_path: contact}))
        sections.append(Section(child._meta.label_lower, str(child._meta.verbose_name_plural), rows))
        sections += _owned_sections(child, child_path, contact, depth + 1)
    return sections


def contact_personal_data(contact: Contact) -> list[Section]:
    """Every record the app holds on ``contact``, section by section (see the module's docstring)."""
    sections = [
        Section(
            "stakeholders.contact",
            str(Contact._meta.verbose_name),
            _rows(Contact.objects.filter(pk=contact.pk)),
        )
    ]
    for relation in contact_relations():
        model = relation.related_model
        path = relation.field.name
        rows = _rows(model._default_manager.filter(**{path: contact}))
        sections.append(Section(model._meta.label_lower, str(model._meta.verbose_name_plural), rows))
        if not relation.many_to_many:  # an interaction or a partnership is shared, not the person's own
            sections += _owned_sections(model, path, contact, 1)
    history = Contact.history.model
    sections.append(
        Section(
            history._meta.label_lower,
            str(history._meta.verbose_name_plural),
            _rows(history._default_manager.filter(id=contact.pk), related=("history_user",)),
        )
    )
    return sections


def as_json(contact: Contact, sections: list[Section]) -> bytes:
    """One document: the contact's number, then each section's title and rows."""
    document = {
        "contact": contact.pk,
        "sections": {s.key: {"title": s.title, "rows": s.rows} for s in sections},
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str).encode()


def _cell(value) -> str:
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else str(value)


def as_csv_zip(sections: list[Section]) -> bytes:
    """A zip of one CSV per section, each with its own columns, numbered in the order of the JSON
    document. Sections with no rows are left out. UTF-8 with a byte-order mark, so Excel reads the
    accents."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, section in enumerate((s for s in sections if s.rows), start=1):
            text = io.StringIO()
            writer = csv.writer(text)
            columns = list(section.rows[0])
            writer.writerow(columns)
            writer.writerows([_cell(row[c]) for c in columns] for row in section.rows)
            archive.writestr(f"{number:02d}-{section.key.replace('.', '-')}.csv", "\ufeff" + text.getvalue())
    return buffer.getvalue()
