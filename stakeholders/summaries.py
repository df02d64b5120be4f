"""Summaries the app writes itself on interactions (a survey answered, an event attended), kept
language-neutral: a code and its values on the interaction, shown in the reader's language.

A value is either the same in every language (a person's name) or given in each (``{"en": …, "fr": …,
"es": …}``: a survey's title, a role). ``summary`` keeps the English text, for search and exports.
"""

from django.utils import translation
from django.utils.translation import gettext, gettext_noop

SUMMARIES = {
    "survey_answered": gettext_noop("%(contact)s answered the survey “%(survey)s”."),
    "event_attended": gettext_noop("Took part in “%(event)s” (%(role)s)."),
}
LANGUAGES = ("en", "fr", "es")


def in_each_language(make) -> dict[str, str]:
    """``make()`` called in each language: a value of a summary that reads differently in each."""
    values = {}
    for language in LANGUAGES:
        with translation.override(language):
            values[language] = str(make())
    return values


def _value(value, language: str) -> str:
    if isinstance(value, dict):
        return value.get(language) or value.get("en") or ""
    return str(value)


def _render(code: str, values: dict, language: str) -> str:
    return gettext(SUMMARIES[code]) % {name: _value(value, language) for name, value in values.items()}


def system_summary(code: str, **values) -> dict:
    """The fields of an interaction whose summary the app writes: the code, its values, and the English
    text."""
    with translation.override("en"):
        english = _render(code, values, "en")
    return {"summary": english, "summary_code": code, "summary_values": values}


def summary_text(interaction) -> str:
    """The interaction's summary in the active language: a person's words as written, the app's in the
    reader's language."""
    if interaction.summary_code not in SUMMARIES:
        return interaction.summary
    language = (translation.get_language() or "en")[:2]
    try:
        return _render(interaction.summary_code, interaction.summary_values, language)
    except (KeyError, TypeError, ValueError):  # values of an older shape: the English text stored
        return interaction.summary
