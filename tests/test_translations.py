"""The French and Spanish catalogues are complete, and the compiled files match them."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ["fr", "es"]


def catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{language}: untranslated {untranslated[:20]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:20]}"
    assert len(po.translated_entries()) > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    broken = []
    for entry in catalogue(language).translated_entries():
        pairs = (
            [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()]
            if entry.msgid_plural
            else [(entry.msgid, entry.msgstr)]
        )
        for source, translated in pairs:
            for placeholder in ("{{", "%(", "%s", "%d"):
                if source.count(placeholder) != translated.count(placeholder):
                    broken.append(entry.msgid)
    assert not broken, broken


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_the_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
    source = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in po.translated_entries()}
    stale = {key for key in source if compiled.get(key) != source[key]}
    assert not stale, f"run `make messages` to compile {language}: {sorted(stale)[:10]}"
