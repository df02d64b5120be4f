"""The columns an import understands, and a mapping suggested from a header in any of the three
languages and from the values below it."""

import re

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..normalize import fold

# target → (label, header names people use, folded: English, French, Spanish)
TARGETS = {
    "name": (
        _("Organization name"),
        [
            "organization",
            "organisation",
            "organizacion",
            "organization name",
            "organisation name",
            "nom de l organisation",
            "nombre de la organizacion",
            "company",
            "company name",
            "entreprise",
            "empresa",
            "societe",
            "razon social",
            "nom",
            "nombre",
            "name",
            "organizacion nombre",
            "institution",
            "institucion",
        ],
    ),
    "acronym": (_("Acronym"), ["acronym", "sigle", "siglas", "acronimo", "abbreviation", "abreviatura"]),
    "category": (
        _("Stakeholder category"),
        [
            "category",
            "categorie",
            "categoria",
            "stakeholder category",
            "type",
            "tipo",
            "sector type",
            "type d organisation",
            "tipo de organizacion",
            "organization type",
        ],
    ),
    "website": (
        _("Website"),
        ["website", "web site", "site web", "site internet", "sitio web", "pagina web", "url", "web"],
    ),
    "hq_country": (_("Country"), ["country", "pays", "pais", "headquarters country", "pays du siege", "pais sede"]),
    "hq_region": (
        _("Province or state"),
        [
            "province state",
            "province",
            "state",
            "estado",
            "provincia",
            "region",
            "etat",
            "province etat",
            "provincia estado",
            "state province",
            "territory",
            "entidad federativa",
            "entidad",
        ],
    ),
    "naics": (
        _("NAICS codes"),
        [
            "naics",
            "scian",
            "naics code",
            "naics codes",
            "code scian",
            "codigo scian",
            "codigos scian",
            "industry code",
        ],
    ),
    "contact_name": (
        _("Contact name"),
        [
            "contact",
            "contact name",
            "nom du contact",
            "nombre del contacto",
            "contacto",
            "full name",
            "nom complet",
            "nombre completo",
            "person",
            "personne",
            "persona",
        ],
    ),
    "contact_title": (_("Contact title"), ["title", "job title", "titre", "fonction", "poste", "cargo", "puesto"]),
    "contact_email": (
        _("Email"),
        [
            "email",
            "e mail",
            "courriel",
            "adresse courriel",
            "correo",
            "correo electronico",
            "email address",
            "mail",
        ],
    ),
    "contact_phone": (_("Phone"), ["phone", "telephone", "telefono", "tel", "phone number", "numero de telephone"]),
    "contact_language": (
        _("Preferred language"),
        ["language", "langue", "idioma", "preferred language", "langue preferee"],
    ),
    "consent": (_("Consent to be contacted"), ["consent", "consentement", "consentimiento", "opt in", "consent given"]),
    "consent_date": (_("Consent date"), ["consent date", "date du consentement", "fecha de consentimiento"]),
}
EMAIL_VALUE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
URL_VALUE = re.compile(r"^(https?://)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/.*)?$", re.IGNORECASE)
NAICS_VALUE = re.compile(r"^\d{2,6}([,;\s]+\d{2,6})*$")


def target_choices():
    return [(key, label) for key, (label, _names) in TARGETS.items()]


def _by_values(values: list[str]) -> str | None:
    filled = [v for v in values if v.strip()]
    if len(filled) < 2:
        return None
    for target, pattern in (("contact_email", EMAIL_VALUE), ("naics", NAICS_VALUE), ("website", URL_VALUE)):
        if sum(bool(pattern.match(v.strip())) for v in filled) >= 0.8 * len(filled):
            return target
    return None


def _names_by_target() -> dict[str, set[str]]:
    """The header names each target answers to: its synonyms and its own label in the three languages
    (so a list exported by CEC Engage in any language maps back by itself)."""
    names = {target: set(synonyms) for target, (_label, synonyms) in TARGETS.items()}
    for language in ("en", "fr", "es"):
        with translation.override(language):
            for target, (label, _synonyms) in TARGETS.items():
                names[target].add(fold(str(label)))
    return names


def suggest_mapping(header: list[str], rows: list[list[str]]) -> dict[int, str]:
    """Column index → target, from the header names first, then from what the values look like."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    names = _names_by_target()
    for index, name in enumerate(header):
        key = fold(name)
        for target, known in names.items():
            if target not in taken and key in known:
                mapping[index] = target
                taken.add(target)
                break
    sample = rows[:50]
    for index in range(len(header)):
        if index in mapping:
            continue
        target = _by_values([row[index] if index < len(row) else "" for row in sample])
        if target and target not in taken:
            mapping[index] = target
            taken.add(target)
    return mapping
