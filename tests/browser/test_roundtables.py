"""A roundtable from planning to follow-up, in a real Chromium, as the spec tells it: planned through the
form, six contacts from three countries and three stakeholder categories invited from the contact
filters, answers through the emailed link without an account, attendance from the checklist, two
outcomes and a follow-up action recorded, the organizations' levels moving from passive to active, and
the follow-up waiting on its owner's home page. axe-core checks each page on the way."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from accounts.choices import Role
from roundtables.choices import EventStatus, OutcomeKind, ParticipantStatus
from roundtables.models import Event
from stakeholders.choices import Category, Country, Level
from stakeholders.models import Organization
from strategy.models import Pillar
from tests.browser.conftest import ARTIFACTS, sign_in
from tests.browser.test_register import assert_accessible, field
from tests.factories.accounts import PASSWORD
from tests.factories.roundtables import reachable_contact
from tests.factories.stakeholders import log_interaction

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ZONE = "America/Toronto"
TITLE = "Food loss and waste roundtable"
TITLE_FR = "Table ronde sur les pertes et le gaspillage alimentaires"
TITLE_ES = "Mesa redonda sobre pérdida y desperdicio de alimentos"
FOLLOW_UP = "Send the cold-chain guide to the participants"

# name, email, language, category, country: two people from each country, across three categories.
PEOPLE = [
    ("Marie Tremblay", "marie@roundtable.example", "fr", Category.GOVERNMENT, Country.CANADA),
    ("Émile Gagnon", "emile@roundtable.example", "fr", Category.CORPORATION, Country.CANADA),
    ("Juan Pérez", "juan@roundtable.example", "es", Category.CORPORATION, Country.MEXICO),
    ("Sofía López", "sofia@roundtable.example", "es", Category.NGO, Country.MEXICO),
    ("Jane Doe", "jane@roundtable.example", "en", Category.NGO, Country.UNITED_STATES),
    ("James Smith", "james@roundtable.example", "en", Category.GOVERNMENT, Country.UNITED_STATES),
]


def tr(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def rsvp_link(email: str) -> str:
    """The personal link in the invitation email the live server sent to ``email``."""
    (message,) = [m for m in mail.outbox if m.to == [email]]
    return re.search(r"https?://[^/\s]+(/r/\S+/)", message.body).group(1)


def screenshot_page(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def engagement(page):
    return page.get_by_role("heading", name=re.compile(tr("en", "Engagement")))


def test_a_roundtable_is_planned_its_contacts_invited_answer_attend_and_its_follow_up_reaches_the_owner(
    page, browser, live_server, make_user, inline_tasks, screenshot
):
    make_user(Role.STAFF, email="officer@cec.example", full_name="Ana Officer")
    make_user(Role.STAFF, email="owner@cec.example", full_name="Luis Owner")
    people = {
        name: reachable_contact(full_name=name, email=email, language=language, category=category, country=country)
        for name, email, language, category, country in PEOPLE
    }
    # Outside the chosen categories: the filters leave this contact out.
    reachable_contact(full_name="Not Chosen", email="academic@roundtable.example", category=Category.ACADEMIA,
                      country=Country.CANADA)  # fmt: skip
    for contact in people.values():  # each organization has received a newsletter: passive
        log_interaction(contact.organization, kind="information-shared")
    pillar = Pillar.objects.order_by("pk").first()
    today = datetime.now(ZoneInfo(ZONE)).date()

    sign_in(page, "officer@cec.example", PASSWORD)
    marie = people["Marie Tremblay"]
    page.goto(marie.organization.get_absolute_url())
    expect(engagement(page)).to_contain_text("Passive")

    # Plan the roundtable through the form.
    page.get_by_role("link", name="Roundtables", exact=True).click()
    screenshot("roundtable-list")
    assert_accessible(page)
    page.get_by_role("link", name="New event").click()
    page.get_by_label(field("Kind of event")).select_option(label="Roundtable")
    page.get_by_label(field("Title (English)")).fill(TITLE)
    page.get_by_label(field("Title (French)")).fill(TITLE_FR)
    page.get_by_label(field("Title (Spanish)")).fill(TITLE_ES)
    page.get_by_label(field("Time zone")).select_option(ZONE)
    page.get_by_label(field("Start")).fill(f"{today.isoformat()}T00:30")
    page.get_by_label(field("End")).fill(f"{today.isoformat()}T23:30")
    page.get_by_label(field("City")).fill("Montréal")
    page.get_by_label(field("Country")).select_option(label="Canada")
    assert_accessible(page)
    page.get_by_role("button", name="Create the event").click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    event = Event.objects.get()
    assert event.kind == "roundtable" and event.status == EventStatus.PLANNING

    # Invite from the contact list's filters: three stakeholder categories, across the three countries.
    page.get_by_role("link", name="Invite contacts").click()
    filters = page.get_by_role("form", name="Filters")
    for category in ("Government", "Corporation", "Non-governmental organization"):
        filters.get_by_label(category, exact=True).check()
    filters.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("6 contacts can be invited")).to_be_visible()
    for name in people:
        expect(page.get_by_label(name)).to_be_checked()
    expect(page.get_by_text("Not Chosen")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("button", name="Send the invitations").click()
    expect(page.get_by_text("6 invitations are on their way.")).to_be_visible()
    expect(page.locator("#balance-warning")).to_be_visible()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(email for _, email, *_ in PEOPLE)
    assert {m.attachments[0][0] for m in mail.outbox} == {"invitation.ics"}
    participants = {p.contact.full_name: p for p in event.participants.select_related("contact")}
    assert {p.country for p in participants.values()} == {"CA", "MX", "US"}
    assert {p.category for p in participants.values()} == {"government", "corporation", "ngo"}

    # Answers through the emailed links, on a phone, without an account, each in the contact's language.
    visitor = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    rsvp = visitor.new_page()
    rsvp.goto(rsvp_link("marie@roundtable.example"))
    expect(rsvp.get_by_role("heading", name=TITLE_FR)).to_be_visible()
    assert_accessible(rsvp)
    screenshot_page(rsvp, "roundtable-rsvp-fr")
    rsvp.get_by_role("button", name=tr("fr", "Yes, I will attend")).click()
    expect(rsvp.get_by_text(tr("fr", "Thank you: your answer is recorded."))).to_be_visible()
    for email, language, button in (
        ("juan@roundtable.example", "es", "Yes, I will attend"),
        ("jane@roundtable.example", "en", "Yes, I will attend"),
        ("sofia@roundtable.example", "es", "No, I cannot attend"),
    ):
        rsvp.goto(rsvp_link(email))
        rsvp.get_by_role("button", name=tr(language, button)).click()
        expect(rsvp.get_by_text(tr(language, "Thank you: your answer is recorded."))).to_be_visible()
        if language == "es":
            assert_accessible(rsvp)
            screenshot_page(rsvp, "roundtable-rsvp-es")
    visitor.close()
    statuses = dict(event.participants.values_list("contact__full_name", "status"))
    assert statuses == {
        "Marie Tremblay": ParticipantStatus.ACCEPTED,
        "Émile Gagnon": ParticipantStatus.INVITED,
        "Juan Pérez": ParticipantStatus.ACCEPTED,
        "Sofía López": ParticipantStatus.DECLINED,
        "Jane Doe": ParticipantStatus.ACCEPTED,
        "James Smith": ParticipantStatus.INVITED,
    }

    # On the day, attendance from the checklist: Émile walks in without having answered.
    page.goto(event.get_absolute_url())
    page.get_by_role("link", name="Take attendance").click()
    expect(page.get_by_label(re.compile("Sofía López"))).to_have_count(0)  # she declined
    assert_accessible(page)
    attended = ["Marie Tremblay", "Émile Gagnon", "Juan Pérez", "Jane Doe"]
    for name in attended:
        page.get_by_label(re.compile(name)).check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance is saved.")).to_be_visible()
    expect(page.locator("#balance-ok")).to_be_visible()
    expect(page.locator("#balance-warning")).to_have_count(0)

    # Two outcomes, tagged with pillars and organizations.
    outcomes = page.get_by_role("region", name="Outcomes")
    outcomes.get_by_text("Record an outcome").click()
    assert_accessible(page)
    issue = "Date labels differ across the three countries."
    for kind, text, organizations in (
        ("Best practice", "Shared cold-chain data cut losses between farms and retailers.", ["Marie Tremblay"]),
        ("Issue of common interest", issue, ["Juan Pérez", "Jane Doe"]),
    ):
        if not outcomes.get_by_label(field("Type")).is_visible():
            outcomes.get_by_text("Record an outcome").click()
        outcomes.get_by_label(field("Type")).select_option(label=kind)
        outcomes.get_by_label(field("Outcome")).fill(text)
        outcomes.get_by_label(pillar.name_en, exact=True).check()
        for name in organizations:
            outcomes.get_by_label(people[name].organization.name, exact=True).check()
        outcomes.get_by_role("button", name="Record the outcome").click()
        expect(page.get_by_text("The outcome is recorded.")).to_be_visible()
        expect(outcomes.get_by_text(text, exact=True)).to_be_visible()
    assert sorted(event.outcomes.values_list("kind", flat=True)) == [OutcomeKind.BEST_PRACTICE, OutcomeKind.ISSUE]

    # A slip corrected on the outcome's own form.
    outcomes.get_by_role("link", name=re.compile(r"^Edit\W+Shared cold-chain")).click()
    expect(page.get_by_role("heading", name="Edit the outcome")).to_be_visible()
    expect(page.get_by_label(people["Marie Tremblay"].organization.name, exact=True)).to_be_checked()
    assert_accessible(page)
    best_practice = "Shared cold-chain data cut losses between farms and retailers by a fifth."
    page.get_by_label(field("Outcome")).fill(best_practice)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The outcome is saved.")).to_be_visible()
    expect(outcomes.get_by_text(best_practice, exact=True)).to_be_visible()
    outcome_edit = reverse("roundtables:outcome_edit", args=[event.pk, event.outcomes.get(kind="best_practice").pk])

    # One follow-up action, owned by a colleague, with a due date.
    due = today + timedelta(days=10)
    actions = page.get_by_role("region", name="Follow-up actions")
    actions.get_by_text("Add a follow-up action").click()
    actions.get_by_label(field("What to do")).fill(FOLLOW_UP)
    actions.get_by_label(field("Owner")).select_option(label="Luis Owner")
    actions.get_by_label(field("Due")).fill(due.isoformat())
    actions.get_by_label(field("Organization")).select_option(label=people["Juan Pérez"].organization.name)
    actions.get_by_label(field("Outcome it follows")).select_option(label=issue)
    actions.get_by_role("button", name="Add the action").click()
    expect(page.get_by_text("The follow-up action is in its owner's follow-ups.")).to_be_visible()
    expect(actions.get_by_text(FOLLOW_UP)).to_be_visible()
    assert_accessible(page)
    screenshot("roundtable-event-en")
    event.refresh_from_db()
    assert event.status == EventStatus.OUTCOMES_RECORDED

    # The organizations of those who came moved from passive to active; the others did not.
    page.get_by_role("link", name=marie.organization.name).first.click()
    expect(engagement(page)).to_contain_text("Active")
    for name, contact in people.items():
        expected = Level.ACTIVE if name in attended else Level.PASSIVE
        assert Organization.objects.get(pk=contact.organization_id).engagement_level == expected, name

    # The follow-up waits on its owner's home page, not on the officer's.
    page.goto("/")
    expect(page.get_by_role("region", name="Your follow-ups")).not_to_contain_text(FOLLOW_UP)
    owner = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    owner_page = owner.new_page()
    sign_in(owner_page, "owner@cec.example", PASSWORD)
    followups = owner_page.get_by_role("region", name="Your follow-ups")
    expect(followups).to_contain_text(FOLLOW_UP)
    expect(followups.get_by_role("link", name=people["Juan Pérez"].organization.name)).to_be_visible()
    owner.close()

    # The same pages in French and Spanish.
    for language in ("fr", "es"):
        page.goto(event.get_absolute_url())
        page.get_by_role("button", name={"fr": "Français", "es": "Español"}[language]).click()
        expect(page.locator("html")).to_have_attribute("lang", language)
        screenshot(f"roundtable-event-{language}")
        page.goto(outcome_edit)
        expect(page.get_by_role("heading", name=tr(language, "Edit the outcome"))).to_be_visible()
        assert_accessible(page)
        screenshot(f"roundtable-outcome-edit-{language}")
        page.goto(f"/roundtables/calendar/?year={today.year}&month={today.month}")
        expect(page.get_by_role("link", name=TITLE_FR if language == "fr" else TITLE_ES)).to_be_visible()
        assert_accessible(page)
        screenshot(f"roundtable-calendar-{language}")
