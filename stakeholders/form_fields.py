"""The form field every app's forms use for a name or title (dates: ``strategy.forms.DateField``)."""

from django import forms

from .normalize import strip_invisible
from .validators import NAME_INVISIBLE


class NameField(forms.CharField):
    """A name or title: the characters that show nothing are taken off its ends, and one made only of
    them is refused with its own message (rather than passing for blank, or for a name)."""

    def to_python(self, value):
        value = super().to_python(value)
        stripped = strip_invisible(value) if value else value
        if value and not stripped:
            raise forms.ValidationError(NAME_INVISIBLE, code="invisible")
        return stripped
