"""What goes out with a survey: consent read again at the moment of each send, the unsubscribe link and
headers of every invitation and reminder, and subjects as plain text."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Role
from stakeholders.emails import Delivery
from stakeholders.models import Contact
from stakeholders.services.contacts import contact_save
from surveys.choices import InvitationStatus
from surveys.models import Invitation, Reminder, Survey
from surveys.services.invitations import invitations_create, invitations_send_queued, reminders_send_due
from tests.factories.surveys import build_survey, reachable_contact

pytestmark = pytest.mark.django_db
BASE_URL = "https://engage.example"


def invite(survey, *contacts):
    """Queue the invitations without sending them: the job runs later, as in production."""
    return invitations_create(survey=survey, contacts=Contact.objects.filter(pk__in=[c.pk for c in contacts]), by=None)


def unsubscribe_link(message) -> str:
    return re.search(r"https://engage\.example(/unsubscribe/[^\s]+/)", message.body).group(1)


# Consent read again when the email goes out ----------------------------------------------------------


@pytest.mark.parametrize("withdrawal", ["opted_out", "consent_withdrawn"])
def test_an_invitation_queued_before_consent_was_withdrawn_is_not_sent(withdrawal):
    survey = build_survey()
    leaving, staying = reachable_contact(email="leaving@example.org"), reachable_contact(email="staying@example.org")
    assert invite(survey, leaving, staying) == 2
    if withdrawal == "opted_out":
        leaving.opted_out = True
    else:
        leaving.consent_given = False
    contact_save(contact=leaving)

    delivery = invitations_send_queued(survey_id=survey.pk, base_url=BASE_URL)

    assert delivery == Delivery(sent=1, withheld=1)
    assert [message.to for message in mail.outbox] == [["staying@example.org"]]
    withheld = Invitation.objects.get(contact=leaving)
    assert withheld.status == InvitationStatus.WITHHELD and withheld.withheld_at and withheld.sent_at is None
    # Safe to run twice: a withheld invitation is not queued any more, and nothing goes out.
    assert invitations_send_queued(survey_id=survey.pk, base_url=BASE_URL) == Delivery()
    assert len(mail.outbox) == 1


def test_a_reminder_skips_a_contact_who_opted_out_after_the_invitation_and_the_page_says_so(client_for):
    survey = build_survey()
    leaving, staying = reachable_contact(full_name="Léa Leaving"), reachable_contact()
    invite(survey, leaving, staying)
    invitations_send_queued(survey_id=survey.pk, base_url=BASE_URL)
    leaving.opted_out = True
    contact_save(contact=leaving)
    Reminder.objects.create(survey=survey, send_on=timezone.localdate())
    mail.outbox.clear()

    assert reminders_send_due(base_url=BASE_URL) == Delivery(sent=1, withheld=1)

    assert [message.to for message in mail.outbox] == [[staying.email]]
    skipped = Invitation.objects.get(contact=leaving)
    assert skipped.reminders_sent == 0 and skipped.withheld_at is not None
    assert skipped.status == InvitationStatus.SENT  # the invitation itself did go out, before
    page = client_for(Role.STAFF).get(reverse("surveys:survey_recipients", args=[survey.pk])).content.decode()
    assert "Reminder not sent: consent withdrawn" in page


def test_withheld_invitations_do_not_count_as_sent_in_the_response_rate():
    from surveys.selectors import response_rates

    survey = build_survey()
    leaving, staying = reachable_contact(), reachable_contact()
    invite(survey, leaving, staying)
    leaving.opted_out = True
    contact_save(contact=leaving)
    invitations_send_queued(survey_id=survey.pk, base_url=BASE_URL)
    assert response_rates(survey)["overall"].sent == 1


# The unsubscribe link and headers ------------------------------------------------------------------------


def test_every_invitation_and_reminder_carries_a_personal_unsubscribe_link_and_the_list_unsubscribe_headers():
    survey = build_survey()
    first, second = reachable_contact(preferred_language="fr"), reachable_contact(preferred_language="es")
    invite(survey, first, second)
    invitations_send_queued(survey_id=survey.pk, base_url=BASE_URL)
    Reminder.objects.create(survey=survey, send_on=timezone.localdate())
    reminders_send_due(base_url=BASE_URL)

    assert len(mail.outbox) == 4
    links = {}
    for message in mail.outbox:
        link = unsubscribe_link(message)
        links.setdefault(message.to[0], set()).add(link)
        assert message.extra_headers["List-Unsubscribe"] == f"<{BASE_URL}{link}one-click/>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in message.message().as_string()
    assert links[first.email].isdisjoint(links[second.email])  # personal: each contact's own link
    french = next(m for m in mail.outbox if m.to == [first.email])
    assert "Pour ne plus recevoir de courriels de la CCE, désabonnez-vous ici\u00a0:" in french.body


def test_once_unsubscribed_through_the_emails_link_no_reminder_reaches_them():
    survey = build_survey()
    contact = reachable_contact(preferred_language="fr")
    invite(survey, contact)
    invitations_send_queued(survey_id=survey.pk, base_url=BASE_URL)
    link = unsubscribe_link(mail.outbox[0])

    browser = Client(enforce_csrf_checks=True)
    page = browser.get(link)
    token = page.cookies["csrftoken"].value
    browser.post(link, {"csrfmiddlewaretoken": token})

    Reminder.objects.create(survey=survey, send_on=timezone.localdate())
    mail.outbox.clear()
    assert reminders_send_due(base_url=BASE_URL) == Delivery(withheld=1)
    assert mail.outbox == []


# Subjects are plain text -----------------------------------------------------------------------------


TITLE = "L'économie circulaire & vous"


def test_a_french_title_with_an_apostrophe_and_an_ampersand_arrives_as_written_in_the_subject():
    survey = build_survey()
    Survey.objects.filter(pk=survey.pk).update(title_fr=TITLE, title_es="La economía circular <y> usted")
    french, spanish = reachable_contact(preferred_language="fr"), reachable_contact(preferred_language="es")
    invite(survey, french, spanish)
    invitations_send_queued(survey_id=survey.pk, base_url=BASE_URL)
    Reminder.objects.create(survey=survey, send_on=timezone.localdate())
    reminders_send_due(base_url=BASE_URL)

    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        "L'économie circulaire & vous",
        "La economía circular <y> usted",
        "Rappel : L'économie circulaire & vous",
        "Recordatorio: La economía circular <y> usted",
    ]


def test_a_title_broken_over_lines_gives_a_subject_on_one_line():
    survey = build_survey()
    Survey.objects.filter(pk=survey.pk).update(title_en="Working\nwith the CEC")
    invite(survey, reachable_contact(preferred_language="en"))
    invitations_send_queued(survey_id=survey.pk, base_url=BASE_URL)
    assert mail.outbox[0].subject == "Working with the CEC"
