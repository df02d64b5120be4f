"""A number followed by a noun is translated with plural forms (ngettext, ``{% blocktranslate count %}``),
so that French and Spanish can say « 1 ligne » and « 2 lignes », « 1 fila » and « 2 filas ».

The heuristic reads the catalogues, which hold every translatable string of the templates and the Python
code (a template's ``{{ total }}`` is written ``%(total)s`` there). A string outside a plural entry fails
when a placeholder *named like a count* is followed by a word that is not a function word:

- named like a count: ``count``, ``counter``, ``n``, ``total``, ``target``, ``limit``, ``sent``, ``done``,
  ``coming``, ``invited``, ``attended``, ``completed``, ``days``, or a name ending in ``_count``; names
  such as ``name``, ``year``, ``number`` (a page's or a goal's number) or ``size`` (in MB) are not counts;
- followed by a word: after one space, a lowercase word that is not in ``FUNCTION_WORDS`` (of, to,
  and …: "%(done)s of %(total)s" is fine, "%(total)s rows" is not). A unit written in capitals ("MB")
  takes no plural and is not a lowercase word. A count followed by punctuation or a colon's label
  ("Attended: %(attended)s.") is fine too.

So "%(count)s rows" fails, and "Page %(number)s of %(total)s", "%(size)s MB" and "Completed: %(done)s"
do not.
"""

import re

import pytest

from tests.test_translations import catalogue

COUNT_NAMES = {
    "count", "counter", "n", "total", "target", "limit", "sent", "done", "coming", "invited", "attended",
    "completed", "days", "hours", "rows", "responses",
}  # fmt: skip
FUNCTION_WORDS = {
    "of", "to", "and", "or", "for", "on", "in", "at", "by", "from", "with", "is", "are", "was", "were", "than",
}  # fmt: skip
PLACEHOLDER_THEN_WORD = re.compile(r"%\((\w+)\)[sd] ([a-z]+)")


def counts_without_plural(msgid: str) -> list[str]:
    return [
        match.group(0)
        for match in PLACEHOLDER_THEN_WORD.finditer(msgid)
        if (match.group(1) in COUNT_NAMES or match.group(1).endswith("_count")) and match.group(2) not in FUNCTION_WORDS
    ]


def test_the_heuristic_tells_a_count_from_other_numbers():
    assert counts_without_plural("%(done)s of %(total)s rows checked.") == ["%(total)s rows"]
    assert counts_without_plural("%(coming)s coming or attended") == ["%(coming)s coming"]
    assert counts_without_plural("%(row_count)s rows") == ["%(row_count)s rows"]
    assert not counts_without_plural("Page %(number)s of %(total)s")
    assert not counts_without_plural("The file is larger than %(size)s MB.")
    assert not counts_without_plural("Coming or attended: %(coming)s of %(invited)s. Attended: %(attended)s.")


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_count_followed_by_a_noun_has_plural_forms(language):
    found = {
        entry.msgid: counts_without_plural(entry.msgid)
        for entry in catalogue(language)
        if not entry.msgid_plural and counts_without_plural(entry.msgid)
    }
    assert not found, found
