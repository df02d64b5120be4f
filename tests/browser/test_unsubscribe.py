"""A recipient unsubscribes from the link in a survey invitation, in French and in Spanish, in a real
Chromium: the page opens in the email's language, nothing happens until they confirm, and once they have,
the next reminder does not reach them."""

import re

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from stakeholders.emails import Delivery
from stakeholders.models import Contact
from surveys.models import Reminder
from surveys.services.invitations import invitations_create, reminders_send_due
from tests.browser.test_register import assert_accessible
from tests.factories.surveys import build_survey, reachable_contact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tr(language: str, text: str) -> str:
    """The app's own translation: a message missing from the catalogue fails the test."""
    with translation.override(language):
        translated = translation.gettext(text)
    assert translated != text, f"{text!r} is not translated into {language}"
    return translated


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_recipient_unsubscribes_from_the_link_in_the_invitation(
    page, live_server, settings, inline_tasks, language, screenshot
):
    settings.SITE_URL = live_server.url  # the job builds the email's links from it
    survey = build_survey()
    contact = reachable_contact(full_name="Camille Roy", email="camille@example.org", preferred_language=language)
    invitations_create(survey=survey, contacts=Contact.objects.filter(pk=contact.pk), by=None)  # sent on commit
    (message,) = mail.outbox
    assert tr(language, "To receive no more emails from the CEC, unsubscribe here:") in message.body
    link = re.search(re.escape(live_server.url) + r"/unsubscribe/\S+/", message.body).group(0)

    page.goto(link)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", name=tr(language, "Unsubscribe from CEC emails"))).to_be_visible()
    expect(page.get_by_text(tr(language, "Opening this page changes nothing until you confirm."))).to_be_visible()
    assert_accessible(page)
    contact.refresh_from_db()
    assert not contact.opted_out  # opening the link (as a scanner would) changed nothing

    page.get_by_role("button", name=tr(language, "Confirm: unsubscribe me")).click()
    expect(page.get_by_role("heading", name=tr(language, "You are unsubscribed"))).to_be_visible()
    expect(
        page.get_by_text(
            tr(
                language,
                "If this was a mistake, reply to the email you received and the CEC Secretariat will add you back.",
            )
        )
    ).to_be_visible()
    with translation.override(language):
        today = date_format(timezone.localdate(), "DATE_FORMAT")
    since = tr(language, "Since %(day)s, the CEC sends no more emails to this address: no survey invitations or "
                         "reminders, no event invitations.") % {"day": today}  # fmt: skip
    expect(page.get_by_text(since)).to_be_visible()
    assert_accessible(page)
    screenshot(f"unsubscribed-{language}")
    contact.refresh_from_db()
    assert contact.opted_out and contact.opted_out_on == timezone.localdate()

    Reminder.objects.create(survey=survey, send_on=timezone.localdate())
    mail.outbox.clear()
    assert reminders_send_due(base_url=live_server.url) == Delivery(withheld=1)
    assert mail.outbox == []
