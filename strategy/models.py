"""The strategy's frame: the ground every other app stands on.

Goals, objectives and actions come from sections 5.3 and 5.4 of the CEC Private Sector Engagement
Strategy (2023); pillars, cross-cutting approaches and their areas of relevance from its Annex 1; key
principles and core values from section 6. The texts are loaded by a data migration in English, French
and Spanish and stay editable by administrators.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import InitiativeKind, InitiativeStatus, PillarKind
from .translation import Translated


class Goal(models.Model):
    """One of the four strategic goals (section 5.3)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=300, blank=True)

    title = Translated()

    class Meta:
        ordering = ["number"]
        verbose_name = _("strategic goal")
        verbose_name_plural = _("strategic goals")

    def __str__(self):
        return f"{self.number}. {self.title}"


class Objective(models.Model):
    """An objective under a goal (section 5.4), numbered like 1.1."""

    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="objectives", verbose_name=_("goal"))
    code = models.CharField(_("code"), max_length=10, unique=True)
    position = models.PositiveSmallIntegerField(_("position"))
    text_en = models.TextField(_("text (English)"))
    text_fr = models.TextField(_("text (French)"), blank=True)
    text_es = models.TextField(_("text (Spanish)"), blank=True)

    text = Translated()

    class Meta:
        ordering = ["goal__number", "position"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self):
        return f"{self.code} {self.text}"


class Action(models.Model):
    """An action item serving an objective (section 5.4), numbered like 1.1.3."""

    objective = models.ForeignKey(
        Objective, on_delete=models.PROTECT, related_name="actions", verbose_name=_("objective")
    )
    code = models.CharField(_("code"), max_length=10, unique=True)
    position = models.PositiveSmallIntegerField(_("position"))
    text_en = models.TextField(_("text (English)"))
    text_fr = models.TextField(_("text (French)"), blank=True)
    text_es = models.TextField(_("text (Spanish)"), blank=True)

    text = Translated()

    class Meta:
        ordering = ["objective__goal__number", "objective__position", "position"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return f"{self.code} {self.text}"


class Pillar(models.Model):
    """A pillar of the Strategic Plan 2021–2025 or one of its two cross-cutting approaches (Annex 1)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=PillarKind.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)

    name = Translated()

    class Meta:
        ordering = ["position"]
        verbose_name = _("pillar or cross-cutting approach")
        verbose_name_plural = _("pillars and cross-cutting approaches")

    def __str__(self):
        return self.name


class AreaOfRelevance(models.Model):
    """An area of relevance for private sector engagement under a pillar (Annex 1).

    ``label`` is the short key phrase the Annex highlights (e.g. "Mining sector"), used in choices
    and filters; ``text`` is the Annex's full sentence.
    """

    pillar = models.ForeignKey(Pillar, on_delete=models.PROTECT, related_name="areas", verbose_name=_("pillar"))
    position = models.PositiveSmallIntegerField(_("position"))
    label_en = models.CharField(_("label (English)"), max_length=200)
    label_fr = models.CharField(_("label (French)"), max_length=200, blank=True)
    label_es = models.CharField(_("label (Spanish)"), max_length=200, blank=True)
    text_en = models.TextField(_("text (English)"))
    text_fr = models.TextField(_("text (French)"), blank=True)
    text_es = models.TextField(_("text (Spanish)"), blank=True)

    label = Translated()
    text = Translated()

    class Meta:
        ordering = ["pillar__position", "position"]
        verbose_name = _("area of relevance")
        verbose_name_plural = _("areas of relevance")
        constraints = [
            models.UniqueConstraint(
                fields=["pillar", "position"],
                name="unique_area_position_per_pillar",
                violation_error_message=_("This pillar already has an area at that position."),
            )
        ]

    def __str__(self):
        return self.label


class KeyPrinciple(models.Model):
    """A key principle for private sector engagement (section 6), against which partnerships are assessed."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    section = models.CharField(_("section"), max_length=10)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"))
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)

    name = Translated()
    description = Translated()

    class Meta:
        ordering = ["section"]
        verbose_name = _("key principle")
        verbose_name_plural = _("key principles")

    def __str__(self):
        return self.name


class CoreValue(models.Model):
    """A CEC core value (section 6.1): integrity, transparency, inclusiveness, collaboration, excellence."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"))
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=100, blank=True)

    name = Translated()

    class Meta:
        ordering = ["position"]
        verbose_name = _("core value")
        verbose_name_plural = _("core values")

    def __str__(self):
        return self.name


class Unit(models.Model):
    """A unit of the CEC Secretariat; every user belongs to one."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)

    name = Translated()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self):
        return self.name


class Initiative(models.Model):
    """A CEC initiative or project (Operational Plan project, pilot, program or past project).

    ``private_sector_engagement`` holds the answer to the question that action 1.2.1 adds to the
    CEC project description template; a blank answer means the question is still open.
    """

    PSE_QUESTION = _(
        "What are the potential opportunities to engage and/or collaborate with the private sector in this initiative?"
    )

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=300)
    name_fr = models.CharField(_("name (French)"), max_length=300, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=InitiativeKind.choices)
    status = models.CharField(_("status"), max_length=10, choices=InitiativeStatus.choices)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("unit"),
    )
    pillars = models.ManyToManyField(Pillar, blank=True, related_name="initiatives", verbose_name=_("pillars"))
    description = models.TextField(_("description"), blank=True)
    private_sector_engagement = models.TextField(_("private sector engagement"), blank=True, help_text=PSE_QUESTION)

    name = Translated()

    class Meta:
        ordering = ["-start_year", "name_en"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        permissions = [
            ("answer_initiative", _("Can answer the private-sector-engagement question of their unit's initiatives")),
            ("answer_any_initiative", _("Can answer the private-sector-engagement question of every initiative")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True)
                | models.Q(start_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
                name="initiative_ends_after_it_starts",
                violation_error_message=_("The end year cannot come before the start year."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("strategy:initiative_detail", args=[self.code])

    @property
    def years(self) -> str:
        if self.start_year and self.end_year:
            return f"{self.start_year}–{self.end_year}" if self.end_year != self.start_year else str(self.start_year)
        if self.start_year:
            return f"{self.start_year}–"
        return ""

    @property
    def pse_question_answered(self) -> bool:
        return bool(self.private_sector_engagement.strip())


class InitiativeAnswer(models.Model):
    """One answer given to an initiative's private-sector-engagement question: who answered, and when.

    The latest is also kept on ``Initiative.private_sector_engagement``, which lists and reports read.
    """

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("answered by")
    )
    answered_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        ordering = ["-answered_at", "-id"]
        verbose_name = _("answer to the private-sector-engagement question")
        verbose_name_plural = _("answers to the private-sector-engagement question")

    def __str__(self):
        return f"{self.initiative_id} · {self.answered_at:%Y-%m-%d}"
