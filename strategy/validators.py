"""Dates from 1900 to 2100: the one rule every form, filter and import of the project applies to a date
a person or a file gives.

A date far outside that range is a typing slip (a year of 20255, 0024), and at the edges of what Python's
dates hold (9999-12-31) the conversion to UTC overflows: an event stored in the year 10000 can no longer
be read back, and every page listing it fails.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 1900
LAST_YEAR = 2100
YEAR_OUT_OF_RANGE = _("Enter a date between the years %(first)s and %(last)s.")


def year_in_range(day) -> bool:
    """True when the year of a date or date and time is from ``FIRST_YEAR`` to ``LAST_YEAR``."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def validate_year_in_range(value) -> None:
    """Refuse a date or a date and time outside the years 1900 to 2100."""
    if value is not None and not year_in_range(value):
        raise ValidationError(
            YEAR_OUT_OF_RANGE, code="year_out_of_range", params={"first": str(FIRST_YEAR), "last": str(LAST_YEAR)}
        )
