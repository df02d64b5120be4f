"""Engagement plans: a saved group of organizations, the ladder level to bring them to, and how often to
contact each of them."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..choices import Level, choice_display


class Cadence(models.IntegerChoices):
    """How often each organization of a plan should hear from the Secretariat, in days."""

    MONTH = 30, _("Once a month")
    QUARTER = 91, _("Once a quarter")
    HALF_YEAR = 182, _("Once every six months")
    YEAR = 365, _("Once a year")


class TargetGroup(models.Model):
    """A saved filter of the organization list: ``query`` is the list's query string, checked by its
    FilterSet when saved and read strictly again each time (``selectors.target_group_organizations``), so
    the group follows the register as organizations are added or move up the ladder."""

    name = models.CharField(_("name"), max_length=200)
    query = models.TextField(_("filter"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="target_groups", verbose_name=_("owner")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_default=Now())

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self):
        return self.name

    def get_list_url(self) -> str:
        return reverse("stakeholders:organization_list") + (f"?{self.query}" if self.query else "")


class EngagementPlan(models.Model):
    """Bring a target group up the engagement ladder by a date, contacting each organization at a cadence."""

    name = models.CharField(_("name"), max_length=200)
    target_group = models.ForeignKey(
        TargetGroup, on_delete=models.PROTECT, related_name="plans", verbose_name=_("target group")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="engagement_plans", verbose_name=_("owner")
    )
    goal_level = models.PositiveSmallIntegerField(_("goal level"), choices=Level.choices)
    cadence_days = models.PositiveSmallIntegerField(_("contact cadence"), choices=Cadence.choices)
    due_on = models.DateField(_("due"))
    notes = models.TextField(_("notes"), blank=True, default="", db_default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_default=Now())
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_default=Now())

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("engagement plan")
        verbose_name_plural = _("engagement plans")
        permissions = [("change_any_engagementplan", _("Can edit every engagement plan"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("stakeholders:plan_detail", args=[self.pk])

    get_goal_level_display = choice_display("goal_level", Level)
    get_cadence_days_display = choice_display("cadence_days", Cadence)
