"""Reads of the register that pages and other apps reuse."""

import functools
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.urls import reverse

from strategy.caching import forget, kept
from strategy.caching import version as cache_version
from strategy.links import pk_url
from strategy.translation import LANGUAGE_CODES, active_language

from .choices import OPT_OUT_REASONS
from .models import (
    Affiliation,
    Contact,
    FollowUp,
    ImportBatch,
    Interaction,
    InteractionOrganization,
    LevelChange,
    Organization,
    PotentialRating,
)
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


ORGANIZATION_COUNT_KEY = "organization-count"
ORGANIZATION_COUNT_CACHED_FROM = 10_000  # below this, counting costs less than a millisecond
ORGANIZATION_COUNT_TIMEOUT = 60


def organization_count() -> int:
    """How many organizations the register holds, for the unfiltered list.

    Exact, but on a large register (a COUNT of 100,000 rows takes longer than the rest of the list's
    queries together) the figure is kept for a minute, and forgotten as soon as an organization is
    added or deleted one at a time; a bulk import or removal shows within the minute.
    """
    return kept(
        ORGANIZATION_COUNT_KEY,
        Organization.objects.count,
        ORGANIZATION_COUNT_TIMEOUT,
        keep_if=lambda count: count >= ORGANIZATION_COUNT_CACHED_FROM,
    )


def forget_organization_count(sender=None, *, created=True, **kwargs) -> None:
    """Drop the kept count when an organization is added or deleted, and the filtered lists' counts when
    one is saved or deleted (connected to post_save and post_delete)."""
    if created:
        forget_organization_counts()
    else:
        forget_list_counts()


LIST_COUNT_VERSION_KEY = "organization-list-count-version"


def organization_list_count(filters: Iterable[tuple[str, str]], count: Callable[[], int]) -> int:
    """How many organizations the list filtered by ``filters`` (the URL's pairs) finds; ``count()``
    counts them.

    On a large register, the figure is kept for a minute per filter: a list people share or bookmark is
    opened again and again, and on 100,000 organizations its count costs as much as its page. Saving or
    deleting an organization (or an import, an undo, a level change) forgets every kept figure; a
    change to an organization's NAICS codes, pillars, tags or follow-ups shows within the minute.
    """
    if organization_count() < ORGANIZATION_COUNT_CACHED_FROM:
        return count()
    version = cache_version(LIST_COUNT_VERSION_KEY)
    if version is None:
        return count()
    digest = hashlib.sha256(urlencode(sorted(filters)).encode()).hexdigest()[:32]
    return kept(f"organization-list-count:{version}:{digest}", count, ORGANIZATION_COUNT_TIMEOUT)


def forget_list_counts() -> None:
    """Forget the kept counts of every filtered list of organizations (their version goes)."""
    forget([LIST_COUNT_VERSION_KEY])


def forget_organization_counts() -> None:
    """Every kept count of organizations: after one is added or deleted, or a write in bulk."""
    forget([ORGANIZATION_COUNT_KEY, LIST_COUNT_VERSION_KEY])


def contact_search(queryset: QuerySet[Contact], term: str) -> QuerySet[Contact]:
    term = (term or "").strip()
    if not term:
        return queryset
    if "@" in term:
        return queryset.filter(email__icontains=term.lower())
    return queryset.filter(name_key__contains=fold(term))


def organization_detail(pk: int) -> Organization:
    """The organization with its province or state, owner, parent and rated potential; the lists of its
    profile come from ``organization_links``."""
    return Organization.objects.select_related(
        "hq_region", "owner", "parent", "potential_rating", "potential_rating__rated_by"
    ).get(pk=pk)


def potential_rating_of(organization: Organization):
    """The organization's potential rating, or None when nobody rated it yet (no query after
    ``organization_detail``)."""
    try:
        return organization.potential_rating
    except PotentialRating.DoesNotExist:
        return None


@dataclass(frozen=True)
class ProfileLink:
    """One entry of a list on an organization's profile: a NAICS code, a pillar, an initiative, ..."""

    label: str
    url: str = ""
    code: str = ""
    stated_on: date | None = None  # a stated interest: when, and ``code`` holds where (e.g. a survey)


LINK_COLUMNS = ("link_kind", "link_order", "link_sort", "link_en", "link_fr", "link_es", "link_ref", "link_extra")


def _link_rows(queryset, kind: str, *, labels: dict, order=0, sort="", ref="", extra=""):
    """One part of ``organization_links``' query: the same columns, of the same types, for each list."""

    def text(value):
        return Cast(value, CharField()) if isinstance(value, str) and value else Value(value, CharField())

    columns = dict(
        zip(
            LINK_COLUMNS,
            [
                Value(kind, CharField()),
                Value(order, IntegerField()) if isinstance(order, int) else Cast(order, IntegerField()),
                text(sort),
                *(Cast(labels[language], CharField()) for language in LANGUAGE_CODES),
                text(ref),
                text(extra),
            ],
            strict=True,
        )
    )
    return queryset.order_by().annotate(**columns).values_list(*LINK_COLUMNS)


LINKS_PK = -20_240_917  # stands for the organization's id in the query compiled once


@functools.cache
def _links_query(vendor: str) -> tuple[str, tuple]:
    """``organization_links``' query, compiled once per process (compiling seven joined parts cost more
    than running them), with ``LINKS_PK`` in place of the organization's id."""
    from strategy.models import AreaOfRelevance, Initiative, Pillar

    from .models import OrganizationSector, StatedInterest, Tag

    pk = LINKS_PK

    def columns(base: str) -> dict:
        return {language: F(f"{base}_{language}") for language in LANGUAGE_CODES}

    sector_titles = {
        language: Case(
            When(subsector__isnull=False, then=F(f"subsector__title_{language}")),
            default=F(f"sector__title_{language}"),
        )
        for language in LANGUAGE_CODES
    }
    organizations = {language: F("name") for language in LANGUAGE_CODES}
    parts = [
        _link_rows(
            OrganizationSector.objects.filter(organization_id=pk),
            "sectors",
            labels=sector_titles,
            sort="code",
            ref="code",
        ),
        _link_rows(
            Pillar.objects.filter(organizations=pk),
            "pillars",
            labels=columns("name"),
            order="position",
        ),
        _link_rows(
            AreaOfRelevance.objects.filter(organizations=pk),
            "areas",
            labels=columns("label"),
            order=F("pillar__position") * 1000 + F("position"),
        ),
        _link_rows(
            Initiative.objects.filter(organizations=pk),
            "initiatives",
            labels=columns("name"),
            order="start_year",
            sort="name_en",
            ref="code",
        ),
        _link_rows(
            StatedInterest.objects.filter(organization_id=pk),
            "stated",
            labels={language: F(f"area__label_{language}") for language in LANGUAGE_CODES},
            order=F("area__pillar__position") * 1000 + F("area__position"),
            sort="stated_on",
            ref="stated_on",
            extra="source",
        ),
        _link_rows(
            Tag.objects.filter(organizations=pk),
            "tags",
            labels={language: F("name") for language in LANGUAGE_CODES},
            sort="name",
        ),
        _link_rows(
            Organization.objects.filter(members=pk),
            "member_of",
            labels=organizations,
            sort="name_key",
            ref="id",
            extra="acronym",
        ),
        _link_rows(
            Organization.objects.filter(parent_id=pk),
            "subsidiaries",
            labels=organizations,
            sort="name_key",
            ref="id",
            extra="acronym",
        ),
    ]
    return parts[0].union(*parts[1:], all=True).query.sql_with_params()


def organization_links(organization: Organization) -> dict[str, list[ProfileLink]]:
    """The lists of an organization's profile in one query rather than seven: NAICS sectors (by their
    subsector when known), pillars, areas of relevance, previous CEC involvement, tags, the
    associations it is a member of and its subsidiaries, each labelled in the reader's language and
    in the order of its model."""
    sql, params = _links_query(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [organization.pk if param == LINKS_PK else param for param in params])
        rows = cursor.fetchall()
    language = active_language()
    index = LINK_COLUMNS.index(f"link_{language}")
    organization_url = pk_url("stakeholders:organization_detail")
    grouped: dict[str, list] = {
        kind: []
        for kind in ("sectors", "pillars", "areas", "stated", "initiatives", "tags", "member_of", "subsidiaries")
    }
    for row in rows:
        grouped[row[0]].append(row)
    links = {}
    for kind, kind_rows in grouped.items():
        if kind == "initiatives":
            # Newest first, as Initiative.Meta.ordering; an initiative without a year first, as PostgreSQL orders it.
            kind_rows.sort(key=lambda row: (-(row[1] if row[1] is not None else 10_000), row[2]))
        else:
            kind_rows.sort(key=lambda row: (row[1] or 0, row[2]))
        entries = []
        for row in kind_rows:
            label = row[index] or row[3]  # English when the translation is blank, as Translated does
            ref, extra = row[6], row[7]
            if kind == "sectors":
                entries.append(ProfileLink(label=label, code=ref))
            elif kind == "initiatives":
                entries.append(
                    ProfileLink(label=label, url=reverse("strategy:initiative_detail", args=[ref]), code=ref)
                )
            elif kind == "stated":
                entries.append(ProfileLink(label=label, code=extra, stated_on=date.fromisoformat(ref[:10])))
            elif kind in ("member_of", "subsidiaries"):
                entries.append(ProfileLink(label=f"{label} ({extra})" if extra else label, url=organization_url(ref)))
            else:
                entries.append(ProfileLink(label=label))
        links[kind] = entries
    return links


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

    Reads the participation index, so the 500th page costs what the first does, and joins each of the
    page's participations to its interaction and type in the same query.
    """
    participations = InteractionOrganization.objects.filter(organization=organization)
    if before:
        day, interaction_id = before
        participations = _older_than(participations, day, interaction_id, "interaction_id")
    rows = list(
        participations.select_related("interaction__kind")
        .only(  # what the timeline shows
            "interaction__occurred_on",
            "interaction__mode",
            "interaction__summary",
            "interaction__summary_code",
            "interaction__summary_values",
            *(f"interaction__kind__name_{language}" for language in LANGUAGE_CODES),
        )
        .order_by("-occurred_on", "-interaction_id")[: size + 1]
    )
    return [row.interaction for row in rows[:size]], len(rows) > size


def organization_members(organization: Organization) -> QuerySet[Organization]:
    """The organizations that are members of a chamber or association, as list rows (see ``for_list``)."""
    return organization.members.order_by("name_key", "id").for_list()


def contact_positions(contact: Contact) -> QuerySet[Affiliation]:
    """A contact's positions, the current one first, then from the latest to the earliest."""
    return contact.affiliations.select_related("organization").order_by(
        F("ended_on").desc(nulls_first=True), F("started_on").desc(nulls_last=True), "-id"
    )


def open_followups_for(user) -> QuerySet[FollowUp]:
    return FollowUp.objects.open().filter(owner=user).select_related("organization").order_by("due_on", "id")


def level_history(organization: Organization) -> QuerySet[LevelChange]:
    return organization.level_changes.select_related("interaction__kind", "commitment")


def recent_interactions(*, unit=None, limit: int = 10) -> list[Interaction]:
    queryset = Interaction.objects.select_related("kind", "created_by").prefetch_related("organizations")
    if unit is not None:
        queryset = queryset.filter(unit=unit)
    return list(queryset.order_by("-occurred_on", "-id")[:limit])


@functools.cache
def _history_model(model):
    """The model of ``model``'s history records (``instance.history`` builds a manager class each time)."""
    return model.history.model


def change_history(instance, limit: int = 10) -> list[dict]:
    """Who changed what and when, newest first, read from django-simple-history's records.

    One query: consecutive records are compared in memory.
    """
    model = type(instance)
    records = list(
        _history_model(model)
        ._default_manager.filter(**{model._meta.pk.attname: instance.pk})
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[: limit + 1]
    )
    rows = []
    for newer, older in zip(records, [*records[1:], None], strict=False):
        if len(rows) == limit:
            break
        fields = []
        if older is not None and newer.history_type == "~":
            delta = newer.diff_against(older)
            fields = [str(model._meta.get_field(name).verbose_name) for name in delta.changed_fields]
        rows.append(
            {
                "date": newer.history_date,
                "user": newer.history_user,
                "type": newer.history_type,
                "fields": fields,
                # How a contact opted out; other reasons (imports, merges) are told by the row already.
                "reason": newer.history_change_reason if newer.history_change_reason in OPT_OUT_REASONS else "",
            }
        )
    if len(records) <= limit and not any(row["type"] == "+" for row in rows):
        # Imported records have no creation row of their own: their import batch tells the story.
        imported_in = getattr(instance, "imported_in_id", None)  # organizations and contacts
        batch = ImportBatch.objects.select_related("created_by").filter(pk=imported_in).first() if imported_in else None
        if batch:
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


def import_kept(batch: ImportBatch, limit: int = 50) -> dict:
    """The records an undo left as they were (changed since the import), the first ``limit`` of each
    kind, and how many more there are."""
    organization_ids = batch.undo_kept.get("organization", [])
    contact_ids = batch.undo_kept.get("contact", [])
    organizations = list(Organization.objects.filter(pk__in=organization_ids[:limit]).order_by("name"))
    contacts = list(
        Contact.objects.filter(pk__in=contact_ids[:limit]).select_related("organization").order_by("full_name")
    )
    more = max(len(organization_ids) - limit, 0) + max(len(contact_ids) - limit, 0)
    return {"organizations": organizations, "contacts": contacts, "more": more}
