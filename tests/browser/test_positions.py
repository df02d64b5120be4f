"""An officer records a contact's move to another organization and reads their positions; a chamber's
members page reads in each language."""

import re
from datetime import date

import pytest
from django.utils import formats, translation
from playwright.sync_api import expect

from accounts.choices import Role
from stakeholders.choices import Category
from stakeholders.models import Contact
from stakeholders.services.contacts import contact_save
from tests.browser.conftest import sign_in
from tests.browser.test_register import assert_accessible
from tests.factories.accounts import PASSWORD
from tests.factories.stakeholders import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_contacts_move_shows_in_their_positions_and_a_chamber_lists_its_members(
    page, make_user, screenshot, language
):
    def t(text, **values):
        with translation.override(language):
            translated = translation.gettext(text)
        if language != "en":
            assert translated != text or not text[0].isalpha(), f"“{text}” has no {language} translation"
        return translated % values if values else translated

    def day(value):
        with translation.override(language):
            return formats.date_format(value, "DATE_FORMAT")

    make_user(Role.STAFF, email="officer@cec.example", preferred_language=language)
    chamber = OrganizationFactory(name="Cámara Verde", category=Category.CHAMBER_OF_COMMERCE)
    former = OrganizationFactory(name="Aceros del Norte")
    former.member_of.add(chamber)
    OrganizationFactory(name="Reciclados del Sur")
    contact = contact_save(contact=Contact(full_name="Lucía Pérez", organization=former), since=date(2019, 1, 15))
    sign_in(page, "officer@cec.example", PASSWORD)

    page.goto(f"/contacts/{contact.pk}/edit/")
    page.get_by_label(t("Find the organization: type part of its name")).fill("Reciclados")
    page.get_by_role("radio", name=re.compile("Reciclados del Sur")).check()
    page.get_by_label(re.compile(rf"^\s*{re.escape(t('Moved on'))}")).fill("2024-05-02")
    assert_accessible(page)
    page.get_by_role("button", name=t("Save")).click()

    positions = page.get_by_role("heading", name=t("Positions")).locator("xpath=following-sibling::ul[1]")
    expect(positions.get_by_role("listitem").nth(0)).to_contain_text(t("since %(start)s", start=day(date(2024, 5, 2))))
    expect(positions.get_by_role("listitem").nth(1)).to_contain_text(
        t("from %(start)s to %(end)s", start=day(date(2019, 1, 15)), end=day(date(2024, 5, 2)))
    )
    assert_accessible(page)
    screenshot(f"contact-positions-{language}")

    page.goto(chamber.get_absolute_url())
    page.get_by_role("link", name=t("Member organizations")).click()
    expect(page.get_by_role("heading", name=t("Members of %(name)s", name="Cámara Verde"))).to_be_visible()
    expect(page.get_by_role("link", name="Aceros del Norte")).to_be_visible()
    assert_accessible(page)
    screenshot(f"chamber-members-{language}")
