"""The screening assessment against the key principles of section 6 of the strategy."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from strategy.models import KeyPrinciple

from ..choices import ConflictCheck, Recommendation, Risk, Score
from .pipeline import Partnership


class Assessment(models.Model):
    """One per partnership; ``completed_at`` is set once every principle is scored with evidence, the
    checks are done and a recommendation is made (the gate out of screening reads it)."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="assessment")
    conflict_of_interest = models.CharField(
        _("conflict-of-interest check"), max_length=12, choices=ConflictCheck.choices, blank=True
    )
    conflict_notes = models.TextField(_("conflict-of-interest notes"), blank=True)
    reputational_risk = models.CharField(_("reputational risk"), max_length=8, choices=Risk.choices, blank=True)
    reputational_notes = models.TextField(_("reputational check notes"), blank=True)
    recommendation = models.CharField(_("recommendation"), max_length=16, choices=Recommendation.choices, blank=True)
    recommendation_notes = models.TextField(_("conditions or reasons"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self):
        return str(self.partnership)

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class PrincipleScore(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    principle = models.ForeignKey(KeyPrinciple, on_delete=models.PROTECT, related_name="+", verbose_name=_("principle"))
    score = models.PositiveSmallIntegerField(_("score"), choices=Score.choices, null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        ordering = ["principle__section"]
        constraints = [models.UniqueConstraint(fields=["assessment", "principle"], name="unique_score_per_principle")]

    def __str__(self):
        return f"{self.principle}: {self.score}"
