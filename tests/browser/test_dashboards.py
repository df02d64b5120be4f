"""A unit lead follows their unit's progress: sets a target, sees the attendance taken at the unit's
conference move the number and its trend after a refresh, opens the events behind the number, and exports
the table."""

import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from accounts.choices import Role
from accounts.models import User
from reports.services.snapshots import snapshot_take
from roundtables.choices import EventKind, EventStatus, OutcomeKind
from roundtables.models import Outcome
from roundtables.services.participants import attendance_mark, participants_invite
from stakeholders.models import Contact
from tests.browser.conftest import sign_in
from tests.factories.accounts import PASSWORD
from tests.factories.roundtables import attendee, held_event
from tests.factories.stakeholders import ContactFactory, OrganizationFactory
from tests.factories.strategy import UnitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_a_unit_lead_sets_a_target_and_follows_the_number_to_its_records(page, make_user, inline_tasks, screenshot):
    unit = UnitFactory(name_en="Outreach and Partnerships Unit")
    make_user(Role.UNIT_LEAD, email="lead@cec.example", unit=unit)
    make_user(Role.STAFF, email="officer@cec.example", unit=unit)
    organization = OrganizationFactory(name="Reciclados del Norte")
    # The unit's business conference is planned for today, its invitations out.
    conference = held_event(kind=EventKind.CONFERENCE, unit=unit, title_en="Circular economy expo",
                            status=EventStatus.INVITATIONS_SENT)  # fmt: skip
    snapshot_take(as_of=timezone.localdate() - timedelta(days=1))  # yesterday's figures, before the work

    sign_in(page, "lead@cec.example", PASSWORD)
    page.get_by_role("link", name="Dashboards").first.click()
    expect(page.get_by_label("Unit")).to_have_value(str(unit.pk))  # landed on their unit's view
    page.get_by_role("link", name="Set yearly targets").click()
    page.get_by_label("Conferences and workshops attended").fill("-2")
    page.get_by_role("button", name="Save the targets").click()
    expect(page.get_by_text("A target cannot be negative.")).to_be_visible()
    page.get_by_label("Conferences and workshops attended").fill("4")
    page.get_by_role("button", name="Save the targets").click()
    expect(page.get_by_text("1 target saved.")).to_be_visible()

    # The unit's business conference takes place; a program officer takes attendance.
    officer = User.objects.get(email="officer@cec.example")
    contact = ContactFactory(organization=organization, consent_given=True, consent_date=timezone.localdate())
    participants_invite(event=conference, contacts=Contact.objects.filter(pk=contact.pk), by=officer)
    attendance_mark(participant=conference.participants.get(), attended=True, by=officer)

    page.goto("/dashboards/")
    page.get_by_role("button", name="Refresh the figures").click()
    page.get_by_role("link", name="Show the new figures").click()
    page.get_by_role("link", name="2.1").click()
    row = page.get_by_role("row").filter(has_text="Conferences and workshops attended").first
    expect(row).to_contain_text("25.0%")
    expect(row.get_by_role("cell").nth(1)).to_have_text("4")  # the target
    # The trend moved: yesterday nothing, today one; the chart's figures are also a table.
    trend = page.locator("#indicator-conferences-attended")
    trend.get_by_text("Figures of the chart").click()
    expect(trend.get_by_role("table")).to_contain_text("1")
    expect(trend.get_by_role("img")).to_have_attribute(
        "aria-label",
        "Line chart of “Conferences and workshops attended” over time; the table of figures beside it gives the "
        "same values.",
    )
    expect(trend.get_by_role("row")).to_have_count(3)  # a header, yesterday and today
    assert not serious_violations(page)
    screenshot("dashboard-objective")

    with page.expect_download() as download:
        page.get_by_role("link", name="Excel").click()
    assert download.value.suggested_filename == "objective-2.1.xlsx"

    row.get_by_role("link", name=re.compile("see the records")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Roundtables and events")
    assert "/roundtables/" in page.url
    events = page.get_by_role("row").filter(has_text="Circular economy expo")
    expect(events).to_have_count(1)
    expect(events.get_by_role("cell").nth(5)).to_have_text("1")  # attended
    events.get_by_role("link", name="Circular economy expo").click()
    expect(page.get_by_text("Reciclados del Norte").first).to_be_visible()


def test_the_dashboard_pages_have_no_serious_accessibility_violation(page, make_user, screenshot):
    make_user(Role.ADMINISTRATOR, email="admin@cec.example")
    roundtable = held_event(status=EventStatus.OUTCOMES_RECORDED)
    attendee(roundtable)
    Outcome.objects.create(event=roundtable, kind=OutcomeKind.ISSUE, text="Harmonize recycled-content standards.")
    snapshot_take()
    sign_in(page, "admin@cec.example", PASSWORD)
    found = {}
    for url in ("/dashboards/", "/dashboards/goals/3/", "/dashboards/objectives/3.1/", "/dashboards/targets/",
                "/dashboards/report/"):  # fmt: skip
        page.goto(url)
        found[url] = serious_violations(page)
        if url == "/dashboards/":
            screenshot("dashboard-overview")
    assert not {url: v for url, v in found.items() if v}
