"""A viewer makes an API key from their preferences, reads the Power BI and Excel guide, and revokes the key,
in English, French and Spanish."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from accounts.choices import Role
from accounts.models import ApiToken
from tests.browser.conftest import sign_in
from tests.browser.test_register import assert_accessible
from tests.factories.accounts import PASSWORD
from tests.factories.stakeholders import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_viewer_makes_a_key_reads_the_guide_and_revokes_the_key(page, make_user, live_server, screenshot, language):
    def t(text, **values):
        with translation.override(language):
            translated = translation.gettext(text)
        if language != "en":
            assert translated != text, f"“{text}” has no {language} translation"
        return translated % values if values else translated

    make_user(Role.VIEWER, email="viewer@cec.example", full_name="Ana Viewer", preferred_language=language)
    organization = OrganizationFactory(name="Reciclados del Norte")
    sign_in(page, "viewer@cec.example", PASSWORD)

    page.get_by_role("button", name="Ana").click()
    page.get_by_role("link", name=t("Preferences")).click()
    page.get_by_role("link", name=t("API key for reporting tools (Power BI, Excel)")).click()
    expect(page.get_by_role("heading", name=t("Your API key"))).to_be_visible()
    expect(page.get_by_text(t("You have no API key."))).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name=t("Create a key")).click()
    expect(page.get_by_text(t("Your new key. Copy it now: it will not be shown again."))).to_be_visible()
    key = page.get_by_label(t("API key")).input_value()
    assert len(key) > 30 and ApiToken.objects.filter(user__email="viewer@cec.example").exists()
    assert_accessible(page)
    screenshot(f"api-key-{language}")

    # The key reads the API as a reporting tool would.
    response = page.request.get(f"{live_server.url}/api/organizations/", headers={"Authorization": f"Bearer {key}"})
    assert response.status == 200
    assert [row["name"] for row in response.json()["results"]] == [organization.name]

    page.get_by_role("link", name=t("How to connect Power BI and Excel")).click()
    expect(page.get_by_role("heading", name=t("Connect Power BI and Excel"))).to_be_visible()
    expect(page.get_by_role("heading", name=t("1. Get your key"))).to_be_visible()
    expect(page.get_by_role("heading", name=t("3. Filters and pages"))).to_be_visible()
    expect(page.get_by_text("Authorization: Bearer YOUR-KEY")).to_be_visible()
    assert_accessible(page)
    screenshot(f"api-guide-{language}")

    page.get_by_role("button", name="Ana").click()
    page.get_by_role("link", name=t("Preferences")).click()
    page.get_by_role("link", name=t("API key for reporting tools (Power BI, Excel)")).click()
    expect(page.get_by_label(t("API key"))).to_have_count(0)  # shown once, not again
    page.get_by_role("button", name=t("Revoke my key")).click()
    expect(page.get_by_text(t("Your API key is revoked. Tools that used it can no longer connect."))).to_be_visible()
    expect(page.get_by_text(t("You have no API key."))).to_be_visible()
    refused = page.request.get(f"{live_server.url}/api/organizations/", headers={"Authorization": f"Bearer {key}"})
    assert refused.status == 401
