"""Indicators of the strategy's objectives, their yearly targets, and the thresholds of their status.

The computation of each indicator lives in code (``reports.indicators``), one small function each; the
row here is what administrators may change: whether it is shown, and its name in the three languages.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from strategy.models import Objective, Unit
from strategy.translation import active_language


class Indicator(models.Model):
    """An indicator computed by the function registered under ``code``.

    A blank name falls back to the name the code gives (translated through the catalogues); an
    objective-less indicator belongs to the strategy's vision (the engagement ladder).
    """

    code = models.SlugField(_("code"), max_length=60, unique=True, editable=False)
    objective = models.ForeignKey(
        Objective,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("objective"),
        editable=False,
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    enabled = models.BooleanField(
        _("shown"), default=True, help_text=_("Switched-off indicators are neither computed nor shown.")
    )
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)

    class Meta:
        ordering = ["objective__goal__number", "objective__position", "position", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    @property
    def definition(self):
        from ..indicators import REGISTRY

        return REGISTRY.get(self.code)

    @property
    def name(self) -> str:
        """The administrators' name in the reader's language, else the name the code gives."""
        custom = getattr(self, f"name_{active_language()}") or self.name_en
        if custom:
            return custom
        definition = self.definition
        return str(definition.name) if definition else self.code


class Target(models.Model):
    """A yearly target for an indicator, for one unit or (without a unit) the whole Secretariat."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("unit")
    )
    value = models.DecimalField(
        _("target"), max_digits=18, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["indicator", "year", "unit"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        permissions = [("set_any_target", _("Can set targets for every unit and the whole Secretariat"))]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "unit"],
                condition=Q(unit__isnull=False),
                name="one_target_per_indicator_year_unit",
                violation_error_message=_("This unit already has a target for this indicator and year."),
            ),
            models.UniqueConstraint(
                fields=["indicator", "year"],
                condition=Q(unit__isnull=True),
                name="one_secretariat_target_per_indicator_year",
                violation_error_message=_("The Secretariat already has a target for this indicator and year."),
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="target_not_negative",
                violation_error_message=_("A target cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.year}: {self.value}"


class ProgressSettings(models.Model):
    """One row: the status thresholds and the baseline date of the vision, set by administrators.

    A value at or above ``on_track_percent`` of its expected progress is on track, at or above
    ``at_risk_percent`` at risk, below it off track.
    """

    on_track_percent = models.PositiveSmallIntegerField(
        _("on track from (% of expected progress)"), default=90, validators=[MaxValueValidator(1000)]
    )
    at_risk_percent = models.PositiveSmallIntegerField(
        _("at risk from (% of expected progress)"), default=60, validators=[MaxValueValidator(1000)]
    )
    baseline_date = models.DateField(
        _("baseline date"),
        null=True,
        blank=True,
        help_text=_("The engagement ladder is compared with the snapshot nearest this date."),
    )

    class Meta:
        verbose_name = _("progress settings")
        verbose_name_plural = _("progress settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(at_risk_percent__lte=models.F("on_track_percent")),
                name="at_risk_below_on_track",
                violation_error_message=_("The at-risk threshold cannot be above the on-track threshold."),
            )
        ]

    def __str__(self):
        return str(_("Progress settings"))

    @classmethod
    def current(cls) -> "ProgressSettings":
        settings_row, _created = cls.objects.get_or_create(pk=1)
        return settings_row
