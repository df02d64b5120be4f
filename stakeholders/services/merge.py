"""Merging duplicate organizations or contacts into one record, inside one transaction.

Every record that points to the duplicate is re-pointed to the record kept, found through Django's
model metadata, so the records of apps built later (partnerships, surveys, roundtables) follow too.
Where re-pointing would break a uniqueness rule (both were at the same interaction), the duplicate's
row is dropped, since the kept record already has one.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from ..choices import ChangeReason
from ..models import Contact, Organization
from .engagement import engagement_recompute
from .organizations import organization_refresh_keys

# Fields a person chooses between, field by field, on the merge screen.
ORGANIZATION_FIELDS = [
    "name",
    "acronym",
    "category",
    "description",
    "website",
    "hq_country",
    "hq_region",
    "owner",
    "certifications",
    "public_commitments",
    "environmental_notes",
    "equity_other",
    "parent",
]
ORGANIZATION_FLAGS = [
    "operates_in_canada",
    "operates_in_mexico",
    "operates_in_united_states",
    "operates_elsewhere",
    "equity_owned_by",
    "equity_led_by",
    "equity_representing",
    "equity_serving",
    "equity_indigenous",
    "equity_women",
]
CONTACT_FIELDS = [
    "full_name",
    "job_title",
    "organization",
    "email",
    "phone",
    "preferred_language",
    "country",
    "consent_given",
    "consent_date",
    "consent_source",
    "consent_purpose",
    "advisory_committee",
]


def _unique_field_sets(model) -> list[tuple[str, ...]]:
    sets = [tuple(fields) for fields in model._meta.unique_together]
    sets += [tuple(c.fields) for c in model._meta.constraints if isinstance(c, models.UniqueConstraint) and c.fields]
    return sets


def _repoint(model, field_name: str, keep, duplicate) -> None:
    """Point every ``model`` row whose ``field_name`` is ``duplicate`` at ``keep``."""
    rows = model._default_manager.filter(**{field_name: duplicate})
    for fields in _unique_field_sets(model):
        if field_name not in fields:
            continue
        others = [f for f in fields if f != field_name]
        taken = model._default_manager.filter(**{field_name: keep}).values_list(*others)
        clash = models.Q()
        for values in taken:
            clash |= models.Q(**dict(zip(others, values, strict=True)))
        if clash:
            rows.filter(clash).delete()
    rows.update(**{field_name: keep})


def _is_history(model) -> bool:
    return model.__name__.startswith("Historical")


def _repoint_everything(keep, duplicate) -> None:
    model = type(keep)
    for relation in model._meta.get_fields(include_hidden=True):
        if relation.one_to_many or relation.one_to_one:
            # A reverse foreign key (including those of many-to-many tables); change history stays as it was.
            if relation.auto_created and not relation.concrete and not _is_history(relation.related_model):
                _repoint(relation.related_model, relation.field.name, keep, duplicate)
        elif relation.many_to_many and relation.concrete:  # this model's own many-to-many fields
            getattr(keep, relation.name).add(*getattr(duplicate, relation.name).all())
            getattr(duplicate, relation.name).clear()


def _choose(keep, duplicate, fields, take_from_duplicate) -> None:
    for name in fields:
        if name in take_from_duplicate:
            setattr(keep, name, getattr(duplicate, name))


@transaction.atomic
def organization_merge(*, keep: Organization, duplicate: Organization, take_from_duplicate=()) -> Organization:
    """Merge ``duplicate`` into ``keep``: chosen fields come from the duplicate, flags add up, every
    related record is re-pointed, the duplicate's name is kept among the other names, then it is
    deleted and the kept organization's engagement level is worked out again."""
    if keep.pk == duplicate.pk:
        raise ValidationError(_("An organization cannot be merged with itself."))
    keep = Organization.objects.select_for_update().get(pk=keep.pk)
    duplicate = Organization.objects.select_for_update().get(pk=duplicate.pk)
    _choose(keep, duplicate, ORGANIZATION_FIELDS, set(take_from_duplicate))
    for flag in ORGANIZATION_FLAGS:
        setattr(keep, flag, getattr(keep, flag) or getattr(duplicate, flag))
    names = [n for n in [*keep.other_names.splitlines(), duplicate.name, *duplicate.other_names.splitlines()] if n]
    keep.other_names = "\n".join(dict.fromkeys(n for n in names if n != keep.name))
    if keep.parent_id == duplicate.pk:
        keep.parent = None
    _repoint_everything(keep, duplicate)
    keep.member_of.remove(keep)
    organization_refresh_keys(keep)
    keep.version += 1
    keep._change_reason = f"Merged with {duplicate.name} (#{duplicate.pk})"
    keep.full_clean()
    keep.save()
    duplicate.delete()
    engagement_recompute(organization=keep, reason=ChangeReason.CORRECTION)
    return keep


@transaction.atomic
def contact_merge(*, keep: Contact, duplicate: Contact, take_from_duplicate=()) -> Contact:
    """Merge two records of the same person; interactions and history follow the record kept."""
    if keep.pk == duplicate.pk:
        raise ValidationError(_("A contact cannot be merged with itself."))
    keep = Contact.objects.select_for_update().get(pk=keep.pk)
    duplicate = Contact.objects.select_for_update().get(pk=duplicate.pk)
    _choose(keep, duplicate, CONTACT_FIELDS, set(take_from_duplicate))
    keep.opted_out = keep.opted_out or duplicate.opted_out  # an opt-out always wins
    _repoint_everything(keep, duplicate)
    keep.version += 1
    keep._change_reason = f"Merged with {duplicate.full_name} (#{duplicate.pk})"
    keep.full_clean()
    keep.save()
    duplicate.delete()
    return keep
