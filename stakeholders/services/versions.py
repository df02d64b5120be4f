"""Optimistic locking: a record saved from a form carries the version its editor started from."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class ConcurrentEdit(ValidationError):
    """Someone else saved the record after this person opened it."""


def check_version(model, instance, expected_version: int | None) -> None:
    """Refuse the save if the row changed since ``expected_version``; otherwise move the version on.

    Locks the row until the transaction ends, so two saves cannot both pass the check.
    """
    if expected_version is None:
        return
    current = model.objects.select_for_update().values_list("version", flat=True).get(pk=instance.pk)
    if current != expected_version:
        raise ConcurrentEdit(
            _("Someone else changed this record while you were editing it. Reload the page to see their changes.")
        )
    instance.version = current + 1
