"""A partnership and its way through the stages of the CEC Partnerships Action Plan."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from stakeholders.models import Contact, Interaction, Organization
from strategy.models import Action, Goal, Initiative, Objective, Pillar, Unit
from strategy.translation import Translated

from ..choices import CLOSED, PIPELINE, PartnershipType, StageCode


class Stage(models.Model):
    """A stage's names in the three languages. The codes are fixed: the gates depend on them."""

    code = models.CharField(_("code"), max_length=20, choices=StageCode.choices, unique=True, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), editable=False)
    name_en = models.CharField(_("name (English)"), max_length=60)
    name_fr = models.CharField(_("name (French)"), max_length=60, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=60, blank=True)

    name = Translated()

    class Meta:
        ordering = ["position"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self):
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.code in CLOSED


class PartnershipQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(stage__in=CLOSED)

    def for_cards(self):
        """What a card or a list row shows. The lead organization comes by its own query on its primary key:
        joined, PostgreSQL would rather scan the whole register than look up a few hundred rows."""
        return (
            self.select_related("stage", "owner", "unit")
            .prefetch_related(
                models.Prefetch("lead_organization", queryset=Organization.objects.only("id", "name", "hq_country"))
            )
            .only(
                "id",
                "title",
                "kind",
                "version",
                "stage",
                "stage_entered_at",
                "next_step_due",
                "lead_organization",
                "stage__code",
                "stage__name_en",
                "stage__name_fr",
                "stage__name_es",
                "owner__id",
                "owner__full_name",
                "owner__email",
                "unit__id",
                "unit__name_en",
                "unit__name_fr",
                "unit__name_es",
            )
        )


class Partnership(models.Model):
    title = models.CharField(pgettext_lazy("partnership", "title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=PartnershipType.choices)
    lead_organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="led_partnerships", verbose_name=_("lead organization")
    )
    partners = models.ManyToManyField(
        Organization, blank=True, related_name="partnerships", verbose_name=_("other partner organizations")
    )
    contacts = models.ManyToManyField(Contact, blank=True, related_name="partnerships", verbose_name=_("contacts"))
    initiatives = models.ManyToManyField(
        Initiative, blank=True, related_name="partnerships", verbose_name=_("CEC initiatives supported")
    )
    goals = models.ManyToManyField(Goal, blank=True, related_name="partnerships", verbose_name=_("goals"))
    objectives = models.ManyToManyField(
        Objective, blank=True, related_name="partnerships", verbose_name=_("objectives")
    )
    actions = models.ManyToManyField(Action, blank=True, related_name="partnerships", verbose_name=_("actions"))
    pillars = models.ManyToManyField(Pillar, blank=True, related_name="partnerships", verbose_name=_("pillars"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_partnerships",
        verbose_name=_("owner"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="partnerships", verbose_name=_("unit")
    )
    expected_start = models.DateField(_("expected start"), null=True, blank=True)
    expected_end = models.DateField(_("expected end"), null=True, blank=True)
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    next_step_due = models.DateField(_("next step due"), null=True, blank=True)

    stage = models.ForeignKey(
        Stage,
        to_field="code",
        on_delete=models.PROTECT,
        default=StageCode.IDENTIFIED,
        related_name="+",
        verbose_name=_("stage"),
    )
    stage_entered_at = models.DateTimeField(_("in this stage since"), default=timezone.now)
    close_reason = models.TextField(_("reason for closing"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved on"), null=True, blank=True)
    approval_note = models.TextField(_("approval note"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])
    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        permissions = [
            ("approve_partnership", _("Can approve a partnership for signature")),
            ("sign_partnership", _("Can move a partnership to agreement signed and beyond")),
        ]
        indexes = [
            models.Index(fields=["stage", "-stage_entered_at"], name="partnership_stage"),
            models.Index(fields=["unit", "-updated_at"], name="partnership_unit"),
            models.Index(fields=["owner", "-updated_at"], name="partnership_owner"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expected_end__isnull=True)
                | models.Q(expected_start__isnull=True)
                | models.Q(expected_end__gte=models.F("expected_start")),
                name="partnership_end_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnerships:partnership_detail", args=[self.pk])

    def clean(self):
        if self.expected_start and self.expected_end and self.expected_end < self.expected_start:
            raise ValidationError({"expected_end": _("The expected end cannot be before the expected start.")})

    @property
    def is_closed(self) -> bool:
        return self.stage_id in CLOSED

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    @property
    def days_in_stage(self) -> int:
        return (timezone.now() - self.stage_entered_at).days

    @property
    def stage_position(self) -> int:
        return PIPELINE.index(self.stage_id) if self.stage_id in PIPELINE else -1

    def organizations(self) -> list[Organization]:
        """The lead organization first, then the other partners."""
        others = [org for org in self.partners.all() if org.pk != self.lead_organization_id]
        return [self.lead_organization, *others]


class StageMove(models.Model):
    """One move through the pipeline: who, when, from where to where, and why."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="moves")
    from_stage = models.ForeignKey(
        Stage, to_field="code", on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("from")
    )
    to_stage = models.ForeignKey(
        Stage, to_field="code", on_delete=models.PROTECT, related_name="+", verbose_name=_("to")
    )
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    moved_at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["moved_at", "id"]
        verbose_name = _("stage move")
        verbose_name_plural = _("stage moves")
        indexes = [models.Index(fields=["partnership", "moved_at"], name="stagemove_partnership")]

    def __str__(self):
        return f"{self.from_stage_id} → {self.to_stage_id}"


class PartnershipStep(models.Model):
    """A step of a partnership logged as an interaction with its organizations."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="steps")
    interaction = models.OneToOneField(Interaction, on_delete=models.CASCADE, related_name="partnership_step")

    class Meta:
        verbose_name = _("partnership step")
        verbose_name_plural = _("partnership steps")

    def __str__(self):
        return str(self.interaction)
