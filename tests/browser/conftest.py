"""A real Chromium (Debian's package) driven by Playwright against the live test server."""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make between page
# steps are still ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        message = "Chromium is not installed (apt-get install chromium): browser tests cannot run"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def reference_data(transactional_db):
    """Browser tests run outside a transaction, and the database is emptied after each; the frame and
    the roles that migrations load are loaded again with the same, idempotent code."""
    from django.apps import apps

    from accounts.roles import create_roles
    from partnerships.roles import grant_partnership_permissions
    from partnerships.stages import load_stages
    from reports.roles import grant_report_permissions, load_indicators
    from roundtables.roles import grant_event_permissions
    from stakeholders.reference_data import load_reference_data
    from stakeholders.roles import grant_register_permissions
    from strategy.frame import load_frame
    from surveys.roles import grant_survey_permissions

    load_frame(apps)
    create_roles(apps)
    load_reference_data(apps)
    grant_register_permissions(apps)
    load_stages(apps)
    grant_partnership_permissions(apps)
    grant_survey_permissions(apps)
    grant_event_permissions(apps)
    load_indicators(apps)
    grant_report_permissions(apps)
    import importlib

    importlib.import_module("strategy.migrations.0004_initiative_answer_permissions").grant_initiative_answers(apps)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-artifacts/ to look at what a person sees."""

    def take(name: str):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return take


def sign_in(page, email: str, password: str):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
