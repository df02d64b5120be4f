"""An officer saves a filter of the organization list as a target group, makes an engagement plan for it
and reads its progress, in each of the three languages."""

import re

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from accounts.choices import Role
from stakeholders.choices import Category, Level
from stakeholders.models import EngagementPlan, Organization, TargetGroup
from tests.browser.conftest import sign_in
from tests.browser.test_register import assert_accessible
from tests.factories.accounts import PASSWORD
from tests.factories.stakeholders import OrganizationFactory, log_interaction


def label(text):
    """A form field's accessible name: its label, and the asterisk of a required field."""
    return re.compile(rf"^\s*{re.escape(text)}")


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_an_officer_makes_a_plan_for_the_chambers_and_sees_its_progress(page, make_user, screenshot, language):
    def t(text, spelled_alike=False, **values):
        with translation.override(language):
            translated = translation.gettext(text)
        if language != "en" and not spelled_alike:
            assert translated != text or not text[0].isalpha(), f"“{text}” has no {language} translation"
        return translated % values if values else translated

    officer = make_user(Role.STAFF, email="officer@cec.example", full_name="Ana Officer", preferred_language=language)
    engaged = OrganizationFactory(name="Cámara Verde", category=Category.CHAMBER_OF_COMMERCE)
    Organization.objects.filter(pk=engaged.pk).update(engagement_level=Level.ACTIVE)
    log_interaction(engaged)
    OrganizationFactory(name="Chambre du Nord", category=Category.CHAMBER_OF_COMMERCE)
    OrganizationFactory(name="Not a chamber", category=Category.CORPORATION)
    sign_in(page, "officer@cec.example", PASSWORD)

    page.goto("/organizations/")
    assert page.locator("html").get_attribute("lang") == language
    page.get_by_label(t("Chamber of commerce")).check()
    page.get_by_role("button", name=t("Apply filters")).click()
    page.get_by_role("link", name=t("Save as a target group")).click()

    expect(page.get_by_role("heading", name=t("Save as a target group"))).to_be_visible()
    with translation.override(language):
        selects = translation.ngettext(
            "The filter selects %(counter)s organization today; the group follows the register as it changes.",
            "The filter selects %(counter)s organizations today; the group follows the register as it changes.",
            2,
        ) % {"counter": 2}
    expect(page.get_by_role("status")).to_have_text(selects)
    assert_accessible(page)
    page.get_by_label(t("Name of the group")).fill("Chambres")
    page.get_by_role("button", name=t("Save the group")).click()

    expect(page.get_by_role("heading", name=t("New engagement plan"))).to_be_visible()
    assert_accessible(page)
    level = t("Active", spelled_alike=(language == "fr"))  # « Active » in French too
    page.get_by_label(label(t("Name of the plan"))).fill("Chambers to active")
    expect(page.get_by_label(label(t("Target group")))).to_have_value(str(TargetGroup.objects.get().pk))
    page.get_by_label(label(t("Goal level"))).select_option(label=level)
    page.get_by_label(label(t("Contact cadence"))).select_option(label=t("Once a quarter"))
    page.get_by_label(label(t("Due"))).fill(f"{timezone.localdate().year + 1}-06-30")
    page.get_by_role("button", name=t("Save"), exact=True).click()

    expect(page.get_by_role("heading", name="Chambers to active")).to_be_visible()
    with translation.override(language):
        progress = translation.ngettext(
            "%(reached)s of %(counter)s organization is at the level “%(level)s” or above.",
            "%(reached)s of %(counter)s organizations are at the level “%(level)s” or above.",
            2,
        )
    expect(page.get_by_text(progress % {"reached": 1, "counter": 2, "level": level})).to_be_visible()
    expect(page.get_by_role("progressbar", name=t("Organizations at the goal level"))).to_have_attribute(
        "aria-valuenow", "50"
    )
    page.wait_for_function("() => document.querySelector('[data-progress]').style.width === '50%'")
    expect(page.get_by_role("link", name="Chambre du Nord")).to_be_visible()  # no interaction this quarter
    expect(page.get_by_role("link", name="Cámara Verde")).to_have_count(0)
    assert_accessible(page)
    screenshot(f"plan-detail-{language}")
    plan = EngagementPlan.objects.get()
    assert (plan.owner, plan.target_group.query) == (officer, "category=chamber_of_commerce")

    page.get_by_role("navigation", name=t("Main")).get_by_role(
        "link", name=t("Plans", spelled_alike=(language == "fr"))
    ).click()
    expect(page.get_by_role("link", name="Chambers to active")).to_be_visible()
    assert_accessible(page)
