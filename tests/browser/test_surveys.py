"""A survey from the builder to a French respondent's answers and the results, in a real Chromium."""

import re

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from accounts.choices import Role
from stakeholders.models import Interaction
from surveys.models import Survey
from tests.browser.conftest import sign_in
from tests.browser.test_register import assert_accessible, field
from tests.factories.accounts import PASSWORD
from tests.factories.surveys import reachable_contact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fr(text: str) -> str:
    with translation.override("fr"):
        return translation.gettext(text)


def add_question(page, kind: str, english: str, french: str, choices=None, required=False):
    page.get_by_role("link", name="Add a question").first.click()
    page.get_by_label(field("Type")).select_option(label=kind)
    if required:
        page.get_by_label("Required").check()
    page.get_by_label(field("Question (English)")).fill(english)
    page.get_by_label(field("Question (French)")).fill(french)
    if choices:
        page.get_by_label("Choices (English), one per line").fill("\n".join(choices[0]))
        page.get_by_label("Choices (French), one per line").fill("\n".join(choices[1]))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Question saved.")).to_be_visible()


def test_a_survey_is_built_sent_answered_in_french_and_its_results_seen(
    page, browser, live_server, make_user, inline_tasks, screenshot
):
    make_user(Role.STAFF, email="officer@cec.example", full_name="Ana Officer")
    marie = reachable_contact(full_name="Marie Tremblay", email="marie@example.org", preferred_language="fr")
    reachable_contact(full_name="John Smith", email="john@example.org", preferred_language="en")

    sign_in(page, "officer@cec.example", PASSWORD)
    page.get_by_role("link", name="Surveys", exact=True).click()
    page.get_by_role("link", name="New survey").click()
    page.get_by_label(field("Title (English)")).fill("Working with the CEC")
    page.get_by_label(field("Title (French)")).fill("Collaborer avec la CCE")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name=re.compile("Working with the CEC"))).to_be_visible()

    add_question(
        page,
        "Rating scale (1 to 5)",
        "How was your experience?",
        "Comment s'est passée votre expérience?",
        required=True,
    )
    add_question(
        page,
        "Single choice",
        "Engage further?",
        "Collaborer davantage?",
        choices=(["Yes", "No"], ["Oui", "Non"]),
        required=True,
    )
    add_question(page, "Long text", "Anything else?", "Autre chose?")
    assert_accessible(page)
    screenshot("survey-builder")
    page.get_by_role("button", name="Open the survey").click()
    expect(page.get_by_text("The survey is open for responses.")).to_be_visible()

    page.get_by_role("link", name="Recipients and invitations").click()
    page.get_by_label("Search").fill("@example.org")
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_role("button", name="Send 2 invitations").click()
    expect(page.get_by_text("2 invitations are on their way.")).to_be_visible()
    french = next(message for message in mail.outbox if message.to == [marie.email])
    assert french.subject == "Collaborer avec la CCE"
    link = re.search(r"https?://\S+/s/[\w-]+/", french.body).group(0)
    path = "/s/" + link.split("/s/")[1]

    # Marie answers in French, without an account: a partial save, then she comes back and finishes.
    respondent = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})  # a phone
    phone = respondent.new_page()
    phone.goto(path)
    expect(phone.locator("html")).to_have_attribute("lang", "fr")
    expect(phone.get_by_role("heading", name="Collaborer avec la CCE")).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("group", name=re.compile("Comment s'est passée")).get_by_label("4").check()
    phone.get_by_role("button", name=fr("Save and finish later")).click()
    expect(
        phone.get_by_text(
            fr("Your answers are saved. You can close this page and come back to the same link to finish.")
        )
    ).to_be_visible()
    phone.goto(path)
    expect(phone.get_by_role("group", name=re.compile("Comment s'est passée")).get_by_label("4")).to_be_checked()
    phone.get_by_role("button", name=fr("Send my answers")).click()
    expect(phone.get_by_text(fr("Some answers need your attention:"))).to_be_visible()
    phone.get_by_label("Oui").check()
    phone.get_by_label("Autre chose?").fill("<b>Merci</b> pour la table ronde.")
    phone.get_by_role("button", name=fr("Send my answers")).click()
    expect(phone.get_by_role("heading", name=fr("Thank you!"))).to_be_visible()
    screenshot_path = phone  # noqa: F841 - the respondent's context closes below
    respondent.close()

    # The officer sees the results with a chart, and the interaction on Marie's organization.
    survey = Survey.objects.get()
    page.goto(f"/surveys/{survey.pk}/results/")
    expect(page.locator("canvas").first).to_be_visible()
    expect(page.get_by_text("<b>Merci</b> pour la table ronde.")).to_be_visible()
    assert_accessible(page)
    screenshot("survey-results")
    page.goto(marie.organization.get_absolute_url())
    expect(page.get_by_text("Survey response").first).to_be_visible()
    assert Interaction.objects.filter(organizations=marie.organization, kind__code="survey-response").exists()
