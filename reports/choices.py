from django.db import models
from django.utils.translation import gettext_lazy as _


class Measure(models.TextChoices):
    """What an indicator's value counts, so pages format it and compare it with its target."""

    COUNT = "count", _("Count")
    PERCENT = "percent", _("Percentage")
    MONEY = "money", _("Amount in the reporting currency")
    DAYS = "days", _("Days")


class Dimension(models.TextChoices):
    """How a snapshot value is broken down. ``ALL`` is the whole Secretariat."""

    ALL = "all", _("Whole Secretariat")
    UNIT = "unit", _("Unit")
    COUNTRY = "country", _("Country")
    PILLAR = "pillar", _("Pillar")
    SECTOR = "sector", _("NAICS sector")
    CATEGORY = "category", _("Stakeholder category")
    STAGE = "stage", _("Stage")
    LEVEL = "level", _("Engagement level")


class Status(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    NO_TARGET = "no_target", _("No target")
    NO_DATA = "no_data", _("No data")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for a worker")
    RUNNING = "running", _("Computing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
