"""A roundtable from planning to attendance, in a real Chromium: invitations from a filtered contact list,
answers through the emailed link in each contact's language, the balance warning clearing, and the
organizations' engagement levels moving."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from accounts.choices import Role
from roundtables.models import Event
from stakeholders.choices import Category, Country, Level
from stakeholders.models import Organization
from tests.browser.conftest import sign_in
from tests.browser.test_register import assert_accessible, field
from tests.factories.accounts import PASSWORD
from tests.factories.roundtables import reachable_contact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ZONE = "America/Toronto"


def tr(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def rsvp_link(email: str) -> str:
    message = next(m for m in mail.outbox if m.to == [email])
    return re.search(r"https?://[^/\s]+(/r/\S+/)", message.body).group(1)


def test_a_roundtable_is_planned_its_contacts_invited_answer_and_attend(
    page, browser, live_server, make_user, inline_tasks, screenshot
):
    officer = make_user(Role.STAFF, email="officer@cec.example", full_name="Ana Officer")
    marie = reachable_contact(full_name="Marie Tremblay", email="marie@example.org", language="fr",
                              category=Category.GOVERNMENT, country=Country.CANADA)  # fmt: skip
    juan = reachable_contact(full_name="Juan Pérez", email="juan@example.org", language="es",
                             category=Category.CORPORATION, country=Country.MEXICO)  # fmt: skip
    jane = reachable_contact(full_name="Jane Doe", email="jane@example.org", language="en",
                             category=Category.NGO, country=Country.UNITED_STATES)  # fmt: skip
    reachable_contact(full_name="Not Chosen", email="other@elsewhere.example")
    today = datetime.now(ZoneInfo(ZONE)).date()

    sign_in(page, "officer@cec.example", PASSWORD)
    page.get_by_role("link", name="Roundtables", exact=True).click()
    screenshot("roundtable-list")
    assert_accessible(page)
    page.get_by_role("link", name="New event").click()
    page.get_by_label(field("Kind of event")).select_option(label="Roundtable")
    page.get_by_label(field("Title (English)")).fill("Food loss and waste roundtable")
    page.get_by_label(field("Title (French)")).fill("Table ronde sur les pertes et le gaspillage alimentaires")
    page.get_by_label(field("Title (Spanish)")).fill("Mesa redonda sobre pérdida y desperdicio de alimentos")
    page.get_by_label(field("Time zone")).select_option(ZONE)
    page.get_by_label(field("Start")).fill(f"{today.isoformat()}T00:30")
    page.get_by_label(field("End")).fill(f"{today.isoformat()}T23:30")
    page.get_by_label(field("City")).fill("Montréal")
    page.get_by_label(field("Country")).select_option(label="Canada")
    assert_accessible(page)
    page.get_by_role("button", name="Create the event").click()
    expect(page.get_by_role("heading", name="Food loss and waste roundtable")).to_be_visible()
    event = Event.objects.get()

    # Invite from a filtered list of contacts.
    page.get_by_role("link", name="Invite contacts").click()
    page.get_by_label("Search").fill("@example.org")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_label("Marie Tremblay")).to_be_checked()
    expect(page.get_by_text("Not Chosen")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("button", name="Send the invitations").click()
    expect(page.get_by_text("3 invitations are on their way.")).to_be_visible()
    expect(page.locator("#balance-warning")).to_be_visible()
    assert len(mail.outbox) == 3
    assert mail.outbox[0].attachments[0][0] == "invitation.ics"

    # Marie answers through her emailed link, in French, without an account.
    visitor = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})  # a phone
    rsvp = visitor.new_page()
    rsvp.goto(rsvp_link("marie@example.org"))
    expect(rsvp.get_by_role("heading", name="Table ronde sur les pertes et le gaspillage alimentaires")).to_be_visible()
    assert_accessible(rsvp)
    screenshot_page(rsvp, "roundtable-rsvp-fr")
    rsvp.get_by_role("button", name=tr("fr", "Yes, I will attend")).click()
    expect(rsvp.get_by_text(tr("fr", "Thank you: your answer is recorded."))).to_be_visible()
    # Juan reads his in Spanish.
    rsvp.goto(rsvp_link("juan@example.org"))
    expect(rsvp.get_by_role("button", name=tr("es", "Yes, I will attend"))).to_be_visible()
    screenshot_page(rsvp, "roundtable-rsvp-es")
    visitor.close()

    # Only Canada is coming: the balance still warns.
    page.reload()
    expect(page.locator("#balance-warning")).to_contain_text("Mexico")

    # On the day, attendance from the checklist.
    page.get_by_role("link", name="Take attendance").click()
    assert_accessible(page)
    for person in (marie, juan, jane):
        page.get_by_label(re.compile(person.full_name)).check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance is saved.")).to_be_visible()
    expect(page.locator("#balance-ok")).to_be_visible()
    expect(page.locator("#balance-warning")).to_have_count(0)
    assert_accessible(page)
    screenshot("roundtable-event-en")

    for person in (marie, juan, jane):
        assert Organization.objects.get(pk=person.organization_id).engagement_level == Level.ACTIVE
    page.get_by_role("link", name=marie.organization.name).click()
    expect(page.get_by_text("Active").first).to_be_visible()

    # The same pages in French and Spanish.
    for language in ("fr", "es"):
        page.goto(event.get_absolute_url())
        page.get_by_role("button", name={"fr": "Français", "es": "Español"}[language]).click()
        expect(page.locator("html")).to_have_attribute("lang", language)
        screenshot(f"roundtable-event-{language}")
        page.goto(f"/roundtables/calendar/?year={today.year}&month={today.month}")
        expect(page.get_by_role("link", name=event.title_fr if language == "fr" else event.title_es)).to_be_visible()
        assert_accessible(page)
        screenshot(f"roundtable-calendar-{language}")
    officer.refresh_from_db()


def screenshot_page(page, name):
    from tests.browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


_ = timedelta
