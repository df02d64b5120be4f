"""Search keys: names compared without case, accents, punctuation or legal suffixes.

The key is stored beside each searchable name and indexed, so that "Asociacion" finds "Asociación"
and "ACME Inc." matches "Acme" the same way on SQLite and PostgreSQL.
"""

import re
import unicodedata
from urllib.parse import urlsplit

# Legal forms in the three countries, compared after accents and punctuation are gone.
LEGAL_SUFFIXES = [
    "s a b de c v",
    "s a p i de c v",
    "s a de c v",
    "s de r l de c v",
    "s de r l",
    "s c de r l",
    "sapi de cv",
    "sab de cv",
    "sa de cv",
    "s de rl de cv",
    "s de rl",
    "s en c",
    "s a",
    "s c",
    "a c",
    "i a p",
    "sa",
    "incorporated",
    "inc",
    "corporation",
    "corp",
    "company",
    "co",
    "limited",
    "ltd",
    "ltee",
    "llc",
    "llp",
    "lp",
    "plc",
    "ulc",
    "cie",
    "enr",
    "gmbh",
]
_SUFFIX_RE = re.compile(r"(?:\s(?:" + "|".join(re.escape(s) for s in LEGAL_SUFFIXES) + r"))+$")
# A name can end in a legal form only if its last word ends one; most names are settled by this set alone.
_SUFFIX_LAST_WORDS = frozenset(suffix.rsplit(" ", 1)[-1] for suffix in LEGAL_SUFFIXES)
_NON_WORD = re.compile(r"[^0-9a-z]+")
# The combining marks of Latin accents, which NFKD splits off "é" or "ñ" (all of the block but U+034F, a
# joiner that is not a mark): one substitution takes them off where most names need no more (see ``fold``).
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")
# A plain web address's host, as ``urlsplit(...).hostname`` reads it (no user, port or IPv6 brackets).
_PLAIN_HOST = re.compile(r"[a-z][a-z0-9+.-]*://([a-z0-9._-]+)(?:[/?#]|$)")


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation turned into single spaces."""
    if not text:
        return ""
    if text.isascii():  # NFKD leaves ASCII as it is: skip the decomposition (an import folds every row)
        ascii_text = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        ascii_text = _LATIN_MARKS.sub("", decomposed)
        if not ascii_text.isascii():  # other scripts' marks, or letters with none (œ, ø): one by one
            ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        ascii_text = ascii_text.lower()
    ascii_text = ascii_text.replace("&", " and ")
    return _NON_WORD.sub(" ", ascii_text).strip()


def name_key(name: str, *, folded: str | None = None) -> str:
    """The comparison key of an organization name: folded, legal suffixes dropped (``folded``: the name
    already folded, when the caller has it)."""
    folded = fold(name) if folded is None else folded
    if not folded or folded.rsplit(" ", 1)[-1] not in _SUFFIX_LAST_WORDS:
        return folded
    # "S.A. de C.V." folds to "s a de c v"; drop trailing legal forms, repeatedly ("Acme Co Inc").
    stripped = _SUFFIX_RE.sub("", " " + folded).strip()
    return stripped or folded


def website_domain(url: str) -> str:
    """The host of a website without "www.", for duplicate matching: "https://www.acme.com/x" → "acme.com"."""
    url = (url or "").strip().lower()
    if not url:
        return ""
    if "://" not in url:
        url = "http://" + url
    plain = _PLAIN_HOST.match(url)
    host = plain.group(1) if plain else urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].lower() if "@" in (email or "") else ""


# Letters that show nothing, though Unicode files them as letters or marks: the Hangul fillers, the blank
# Braille pattern and the combining grapheme joiner. Pasted names sometimes hold them.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")
# The ASCII characters that show nothing: white space and the control characters.
_ASCII_INVISIBLE = "".join(chr(code) for code in range(128) if chr(code).isspace() or code < 32 or code == 127)


def is_invisible(ch: str) -> bool:
    """True for a character that shows nothing: white space, a control, a format character (zero-width
    spaces and joiners, the byte order mark, the marks that set the direction of text) or a blank letter."""
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp") or ch in _BLANK_LETTERS


def strip_invisible(text: str) -> str:
    """``text`` without the characters that show nothing at its ends (those inside are kept: a zero-width
    joiner between two letters belongs to some scripts' spelling)."""
    if text.isascii():  # most names: only ASCII white space and controls can be invisible there
        return text.strip(_ASCII_INVISIBLE)
    start, end = 0, len(text)
    while start < end and is_invisible(text[start]):
        start += 1
    while end > start and is_invisible(text[end - 1]):
        end -= 1
    return text[start:end]
