"""A survey as its owner builds it: trilingual texts, sections, questions and their choices."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stakeholders.models import NaicsCode
from strategy.models import Action, AreaOfRelevance, Objective, Pillar
from strategy.translation import Translated

from ..choices import CHOICE_KINDS, QuestionKind, SurveyStatus


def new_token() -> str:
    """An unguessable link token: 32 bytes (256 bits) from the secrets module."""
    return secrets.token_urlsafe(32)


class Survey(models.Model):
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=300, blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    intro_fr = models.TextField(_("introduction (French)"), blank=True)
    intro_es = models.TextField(_("introduction (Spanish)"), blank=True)
    closing_en = models.TextField(_("closing text (English)"), blank=True)
    closing_fr = models.TextField(_("closing text (French)"), blank=True)
    closing_es = models.TextField(_("closing text (Spanish)"), blank=True)
    status = models.CharField(_("status"), max_length=8, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT)
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    objectives = models.ManyToManyField(Objective, blank=True, related_name="surveys", verbose_name=_("objectives"))
    actions = models.ManyToManyField(Action, blank=True, related_name="surveys", verbose_name=_("actions"))
    open_link_enabled = models.BooleanField(
        _("open link"), default=False, help_text=_("A link without a personal token, e.g. for a conference audience.")
    )
    open_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="surveys",
        verbose_name=_("owner"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    title = Translated()
    intro = Translated()
    closing = Translated()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        permissions = [
            ("send_survey", _("Can send a survey's invitations and reminders")),
            ("view_respondents", _("Can see who responded and export the responses")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__isnull=True)
                | models.Q(opens_on__isnull=True)
                | models.Q(closes_on__gte=models.F("opens_on")),
                name="survey_closes_after_it_opens",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("surveys:survey_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == SurveyStatus.OPEN


class Section(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=300, blank=True)

    title = Translated()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.title


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions", verbose_name=_("section"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("type"), max_length=12, choices=QuestionKind.choices)
    text_en = models.CharField(_("question (English)"), max_length=500)
    text_fr = models.CharField(_("question (French)"), max_length=500, blank=True)
    text_es = models.CharField(_("question (Spanish)"), max_length=500, blank=True)
    help_en = models.CharField(_("help (English)"), max_length=300, blank=True)
    help_fr = models.CharField(_("help (French)"), max_length=300, blank=True)
    help_es = models.CharField(_("help (Spanish)"), max_length=300, blank=True)
    low_label_en = models.CharField(_("lowest value means (English)"), max_length=60, blank=True)
    low_label_fr = models.CharField(_("lowest value means (French)"), max_length=60, blank=True)
    low_label_es = models.CharField(_("lowest value means (Spanish)"), max_length=60, blank=True)
    high_label_en = models.CharField(_("highest value means (English)"), max_length=60, blank=True)
    high_label_fr = models.CharField(_("highest value means (French)"), max_length=60, blank=True)
    high_label_es = models.CharField(_("highest value means (Spanish)"), max_length=60, blank=True)
    required = models.BooleanField(_("required"), default=False)

    text = Translated()
    help = Translated()
    low_label = Translated()
    high_label = Translated()

    class Meta:
        ordering = ["section__position", "position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        indexes = [models.Index(fields=["survey", "position"], name="question_survey_position")]

    def __str__(self):
        return self.text

    @property
    def has_choices(self) -> bool:
        return self.kind in CHOICE_KINDS


class Choice(models.Model):
    """An answer offered. Pillar, area, country and sector questions get theirs from the reference data."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label_en = models.CharField(_("choice (English)"), max_length=300)
    label_fr = models.CharField(_("choice (French)"), max_length=300, blank=True)
    label_es = models.CharField(_("choice (Spanish)"), max_length=300, blank=True)
    pillar = models.ForeignKey(Pillar, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    area = models.ForeignKey(AreaOfRelevance, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    sector = models.ForeignKey(NaicsCode, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    country = models.CharField(max_length=2, blank=True)

    label = Translated()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.label
