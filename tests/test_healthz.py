import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_it_reports_a_healthy_database_without_sign_in(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up", "broker": "inline"}


@pytest.mark.django_db
def test_a_broker_that_is_down_shows_without_failing_the_probe(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "down"


@pytest.mark.django_db
def test_a_live_broker_shows_up(client, settings):
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set: the broker check runs in the PostgreSQL and Redis CI pass")
    settings.REDIS_URL = os.environ["REDIS_URL"]
    assert client.get("/healthz").json()["broker"] == "up"


def test_it_answers_503_when_the_database_is_unreachable():
    # A separate process whose database is a port where nothing listens: the real failure, not a mock.
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz', secure=True);"
        "print(json.dumps({'code': r.status_code, 'body': r.json()}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cec_engage.settings",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/unreachable",
        "ALLOWED_HOSTS": "testserver",
        "REDIS_URL": "",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["code"] == 503
    assert answer["body"]["database"] == "down"
