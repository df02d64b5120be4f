"""Loads the register's reference data: NAICS 2022, provinces and states, interaction types.

Used by the data migration and safe to run again. ``apps`` is a migration's historical registry or
Django's own.
"""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SECTOR_RANGES = {
    "31": "31-33",
    "32": "31-33",
    "33": "31-33",
    "44": "44-45",
    "45": "44-45",
    "48": "48-49",
    "49": "48-49",
}

# (code, English, French, Spanish, level): each type implies a rung of the ladder (section 3 of the
# strategy): 1 passive (receives information), 2 active (talks, knowledge exchange), 3 collaborative
# (formal partnership or funding agreement). Administrators can change the rung of each type.
INTERACTION_TYPES = [
    ("information-shared", "Information shared", "Information transmise", "Información compartida", 1),
    (
        "webinar",
        "Webinar or presentation attended",
        "Participation à un webinaire ou à une présentation",
        "Asistencia a un seminario web o presentación",
        1,
    ),
    (
        "advice-to-unit",
        "Support and advice to a unit",
        "Soutien et conseils à une unité",
        "Apoyo y asesoría a una unidad",
        1,
    ),
    ("meeting", "Meeting", "Réunion", "Reunión", 2),
    ("call", "Call or video call", "Appel ou vidéoconférence", "Llamada o videollamada", 2),
    ("email-exchange", "Email exchange", "Échange de courriels", "Intercambio de correos", 2),
    ("conference", "Conference or workshop", "Conférence ou atelier", "Conferencia o taller", 2),
    ("roundtable", "Roundtable", "Table ronde", "Mesa redonda", 2),
    ("committee", "Committee meeting", "Réunion de comité", "Reunión de comité", 2),
    ("survey-response", "Survey response", "Réponse à un sondage", "Respuesta a una encuesta", 2),
    ("partnership", "Partnership activity", "Activité de partenariat", "Actividad de la alianza", 3),
]


def _rows(name: str):
    with open(DATA / name, encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle)


def parent_code(code: str) -> str | None:
    if len(code) == 3:
        return SECTOR_RANGES.get(code[:2], code[:2])
    if len(code) >= 4:
        return code[:-1]
    return None


def load_naics(apps) -> None:
    NaicsCode = apps.get_model("stakeholders", "NaicsCode")
    # Sectors and subsectors of the three editions, with their French and Spanish titles.
    for row in _rows("naics-2022-titles-fr-es.csv"):
        code = row["code"]
        NaicsCode.objects.update_or_create(
            code=code,
            defaults={
                "level": 2 if len(code) == 2 or "-" in code else 3,
                "parent_id": parent_code(code) if len(code) == 3 else None,
                "title_en": row["title_en"],
                "title_fr": row["title_fr"],
                "title_es": row["title_es"],
                "variant": row["variant"],
            },
        )
    # Industry groups and industries of NAICS Canada 2022, in English (titles below the subsector are
    # shown as given; classification uses sectors and subsectors only).
    existing = set(NaicsCode.objects.filter(level__gte=4).values_list("code", flat=True))
    NaicsCode.objects.bulk_create(
        NaicsCode(
            code=row["code"],
            level=len(row["code"]),
            parent_id=row["parent"],
            title_en=row["title_en"],
            variant="shared" if len(row["code"]) == 4 else "CA",
        )
        for row in _rows("naics-2022-canada-en.csv")
        if row["code"] not in existing
    )


def load_regions(apps) -> None:
    Region = apps.get_model("stakeholders", "Region")
    for row in _rows("regions.csv"):
        Region.objects.update_or_create(
            country=row["country"],
            code=row["code"],
            defaults={key: row[key] for key in ("name_en", "name_fr", "name_es", "aliases")},
        )


def load_interaction_types(apps) -> None:
    InteractionType = apps.get_model("stakeholders", "InteractionType")
    for position, (code, en, fr, es, level) in enumerate(INTERACTION_TYPES, start=1):
        InteractionType.objects.get_or_create(
            code=code, defaults={"name_en": en, "name_fr": fr, "name_es": es, "level": level, "position": position}
        )
    apps.get_model("stakeholders", "LadderSettings").objects.get_or_create(pk=1)


def load_reference_data(apps) -> None:
    load_naics(apps)
    load_regions(apps)
    load_interaction_types(apps)
