"""Trilingual columns for reference data.

Reference data keeps one column per language (``name_en``, ``name_fr``, ``name_es``) so that filtering
and sorting stay plain SQL on SQLite and PostgreSQL alike. ``Translated`` reads the column of the
active language and falls back to English when a translation is blank.
"""

from django.utils.translation import get_language

LANGUAGE_CODES = ("en", "fr", "es")


def active_language() -> str:
    """The two-letter code of the active language, one of ``LANGUAGE_CODES``."""
    code = (get_language() or "en")[:2]
    return code if code in LANGUAGE_CODES else "en"


def localized_field(base: str) -> str:
    """The column holding ``base`` in the active language, e.g. ``name_fr``; use it to order by."""
    return f"{base}_{active_language()}"


class Translated:
    """A read-only attribute returning the active language's column, English when that one is blank."""

    def __set_name__(self, owner, name):
        self.base = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, f"{self.base}_{active_language()}") or getattr(obj, f"{self.base}_en")
