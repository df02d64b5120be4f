"""Resources leveraged (goal 4) and the yearly rates that turn them into one reporting currency."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Currency, ResourceKind
from .pipeline import Partnership


class Resource(models.Model):
    """What a partner brings. Financial and in-kind resources carry an amount in their own currency."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="resources")
    kind = models.CharField(_("kind"), max_length=12, choices=ResourceKind.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    pledged = models.DecimalField(
        _("pledged"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    received = models.DecimalField(
        _("received"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("The year whose exchange rate applies."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("resource leveraged")
        verbose_name_plural = _("resources leveraged")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(pledged__isnull=True) | models.Q(pledged__gte=0))
                & (models.Q(received__isnull=True) | models.Q(received__gte=0)),
                name="resource_amounts_not_negative",
            )
        ]

    def __str__(self):
        return self.description or self.get_kind_display()


class CurrencySettings(models.Model):
    """The one currency totals are reported in (a single row, kept by administrators)."""

    reporting_currency = models.CharField(
        _("reporting currency"), max_length=3, choices=Currency.choices, default=Currency.CAD
    )

    class Meta:
        verbose_name = _("reporting currency")
        verbose_name_plural = _("reporting currency")

    def __str__(self):
        return self.reporting_currency

    @classmethod
    def current(cls) -> "CurrencySettings":
        return cls.objects.first() or cls()


class ExchangeRate(models.Model):
    """How much one unit of ``currency`` was worth in ``to_currency`` for a year."""

    year = models.PositiveSmallIntegerField(_("year"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    to_currency = models.CharField(_("in"), max_length=3, choices=Currency.choices)
    rate = models.DecimalField(_("rate"), max_digits=16, decimal_places=6, validators=[MinValueValidator(0.000001)])

    class Meta:
        ordering = ["-year", "currency", "to_currency"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(fields=["year", "currency", "to_currency"], name="unique_rate_per_year"),
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="rate_positive"),
        ]

    def __str__(self):
        return f"{self.year}: 1 {self.currency} = {self.rate} {self.to_currency}"
