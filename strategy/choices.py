from django.db import models
from django.utils.translation import gettext_lazy as _


class PillarKind(models.TextChoices):
    PILLAR = "pillar", _("Strategic pillar")
    APPROACH = "approach", _("Cross-cutting approach")


class InitiativeKind(models.TextChoices):
    OPERATIONAL_PLAN = "operational_plan", _("Operational Plan project")
    PILOT = "pilot", _("Pilot project")
    PROGRAM = "program", _("Ongoing program")
    PAST = "past", _("Past project")


class InitiativeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
