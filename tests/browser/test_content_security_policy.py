"""The Content-Security-Policy leaves every page working: a person goes through the main pages, staff and
public, and the browser reports no console error and no refused script, style or image."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.choices import Role
from reports.services.snapshots import snapshot_take
from roundtables.choices import EventKind
from stakeholders.choices import Category
from stakeholders.models import ImportBatch
from stakeholders.services.consent import unsubscribe_token
from stakeholders.services.imports import import_upload
from strategy.models import Initiative
from surveys.choices import QuestionKind
from surveys.models import Survey
from surveys.services.responses import answers_save, response_for_visitor
from tests.browser.conftest import sign_in
from tests.factories.accounts import PASSWORD
from tests.factories.roundtables import attendee, held_event
from tests.factories.stakeholders import OrganizationFactory
from tests.factories.surveys import build_survey
from tests.stakeholders.test_plans import make_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Registered before any page script runs, so a violation during loading is caught too.
LISTEN_FOR_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.cspViolations.push(event.violatedDirective + " refused " + (event.blockedURI || "inline") +
                            " at " + event.sourceFile + ":" + event.lineNumber);
});
"""

NOT_FOUND_ON_PURPOSE = ("/favicon.ico", "/no-such-page/")


def test_the_main_pages_run_under_the_policy_without_a_refusal(page, make_user, screenshot):
    admin = make_user(Role.ADMINISTRATOR, email="admin@cec.example")
    organization = OrganizationFactory(name="Reciclados del Norte")
    plan = make_plan(admin, query="country=MX")  # its page sizes a progress bar
    chamber = OrganizationFactory(name="Cámara del Norte", category=Category.CHAMBER_OF_COMMERCE)
    organization.member_of.add(chamber)
    conference = held_event(kind=EventKind.CONFERENCE, title_en="Circular economy expo")
    participant = attendee(conference)
    snapshot_take(as_of=timezone.localdate() - timedelta(days=1))  # two days of figures: the trends draw a line
    snapshot_take()
    draft = build_survey(open_it=False)
    public_survey = build_survey()
    Survey.objects.filter(pk=public_survey.pk).update(open_link_enabled=True)
    rating, single = public_survey.questions.filter(kind__in=[QuestionKind.RATING, QuestionKind.SINGLE]).order_by(
        "kind"
    )
    answers = {rating.pk: "4", single.pk: str(single.choices.first().pk)}
    response = response_for_visitor(public_survey, visitor_key="visitor", language="en")
    answers_save(response=response, data=answers, complete=True)  # results with charts

    contact = participant.contact
    stopped = import_upload(data=b"Organization\nNorthwind\n", file_name="northwind.csv", by=None)
    ImportBatch.objects.filter(pk=stopped.pk).update(status="failed", error="The import stopped.")

    problems = []

    def on_console(message):
        # The browser asks for /favicon.ico by itself (the app has none), and the 404 page is asked for below.
        if message.type == "error" and not message.location.get("url", "").endswith(NOT_FOUND_ON_PURPOSE):
            problems.append(f"console: {message.text} ({message.location.get('url')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.add_init_script(LISTEN_FOR_VIOLATIONS)

    sign_in(page, "admin@cec.example", PASSWORD)
    pages = [
        "/",
        "/dashboards/",
        "/dashboards/goals/2/",
        "/dashboards/report/",
        "/organizations/",
        organization.get_absolute_url(),
        "/interactions/add/",
        f"/surveys/{draft.pk}/",
        f"/surveys/{public_survey.pk}/results/",
        "/roundtables/",
        "/roundtables/calendar/",
        conference.get_absolute_url(),
        f"/roundtables/{conference.pk}/attendance/",
        f"/roundtables/{conference.pk}/summary/",
        f"/s/open/{public_survey.open_token}/",
        f"/r/{participant.token}/",
        "/dashboards/objectives/2.1/",
        "/contacts/",
        "/interactions/",
        "/partnerships/",
        "/partnerships/board/",
        "/surveys/",
        "/roundtables/issues/",
        "/accounts/preferences/",
        "/accounts/preferences/api-key/",
        "/api/",
        "/admin/",
        "/admin/accounts/user/",
        "/strategy/",
        "/imports/",
        stopped.get_absolute_url(),
        contact.get_absolute_url(),
        reverse("stakeholders:contact_erase", args=[contact.pk]),
        reverse("roundtables:event_edit", args=[conference.pk]),
        reverse("stakeholders:unsubscribe", args=[unsubscribe_token(contact, "fr")]),
        "/plans/",
        "/plans/add/",
        plan.get_absolute_url(),
        reverse("stakeholders:plan_edit", args=[plan.pk]),
        reverse("stakeholders:targetgroup_add") + "?country=MX",
        reverse("stakeholders:organization_members", args=[chamber.pk]),
        reverse("strategy:initiative_answer", args=[Initiative.objects.first().code]),
        "/mapping/",
        "/mapping/regions/",
        "/mapping/cell/?level=none&potential=none",
    ]
    for url in pages:
        response = page.goto(url)
        assert response.status == 200, url
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url
        page.wait_for_load_state("load")
        problems.extend(f"{url}: {v}" for v in page.evaluate("window.cspViolations"))
        if url == "/dashboards/goals/2/":
            # The trends still draw: each canvas holds a Chart.js chart.
            canvases = page.locator("canvas[data-trend]")
            expect(canvases.first).to_be_visible()
            drawn = page.evaluate(
                "Array.from(document.querySelectorAll('canvas[data-trend]')).every(c => Chart.getChart(c))"
            )
            assert canvases.count() > 0 and drawn
            screenshot("csp-goal-dashboard")
        if url.endswith("/results/"):
            drawn = page.evaluate(
                "Array.from(document.querySelectorAll('canvas[data-chart]')).map(c => !!Chart.getChart(c))"
            )
            assert drawn and all(drawn)
            screenshot("csp-survey-results")
        if url == "/mapping/":
            assert page.evaluate("!!Chart.getChart(document.getElementById('matrix-chart'))")

    # An error page's "Go back" button, once an inline javascript: link, still goes back.
    page.goto("/organizations/")
    list_url = page.url
    response = page.goto("/no-such-page/")
    assert response.status == 404
    problems.extend(f"404 page: {v}" for v in page.evaluate("window.cspViolations"))
    page.get_by_role("button", name="Go back").click()
    expect(page).to_have_url(list_url)
    assert not problems


def test_a_progress_bar_shows_its_share_though_markup_may_not_size_it(page, make_user):
    from reports.choices import RunStatus
    from reports.models import SnapshotRun

    make_user(Role.ADMINISTRATOR, email="admin@cec.example")
    SnapshotRun.objects.create(status=RunStatus.RUNNING, lock="active", as_of=timezone.localdate(), steps_done=3,
                               steps_total=12, heartbeat_at=timezone.now())  # fmt: skip
    sign_in(page, "admin@cec.example", PASSWORD)
    page.goto("/dashboards/")
    bar = page.get_by_role("progressbar", name="Indicators computed")
    expect(bar).to_have_attribute("aria-valuenow", "25")
    # A quarter of the track, set by static/js/page-actions.js, and again on each fragment the page polls for.
    sized = "() => document.querySelector('[role=progressbar] .progress-bar').style.width === '25%'"
    page.wait_for_function(sized)
    polled_away = bar.element_handle()
    page.wait_for_function("bar => !bar.isConnected", arg=polled_away)  # replaced by the next poll's fragment
    page.wait_for_function(sized)
