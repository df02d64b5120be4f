"""Creating and changing organizations."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from ..models import Organization, OrganizationSector
from ..normalize import fold, name_key, website_domain
from ..personal_data import contact_record_counts
from .naics import Classified
from .versions import ConcurrentEdit, check_version

__all__ = [
    "ConcurrentEdit",
    "organization_delete",
    "organization_keys",
    "organization_refresh_keys",
    "organization_save",
]


def organization_keys(
    *, name: str, acronym: str, other_names: str, website: str, known: tuple[str, str, str] | None = None
) -> tuple[str, str, str]:
    """The name key, website domain and search key of an organization with these names and website.

    ``known``: the name folded, its name key and the website's domain, when already computed (an
    import computes them once per row, to match it).
    """
    folded, key, domain = known or (fold(name), None, website_domain(website))
    key = name_key(name, folded=folded) if key is None else key
    domain = domain[:255]
    # One key for search: names, acronym and website, so a search is a single indexed condition.
    parts = [folded] if name.strip() else []
    parts += [fold(each) for each in [acronym, *other_names.splitlines(), domain] if each.strip()]
    return key[:255], domain, " ".join(parts)[:800]


def organization_refresh_keys(organization: Organization) -> None:
    """Set the search and matching keys from the names and website (before saving)."""
    organization.name_key, organization.website_domain, organization.search_key = organization_keys(
        name=organization.name,
        acronym=organization.acronym,
        other_names=organization.other_names,
        website=organization.website,
    )


HOME_FLAGS = {"CA": "operates_in_canada", "MX": "operates_in_mexico", "US": "operates_in_united_states"}
OPERATES = [*HOME_FLAGS.values(), "operates_elsewhere"]  # the countries of operation, as flags


def _operates_at_least_at_home(organization: Organization) -> None:
    """An organization with no country of operation ticked operates where it has its headquarters."""
    if not any(getattr(organization, flag) for flag in OPERATES):
        setattr(organization, HOME_FLAGS.get(organization.hq_country, "operates_elsewhere"), True)


def _set_sectors(organization: Organization, sectors: list[Classified]) -> None:
    wanted = {item.code: item for item in sectors}
    OrganizationSector.objects.filter(organization=organization).exclude(code__in=wanted).delete()
    existing = set(OrganizationSector.objects.filter(organization=organization).values_list("code", flat=True))
    OrganizationSector.objects.bulk_create(
        OrganizationSector(organization=organization, code=code, sector=item.sector, subsector=item.subsector)
        for code, item in wanted.items()
        if code not in existing
    )


@transaction.atomic
def organization_save(
    *,
    organization: Organization,
    many_to_many: dict | None = None,
    sectors: list[Classified] | None = None,
    expected_version: int | None = None,
) -> Organization:
    """Create or update an organization (already filled from a form), its links and NAICS codes.

    ``expected_version`` is the version the person started editing; if the record changed since, the
    save is refused with ``ConcurrentEdit`` and nothing is written.
    """
    if organization.pk:
        check_version(Organization, organization, expected_version)
    _operates_at_least_at_home(organization)
    organization_refresh_keys(organization)
    organization.full_clean()
    if organization.hq_region_id and organization.hq_region.country != organization.hq_country:
        raise ValidationError({"hq_region": _("This province or state is not in the headquarters country.")})
    organization.save()
    for field, values in (many_to_many or {}).items():
        getattr(organization, field).set(values)
    if sectors is not None:
        _set_sectors(organization, sectors)
    return organization


def _refused(organization: Organization, counts) -> ValidationError:
    records = ", ".join(f"{name}: {count}" for name, count in counts)
    return ValidationError(
        _(
            "%(name)s is not deleted: records about it or its contacts must be kept (%(records)s). "
            "If it is a duplicate, merge it instead."
        )
        % {"name": organization, "records": records}
    )


@transaction.atomic
def organization_delete(*, organization: Organization) -> None:
    """Delete an organization; its contacts go with it only if they have no other history.

    A contact has other history when any record points to it (interactions, event invitations and
    attendance, survey invitations, partnerships, former organizations): then nothing is deleted and
    the ``ValidationError`` says which records, so event balances, response rates and timelines never
    lose rows silently. Records that point to the organization itself and are protected (an event's
    participants keep the organization they came from) refuse it the same way.
    """
    contacts = organization.contacts.all()
    counts = contact_record_counts(contacts)
    if counts:
        raise _refused(organization, counts)
    contacts.delete()
    try:
        organization.delete()
    except ProtectedError as error:
        counts = {}
        for record in error.protected_objects:
            name = str(type(record)._meta.verbose_name_plural)
            counts[name] = counts.get(name, 0) + 1
        raise _refused(organization, counts.items()) from error
