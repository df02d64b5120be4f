"""Interactions, the daily heartbeat of the register, and the follow-ups they lead to."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..choices import Mode, choice_display
from .contacts import Contact
from .organizations import Organization
from .reference import InteractionType


class Interaction(models.Model):
    """A meeting, call, exchange or event with one or more organizations.

    Written only through ``stakeholders.services.interactions``, which also moves the engagement
    ladder; roundtables, surveys and partnerships log theirs through the same service.
    """

    occurred_on = models.DateField(_("date"), db_index=True)
    kind = models.ForeignKey(InteractionType, on_delete=models.PROTECT, related_name="+", verbose_name=_("type"))
    mode = models.CharField(_("online or in person"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    organizations = models.ManyToManyField(
        Organization, through="InteractionOrganization", related_name="interactions", verbose_name=_("organizations")
    )
    contacts = models.ManyToManyField(Contact, blank=True, related_name="interactions", verbose_name=_("contacts"))
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="interactions_attended", verbose_name=_("staff present")
    )
    unit = models.ForeignKey(
        "strategy.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("unit")
    )
    objectives = models.ManyToManyField(
        "strategy.Objective", blank=True, related_name="+", verbose_name=_("objectives advanced")
    )
    actions = models.ManyToManyField(
        "strategy.Action", blank=True, related_name="+", verbose_name=_("actions advanced")
    )
    pillars = models.ManyToManyField("strategy.Pillar", blank=True, related_name="+", verbose_name=_("pillars"))
    summary = models.TextField(_("summary"))
    # A summary the app wrote itself (an answered survey, an attended event) is kept as a code and its
    # values, and shown in the reader's language (``stakeholders.summaries``); ``summary`` then holds it
    # in English, for search and exports. A person's own words leave the code empty.
    summary_code = models.CharField(max_length=40, blank=True, default="", db_default="", editable=False)
    summary_values = models.JSONField(default=dict, db_default={}, blank=True, editable=False)
    outcome = models.TextField(_("outcome"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logged by"),
    )
    created_at = models.DateTimeField(_("logged"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        indexes = [models.Index(fields=["-occurred_on", "-id"], name="interaction_keyset")]

    def __str__(self):
        return f"{self.kind} · {self.occurred_on}"

    def get_absolute_url(self):
        return reverse("stakeholders:interaction_detail", args=[self.pk])

    get_mode_display = choice_display("mode", Mode)

    @property
    def summary_shown(self) -> str:
        """The summary in the reader's language."""
        from ..summaries import summary_text

        return summary_text(self)


class InteractionOrganization(models.Model):
    """An organization's part in an interaction. ``occurred_on`` repeats the interaction's date so an
    organization's timeline reads one index, however long it grows."""

    interaction = models.ForeignKey(Interaction, on_delete=models.CASCADE, related_name="participations")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="participations")
    occurred_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "interaction"], name="unique_interaction_organization")
        ]
        indexes = [models.Index(fields=["organization", "-occurred_on", "-interaction"], name="participation_timeline")]

    def __str__(self):
        return f"{self.organization_id} in {self.interaction_id}"


class FollowUpQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)


class FollowUp(models.Model):
    """Something to do after an interaction, with an owner and a due date."""

    interaction = models.ForeignKey(
        Interaction, on_delete=models.CASCADE, null=True, blank=True, related_name="followups"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="followups", verbose_name=_("organization")
    )
    description = models.CharField(_("what to do"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="followups", verbose_name=_("owner")
    )
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when an engagement plan made it, for an organization behind the plan's cadence.
    plan = models.ForeignKey(
        "EngagementPlan", on_delete=models.CASCADE, null=True, blank=True, related_name="followups", editable=False
    )

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        indexes = [
            models.Index(fields=["owner", "due_on"], name="followup_open_by_owner", condition=models.Q(done_at=None)),
            models.Index(fields=["organization", "due_on"], name="followup_by_org"),
        ]
        constraints = [
            # A plan's nightly run may overlap another: the database keeps one open follow-up per organization.
            models.UniqueConstraint(
                fields=["plan", "organization"],
                condition=models.Q(done_at=None, plan__isnull=False),
                name="one_open_followup_per_plan_org",
            )
        ]

    def __str__(self):
        return self.description

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class DigestSent(models.Model):
    """The daily follow-up digest went to this person on this day; makes the job safe to run twice."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "sent_on"], name="one_digest_per_person_per_day")]

    def __str__(self):
        return f"{self.owner_id} {self.sent_on}"
