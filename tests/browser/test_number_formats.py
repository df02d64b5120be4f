"""A French and a Spanish reader see numbers as they write them: a partnership's amounts on its page, and a
survey's chart whose axis and tooltips follow the page's language even in an English-speaking browser."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from accounts.choices import Role
from partnerships.models import Resource
from surveys.choices import QuestionKind
from surveys.services.invitations import invitations_create, invitations_send_queued
from surveys.services.responses import answers_save, response_for_invitation
from tests.browser.conftest import ARTIFACTS, sign_in
from tests.browser.test_register import assert_accessible
from tests.factories.accounts import PASSWORD
from tests.factories.partnerships import PartnershipFactory
from tests.factories.surveys import build_survey, reachable_contact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NBSP = "\xa0"

# language → (the amount of 50,000 CAD as the page shows it, 1234.5 as the chart writes it, its locale)
READERS = {
    "fr": (f"50{NBSP}000,00{NBSP}$", f"1{NBSP}234,5", "fr-CA"),
    "es": (f"CAD{NBSP}50,000.00", "1,234.5", "es-MX"),
}


def t(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def answered_survey():
    survey = build_survey(
        questions=[(QuestionKind.SINGLE, ("Engage further?", "Collaborer davantage?", "¿Colaborar más?"), False,
                    {"en": ["Yes", "No"], "fr": ["Oui", "Non"], "es": ["Sí", "No"]})]
    )  # fmt: skip
    question = survey.questions.get()
    contact = reachable_contact()
    invitations_create(survey=survey, contacts=type(contact).objects.filter(pk=contact.pk), by=None)
    invitations_send_queued(survey_id=survey.pk, base_url="https://engage.example")
    response = response_for_invitation(survey.invitations.get())
    answers_save(response=response, data={question.pk: str(question.choices.first().pk)}, complete=True)
    return survey


@pytest.mark.parametrize("language", ["fr", "es"])
def test_amounts_and_chart_numbers_follow_the_readers_language(browser, live_server, make_user, language):
    amount, chart_number, locale = READERS[language]
    make_user(Role.STAFF, email="reader@cec.example", preferred_language=language)
    partnership = PartnershipFactory()
    Resource.objects.create(
        partnership=partnership, kind="financial", currency="CAD", pledged=Decimal("50000"), year=2026
    )
    survey = answered_survey()
    # The browser itself speaks American English: the page's language must win over it.
    context = browser.new_context(base_url=live_server.url, locale="en-US", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()

    def screenshot(name):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    try:
        sign_in(page, "reader@cec.example", PASSWORD)
        page.goto(partnership.get_absolute_url())
        expect(page.get_by_role("heading", name=t(language, "Resources leveraged"))).to_be_visible()
        expect(page.get_by_role("cell", name=amount, exact=True).first).to_be_visible()
        assert_accessible(page)
        screenshot(f"partnership-amounts-{language}")

        page.goto(reverse("surveys:survey_results", args=[survey.pk]))
        expect(page.get_by_role("heading", name=t(language, "Response rate"))).to_be_visible()
        page.wait_for_function("() => !!Chart.getChart(document.querySelector('canvas[data-chart]'))")
        # What a tooltip and an axis label write for a value: the scale's own formatter.
        written = page.evaluate(
            "() => { const chart = Chart.getChart(document.querySelector('canvas[data-chart]'));"
            " return [chart.options.locale, chart.scales.x.getLabelForValue(1234.5)]; }"
        )
        assert written == [locale, chart_number]
        screenshot(f"survey-results-{language}")
    finally:
        context.close()
