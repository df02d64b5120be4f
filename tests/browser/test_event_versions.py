"""Two staff members edit the same event at once, each in their browser and language: the first saves,
the second is told, in French or in Spanish, that their edit was not saved and what the first changed,
finds their input still in the form, and saves it again on purpose. Every text is read through the
app's translations, so a missing one fails the test."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.text import capfirst
from playwright.sync_api import expect

from accounts.choices import Role
from tests.browser.conftest import ARTIFACTS, sign_in
from tests.browser.test_register import field
from tests.factories.accounts import PASSWORD
from tests.factories.roundtables import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_second_of_two_people_editing_an_event_is_told_and_keeps_their_input(
    browser, live_server, make_user, language
):
    def t(text, context=None, **values):
        with translation.override(language):
            translated = translation.pgettext(context, text) if context else translation.gettext(text)
        assert translated != text, f"“{text}” has no {language} translation"
        return translated % values if values else translated

    make_user(Role.STAFF, email="first@cec.example", preferred_language=language)
    make_user(Role.STAFF, email="second@cec.example", preferred_language=language)
    start = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("America/Toronto"))
    event = EventFactory(
        title_en="Clean air roundtable",
        title_fr="",
        title_es="",
        capacity=40,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
    )
    title = field(capfirst(t("title (English)", context="event")))
    capacity = field(capfirst(t("capacity")))
    save = t("Save")

    pages = []
    for email in ("first@cec.example", "second@cec.example"):
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        page = context.new_page()
        sign_in(page, email, PASSWORD)
        page.goto(f"/roundtables/{event.pk}/edit/")
        assert page.locator("html").get_attribute("lang") == language
        pages.append(page)
    first, second = pages

    # Both have the form open; the first saves a new title and capacity.
    first.get_by_label(title).fill("Clean air and health roundtable")
    first.get_by_label(capacity).fill("60")
    first.get_by_role("button", name=save, exact=True).click()
    expect(
        first.get_by_text(t("Changes to “%(name)s” are saved.", name="Clean air and health roundtable"))
    ).to_be_visible()

    # The second, from the page opened before, saves another title.
    second.get_by_label(title).fill("Air quality roundtable")
    second.get_by_role("button", name=save, exact=True).click()
    refused = second.get_by_role("alert")
    expect(refused).to_contain_text(
        t(
            "Your changes are not saved: someone else saved this event while you were editing it. "
            "Their changes are now in the form, except in the fields you changed too, which keep "
            "your input. Check the form, then save again."
        )
    )
    expect(refused).to_contain_text(t("What they changed:"))
    expect(refused).to_contain_text(
        t(
            "%(field)s: now “%(value)s”",
            field=capfirst(t("title (English)", context="event")),
            value="Clean air and health roundtable",
        )  # fmt: skip
    )
    expect(refused).to_contain_text(t("%(field)s: now “%(value)s”", field=capfirst(t("capacity")), value="60"))
    expect(refused.get_by_role("listitem")).to_have_count(2)  # those two, nothing the first did not change
    expect(second.get_by_label(title)).to_have_value("Air quality roundtable")  # nothing typed is lost
    expect(second.get_by_label(capacity)).to_have_value("60")  # and the first's other change has come in
    screenshot(second, f"event-edit-refused-{language}")
    event.refresh_from_db()
    assert (event.title_en, event.capacity, event.version) == ("Clean air and health roundtable", 60, 2)

    # Having read what changed, the second saves again on purpose: their title replaces the first's, and
    # the first's capacity stays.
    second.get_by_role("button", name=save, exact=True).click()
    expect(second.get_by_text(t("Changes to “%(name)s” are saved.", name="Air quality roundtable"))).to_be_visible()
    event.refresh_from_db()
    assert (event.title_en, event.capacity, event.version) == ("Air quality roundtable", 60, 3)
    for page in pages:
        page.context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
