"""A name must show something: a pasted name may hold only zero-width spaces, direction marks or a byte
order mark; it looks blank on every page and matches nothing. (The dates' rule is in
``strategy.validators``, below every app.)"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .normalize import strip_invisible

NAME_INVISIBLE = _("This holds only invisible characters (spaces, zero-width or direction marks): type it again.")


def validate_visible(value: str) -> None:
    """Refuse a name or title that holds something, but nothing that shows."""
    if value and not strip_invisible(value):
        raise ValidationError(NAME_INVISIBLE, code="invisible")
