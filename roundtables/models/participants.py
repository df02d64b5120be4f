"""Who is invited to an event, in what role, and whether they come."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stakeholders.choices import Category, Country, LanguageChoice
from stakeholders.models import Contact, Interaction, Organization

from ..choices import EmailStatus, ParticipantRole, ParticipantStatus
from .events import Event


def new_token() -> str:
    """An unguessable RSVP token: 32 bytes from the secrets module."""
    return secrets.token_urlsafe(32)


class Participant(models.Model):
    """An invitation and what became of it. Category, country and equity focus are copied from the
    organization when the invitation is made, so the balance of a past event stays as it was."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    contact = models.ForeignKey(
        Contact, on_delete=models.PROTECT, related_name="event_invitations", verbose_name=_("contact")
    )
    # Protected, not cascaded: an event's invitations and attendance are its record and its balance's;
    # deleting an organization or contact must not take them away (see organization_delete).
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="event_participations", verbose_name=_("organization")
    )
    category = models.CharField(_("stakeholder category"), max_length=24, choices=Category.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    equity_focus = models.BooleanField(_("equity-deserving focus"), default=False)
    role = models.CharField(
        _("role"), max_length=12, choices=ParticipantRole.choices, default=ParticipantRole.PARTICIPANT
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ParticipantStatus.choices, default=ParticipantStatus.INVITED
    )
    language = models.CharField(_("language"), max_length=2, choices=LanguageChoice.choices, default="en")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    email_status = models.CharField(
        _("invitation email"), max_length=8, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    email_error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    cancellation_sent_at = models.DateTimeField(_("cancellation notice sent"), null=True, blank=True)
    interaction = models.OneToOneField(
        Interaction, on_delete=models.SET_NULL, null=True, blank=True, related_name="event_attendance"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event", "organization_id", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["event", "contact"], name="one_invitation_per_event_contact")]
        indexes = [models.Index(fields=["event", "status"], name="participant_event_status")]

    def __str__(self):
        return f"{self.contact} → {self.event}"
