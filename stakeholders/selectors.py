"""Reads of the register that pages and other apps reuse."""

from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from .models import Contact, FollowUp, ImportChange, Interaction, InteractionOrganization, LevelChange, Organization
from .normalize import email_domain, fold


def organization_search(queryset: QuerySet[Organization], term: str) -> QuerySet[Organization]:
    """Accent- and case-insensitive search over names, acronyms, other names, websites and emails."""
    term = (term or "").strip()
    if not term:
        return queryset
    if "@" in term:
        emails = Contact.objects.filter(organization=OuterRef("pk"), email__iexact=term)
        return queryset.filter(Q(Exists(emails)) | Q(website_domain=email_domain(term)))
    folded = fold(term)
    if not folded:
        return queryset
    return queryset.filter(search_key__contains=folded)


def contact_search(queryset: QuerySet[Contact], term: str) -> QuerySet[Contact]:
    term = (term or "").strip()
    if not term:
        return queryset
    if "@" in term:
        return queryset.filter(email__icontains=term.lower())
    return queryset.filter(name_key__contains=fold(term))


def organization_detail(pk: int) -> Organization:
    return (
        Organization.objects.select_related("hq_region", "owner", "parent")
        .prefetch_related("pillars", "areas", "initiatives", "tags", "member_of", "subsidiaries")
        .prefetch_related(Prefetch("sectors", queryset=_sectors()))
        .get(pk=pk)
    )


def _sectors():
    from .models import OrganizationSector

    return OrganizationSector.objects.select_related("sector", "subsector")


def _older_than(queryset: QuerySet, day: date, pk: int, id_field: str) -> QuerySet:
    """Rows after a keyset cursor in (date, id) descending order.

    The plain "<=" bound lets PostgreSQL start the index scan at the cursor instead of the top.
    """
    return queryset.filter(Q(occurred_on__lt=day) | Q(occurred_on=day, **{f"{id_field}__lt": pk}), occurred_on__lte=day)


def interaction_page(queryset: QuerySet[Interaction], *, after: tuple[date, int] | None, size: int):
    """One page of interactions, newest first, after the cursor (date, id): a keyset page, so the
    5,000th costs what the first does. Returns the rows and whether older ones follow."""
    queryset = queryset.order_by("-occurred_on", "-id")
    if after:
        day, pk = after
        queryset = _older_than(queryset, day, pk, "id")
    rows = list(queryset[: size + 1])
    return rows[:size], len(rows) > size


def organization_timeline(organization: Organization, *, before: tuple[date, int] | None = None, size: int = 20):
    """The organization's interactions, newest first, one page after the ``before`` cursor (date, id).

    Reads the participation index, so the 500th page costs what the first does.
    """
    participations = InteractionOrganization.objects.filter(organization=organization)
    if before:
        day, interaction_id = before
        participations = _older_than(participations, day, interaction_id, "interaction_id")
    ids = list(
        participations.order_by("-occurred_on", "-interaction_id").values_list("interaction_id", flat=True)[: size + 1]
    )
    has_more = len(ids) > size
    interactions = list(
        Interaction.objects.filter(pk__in=ids[:size])
        .select_related("kind", "created_by")
        .prefetch_related("contacts", "organizations")
        .order_by("-occurred_on", "-id")
    )
    return interactions, has_more


def open_followups_for(user) -> QuerySet[FollowUp]:
    return FollowUp.objects.open().filter(owner=user).select_related("organization").order_by("due_on", "id")


def level_history(organization: Organization) -> QuerySet[LevelChange]:
    return organization.level_changes.select_related("interaction__kind", "commitment")


def recent_interactions(*, unit=None, limit: int = 10) -> list[Interaction]:
    queryset = Interaction.objects.select_related("kind", "created_by").prefetch_related("organizations")
    if unit is not None:
        queryset = queryset.filter(unit=unit)
    return list(queryset.order_by("-occurred_on", "-id")[:limit])


def change_history(instance, limit: int = 10) -> list[dict]:
    """Who changed what and when, newest first, read from django-simple-history's records.

    One query: consecutive records are compared in memory.
    """
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    model = type(instance)
    rows = []
    for newer, older in zip(records, [*records[1:], None], strict=False):
        if len(rows) == limit:
            break
        fields = []
        if older is not None and newer.history_type == "~":
            delta = newer.diff_against(older)
            fields = [str(model._meta.get_field(name).verbose_name) for name in delta.changed_fields]
        rows.append(
            {"date": newer.history_date, "user": newer.history_user, "type": newer.history_type, "fields": fields}
        )
    if len(records) <= limit and not any(row["type"] == "+" for row in rows):
        # Imported records have no creation row of their own: their import batch tells the story.
        created = (
            ImportChange.objects.filter(model=model._meta.model_name, object_id=instance.pk, action="created")
            .select_related("batch__created_by")
            .first()
        )
        if created:
            batch = created.batch
            rows.append(
                {"date": batch.created_at, "user": batch.created_by, "type": "+", "fields": [], "import": batch}
            )
    return rows


def possible_duplicates(limit: int = 100) -> list[dict]:
    """Groups of organizations that share a normalized name, an acronym or a website domain."""
    from django.db.models import Count

    groups = []
    for field, label in (("name_key", "name"), ("website_domain", "website"), ("acronym", "acronym")):
        keys = (
            Organization.objects.exclude(**{field: ""})
            .values(field)
            .annotate(n=Count("id"))
            .filter(n__gt=1)
            .order_by("-n", field)[:limit]
        )
        for row in keys:
            groups.append({"reason": label, "key": row[field], "count": row["n"]})
    members = (
        Organization.objects.filter(
            Q(name_key__in=[g["key"] for g in groups if g["reason"] == "name"])
            | Q(website_domain__in=[g["key"] for g in groups if g["reason"] == "website"])
            | Q(acronym__in=[g["key"] for g in groups if g["reason"] == "acronym"])
        )
        .select_related("hq_region")
        .order_by("name_key", "id")
    )
    field_of = {"name": "name_key", "website": "website_domain", "acronym": "acronym"}
    for group in groups:
        group["organizations"] = [o for o in members if getattr(o, field_of[group["reason"]]) == group["key"]]
    return groups[:limit]
