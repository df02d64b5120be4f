"""The nightly follow-ups of engagement plans run as a Celery job in a real worker, through Redis."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from stakeholders.choices import Category, Level
from stakeholders.models import Cadence, EngagementPlan, FollowUp, TargetGroup
from tests.factories.accounts import UserFactory
from tests.factories.stakeholders import OrganizationFactory, log_interaction


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_writes_each_follow_up_once_however_often_the_job_runs():
    if not os.environ.get("REDIS_URL"):
        if os.environ.get("CI") and os.environ.get("DATABASE_URL"):
            pytest.fail("CI's PostgreSQL pass must set REDIS_URL so a real worker runs")
        pytest.skip("REDIS_URL is not set: no broker to send the job through")
    from celery.contrib.testing.worker import start_worker
    from django.apps import apps

    from cec_engage.celery import app
    from stakeholders.reference_data import load_reference_data
    from stakeholders.tasks import create_plan_followups

    load_reference_data(apps)  # transactional tests start from an empty database
    owner = UserFactory()
    behind = [OrganizationFactory(category=Category.CHAMBER_OF_COMMERCE) for _ in range(3)]
    contacted = OrganizationFactory(category=Category.CHAMBER_OF_COMMERCE)
    log_interaction(contacted)
    group = TargetGroup.objects.create(name="Chambers", query="category=chamber_of_commerce", owner=owner)
    plan = EngagementPlan.objects.create(
        name="Chambers to active", target_group=group, owner=owner, goal_level=Level.ACTIVE,
        cadence_days=Cadence.QUARTER, due_on=timezone.localdate() + timedelta(days=90),
    )  # fmt: skip
    app.control.purge()  # messages left by another run are not this test's
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        first = create_plan_followups.delay().get(timeout=60)
        # Two runs at once, as when a worker takes up again a job another one had started.
        again = [create_plan_followups.delay(), create_plan_followups.delay()]
        [result.get(timeout=60) for result in again]
    assert first == 3
    followups = FollowUp.objects.filter(plan=plan)
    assert sorted(f.organization_id for f in followups) == sorted(o.pk for o in behind)
    assert {f.owner_id for f in followups} == {owner.pk}
