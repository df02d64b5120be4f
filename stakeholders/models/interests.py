"""Areas of interest an organization stated itself (in a survey answer, for example), with the date."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from strategy.models import AreaOfRelevance

from .organizations import Organization


class StatedInterest(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="stated_interests")
    area = models.ForeignKey(AreaOfRelevance, on_delete=models.PROTECT, related_name="+", verbose_name=_("area"))
    stated_on = models.DateField(_("stated on"))
    source = models.CharField(_("stated in"), max_length=300)

    class Meta:
        ordering = ["-stated_on", "id"]
        verbose_name = _("stated interest")
        verbose_name_plural = _("stated interests")
        constraints = [
            models.UniqueConstraint(fields=["organization", "area", "source"], name="one_statement_per_source")
        ]

    def __str__(self):
        return f"{self.area} ({self.source}, {self.stated_on})"
