"""Invitations with their personal links, reminders, and the responses they bring back."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stakeholders.choices import LanguageChoice
from stakeholders.models import Contact, Interaction, NaicsCode

from ..choices import InvitationStatus
from .surveys import Choice, Question, Survey, new_token


class Invitation(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="survey_invitations")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    language = models.CharField(_("language"), max_length=2, choices=LanguageChoice.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.QUEUED
    )
    error = models.CharField(_("error"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    # The last time an email (the invitation or a reminder) was held back because, by then, the contact had
    # withdrawn their consent or opted out.
    withheld_at = models.DateTimeField(_("held back (consent withdrawn)"), null=True, blank=True)
    # The organization as it stood when invited (country, category, first NAICS sector): response rates
    # group by these without joining the register, and a later change to the organization does not move them.
    country = models.CharField(_("country"), max_length=2, blank=True)
    category = models.CharField(_("stakeholder category"), max_length=24, blank=True)
    sector = models.ForeignKey(
        NaicsCode, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("sector")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["survey", "contact"], name="one_invitation_per_contact")]
        indexes = [models.Index(fields=["survey", "status"], name="invitation_survey_status")]

    def __str__(self):
        return f"{self.survey} → {self.contact}"


class Reminder(models.Model):
    """A day on which the non-respondents of a survey get a reminder."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="reminders")
    send_on = models.DateField(_("send on"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["send_on"]
        constraints = [models.UniqueConstraint(fields=["survey", "send_on"], name="one_reminder_per_day")]

    def __str__(self):
        return f"{self.survey}: {self.send_on}"


class Response(models.Model):
    """One respondent's answers: through a personal link (one per invitation) or the open link."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    invitation = models.OneToOneField(
        Invitation, on_delete=models.CASCADE, null=True, blank=True, related_name="response"
    )
    # An open-link respondent is recognized by a key kept in their browser, so they can come back too.
    visitor_key = models.CharField(max_length=64, blank=True, db_index=True)
    language = models.CharField(max_length=2, choices=LanguageChoice.choices)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    interaction = models.ForeignKey(Interaction, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["survey", "completed_at"], name="response_survey_completed")]

    def __str__(self):
        return f"{self.survey} #{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(blank=True)
    number = models.SmallIntegerField(null=True, blank=True)
    choices = models.ManyToManyField(Choice, blank=True, related_name="answers")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")]

    def __str__(self):
        return f"{self.question_id}: {self.text or self.number}"
