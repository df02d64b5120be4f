import os
from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from accounts.tasks import purge_expired_sessions
from cec_engage.celery import app


def make_sessions():
    expired = SessionStore()
    expired.create()
    Session.objects.filter(session_key=expired.session_key).update(expire_date=timezone.now() - timedelta(days=1))
    current = SessionStore()
    current.create()
    return expired.session_key, current.session_key


@pytest.mark.django_db
def test_the_nightly_purge_removes_only_expired_sessions():
    expired, current = make_sessions()
    assert purge_expired_sessions() == 1
    assert not Session.objects.filter(session_key=expired).exists()
    assert Session.objects.filter(session_key=current).exists()


@pytest.mark.django_db
def test_without_a_broker_tasks_run_inline():
    if not app.conf.task_always_eager:
        pytest.skip("a broker is configured: the worker test covers this path")
    expired, _ = make_sessions()
    assert purge_expired_sessions.delay().get(timeout=5) == 1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_the_purge_through_redis():
    if not os.environ.get("REDIS_URL"):
        if os.environ.get("CI") and os.environ.get("DATABASE_URL"):
            pytest.fail("CI's PostgreSQL pass must set REDIS_URL so a real worker runs")
        pytest.skip("REDIS_URL is not set: no broker to send the task through")
    from celery.contrib.testing.worker import start_worker

    expired, current = make_sessions()
    app.control.purge()  # messages left by another run are not this test's
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        result = purge_expired_sessions.delay()
        assert result.get(timeout=60) == 1
    assert not Session.objects.filter(session_key=expired).exists()
    assert Session.objects.filter(session_key=current).exists()
