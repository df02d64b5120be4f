"""The French and Spanish catalogues use one term per concept, the CEC's where it has one
(/work/shared/GLOSSARY.md), and French msgstrs follow French typography.

Terms the glossary leaves open are fixed here once, so that a new string cannot bring back a variant:
a partnership's *stage* is « phase » / « etapa », a logged *step* « étape » / « paso »; an
*equity-deserving* focus is « en quête d’équité » (the Government of Canada's usage) /
« en situación de vulnerabilidad » (Mexico's); the *Corporation* category is « Empresa ».
"""

import re

import polib
import pytest
from django.conf import settings

from stakeholders.models import InteractionType

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"

# Variants a reader would take for another concept or for an outsider's word, per language: (pattern,
# the glossary's term). Each pattern is matched in every msgstr, case-insensitively.
FORBIDDEN = {
    "fr": [
        (r"méritant l’équité|méritant l'équité", "en quête d’équité"),
        (r"\bComité consultatif public conjoint\b", "Comité consultatif public mixte"),
        (r"\bCommission pour la coopération environnementale\b", "Commission de coopération environnementale"),
        (r"\bALENA\b", "ACEUM"),
        (r"\bintervenants? clés?\b", "parties prenantes"),
        (r"\bpipeline\b|\bcheminement\b", "portefeuille (pipeline of partnerships)"),
        (r"\bengagement (?:passif|actif|collaboratif)\b", "mobilisation passive / active / collaborative"),
        (r"\bsuivie? ou présentation\b|présentation suivi\b", "a participle agreeing with both nouns"),
    ],
    "es": [
        (r"requieren equidad|merecedores de equidad", "en situación de vulnerabilidad"),
        (r"\bCorporación\b", "Empresa"),
        (r"\bSecretaría\b", "Secretariado"),
        (r"\bComisión de Cooperación Ambiental\b", "Comisión para la Cooperación Ambiental"),
        (r"\bTLCAN\b", "T-MEC"),
        (r"\bgrupos? de interés\b", "parte interesada / actor"),
        (r"\bsociedad(?:es)? estratégicas?\b|\bpartenariado\b", "alianza"),
        (r"\bemail\b|\be-mail\b", "correo electrónico"),
        (r"\bcompromiso (?:pasivo|activo|colaborativo)\b", "participación pasiva / activa / colaborativa"),
    ],
}

# One term per concept where a catalogue has two words for two things: a msgid naming the concept must
# be translated with the term, never with the other concept's word.
CONCEPTS = {
    "fr": [(r"\bstages?\b", r"\bphases?\b", r"\bétapes?\b"), (r"\bsteps?\b", r"\bétapes?\b", r"\bphases?\b")],
    "es": [(r"\bstages?\b", r"\betapas?\b", r"\bpasos?\b"), (r"\bsteps?\b", r"\bpasos?\b", r"\betapas?\b")],
}


def catalogue(language):
    return polib.pofile(str(settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.po"))


def translations(entry):
    """The entry's translated texts, placeholders taken out (``%(email)s`` is not a word of the text)."""
    texts = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
    return [re.sub(r"%\(\w+\)[sd]|\{\{[^}]*\}\}", "", text) for text in texts]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_no_msgstr_uses_a_variant_the_glossary_replaces(language):
    found = [
        (text, term)
        for entry in catalogue(language)
        for text in translations(entry)
        for pattern, term in FORBIDDEN[language]
        if re.search(pattern, text, re.IGNORECASE)
    ]
    assert not found, found


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_stage_is_never_called_a_step_nor_a_step_a_stage(language):
    mixed = []
    for entry in catalogue(language):
        source = f"{entry.msgid} {entry.msgid_plural}"
        for concept, term, other in CONCEPTS[language]:
            # A string naming both concepts is checked by eye; the others take their own term only.
            if not re.search(concept, source, re.IGNORECASE) or any(
                re.search(c, source, re.IGNORECASE) for c, _, _ in CONCEPTS[language] if c != concept
            ):
                continue
            for text in translations(entry):
                if not re.search(term, text, re.IGNORECASE) or re.search(other, text, re.IGNORECASE):
                    mixed.append((entry.msgid, text))
    assert not mixed, mixed


# French typography (Office québécois de la langue française): a non-breaking space before the colon, a
# narrow non-breaking space before ; ! ?, and non-breaking spaces inside « ». Only punctuation that ends a
# clause counts (followed by a space or the end), so "http://", "9:30" and "?page=" are left alone.
FRENCH_SPACING = [
    (r"(?<!\u00a0):(?=\s|$)", "a non-breaking space before “:”"),
    (r"(?<![\u202f\u00a0])[;!?](?=\s|$|\))", "a narrow non-breaking space before “; ! ?”"),
    (r"«(?!\u00a0)", "a non-breaking space after «"),
    (r"(?<!\u00a0)»", "a non-breaking space before »"),
    (r"[“”]", "« » rather than English quotation marks"),
]


def test_french_msgstrs_follow_french_typography():
    wrong = [
        (text, rule)
        for entry in catalogue("fr")
        for text in translations(entry)
        for pattern, rule in FRENCH_SPACING
        if re.search(pattern, text)
    ]
    assert not wrong, wrong[:20]


@pytest.mark.django_db
def test_the_webinar_interaction_type_reads_as_a_whole_in_french_and_spanish():
    webinar = InteractionType.objects.get(code="webinar")
    assert webinar.name_fr == "Participation à un webinaire ou à une présentation"
    assert webinar.name_es == "Asistencia a un seminario web o presentación"


def test_no_template_glues_a_colon_to_a_translated_label():
    """``{% translate "Mean" %}:`` leaves French without its space before the colon: the colon belongs in the
    msgid ("Mean:"), where each language writes it its own way."""
    glued = [
        f"{path.relative_to(settings.BASE_DIR)}: {match.group(0)}"
        for path in (settings.BASE_DIR / "templates").rglob("*.html")
        for match in re.finditer(r"\{% translate (\"[^\"]*\"|'[^']*') %\}:", path.read_text(encoding="utf-8"))
    ]
    assert not glued, glued
