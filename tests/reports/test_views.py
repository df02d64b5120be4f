"""The dashboard pages, read from snapshots: what each role sees, filters, drill-down, targets, exports."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.choices import Role
from reports.models import Indicator, Snapshot, SnapshotRun, Target
from reports.services.snapshots import snapshot_take
from tests.factories.roundtables import attendee, held_event
from tests.factories.stakeholders import OrganizationFactory, log_interaction
from tests.factories.strategy import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return UnitFactory()


def test_everyone_signed_in_reads_the_overview_with_every_goal(client_for):
    snapshot_take()
    page = client_for(Role.VIEWER).get("/dashboards/")
    assert page.status_code == 200
    text = page.content.decode()
    for code in ("1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "4.1"):
        assert f"/dashboards/objectives/{code}/" in text
    assert "Refresh the figures" not in text  # viewers read only


def test_a_unit_lead_lands_on_their_unit(client_for, unit):
    response = client_for(Role.UNIT_LEAD, unit=unit).get("/dashboards/")
    assert response.status_code == 302 and response["Location"] == f"/dashboards/?unit={unit.pk}"


def test_without_a_snapshot_the_page_says_what_to_do(client_for):
    text = client_for().get("/dashboards/objectives/2.1/").content.decode()
    assert "No figures have been computed yet." in text
    assert "No data" in text


def test_an_old_snapshot_is_flagged(client_for):
    snapshot_take()
    Snapshot.objects.update(computed_at=timezone.now() - timedelta(days=2))
    assert "more than a day old" in client_for().get("/dashboards/").content.decode()


def test_an_indicator_with_no_data_shows_no_data_not_zero(client_for):
    snapshot_take()
    text = client_for().get("/dashboards/objectives/1.1/").content.decode()
    assert "Targeted survey response rate" in text
    assert "No data" in text


def test_the_objective_page_links_each_number_to_its_records(client_for, unit):
    attendee(held_event(kind="conference", unit=unit))
    snapshot_take()
    text = client_for().get(f"/dashboards/objectives/2.1/?unit={unit.pk}").content.decode()
    today = timezone.localdate()
    assert (
        "/roundtables/?kind=conference&amp;kind=workshop&amp;kind=webinar&amp;status=held&amp;"
        f"status=outcomes_recorded&amp;unit={unit.pk}&amp;attended=on&amp;"
        f"starts_after={today.replace(month=1, day=1).isoformat()}&amp;starts_before={today.isoformat()}"
    ) in text
    assert 'data-trend="indicator-conferences-attended"' in text
    assert "Figures of the chart" in text  # the chart's text alternative


def test_a_period_that_ends_before_it_starts_is_refused(client_for):
    text = client_for().get("/dashboards/?start=2026-05-01&end=2026-01-01").content.decode()
    assert "The period cannot end before it starts." in text


def test_one_breakdown_at_a_time(client_for, unit):
    text = client_for().get(f"/dashboards/?unit={unit.pk}&country=CA").content.decode()
    assert "Choose one of unit, country or pillar at a time." in text


def test_the_overview_costs_the_same_queries_with_many_snapshots(client_for, django_assert_max_num_queries):
    client = client_for()
    snapshot_take()
    client.get("/dashboards/")
    with CaptureQueriesContext(connection) as few:
        client.get("/dashboards/")
    for days in range(1, 30):
        snapshot_take(as_of=timezone.localdate() - timedelta(days=days))
    with CaptureQueriesContext(connection) as many:
        client.get("/dashboards/")
    # session, user and groups; snapshot of the period; latest snapshot and job; currency; objectives;
    # indicators; values; targets; settings — for the goals, then the same for the ladder with its trend
    # and baseline.
    assert len(few) == len(many)
    assert len(many) <= 25


def test_a_unit_lead_sets_their_units_targets(client_for, unit):
    client = client_for(Role.UNIT_LEAD, unit=unit)
    indicator = Indicator.objects.get(code="conferences-attended")
    year = timezone.localdate().year
    response = client.post(f"/dashboards/targets/?year={year}&unit={unit.pk}", {f"target_{indicator.pk}": "12"})
    assert response.status_code == 302
    assert Target.objects.get(indicator=indicator, year=year, unit=unit).value == Decimal(12)


def test_a_unit_lead_cannot_set_another_units_targets(client_for, unit):
    other = UnitFactory()
    client = client_for(Role.UNIT_LEAD, unit=unit)
    indicator = Indicator.objects.get(code="conferences-attended")
    client.post(f"/dashboards/targets/?year=2026&unit={other.pk}", {f"target_{indicator.pk}": "12"})
    assert not Target.objects.filter(unit=other).exists()


@pytest.mark.parametrize(("given", "message"), [("-3", "cannot be negative"), ("many", "Enter a number.")])
def test_a_bad_target_is_refused_by_field(client_for, given, message):
    client = client_for(Role.ADMINISTRATOR)
    indicator = Indicator.objects.get(code="conferences-attended")
    response = client.post("/dashboards/targets/?year=2026", {f"target_{indicator.pk}": given})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Target.objects.exists()


def test_staff_cannot_set_targets(client_for):
    assert client_for(Role.STAFF).get("/dashboards/targets/").status_code == 403


def test_progress_and_status_against_the_target(client_for):
    committee = held_event(kind="committee")
    for _ in range(3):
        attendee(committee)
    indicator = Indicator.objects.get(code="committee-participations")
    Target.objects.create(indicator=indicator, year=timezone.localdate().year, value=Decimal(3))
    snapshot_take()
    text = client_for().get("/dashboards/objectives/2.2/").content.decode()
    assert "100.0%" in text and "On track" in text


def test_refresh_starts_one_job_and_shows_its_progress(client_for, django_capture_on_commit_callbacks):
    client = client_for(Role.STAFF)
    with django_capture_on_commit_callbacks() as callbacks:
        first = client.post("/dashboards/refresh/", HTTP_HX_REQUEST="true")
        client.post("/dashboards/refresh/", HTTP_HX_REQUEST="true")
    assert first.status_code == 200 and "Waiting for a worker" in first.content.decode()
    assert SnapshotRun.objects.count() == 1 and len(callbacks) == 1
    run = SnapshotRun.objects.get()
    assert "hx-trigger" in client.get(f"/dashboards/runs/{run.pk}/").content.decode()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_every_page_exports_its_tables(client_for, file_format):
    log_interaction(OrganizationFactory(name="=HYPERLINK(1)"), kind="conference")
    snapshot_take()
    client = client_for()
    for url in ("/dashboards/", "/dashboards/goals/2/", "/dashboards/objectives/2.1/"):
        response = client.get(f"{url}export.{file_format}")
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
    csv = client.get("/dashboards/objectives/2.1/export.csv").content.decode("utf-8-sig")
    assert "Conferences and workshops attended" in csv


def test_the_printable_report_is_in_the_readers_language(client_for):
    from strategy.models import Goal

    snapshot_take()
    english = client_for().get("/dashboards/report/").content.decode()
    assert "progress report" in english and Goal.objects.get(number=1).title_en in english
    french = client_for(preferred_language="fr").get("/dashboards/report/").content.decode()
    assert Goal.objects.get(number=1).title_fr in french
    assert "Stratégie de mobilisation du secteur privé\u00a0: rapport d’étape" in french


def test_refresh_without_javascript_goes_back_to_the_page_and_nowhere_else(
    client_for, django_capture_on_commit_callbacks
):
    client = client_for(Role.STAFF)
    with django_capture_on_commit_callbacks():
        back = client.post("/dashboards/refresh/", {"next": "/dashboards/goals/2/"})
        away = client.post("/dashboards/refresh/", {"next": "https://elsewhere.example/"})
    assert back["Location"] == "/dashboards/goals/2/"
    assert away["Location"] == "/dashboards/"


def test_viewers_cannot_refresh(client_for):
    assert client_for(Role.VIEWER).post("/dashboards/refresh/").status_code == 403


@pytest.mark.parametrize(("language", "shown"), [("fr", "100,0\u00a0%"), ("es", "100.0%")])
def test_progress_reads_in_the_readers_number_format(client_for, language, shown):
    committee = held_event(kind="committee")
    for _ in range(3):
        attendee(committee)
    indicator = Indicator.objects.get(code="committee-participations")
    Target.objects.create(indicator=indicator, year=timezone.localdate().year, value=Decimal(3))
    snapshot_take()
    text = client_for(preferred_language=language).get("/dashboards/objectives/2.2/").content.decode()
    assert shown in text and "100.0 %" not in text
