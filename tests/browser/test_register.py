"""A program officer's and an administrator's everyday tasks in the register, in a real Chromium."""

import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from accounts.choices import Role
from stakeholders.models import Contact, Organization
from tests.browser.conftest import sign_in
from tests.factories.accounts import PASSWORD
from tests.factories.stakeholders import OrganizationFactory, log_interaction

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def field(label: str):
    """A form field's accessible name, with or without the asterisk of a required field."""
    return re.compile(rf"^\s*{re.escape(label)}\*?\s*$")


def assert_accessible(page):
    violations = [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not violations, f"{page.url}: {violations}"


def test_an_officer_creates_an_organization_adds_a_contact_and_logs_an_interaction(page, make_user, screenshot):
    officer = make_user(Role.STAFF, email="officer@cec.example", full_name="Ana Officer")
    sign_in(page, "officer@cec.example", PASSWORD)

    page.get_by_role("link", name="Organizations", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Add an organization").click()
    page.get_by_label(field("Name")).fill("Industrias Peñoles S.A.B. de C.V.")
    page.get_by_label(field("Stakeholder category")).select_option(label="Corporation")
    page.get_by_label(field("Headquarters country")).select_option(label="Mexico")
    page.get_by_label(field("NAICS codes")).fill("212231")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name=re.compile("Industrias Peñoles"))).to_be_visible()
    expect(page.get_by_text("Not engaged yet")).to_be_visible()

    page.get_by_role("link", name="Add a contact").click()
    page.get_by_label(field("Name")).fill("Lucía Hernández")
    page.get_by_label(field("Email")).fill("lucia.hernandez@penoles.example")
    page.get_by_label(field("Preferred language")).select_option(label="Español")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Lucía Hernández")).to_be_visible()
    contact = Contact.objects.get()
    assert contact.organization.name.startswith("Industrias Peñoles")

    page.get_by_role("link", name=re.compile("Industrias Peñoles")).first.click()
    # First a newsletter: the organization becomes passive.
    page.get_by_role("link", name="Log an interaction").click()
    page.get_by_label(field("Type")).select_option(label="Information shared")
    page.get_by_label(field("Summary")).fill("Sent the North American PRTR report.")
    page.get_by_role("button", name="Log it").click()
    expect(page.get_by_role("heading", name=re.compile("Engagement"))).to_contain_text("Passive")

    # Then a meeting, with a follow-up, done from the keyboard alone.
    page.get_by_role("link", name="Log an interaction").click()
    assert_accessible(page)
    page.get_by_label(field("Type")).focus()
    page.keyboard.press("Tab")  # the date keeps today
    page.get_by_label(field("Type")).select_option(label="Meeting")
    page.get_by_label("Lucía Hernández").check()
    page.get_by_label(field("Summary")).fill("Discussed sharing mine water data.")
    page.get_by_label(field("Follow-up")).fill("Send the data-sharing template")
    page.get_by_label(field("Due")).fill((timezone.localdate() + timedelta(days=5)).isoformat())
    page.get_by_label(field("Summary")).focus()
    page.keyboard.press("Enter")  # a new line in the summary, not a submit
    page.get_by_role("button", name="Log it").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=re.compile("Engagement"))).to_contain_text("Active")
    page.get_by_text("Level history").click()
    expect(page.get_by_role("listitem").filter(has_text=re.compile("Passive.*Active", re.S))).to_be_visible()
    assert_accessible(page)
    screenshot("organization-active")
    organization = Organization.objects.get(name__startswith="Industrias Peñoles")
    assert organization.engagement_level == 2
    assert organization.followups.get().owner == officer

    # The follow-up waits on the home page; mark it done there.
    page.get_by_role("link", name="Home").click()
    expect(page.get_by_role("button", name=re.compile("Mark done.*Send the data-sharing template"))).to_be_visible()
    page.get_by_role("button", name=re.compile("Mark done")).click()
    expect(page.get_by_text("Nothing is due.")).to_be_visible()


def test_an_officer_filters_the_list_and_shares_its_address(page, browser, live_server, make_user):
    make_user(Role.VIEWER, email="viewer@cec.example")
    active = OrganizationFactory(name="Minera Activa", hq_country="MX")
    log_interaction(active, kind="meeting")
    OrganizationFactory(name="Minera Pasiva", hq_country="MX")
    OrganizationFactory(name="Canadian Mining", hq_country="CA")
    sign_in(page, "viewer@cec.example", PASSWORD)
    page.goto("/organizations/")
    page.get_by_label(field("Search")).fill("minera")
    page.get_by_label(field("Country")).select_option(label="Mexico")
    page.get_by_label(field("Engagement level")).select_option(label="Active")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name="Minera Activa")).to_be_visible()
    expect(page.get_by_role("link", name="Minera Pasiva")).to_have_count(0)
    shared = page.url
    assert "q=minera" in shared and "country=MX" in shared

    # A colleague opens the shared address and sees the same list.
    colleague = browser.new_context(base_url=live_server.url).new_page()
    make_user(Role.STAFF, email="colleague@cec.example")
    sign_in(colleague, "colleague@cec.example", PASSWORD)
    colleague.goto(shared)
    expect(colleague.get_by_role("link", name="Minera Activa")).to_be_visible()
    expect(colleague.get_by_role("link", name="Canadian Mining")).to_have_count(0)
    assert_accessible(colleague)
    colleague.context.close()


def test_an_administrator_merges_two_duplicates(page, make_user, screenshot):
    make_user(Role.ADMINISTRATOR, email="admin@cec.example")
    keep = OrganizationFactory(name="Cemex", website="")
    duplicate = OrganizationFactory(name="CEMEX S.A.B. de C.V.", website="https://www.cemex.com")
    log_interaction(duplicate, kind="meeting")
    sign_in(page, "admin@cec.example", PASSWORD)
    page.goto("/organizations/")
    page.get_by_role("link", name="Possible duplicates").click()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Compare and merge")).first.click()
    expect(page.get_by_role("heading", name="Merge two organizations")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("radio", name="https://www.cemex.com").check()
    screenshot("merge")
    page.get_by_role("button", name="Merge and delete the duplicate").click()
    expect(page.get_by_text("The two records are merged")).to_be_visible()
    kept = Organization.objects.get()
    assert kept.pk in (keep.pk, duplicate.pk)
    assert kept.website == "https://www.cemex.com"
    assert kept.engagement_level == 2


def test_the_register_reads_in_french_and_spanish(page, make_user):
    organization = OrganizationFactory(name="Hydro-Québec", hq_country="CA")
    log_interaction(organization, kind="meeting")
    for language, level in (("fr", "Active"), ("es", "Activa")):
        make_user(Role.VIEWER, email=f"viewer-{language}@cec.example", preferred_language=language)
        page.context.clear_cookies()
        sign_in(page, f"viewer-{language}@cec.example", PASSWORD)
        for url in ("/organizations/", organization.get_absolute_url(), "/interactions/", "/contacts/"):
            page.goto(url)
            assert page.locator("html").get_attribute("lang") == language
            assert_accessible(page)
        page.goto(organization.get_absolute_url())
        expect(page.locator("#level-heading")).to_contain_text(level)
