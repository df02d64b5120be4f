"""Form helpers every app's views share."""

from django import forms
from django.core.exceptions import ValidationError

from .validators import FIRST_YEAR, LAST_YEAR, validate_year_in_range


def add_service_errors(form, error: ValidationError) -> None:
    """Show a rule a service refused beside the field it names, or above the form when it names none
    (or a field the form does not have)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# Dates: every date or date-and-time field of a form is one of these (``tests/test_form_dates.py`` walks
# every form and admin page and fails on one that is not), so the years 1900 to 2100 hold everywhere.


class BoundedYears:
    """A date or date-and-time field that refuses years outside 1900 to 2100 (``validators``); the
    browser's date picker is bounded alike."""

    default_validators = [validate_year_in_range]

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        kind = widget.attrs.get("type") or getattr(widget, "input_type", "")
        if kind == "date":
            attrs.update(min=f"{FIRST_YEAR}-01-01", max=f"{LAST_YEAR}-12-31")
        elif kind == "datetime-local":
            attrs.update(min=f"{FIRST_YEAR}-01-01T00:00", max=f"{LAST_YEAR}-12-31T23:59")
        return attrs


class DateField(BoundedYears, forms.DateField):
    pass


class DateTimeField(BoundedYears, forms.DateTimeField):
    pass


class BoundedDatesAdmin:
    """A ModelAdmin whose date fields (the admin's own date and split date-time fields) refuse years
    outside 1900 to 2100, as the app's forms do."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(formfield, forms.DateField | forms.DateTimeField | forms.SplitDateTimeField):
            formfield.validators.append(validate_year_in_range)
        return formfield
