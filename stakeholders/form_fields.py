"""Form fields every app's forms use for dates and names, so the rules of ``validators`` hold everywhere.

``tests/test_form_dates.py`` walks every form of the project and fails on a date field that is not one
of these.
"""

from django import forms

from .normalize import strip_invisible
from .validators import FIRST_YEAR, LAST_YEAR, NAME_INVISIBLE, validate_year_in_range


class BoundedYears:
    """A date or date-and-time field that refuses years outside 1900 to 2100; the browser's picker is
    bounded alike."""

    default_validators = [validate_year_in_range]

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        kind = getattr(widget, "input_type", "")
        if kind == "date":
            attrs.update(min=f"{FIRST_YEAR}-01-01", max=f"{LAST_YEAR}-12-31")
        elif kind == "datetime-local":
            attrs.update(min=f"{FIRST_YEAR}-01-01T00:00", max=f"{LAST_YEAR}-12-31T23:59")
        return attrs


class DateField(BoundedYears, forms.DateField):
    pass


class DateTimeField(BoundedYears, forms.DateTimeField):
    pass


class NameField(forms.CharField):
    """A name or title: the characters that show nothing are taken off its ends, and one made only of
    them is refused with its own message (rather than passing for blank, or for a name)."""

    def to_python(self, value):
        value = super().to_python(value)
        stripped = strip_invisible(value) if value else value
        if value and not stripped:
            raise forms.ValidationError(NAME_INVISIBLE, code="invisible")
        return stripped
