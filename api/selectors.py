"""Reads the API adds to a page of rows after it is chosen.

prefetch_related built a queryset per row and per relation when the serializer read them, and cost more
than the page's own query (measured on the bench register): the many-to-many values a page shows are read
here instead, one query of plain values per relation, and set on each row as a list.
"""

from collections import defaultdict

from stakeholders.models import Interaction, Organization


def attach_many_to_many(rows: list, model, relations: dict[str, tuple[str, str]]) -> list:
    """For each ``attribute: (field, value)`` of ``relations``, set ``row.<attribute>`` to the list of
    ``value`` (a column of the field's through table, e.g. ``pillar__code``) of each row's links."""
    ids = [row.pk for row in rows]
    for attribute, (field_name, value) in relations.items():
        field = model._meta.get_field(field_name)
        through = field.remote_field.through
        owner = field.m2m_field_name()
        values = defaultdict(list)
        links = through.objects.filter(**{f"{owner}__in": ids}).order_by(value, "pk")
        for owner_id, linked in links.values_list(f"{owner}_id", value):
            values[owner_id].append(linked)
        for row in rows:
            setattr(row, attribute, values[row.pk])
    return rows


def organizations_with_codes(organizations: list[Organization]) -> list[Organization]:
    """``pillar_codes`` and ``tag_names`` on each organization of a page."""
    return attach_many_to_many(
        organizations, Organization, {"pillar_codes": ("pillars", "pillar__code"), "tag_names": ("tags", "tag__name")}
    )


def interactions_with_links(interactions: list[Interaction]) -> list[Interaction]:
    """The ids of each interaction's organizations, contacts and staff, and its pillars' codes."""
    return attach_many_to_many(
        interactions,
        Interaction,
        {
            "organization_ids": ("organizations", "organization_id"),
            "contact_ids": ("contacts", "contact_id"),
            "staff_ids": ("staff", "user_id"),
            "pillar_codes": ("pillars", "pillar__code"),
        },
    )
