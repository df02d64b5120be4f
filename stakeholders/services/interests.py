"""Areas of interest an organization stated (a survey, a form): added to its profile with their source."""

from datetime import date

from django.db import transaction

from ..models import Organization, StatedInterest


@transaction.atomic
def organization_add_stated_areas(*, organization: Organization, areas, stated_on: date, source: str) -> int:
    """Add ``areas`` to the organization's areas of relevance, each marked as stated in ``source`` on
    ``stated_on``. Returns how many statements were new."""
    areas = list(dict.fromkeys(areas))
    organization.areas.add(*areas)
    created = StatedInterest.objects.bulk_create(
        [
            StatedInterest(organization=organization, area=area, stated_on=stated_on, source=source[:300])
            for area in areas
        ],
        ignore_conflicts=True,
    )
    return len(created)
