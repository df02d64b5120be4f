"""The engagement ladder's records: commitments from other apps and every change of level."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ChangeReason, Level
from .interactions import Interaction
from .organizations import Organization


class Commitment(models.Model):
    """A standing reason for a level that is not an interaction, e.g. a signed partnership.

    Other apps open and close commitments through ``stakeholders.services.engagement``; while one is
    open, the organization is at least at its level. ``source`` is the record behind it.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="commitments")
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("source_type", "source_id")
    label = models.CharField(_("cause"), max_length=300)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "source_type", "source_id"], name="unique_commitment_per_source"
            )
        ]

    def __str__(self):
        return self.label


class LevelChange(models.Model):
    """A change of an organization's engagement level, with its date and cause."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="level_changes")
    changed_on = models.DateField(_("date"))
    from_level = models.PositiveSmallIntegerField(_("from"), choices=Level.choices, null=True)
    to_level = models.PositiveSmallIntegerField(_("to"), choices=Level.choices, null=True)
    interaction = models.ForeignKey(Interaction, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    commitment = models.ForeignKey(Commitment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reason = models.CharField(_("reason"), max_length=20, choices=ChangeReason.choices)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_on", "-id"]
        verbose_name = _("engagement level change")
        verbose_name_plural = _("engagement level changes")
        indexes = [models.Index(fields=["organization", "-changed_on"], name="levelchange_by_org")]

    def __str__(self):
        return f"{self.organization_id}: {self.from_level} → {self.to_level}"
