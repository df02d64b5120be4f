"""The keys names and websites are matched and searched by: their quick paths give what the plain
definitions give, character for character (the register's stored keys depend on it)."""

import re
import unicodedata
from urllib.parse import urlsplit

import pytest

from stakeholders.normalize import fold, website_domain


def plain_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^0-9a-z]+", " ", ascii_text.replace("&", " and ")).strip()


def plain_domain(url: str) -> str:
    url = url.strip().lower()
    if not url:
        return ""
    if "://" not in url:
        url = "http://" + url
    return (urlsplit(url).hostname or "").removeprefix("www.")


NAMES = [
    "Asociación Nacional de la Industria Química, A.C.",
    "Société québécoise d’énergie Ltée",
    "CÆSAR & Cœur S.A. de C.V.",
    "Søren Økologi",
    "Ñandú Ŀlobet",
    "Grupo Bimbo S.A.B. de C.V.",
    "Ｆｕｌｌｗｉｄｔｈ Ｃｏ．",
    "ﬁnance ﬂow",
    "a\u034fb",  # a combining grapheme joiner, which is no mark
    "e\u0301cole",  # an accent already decomposed
    "हिन्दी Tata Consultancy",
    "Ελληνικά Ltd",
    "東京 Electric",
    "Cree ᐃᓄᒃᑎᑐᑦ Nation",
    "Café\u200b Ltd",
    "",
    "   ",
    "ACME Inc.",
]


@pytest.mark.parametrize("name", NAMES)
def test_fold_gives_what_the_plain_definition_gives(name):
    assert fold(name) == plain_fold(name)


def test_fold_takes_accents_off_and_keeps_words_apart():
    assert fold("Asociación Nacional, A.C.") == "asociacion nacional a c"
    assert fold("Søren Økologi") == "s ren kologi"  # letters without a decomposition become spaces


WEBSITES = [
    "https://www.acme.com/x",
    "acme.com",
    "HTTP://WWW.Acme.COM",
    "http://user:secret@acme.com:8080/path",
    "http://acme.com:443",
    "https://[2001:db8::1]/",
    "http://ex\tample.com",
    "https://acme.com?query=1",
    "https://acme.com#part",
    "https://sub_domain.acme.com",
    "ftp://files.acme.com",
    "1http://acme.com",
    "http://",
    "https://bücher.de",
    "https://acme.com./",
    "www.acme.com.mx/es/",
    "https://a%2eb.com",
    "  https://spaced.com  ",
    "",
]


@pytest.mark.parametrize("url", WEBSITES)
def test_website_domain_gives_what_urlsplit_gives(url):
    assert website_domain(url) == plain_domain(url)
