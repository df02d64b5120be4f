"""Invitations and reminders: personal links sent by email, in each contact's language, by a Celery job."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from stakeholders.models import Contact, Organization, OrganizationSector

from ..choices import InvitationStatus, SurveyStatus
from ..models import Invitation, Reminder, Survey

logger = logging.getLogger(__name__)
AWAITING = (InvitationStatus.SENT, InvitationStatus.OPENED, InvitationStatus.PARTIAL)


def recipients(survey: Survey, contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """Who an invitation would go to: contacts who consented, have not opted out, have an email, and
    were not invited to this survey yet."""
    return contacts.reachable().exclude(survey_invitations__survey=survey)


def organization_profiles(organization_ids) -> dict[int, tuple[str, str, str | None]]:
    """Each organization's country, category and first NAICS sector, for the invitations' profile."""
    ids = set(organization_ids)
    sectors: dict[int, str] = {}
    for organization, sector in (
        OrganizationSector.objects.filter(organization__in=ids)
        .order_by("organization", "-code")
        .values_list("organization", "sector")
    ):
        sectors[organization] = sector  # ordered by code descending: the lowest code is kept
    return {
        pk: (country, category, sectors.get(pk))
        for pk, country, category in Organization.objects.filter(pk__in=ids).values_list("pk", "hq_country", "category")
    }


@transaction.atomic
def invitations_create(*, survey: Survey, contacts: QuerySet[Contact], by) -> int:
    """Queue an invitation for each recipient and send them by a job once saved. Returns how many."""
    chosen = list(recipients(survey, contacts).values_list("pk", "preferred_language", "organization"))
    profiles = organization_profiles(organization for _pk, _language, organization in chosen)
    Invitation.objects.bulk_create(
        [
            Invitation(
                survey=survey,
                contact_id=pk,
                language=language or "en",
                invited_by=by,
                country=profiles[organization][0],
                category=profiles[organization][1],
                sector_id=profiles[organization][2],
            )
            for pk, language, organization in chosen
        ],
        ignore_conflicts=True,  # a contact invited twice at once keeps one invitation
    )
    from ..tasks import send_invitations

    transaction.on_commit(lambda: send_invitations.delay(survey.pk))
    return len(chosen)


def _link(token: str, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("surveys:respond", args=[token])


def invitation_send(invitation: Invitation, *, base_url: str, reminder: bool = False) -> bool:
    """Email one invitation (or its reminder) in the contact's language; record the outcome."""
    survey, contact = invitation.survey, invitation.contact
    with translation.override(invitation.language):
        context = {
            "survey": survey,
            "contact": contact,
            "link": _link(invitation.token, base_url),
            "reminder": reminder,
        }
        subject = render_to_string("surveys/email/invitation_subject.txt", context).strip()
        body = render_to_string("surveys/email/invitation.txt", context)
    now = timezone.now()
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [contact.email])
    except Exception as error:  # noqa: BLE001 - any delivery failure is recorded on the invitation, not raised
        logger.warning("survey invitation %s failed: %s", invitation.pk, error)
        if not reminder:
            invitation.status = InvitationStatus.FAILED
        invitation.error = str(error)[:300]
        invitation.save(update_fields=["status", "error"])
        return False
    if reminder:
        invitation.reminded_at = now
        invitation.reminders_sent += 1
        invitation.save(update_fields=["reminded_at", "reminders_sent"])
    else:
        invitation.status, invitation.sent_at, invitation.error = InvitationStatus.SENT, now, ""
        invitation.save(update_fields=["status", "sent_at", "error"])
    return True


def invitations_send_queued(*, survey_id: int, base_url: str) -> int:
    """Send every queued invitation of a survey; safe to run twice (a sent one is not queued any more)."""
    sent = 0
    queued = Invitation.objects.filter(survey_id=survey_id, status=InvitationStatus.QUEUED).select_related(
        "survey", "contact"
    )
    for invitation in queued.iterator(chunk_size=200):
        sent += invitation_send(invitation, base_url=base_url)
    return sent


def reminders_send_due(*, base_url: str, today=None) -> int:
    """Send each reminder whose day has come to the survey's invitations still awaiting a completed response."""
    today = today or timezone.localdate()
    sent = 0
    due = Reminder.objects.filter(send_on__lte=today, sent_at__isnull=True, survey__status=SurveyStatus.OPEN)
    for reminder in due.select_related("survey"):
        with transaction.atomic():
            locked = Reminder.objects.select_for_update(skip_locked=True).filter(pk=reminder.pk, sent_at__isnull=True)
            if not locked.exists():
                continue
            awaiting = reminder.survey.invitations.filter(status__in=AWAITING).select_related("survey", "contact")
            for invitation in awaiting:
                sent += invitation_send(invitation, base_url=base_url, reminder=True)
            locked.update(sent_at=timezone.now())
    return sent
