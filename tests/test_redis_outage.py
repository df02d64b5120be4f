"""Redis stopped and started again, for real (a Redis server of the test's own): workers wait for it,
public links keep answering with a per-process rate limit, and pages that start jobs say that jobs are
unavailable instead of failing. And the rate limit counts per client behind our proxies."""

import secrets
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Role
from cec_engage.settings import redis_cache
from strategy.client_address import client_address
from tests.outage import broker_at, worker_environment

ROOT = Path(__file__).resolve().parent.parent
UNAVAILABLE = "Background jobs are unavailable right now, so nothing was started. Try again in a few minutes."


def expired_session() -> str:
    session = SessionStore()
    session.create()
    Session.objects.filter(session_key=session.session_key).update(expire_date=timezone.now() - timedelta(days=1))
    return session.session_key


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_waits_for_redis_to_come_back_then_runs_jobs_again(private_redis):
    if connection.vendor != "postgresql":
        pytest.skip("a worker of its own needs a database other processes can reach: PostgreSQL")
    from accounts.tasks import purge_expired_sessions

    env = worker_environment(private_redis.url)
    command = [sys.executable, "-m", "celery", "-A", "cec_engage", "worker", "--pool=solo", "--loglevel=WARNING"]
    command += ["--without-mingle", "--without-gossip"]
    private_redis.stop()  # the worker starts while Redis is down, as after a reboot in the wrong order
    worker = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    try:
        time.sleep(3)
        assert worker.poll() is None, "the worker gave up while Redis was down"
        private_redis.start()

        def purged_through_the_worker() -> None:
            key = expired_session()
            with broker_at(private_redis.url):
                purge_expired_sessions.delay()
            deadline = time.monotonic() + 60
            while Session.objects.filter(session_key=key).exists():
                assert time.monotonic() < deadline, "the worker ran no job"
                assert worker.poll() is None, "the worker stopped"
                time.sleep(0.1)

        purged_through_the_worker()
        private_redis.stop()  # Redis restarts under a running worker
        time.sleep(3)
        assert worker.poll() is None, "the worker died with Redis"
        private_redis.start()
        purged_through_the_worker()
    finally:
        worker.kill()
        worker.wait(30)


@pytest.mark.django_db
def test_public_survey_links_answer_while_redis_is_down_with_a_limit_per_process(private_redis, settings):
    from tests.surveys.test_views import build_survey, invitation_for

    invitation = invitation_for(build_survey(), "es")
    url = reverse("surveys:respond", args=[invitation.token])
    settings.RATELIMIT_ENABLE = True
    private_redis.stop()
    with override_settings(CACHES={"default": redis_cache(private_redis.url)}):
        visitor = Client(REMOTE_ADDR="198.51.100.7")
        statuses = [visitor.get(url).status_code for _ in range(61)]
        assert statuses[:60] == [200] * 60 and statuses[60] == 429  # fails open, not shut: counted here
        assert Client(REMOTE_ADDR="198.51.100.8").get(url).status_code == 200

        private_redis.start()  # back: the count is Redis' again, shared by every process
        assert visitor.get(url).status_code == 200
        assert cache.get("anything", "default") == "default"


@pytest.mark.django_db(transaction=True)
def test_refreshing_the_figures_while_redis_is_down_says_so_and_leaves_nothing_queued(make_user, private_redis):
    from django.apps import apps

    from accounts.roles import create_roles
    from reports.models import SnapshotRun
    from reports.roles import grant_report_permissions, load_indicators
    from strategy.frame import load_frame
    from tests.conftest import MODEL_BACKEND

    load_frame(apps)
    create_roles(apps)
    load_indicators(apps)
    grant_report_permissions(apps)
    client = Client()
    client.force_login(make_user(Role.UNIT_LEAD), backend=MODEL_BACKEND)
    private_redis.stop()
    with broker_at(private_redis.url):
        fragment = client.post(reverse("reports:refresh"), HTTP_HX_REQUEST="true")
        assert fragment.status_code == 200 and UNAVAILABLE in fragment.content.decode()
        page = client.post(reverse("reports:refresh"), follow=True)
        assert page.status_code == 200 and UNAVAILABLE in page.content.decode()
    assert not SnapshotRun.objects.exists()  # nothing waits for a job that was never sent


# The client behind our proxies. ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        ("203.0.113.9", "", "203.0.113.9"),  # no proxy
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),  # not our proxy: its header is anyone's word
        ("10.0.0.5", "198.51.100.1", "198.51.100.1"),  # our proxy says who it serves
        ("10.0.0.5", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # what the client wrote itself is skipped
        ("10.0.0.5", "198.51.100.1, 10.0.0.4", "198.51.100.1"),  # two proxies of ours
        ("10.0.0.5", "not-an-address", "10.0.0.5"),
        ("10.0.0.5", "", "10.0.0.5"),
    ],
)
def test_the_client_address_is_read_through_trusted_proxies_only(remote, forwarded, client):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == client


@pytest.mark.django_db
def test_the_public_links_rate_limit_counts_each_client_behind_the_proxy(settings):
    settings.RATELIMIT_ENABLE = True
    url = reverse("surveys:respond", args=["not-a-token"])
    # New addresses for each run: the limit's counters live in the shared cache.
    first, second = secrets.SystemRandom().sample(range(1, 255), 2)
    proxy = {"REMOTE_ADDR": "10.0.0.5"}
    busy = Client(**proxy, HTTP_X_FORWARDED_FOR=f"198.51.100.{first}")
    assert [busy.get(url).status_code for _ in range(61)][-1] == 429
    # Another visitor through the same proxy is not slowed down by the first.
    other = Client(**proxy, HTTP_X_FORWARDED_FOR=f"198.51.100.{second}")
    assert other.get(url).status_code == 404


def test_a_worker_never_stops_waiting_for_redis():
    """Celery's default gives up after 100 tries, about 46 minutes of an outage, and the worker stops."""
    from cec_engage.celery import app

    assert app.conf.broker_connection_max_retries is None
    assert app.conf.broker_connection_retry_on_startup is True
