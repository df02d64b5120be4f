"""Checking one imported row: every value parsed, every problem named with its column, in the
person's language."""

import re
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from strategy.validators import FIRST_YEAR, LAST_YEAR, year_in_range

from ..choices import Category, Country
from ..models import Region
from ..normalize import fold, strip_invisible
from ..services.naics import naics_parse_list, naics_sectors_and_subsectors
from .columns import TARGETS

COUNTRY_WORDS = {
    "CA": ["ca", "can", "canada"],
    "MX": ["mx", "mex", "mexico", "mexique", "estados unidos mexicanos"],
    "US": [
        "us",
        "usa",
        "united states",
        "united states of america",
        "etats unis",
        "estados unidos",
        "eua",
        "eeuu",
        "ee uu",
    ],
    "XX": ["other", "autre", "otro", "otra"],
}
CATEGORY_WORDS = {
    Category.CORPORATION: ["company", "business", "corporate", "entreprise", "empresa", "societe", "corporacion"],
    Category.SME: ["sme", "pme", "pyme", "mipyme"],
    Category.INDUSTRY_ASSOCIATION: ["association", "industry association", "asociacion", "trade association"],
    Category.CHAMBER_OF_COMMERCE: ["chamber", "camara", "chambre de commerce", "camara de comercio"],
    Category.RELATED_NONPROFIT: ["nonprofit", "not for profit", "non profit", "obnl", "osfl", "sin fines de lucro"],
    Category.GOVERNMENT: ["gov", "gouvernement", "gobierno", "public sector"],
    Category.ACADEMIA: ["university", "universite", "universidad", "academic", "academique", "academico"],
    Category.NGO: ["ngo", "ong", "osc"],
    Category.INDIGENOUS: ["indigenous", "autochtone", "indigena", "first nations", "premieres nations"],
    Category.INTERGOVERNMENTAL: ["igo", "intergovernmental organization", "oig", "organismo internacional"],
}
LANGUAGE_WORDS = {
    "en": ["en", "eng", "english", "anglais", "ingles"],
    "fr": ["fr", "fra", "french", "francais", "frances"],
    "es": ["es", "spa", "esp", "spanish", "espagnol", "espanol", "castellano"],
}
YES = {"yes", "y", "oui", "si", "true", "1", "x", "o", "s"}
NO = {"no", "n", "non", "false", "0", ""}
# Built once: a validator compiles its expressions on first use, per instance.
VALID_URL = URLValidator(schemes=["http", "https"])
VALID_EMAIL = EmailValidator()
# The plain addresses most rows hold, each a strict subset of what the validator above accepts (a host of
# ASCII labels and a letter-only top-level domain): a match is valid without running the validator, and
# anything else goes through it.
_HOST = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}"
PLAIN_URL = re.compile(rf"https?://{_HOST}(?:/[^\s]*)?", re.IGNORECASE)
PLAIN_EMAIL = re.compile(rf"[a-z0-9_%+-]+(?:\.[a-z0-9_%+-]+)*@{_HOST}", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def check_url(url: str) -> None:
    if len(url) > 253 or not PLAIN_URL.fullmatch(url):
        VALID_URL(url)


def check_email(email: str) -> None:
    if len(email) > 320 or not PLAIN_EMAIL.fullmatch(email):
        VALID_EMAIL(email)


class Vocabulary:
    """The words each column accepts, in the three languages, loaded once per import."""

    def __init__(self):
        self.countries = {word: code for code, words in COUNTRY_WORDS.items() for word in words}
        self.categories = {fold(value): value for value in Category.values}
        for language in ("en", "fr", "es"):
            with translation.override(language):
                for value, label in Category.choices:
                    self.categories[fold(str(label))] = value
                for value, label in Country.choices:
                    self.countries[fold(str(label))] = value
        for value, words in CATEGORY_WORDS.items():
            self.categories.update(dict.fromkeys(words, value))
        self.languages = {word: code for code, words in LANGUAGE_WORDS.items() for word in words}
        self.today = timezone.localdate()  # once: the local date costs a time zone conversion
        self._folded: dict[str, str] = {}
        self._sectors: dict[str, list | ValidationError] = {}
        self.naics = naics_sectors_and_subsectors()
        self.regions: dict[str, dict[str, Region]] = {}
        self.regions_anywhere: dict[str, list[Region]] = {}
        for region in Region.objects.all():
            names = [region.code, region.name_en, region.name_fr, region.name_es, *region.aliases.split("|")]
            for name in {fold(n) for n in names if n.strip()}:
                self.regions.setdefault(region.country, {})[name] = region
                self.regions_anywhere.setdefault(name, []).append(region)

    def fold(self, value: str) -> str:
        """``fold``, remembered: a column of countries or languages holds the same few values again and again."""
        folded = self._folded.get(value)
        if folded is None:
            folded = fold(value)
            if len(self._folded) < 10_000:  # a column of names would only fill memory
                self._folded[value] = folded
        return folded

    def sectors(self, text: str) -> list:
        """``naics_parse_list``, remembered: a file names the same few hundred codes again and again."""
        parsed = self._sectors.get(text)
        if parsed is None:
            try:
                parsed = naics_parse_list(text, self.naics)
            except ValidationError as error:
                parsed = error
            if len(self._sectors) < 10_000:
                self._sectors[text] = parsed
        if isinstance(parsed, ValidationError):
            raise parsed
        return parsed


@dataclass
class CheckedRow:
    line: int
    raw: list[str]
    values: dict = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def reason(self) -> str:
        return "; ".join(f"{column}: {message}" for column, message in self.errors)


def _label(target: str) -> str:
    return str(TARGETS[target][0])


class Columns:
    """Which cell of a row holds which value, for a file's header and mapping (column index → target)."""

    def __init__(self, mapping: dict[int, str], header: list[str]):
        self.header = header
        self.mapping = mapping
        self.targets = list(mapping.values())
        indices = list(mapping)
        self._take = itemgetter(*indices) if len(indices) > 1 else lambda raw: tuple(raw[i] for i in indices)
        self._width = max(indices, default=-1) + 1
        self.column_of = {target: header[index] for index, target in mapping.items()}

    def values(self, raw: list[str]) -> dict[str, str]:
        """The row's values by target, stripped; a row shorter than the header has blanks at its end."""
        if len(raw) >= self._width:
            return dict(zip(self.targets, map(str.strip, self._take(raw)), strict=True))
        return {target: (raw[index].strip() if index < len(raw) else "") for index, target in self.mapping.items()}


def check_row(line: int, raw: list[str], columns: Columns, vocabulary: Vocabulary) -> CheckedRow:
    row = CheckedRow(line=line, raw=raw)
    width = len(columns.header)
    if len(raw) > width and any(cell.strip() for cell in raw[width:]):
        row.errors.append((_("Row"), _("it has more cells than the header has columns.")))
    values = columns.values(raw)

    def fail(target, message):
        row.errors.append((columns.column_of.get(target) or _label(target), message))

    name = strip_invisible(values.get("name", ""))
    if values.get("name") and not name:
        fail("name", _("the organization name holds only invisible characters."))
    elif not name:
        fail("name", _("the organization name is missing."))
    elif len(name) > 255:
        fail("name", _("the name is longer than 255 characters."))
    row.values["name"] = name
    row.values["acronym"] = values.get("acronym", "")[:40]

    category = values.get("category", "")
    if category:
        row.values["category"] = vocabulary.categories.get(vocabulary.fold(category))
        if not row.values["category"]:
            fail("category", _("“%(value)s” is not a stakeholder category.") % {"value": category})
    country = values.get("hq_country", "")
    if country:
        row.values["hq_country"] = vocabulary.countries.get(vocabulary.fold(country))
        if not row.values["hq_country"]:
            fail("hq_country", _("“%(value)s” is not Canada, Mexico or the United States.") % {"value": country})
    region = values.get("hq_region", "")
    if region:
        key = vocabulary.fold(region)
        country_code = row.values.get("hq_country")
        match = vocabulary.regions.get(country_code, {}).get(key) if country_code else None
        if match is None and not country_code:
            candidates = vocabulary.regions_anywhere.get(key, [])
            match = candidates[0] if len(candidates) == 1 else None
        if match is None:
            fail("hq_region", _("“%(value)s” is not a province or state of the country given.") % {"value": region})
        else:
            row.values["hq_region"] = match
            row.values.setdefault("hq_country", match.country)

    website = values.get("website", "")
    if website:
        url = website if "://" in website else f"https://{website}"
        try:
            check_url(url)
            row.values["website"] = url[:300]
        except ValidationError:
            fail("website", _("“%(value)s” is not a web address.") % {"value": website})
    if values.get("naics"):
        try:
            row.values["sectors"] = vocabulary.sectors(values["naics"])
        except ValidationError as error:
            fail("naics", " ".join(error.messages))

    _check_contact(row, values, fail, vocabulary)
    return row


def _check_contact(row: CheckedRow, values: dict, fail, vocabulary: Vocabulary) -> None:
    email = values.get("contact_email", "").lower()
    contact_name = strip_invisible(values.get("contact_name", ""))
    if values.get("contact_name") and not contact_name:
        fail("contact_name", _("the contact name holds only invisible characters."))
        return
    if email:
        try:
            check_email(email)
        except ValidationError:
            fail("contact_email", _("“%(value)s” is not an email address.") % {"value": values["contact_email"]})
    if (email or values.get("contact_phone")) and not contact_name:
        contact_name = email.split("@")[0] if email else ""
    if not contact_name:
        return
    contact = {"full_name": contact_name[:200], "email": email, "job_title": values.get("contact_title", "")[:200]}
    phone = values.get("contact_phone", "")
    digits = len(_DIGIT.findall(phone))
    if phone and not 7 <= digits <= 15:
        fail("contact_phone", _("“%(value)s” is not a phone number of 7 to 15 digits.") % {"value": phone})
    contact["phone"] = phone[:40]
    language = values.get("contact_language", "")
    if language:
        contact["preferred_language"] = vocabulary.languages.get(vocabulary.fold(language))
        if not contact["preferred_language"]:
            fail("contact_language", _("“%(value)s” is not English, French or Spanish.") % {"value": language})
    consent = vocabulary.fold(values.get("consent", ""))
    if consent not in YES and consent not in NO:
        fail("consent", _("write yes or no."))
    contact["consent_given"] = consent in YES
    consent_date = values.get("consent_date", "")
    if consent_date:
        try:
            contact["consent_date"] = date.fromisoformat(consent_date[:10])
            if contact["consent_date"] > vocabulary.today:
                fail("consent_date", _("the consent date is in the future."))
            elif not year_in_range(contact["consent_date"]):
                fail(
                    "consent_date",
                    _("the date is not between the years %(first)s and %(last)s.")
                    % {"first": FIRST_YEAR, "last": LAST_YEAR},
                )
        except ValueError:
            fail("consent_date", _("write the date as YYYY-MM-DD."))
    elif contact["consent_given"]:
        contact["consent_date"] = vocabulary.today
    row.values["contact"] = contact
