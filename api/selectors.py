"""Reads the API adds to a page of rows after it is chosen."""

from collections import defaultdict

from stakeholders.models import Organization


def organizations_with_codes(organizations: list[Organization]) -> list[Organization]:
    """Set ``pillar_codes`` and ``tag_names`` on each organization of a page: two queries of plain values.

    prefetch_related built a queryset per row and per relation when the serializer read them, and cost
    more than the page's own query (measured on the bench's 100,000 organizations).
    """
    ids = [organization.pk for organization in organizations]
    pillars, tags = defaultdict(list), defaultdict(list)
    pillar_rows = Organization.pillars.through.objects.filter(organization__in=ids).order_by("pillar__position")
    for organization_id, code in pillar_rows.values_list("organization_id", "pillar__code"):
        pillars[organization_id].append(code)
    tag_rows = Organization.tags.through.objects.filter(organization__in=ids).order_by("tag__name")
    for organization_id, name in tag_rows.values_list("organization_id", "tag__name"):
        tags[organization_id].append(name)
    for organization in organizations:
        organization.pillar_codes = pillars[organization.pk]
        organization.tag_names = tags[organization.pk]
    return organizations
