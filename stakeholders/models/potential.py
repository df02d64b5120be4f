"""How much an organization could support CEC initiatives, as the Secretariat rates it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .organizations import Organization


class Potential(models.IntegerChoices):
    """Potential to support CEC initiatives: the other axis of the stakeholder matrix, beside the ladder."""

    LOW = 1, _("Low")
    MEDIUM = 2, _("Medium")
    HIGH = 3, _("High")


class PotentialRating(models.Model):
    """An organization's rated potential to support CEC initiatives, and who rated it when.

    Kept apart from ``Organization``: it is a judgement of the Secretariat, not a fact of the
    organization, and rating it must not touch the organization's own version or history. Each change
    is kept in the rating's history (who, when, from what to what).
    """

    organization = models.OneToOneField(
        Organization,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="potential_rating",
        verbose_name=_("organization"),
    )
    potential = models.PositiveSmallIntegerField(_("potential to support CEC initiatives"), choices=Potential.choices)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rated by"),
    )
    rated_at = models.DateTimeField(_("rated"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organization"]
        verbose_name = _("potential rating")
        verbose_name_plural = _("potential ratings")
        # The stakeholder matrix joins ratings to organizations and counts them from this index alone.
        indexes = [models.Index(fields=["organization", "potential"], name="potential_organization")]
        permissions = [("rate_potential", _("Can rate an organization's potential to support CEC initiatives"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(potential__in=Potential.values),
                name="potential_in_scale",
                violation_error_message=_("Choose low, medium or high."),
            )
        ]

    def __str__(self):
        return f"{self.organization_id}: {self.get_potential_display()}"
