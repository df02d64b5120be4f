"""Reference data of the register: NAICS, provinces and states, interaction types, ladder settings, tags."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from strategy.translation import Translated

from ..choices import Country, Level


class NaicsLevel(models.IntegerChoices):
    SECTOR = 2, _("Sector")
    SUBSECTOR = 3, _("Subsector")
    INDUSTRY_GROUP = 4, _("Industry group")
    INDUSTRY = 5, _("Industry")
    NATIONAL_INDUSTRY = 6, _("National industry")


class NaicsCode(models.Model):
    """A code of the North American Industry Classification System (NAICS 2022 / SCIAN).

    Sectors and subsectors carry titles in the three languages. ``variant`` says which countries'
    editions hold the code ("shared", or e.g. "CA", "US MX"): 6-digit national industries differ
    between NAICS Canada, NAICS United States and SCIAN México, so organizations are classified by
    their shared sector and subsector.
    """

    code = models.CharField(_("code"), max_length=6, primary_key=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=NaicsLevel.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    title_en = models.CharField(_("title (English)"), max_length=250)
    title_fr = models.CharField(_("title (French)"), max_length=250, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=250, blank=True)
    variant = models.CharField(_("editions"), max_length=20, default="shared")

    title = Translated()

    class Meta:
        ordering = ["code"]
        verbose_name = _("NAICS code")
        verbose_name_plural = _("NAICS codes")

    def __str__(self):
        return f"{self.code} {self.title}"


class Region(models.Model):
    """A province, territory or state of one of the three countries."""

    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    code = models.CharField(_("code"), max_length=3)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_es = models.CharField(_("name (Spanish)"), max_length=100)
    aliases = models.CharField(_("other names"), max_length=300, blank=True, help_text=_("Separated by |"))

    name = Translated()

    class Meta:
        ordering = ["country", "name_en"]
        verbose_name = _("province or state")
        verbose_name_plural = _("provinces and states")
        constraints = [models.UniqueConstraint(fields=["country", "code"], name="unique_region_code")]

    def __str__(self):
        return self.name


class InteractionType(models.Model):
    """A kind of interaction and the rung of the engagement ladder it implies (set by administrators)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_es = models.CharField(_("name (Spanish)"), max_length=100)
    level = models.PositiveSmallIntegerField(_("engagement level"), choices=Level.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("offered in forms"), default=True)

    name = Translated()

    class Meta:
        ordering = ["position", "name_en"]
        verbose_name = _("interaction type")
        verbose_name_plural = _("interaction types")

    def __str__(self):
        return self.name


class LadderSettings(models.Model):
    """The one row of engagement-ladder settings: how far back interactions count."""

    window_days = models.PositiveIntegerField(
        _("rolling window (days)"),
        default=365,
        validators=[MinValueValidator(1)],
        help_text=_("An organization's level comes from its interactions in this many past days."),
    )

    class Meta:
        verbose_name = _("engagement ladder settings")
        verbose_name_plural = _("engagement ladder settings")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls) -> "LadderSettings":
        """The settings row (loaded by migration); the defaults if an administrator removed it."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class Tag(models.Model):
    """A free label staff put on organizations (e.g. "YIC 2024 sponsor prospect")."""

    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name
