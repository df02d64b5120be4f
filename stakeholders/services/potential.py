"""Rating an organization's potential to support CEC initiatives."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User

from ..models import Organization, PotentialRating


@transaction.atomic
def potential_rate(*, organization: Organization, potential: int, by: User) -> PotentialRating:
    """Rate ``organization``'s potential (``Potential``), as ``by`` now.

    Rating again replaces the rating; its history keeps each earlier one with who gave it and when.
    """
    rating = PotentialRating.objects.select_for_update().filter(organization=organization).first()
    rating = rating or PotentialRating(organization=organization)
    rating.potential = potential
    rating.rated_by = by
    rating.rated_at = timezone.now()
    rating.full_clean()
    rating._history_user = by
    rating.save()
    return rating
