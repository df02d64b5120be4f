"""The stages' names in the three languages, loaded by migration (administrators may rename them)."""

from .choices import CLOSING, PIPELINE

STAGE_NAMES = {
    "identified": ("Identified", "Repéré", "Identificada"),
    "screening": ("Screening", "Examen préliminaire", "Evaluación preliminar"),
    "due_diligence": ("Due diligence", "Vérification diligente", "Debida diligencia"),
    "negotiation": ("Negotiation", "Négociation", "Negociación"),
    "agreement_signed": ("Agreement signed", "Entente signée", "Acuerdo firmado"),
    "active": ("Active", "En cours", "Activa"),
    "completed": ("Completed", "Terminé", "Concluida"),
    "declined": ("Declined", "Refusé", "Rechazada"),
    "withdrawn": ("Withdrawn", "Retiré", "Retirada"),
}


def load_stages(apps) -> None:
    """Create the stages that are missing; names an administrator changed are kept."""
    Stage = apps.get_model("partnerships", "Stage")
    for position, code in enumerate([*PIPELINE, *sorted(CLOSING)]):
        name_en, name_fr, name_es = STAGE_NAMES[code]
        Stage.objects.get_or_create(
            code=code, defaults={"position": position, "name_en": name_en, "name_fr": name_fr, "name_es": name_es}
        )
    CurrencySettings = apps.get_model("partnerships", "CurrencySettings")
    if not CurrencySettings.objects.exists():
        CurrencySettings.objects.create(reporting_currency="CAD")
