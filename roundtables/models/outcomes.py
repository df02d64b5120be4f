"""What came out of an event, and what is to be done after it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stakeholders.models import FollowUp, Organization
from strategy.models import Pillar

from ..choices import OutcomeKind
from .events import Event


class OutcomeQuerySet(models.QuerySet):
    def issues(self):
        return self.filter(kind=OutcomeKind.ISSUE)

    def in_kind_order(self):
        """Best practices, barriers, lessons learned, then issues of common interest (as the types are
        listed), oldest first within each."""
        order = models.Case(
            *(models.When(kind=kind, then=models.Value(position)) for position, kind in enumerate(OutcomeKind)),
            default=models.Value(len(OutcomeKind)),
            output_field=models.IntegerField(),
        )
        return self.order_by(order, "id")


class Outcome(models.Model):
    """A best practice, barrier, lesson learned or issue of common interest, as written by staff."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(_("type"), max_length=16, choices=OutcomeKind.choices)
    text = models.TextField(_("outcome"))
    pillars = models.ManyToManyField(Pillar, blank=True, related_name="event_outcomes", verbose_name=_("pillars"))
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="event_outcomes", verbose_name=_("organizations")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = OutcomeQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        indexes = [models.Index(fields=["kind", "-created_at"], name="outcome_kind")]

    def __str__(self):
        return self.text[:80]


class EventAction(models.Model):
    """A follow-up action decided at an event. The follow-up itself lives in the register, so it shows in
    its owner's follow-ups and on the organization's page."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="follow_up_actions")
    outcome = models.ForeignKey(
        Outcome, on_delete=models.SET_NULL, null=True, blank=True, related_name="follow_up_actions"
    )
    followup = models.OneToOneField(FollowUp, on_delete=models.CASCADE, related_name="event_action")

    class Meta:
        ordering = ["followup__due_on", "id"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self):
        return str(self.followup)
