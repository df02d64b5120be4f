"""A person's tasks from start to end, in a real Chromium."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from accounts.choices import Role
from strategy.models import Goal
from tests.browser.conftest import sign_in
from tests.factories.accounts import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def in_language(language: str, text: str) -> str:
    """What a person reading ``language`` sees for the interface string ``text``."""
    with translation.override(language):
        return translation.gettext(text)


def test_a_program_officer_signs_in_switches_language_and_reads_the_frame(page, make_user, screenshot):
    make_user(Role.STAFF, email="officer@cec.example", full_name="Ana Officer")
    sign_in(page, "officer@cec.example", PASSWORD)
    expect(page.get_by_role("heading", name="Welcome, Ana")).to_be_visible()

    page.get_by_role("button", name="Français").click()
    welcome_fr = in_language("fr", "Welcome, %(name)s") % {"name": "Ana"}
    expect(page.get_by_role("heading", name=welcome_fr)).to_be_visible()
    page.get_by_role("link", name=in_language("fr", "Strategy"), exact=True).click()
    goal = Goal.objects.get(number=1)
    expect(page.get_by_role("heading", name=re.compile(re.escape(goal.title_fr)))).to_be_visible()
    screenshot("frame-fr")

    page.get_by_role("button", name="Español").click()
    expect(page.get_by_role("heading", name=re.compile(re.escape(goal.title_es)))).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    screenshot("frame-es")

    # The choice is kept on the account: a new sign-in opens in Spanish.
    page.get_by_role("button", name=re.compile("Ana")).click()
    page.get_by_role("button", name=in_language("es", "Sign out")).click()
    page.context.clear_cookies()
    sign_in(page, "officer@cec.example", PASSWORD)
    welcome_es = in_language("es", "Welcome, %(name)s") % {"name": "Ana"}
    expect(page.get_by_role("heading", name=welcome_es)).to_be_visible()


def test_a_wrong_password_is_refused_with_a_clear_message(page, make_user):
    make_user(Role.STAFF, email="officer@cec.example")
    sign_in(page, "officer@cec.example", "not-the-password")
    expect(page.get_by_text("Please enter a correct email address and password")).to_be_visible()
    expect(page).to_have_url(re.compile("/accounts/login/"))


def test_the_skip_link_and_menu_work_from_the_keyboard(page, make_user):
    make_user(Role.VIEWER, email="viewer@cec.example", full_name="Val Viewer")
    sign_in(page, "viewer@cec.example", PASSWORD)
    expect(page.get_by_role("heading", name="Welcome, Val")).to_be_visible()  # the home page has loaded
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
