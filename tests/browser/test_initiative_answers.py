"""A unit lead answers the private-sector-engagement question of their unit's initiative, in each language."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from accounts.choices import Role
from strategy.models import Initiative
from tests.browser.conftest import sign_in
from tests.browser.test_register import assert_accessible
from tests.factories.accounts import PASSWORD
from tests.factories.strategy import InitiativeFactory
from tests.strategy.test_initiative_answers import QUESTION

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_unit_lead_answers_their_initiatives_question(page, make_user, screenshot, language):
    def t(text, **values):
        with translation.override(language):
            translated = translation.gettext(text)
        if language != "en":
            assert translated != text or not text[0].isalpha(), f"“{text}” has no {language} translation"
        return translated % values if values else translated

    lead = make_user(Role.UNIT_LEAD, email="lead@cec.example", full_name="Rosa Lead", preferred_language=language)
    initiative = InitiativeFactory(unit=lead.unit, name_en="Green supply chains", name_fr="Chaînes vertes",
                                   name_es="Cadenas verdes")  # fmt: skip
    sign_in(page, "lead@cec.example", PASSWORD)

    page.goto("/initiatives/")
    with translation.override(language):  # names in the reader's language
        unit, name = str(lead.unit), str(Initiative.objects.get(pk=initiative.pk).name)
    page.get_by_role("link", name=t("Show only the initiatives of %(unit)s", unit=unit)).click()
    page.get_by_role("link", name=name).click()
    page.get_by_role("link", name=t("Answer the question")).click()
    question = t(QUESTION)
    field = page.get_by_label(re.compile(re.escape(question)))
    assert_accessible(page)
    field.fill("Un piloto con dos cámaras de comercio.")
    page.get_by_role("button", name=t("Save"), exact=True).click()

    expect(page.get_by_text(t("The answer is saved."))).to_be_visible()
    expect(page.get_by_text("Un piloto con dos cámaras de comercio.")).to_be_visible()
    expect(page.get_by_text(re.compile("Rosa Lead, "))).to_be_visible()
    assert_accessible(page)
    screenshot(f"initiative-answered-{language}")
