"""A partnership from an organization's page to a signed agreement, in a real Chromium."""

import re

import pytest
from playwright.sync_api import expect

from accounts.choices import Role
from partnerships.choices import StageCode
from partnerships.models import Partnership
from stakeholders.choices import Level
from tests.browser.conftest import sign_in
from tests.browser.test_register import assert_accessible, field
from tests.factories.accounts import PASSWORD
from tests.factories.stakeholders import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def card(page, title):
    return page.locator("[data-card]", has_text=title)


def column(page, code):
    return page.locator(f"[data-stage='{code}']")


def drag(page, source, target):
    """Drag with the mouse, as a person does (hovering the target twice lets the browser start the drag)."""
    source.hover()
    page.mouse.down()
    target.hover()
    target.hover()
    page.mouse.up()


def test_a_partnership_goes_from_an_organization_page_to_a_signed_agreement(page, make_user, screenshot):
    make_user(Role.STAFF, email="officer@cec.example", full_name="Ana Officer")
    make_user(Role.UNIT_LEAD, email="lead@cec.example", full_name="Lucía Lead")
    organization = OrganizationFactory(name="Grupo Bimbo S.A.B. de C.V.")
    title = "Youth Innovation Challenge 2027 sponsorship"

    # A program officer starts it from the organization's page and completes the assessment.
    sign_in(page, "officer@cec.example", PASSWORD)
    page.goto(organization.get_absolute_url())
    page.get_by_role("link", name="Start a partnership").click()
    page.get_by_label(field("Title")).fill(title)
    page.get_by_label(field("Type")).select_option(label="Sponsorship")
    page.get_by_role("button", name="Create the partnership").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Assess against the key principles").click()
    for fieldset in page.locator("fieldset:has(textarea[name^='evidence_'])").all():
        fieldset.get_by_label("Aligned", exact=True).check()
        fieldset.get_by_label("Evidence").fill("Public sustainability report, 2025.")
    page.get_by_label("No conflict of interest found").check()
    page.get_by_label("Low").check()
    page.get_by_label("Proceed", exact=True).check()
    page.get_by_label("The assessment is complete").check()
    page.get_by_role("button", name="Save the assessment").click()
    expect(page.get_by_text("is complete")).to_be_visible()

    page.get_by_role("link", name="Move to another stage").click()
    page.get_by_label("Move to").select_option(label="Negotiation")
    page.get_by_role("button", name="Move").click()
    expect(page.get_by_text("moved to “Negotiation”")).to_be_visible()

    # A unit lead drags it to "agreement signed": refused without an approval, accepted after it. On a
    # wide screen the board shows every stage without scrolling.
    page.set_viewport_size({"width": 1920, "height": 1000})
    page.context.clear_cookies()
    sign_in(page, "lead@cec.example", PASSWORD)
    page.goto("/partnerships/board/")
    expect(card(page, title)).to_be_visible()
    assert_accessible(page)
    drag(page, card(page, title), column(page, StageCode.AGREEMENT_SIGNED))
    expect(page.locator("#board-status")).to_contain_text("needs a unit lead's approval")
    expect(column(page, StageCode.NEGOTIATION).locator("[data-card]", has_text=title)).to_be_visible()
    screenshot("partnership-board-refused")

    card(page, title).get_by_role("link", name=title, exact=True).click()
    page.get_by_role("button", name="Approve for signature").click()
    expect(page.get_by_text(re.compile("Approved for signature by Lucía Lead"))).to_be_visible()

    page.goto("/partnerships/board/")
    drag(page, card(page, title), column(page, StageCode.AGREEMENT_SIGNED))
    expect(page.locator("#board-status")).to_contain_text("moved to “Agreement signed”")
    expect(column(page, StageCode.AGREEMENT_SIGNED).locator("[data-card]", has_text=title)).to_be_visible()
    assert Partnership.objects.get(title=title).stage_id == StageCode.AGREEMENT_SIGNED

    # The organization is now collaborative, because of the partnership.
    page.goto(organization.get_absolute_url())
    expect(page.get_by_text("Collaborative").first).to_be_visible()
    expect(page.get_by_text(title).first).to_be_visible()
    organization.refresh_from_db()
    assert organization.engagement_level == Level.COLLABORATIVE

    page.goto(Partnership.objects.get(title=title).get_absolute_url())
    assert_accessible(page)
    screenshot("partnership-page")


def test_without_javascript_a_card_moves_with_its_form(browser, live_server, make_user):
    from tests.factories.partnerships import PartnershipFactory

    make_user(Role.STAFF, email="officer@cec.example")
    partnership = PartnershipFactory(title="Food loss and waste pilot")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "officer@cec.example", PASSWORD)
    page.goto("/partnerships/board/")
    card(page, partnership.title).get_by_role("link", name=re.compile("^Move")).click()
    page.get_by_label("Move to").select_option(label="Screening")
    page.get_by_role("button", name="Move").click()
    expect(column(page, StageCode.SCREENING).locator("[data-card]", has_text=partnership.title)).to_be_visible()
    context.close()
