"""Event emails and consent: read again when each email goes out, an unsubscribe link and headers in
every one, and subjects as plain text."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from roundtables.choices import EmailStatus, EventStatus
from roundtables.services.events import event_status_set
from roundtables.services.invitations import cancellations_send, invitations_send_queued
from roundtables.services.participants import participants_invite
from stakeholders.emails import Delivery
from stakeholders.models import Contact
from stakeholders.services.contacts import contact_save
from tests.factories.roundtables import EventFactory, reachable_contact

pytestmark = pytest.mark.django_db
BASE_URL = "https://engage.example"


def upcoming(**kwargs):
    start = timezone.now().replace(microsecond=0) + timedelta(days=20)
    return EventFactory(starts_at=start, ends_at=start + timedelta(hours=3), **kwargs)


def invite(event, *contacts):
    participants_invite(event=event, contacts=Contact.objects.filter(pk__in=[c.pk for c in contacts]), by=None)


def test_an_invitation_queued_before_the_contact_opted_out_is_held_back_and_recorded():
    event = upcoming()
    leaving, staying = reachable_contact(), reachable_contact()
    invite(event, leaving, staying)
    leaving.opted_out = True
    contact_save(contact=leaving)

    assert invitations_send_queued(event_id=event.pk, base_url=BASE_URL) == Delivery(sent=1, withheld=1)

    assert [message.to for message in mail.outbox] == [[staying.email]]
    held = event.participants.get(contact=leaving)
    assert held.email_status == EmailStatus.FAILED and held.sent_at is None
    assert "withdrew consent or opted out" in held.email_error
    assert invitations_send_queued(event_id=event.pk, base_url=BASE_URL) == Delivery()  # safe to run twice


def test_a_cancellation_notice_does_not_reach_a_contact_who_opted_out_since():
    event = upcoming()
    leaving, staying = reachable_contact(), reachable_contact()
    invite(event, leaving, staying)
    invitations_send_queued(event_id=event.pk, base_url=BASE_URL)
    leaving.consent_given = False
    contact_save(contact=leaving)
    event_status_set(event=event, status=EventStatus.CANCELLED)
    mail.outbox.clear()

    assert cancellations_send(event_id=event.pk, base_url=BASE_URL) == Delivery(sent=1, withheld=1)
    assert [message.to for message in mail.outbox] == [[staying.email]]


def test_event_emails_carry_the_unsubscribe_link_and_headers_and_plain_text_subjects():
    event = upcoming(title_fr="L'économie circulaire & vous", title_es="Economía circular <y> usted")
    french, spanish = reachable_contact(language="fr"), reachable_contact(language="es")
    invite(event, french, spanish)
    invitations_send_queued(event_id=event.pk, base_url=BASE_URL)
    event_status_set(event=event, status=EventStatus.CANCELLED)
    cancellations_send(event_id=event.pk, base_url=BASE_URL)

    assert sorted(message.subject for message in mail.outbox) == [
        "Annulation : L'économie circulaire & vous",
        "Cancelación: Economía circular <y> usted",
        "Invitación: Economía circular <y> usted",
        "Invitation : L'économie circulaire & vous",
    ]
    for message in mail.outbox:
        assert f"{BASE_URL}/unsubscribe/" in message.body
        assert message.extra_headers["List-Unsubscribe"].startswith(f"<{BASE_URL}/unsubscribe/")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    french_invitation = next(m for m in mail.outbox if m.to == [french.email])
    assert "Pour ne plus recevoir de courriels de la CCE, désabonnez-vous ici\u00a0:" in french_invitation.body
