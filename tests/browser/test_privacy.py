"""An administrator answers a person's access request, then their erasure request, from the contact's
page, in French and in Spanish, in a real Chromium."""

import io
import json
import zipfile

import pytest
from playwright.sync_api import expect

from accounts.choices import Role
from stakeholders.models import Contact, ContactErasure
from tests.browser.conftest import sign_in
from tests.browser.test_register import assert_accessible
from tests.factories.accounts import PASSWORD
from tests.stakeholders.people import EMAIL, NAME, person_with_records

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_an_administrator_exports_then_erases_a_person(page, make_user, screenshot, language):
    from django.utils import translation

    def t(text, **values):
        with translation.override(language):
            translated = translation.gettext(text)
        assert translated != text, f"“{text}” has no {language} translation"
        return translated % values if values else translated

    contact = person_with_records(interactions=2)
    make_user(Role.ADMINISTRATOR, email="admin@cec.example", preferred_language=language)
    sign_in(page, "admin@cec.example", PASSWORD)

    page.goto(contact.get_absolute_url())
    assert page.locator("html").get_attribute("lang") == language
    expect(page.get_by_role("heading", name=NAME)).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name=t("Export personal data (JSON)")).click()
    document = json.loads(download.value.path().read_bytes())
    assert document["sections"]["stakeholders.contact"]["rows"][0]["email"] == EMAIL
    with page.expect_download() as download:
        page.get_by_role("link", name=t("Export personal data (CSV)")).click()
    archive = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    assert NAME in archive.read(archive.namelist()[0]).decode("utf-8-sig")

    page.get_by_role("link", name=t("Erase personal data")).click()
    expect(page.get_by_role("heading", name=t("Erase the personal data of %(name)s?", name=NAME))).to_be_visible()
    expect(
        page.get_by_text(t("This cannot be undone. If the person asked for their data, export it first."))
    ).to_be_visible()
    expect(page.get_by_text(t("They are marked as opted out: nothing is sent to this record again."))).to_be_visible()
    assert_accessible(page)
    screenshot(f"contact-erase-{language}")
    page.get_by_role("button", name=t("Erase"), exact=True).click()

    expect(page.get_by_text(t("The contact's personal data is erased. The erasure is logged."))).to_be_visible()
    expect(page.get_by_role("heading", name=t("Erased contact #%(id)s", id=contact.pk))).to_be_visible()
    expect(page.get_by_text(NAME)).to_have_count(0)
    expect(page.get_by_role("link", name=t("Erase personal data"))).to_have_count(0)
    assert_accessible(page)
    assert Contact.objects.get(pk=contact.pk).erased_at is not None
    assert ContactErasure.objects.filter(contact_id=contact.pk).exists()
