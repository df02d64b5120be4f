"""With the keyboard alone, in a real Chromium: from the top of a list to its first result, a survey answered
through a personal link, and an interaction logged with its organization found in the picker."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from accounts.choices import Role
from stakeholders.models import Contact, Interaction, InteractionType
from surveys.services.invitations import invitations_create
from tests.browser.conftest import sign_in
from tests.browser.test_register import assert_accessible
from tests.factories.accounts import PASSWORD
from tests.factories.partnerships import PartnershipFactory
from tests.factories.roundtables import EventFactory
from tests.factories.stakeholders import OrganizationFactory, log_interaction
from tests.factories.surveys import build_survey, reachable_contact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MAX_TABS = 10


def translator(language: str):
    def t(text: str) -> str:
        with translation.override(language):
            translated = translation.gettext(text)
        assert language == "en" or translated != text, f"“{text}” has no {language} translation"
        return translated

    return t


def focused(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector: str, limit: int = 60) -> int:
    """Press Tab until the focused element matches ``selector``; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return presses
    raise AssertionError(f"{selector} not reached in {limit} Tab presses")


FIRST_RESULT = "#results tbody a"


@pytest.mark.parametrize(
    "path", ["/organizations/", "/contacts/", "/interactions/", "/partnerships/", "/roundtables/", "/surveys/"]
)
def test_the_first_result_of_a_list_is_at_most_ten_tab_presses_from_the_top(page, make_user, path):
    officer = make_user(Role.STAFF, email="officer@cec.example")
    organizations = [OrganizationFactory() for _ in range(3)]
    for organization in organizations:
        reachable_contact(organization=organization)
        log_interaction(organization, by=officer)
    build_survey(by=officer)
    PartnershipFactory(lead_organization=organizations[0])
    EventFactory()
    sign_in(page, "officer@cec.example", PASSWORD)

    page.goto(path)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    assert tab_to(page, "a.skip-link") == 1  # Skip to main content
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to results"
    page.keyboard.press("Enter")
    assert focused(page, "#results")
    presses = 2 + tab_to(page, FIRST_RESULT)
    assert presses <= MAX_TABS, f"{presses} Tab presses to the first result of {path}"


def test_the_filters_would_take_more_than_ten_presses_without_the_skip_link(page, make_user):
    make_user(Role.STAFF, email="officer@cec.example")
    OrganizationFactory()
    sign_in(page, "officer@cec.example", PASSWORD)
    page.goto("/organizations/")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    assert tab_to(page, FIRST_RESULT) > MAX_TABS  # why the list pages need t_en("Skip to results")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_respondent_answers_a_survey_with_the_keyboard_alone(page, make_user, inline_tasks, language):
    t = translator(language)
    officer = make_user(Role.STAFF, email="officer@cec.example")
    survey = build_survey(by=officer)
    contact = reachable_contact(preferred_language=language)
    invitations_create(survey=survey, contacts=Contact.objects.filter(pk=contact.pk), by=officer)
    invitation = survey.invitations.get()
    rating, engage = list(survey.questions.order_by("position"))[:2]

    page.goto(f"/s/{invitation.token}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)
    # Sending at once: the page comes back with the summary and the keyboard on the first unanswered question.
    tab_to(page, "button[value=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_text(t("Some answers need your attention:"))).to_be_visible()
    assert focused(page, f"input[name=q{rating.pk}]")
    assert_accessible(page)

    page.keyboard.press("Space")  # 1
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # 2, 3, 4
    tab_to(page, f"input[name=q{engage.pk}]")
    page.keyboard.press("Space")  # the first choice: yes
    tab_to(page, "button[value=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=t("Thank you!"))).to_be_visible()
    assert_accessible(page)
    response = invitation.response
    assert response.completed_at is not None
    assert response.answers.get(question=rating).number == 4
    assert response.answers.get(question=engage).choices.get() == engage.choices.order_by("position").first()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_an_officer_logs_an_interaction_with_the_keyboard_alone(page, make_user, language, screenshot):
    t = translator(language)
    make_user(Role.STAFF, email="officer@cec.example", preferred_language=language)
    northwind = OrganizationFactory(name="Northwind Traders")
    OrganizationFactory(name="Contoso")
    sign_in(page, "officer@cec.example", PASSWORD)
    log_interaction(northwind)
    page.goto("/interactions/")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    tab_to(page, "a[href='#results']")
    expect(page.get_by_role("link", name=t("Skip to results"))).to_be_focused()
    page.keyboard.press("Enter")
    assert focused(page, "#results")
    assert_accessible(page)

    page.goto("/interactions/add/")

    # Sending the empty form: the keyboard lands on the first field in error, under the summary.
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".error-summary")).to_be_visible()
    assert focused(page, "[aria-invalid=true], .is-invalid")
    # Each line of the summary leads to its field, the organization picker's search box included.
    for link in page.locator(".error-summary a").all():
        expect(page.locator(link.get_attribute("href"))).to_be_attached()
    assert_accessible(page)
    screenshot(f"keyboard-form-error-{language}")

    page.evaluate("document.activeElement.blur()")
    tab_to(page, "#id_kind")
    meeting = getattr(InteractionType.objects.get(code="meeting"), f"name_{language}")  # reference data, not gettext
    for _ in range(15):
        if page.evaluate("document.activeElement.selectedOptions[0].textContent.trim()") == meeting:
            break
        page.keyboard.press("ArrowDown")
    tab_to(page, ".org-picker input[type=search]")
    page.keyboard.type("Northw")
    expect(page.get_by_label("Northwind Traders", exact=False)).to_be_attached()
    page.keyboard.press("Enter")  # to what the search found, without sending the form
    assert focused(page, ".org-picker-results input")
    page.keyboard.press("Space")
    tab_to(page, "#id_summary")
    page.keyboard.type("Discussed sharing mine water data.")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("status").filter(has_text=t("The interaction is logged."))).to_be_visible()
    assert focused(page, ".messages")
    assert_accessible(page)
    screenshot(f"keyboard-success-{language}")
    interaction = Interaction.objects.latest("pk")
    assert interaction.kind.code == "meeting"
    assert list(interaction.organizations.all()) == [northwind]
