"""Invitations and reminders: personal links sent by email, in each contact's language, by a Celery job."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from stakeholders.emails import FAILED, SENT, WITHHELD, Delivery, render_subject
from stakeholders.models import Contact, Organization, OrganizationSector
from stakeholders.services.consent import contact_may_be_emailed, unsubscribe_headers, unsubscribe_urls

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


class SelectionChanged(ValidationError):
    """The recipients are no longer the number the sender was shown."""


@transaction.atomic
def invitations_create(*, survey: Survey, contacts: QuerySet[Contact], by, expected: int | None = None) -> int:
    """Queue an invitation for each recipient and send them by a job once saved. Returns how many.

    ``expected`` is the number of recipients the sender was shown: if the register changed since, nothing
    is queued, so what goes out is what they confirmed."""
    chosen = list(recipients(survey, contacts).values_list("pk", "preferred_language", "organization"))
    if expected is not None and len(chosen) != expected:
        raise SelectionChanged(
            ngettext(
                "The recipients changed since the page showed them: %(count)s contact now matches. Nothing was "
                "sent; check the new number and send again.",
                "The recipients changed since the page showed them: %(count)s contacts now match. Nothing was "
                "sent; check the new number and send again.",
                len(chosen),
            )
            % {"count": len(chosen)}
        )
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


def _withhold(invitation: Invitation, *, reminder: bool) -> str:
    """Record that no email went: the contact withdrew consent or opted out after being invited."""
    invitation.withheld_at = timezone.now()
    if not reminder:
        invitation.status = InvitationStatus.WITHHELD
    invitation.save(update_fields=["status", "withheld_at"])
    return WITHHELD


def invitation_send(invitation: Invitation, *, base_url: str, reminder: bool = False) -> str:
    """Email one invitation (or its reminder) in the contact's language, with their unsubscribe link;
    record the outcome. Consent is read again now: a contact who withdrew it or opted out since the
    invitation was made gets nothing. Returns ``sent``, ``failed`` or ``withheld``."""
    survey, contact = invitation.survey, invitation.contact
    if not contact_may_be_emailed(contact.pk):
        return _withhold(invitation, reminder=reminder)
    unsubscribe, one_click = unsubscribe_urls(contact, language=invitation.language, base_url=base_url)
    with translation.override(invitation.language):
        context = {
            "survey": survey,
            "contact": contact,
            "link": _link(invitation.token, base_url),
            "reminder": reminder,
            "unsubscribe_link": unsubscribe,
        }
        subject = render_subject("surveys/email/invitation_subject.txt", context)
        body = render_to_string("surveys/email/invitation.txt", context)
    message = EmailMessage(
        subject, body, settings.DEFAULT_FROM_EMAIL, [contact.email], headers=unsubscribe_headers(one_click)
    )
    now = timezone.now()
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - any delivery failure is recorded on the invitation, not raised
        logger.warning("survey invitation %s failed: %s", invitation.pk, error)
        if not reminder:
            invitation.status = InvitationStatus.FAILED
        invitation.error = str(error)[:300]
        invitation.save(update_fields=["status", "error"])
        return FAILED
    if reminder:
        invitation.reminded_at = now
        invitation.reminders_sent += 1
        invitation.save(update_fields=["reminded_at", "reminders_sent"])
    else:
        invitation.status, invitation.sent_at, invitation.error = InvitationStatus.SENT, now, ""
        invitation.save(update_fields=["status", "sent_at", "error"])
    return SENT


def invitations_send_queued(*, survey_id: int, base_url: str) -> Delivery:
    """Send every queued invitation of a survey; safe to run twice (a sent or withheld one is not queued
    any more). Returns how many went, failed, and were withheld for want of consent."""
    delivery = Delivery()
    queued = Invitation.objects.filter(survey_id=survey_id, status=InvitationStatus.QUEUED).select_related(
        "survey", "contact"
    )
    for invitation in queued.iterator(chunk_size=200):
        delivery.add(invitation_send(invitation, base_url=base_url))
    return delivery


def reminders_send_due(*, base_url: str, today=None) -> Delivery:
    """Send each reminder whose day has come to the survey's invitations still awaiting a completed
    response; contacts who withdrew consent or opted out since are skipped, and counted."""
    today = today or timezone.localdate()
    delivery = Delivery()
    due = Reminder.objects.filter(send_on__lte=today, sent_at__isnull=True, survey__status=SurveyStatus.OPEN)
    for reminder in due.select_related("survey"):
        with transaction.atomic():
            locked = Reminder.objects.select_for_update(skip_locked=True).filter(pk=reminder.pk, sent_at__isnull=True)
            if not locked.exists():
                continue
            awaiting = reminder.survey.invitations.filter(status__in=AWAITING).select_related("survey", "contact")
            for invitation in awaiting:
                delivery.add(invitation_send(invitation, base_url=base_url, reminder=True))
            locked.update(sent_at=timezone.now())
    return delivery
