import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def python_says(code, **env_overrides):
    """What the project's settings print in a fresh process with the given environment."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cec_engage.settings", **env_overrides}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    script = f"import django; django.setup(); from django.conf import settings; print({code})"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def run_manage(*args, **env_overrides):
    env = {**os.environ, **env_overrides}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests' own process only
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_values():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="engage.cec.org",
        DATABASE_URL="postgres://cec:secret@db.internal:5432/cec_engage",
        REDIS_URL="redis://redis.internal:6379/0",
        EMAIL_URL="smtp+tls://mailer:secret@smtp.cec.org:587",
        DEFAULT_FROM_EMAIL="CEC Engage <engage@cec.org>",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr


def test_debug_is_off_unless_asked_for():
    assert python_says("settings.DEBUG", DEBUG="") == "False"


def test_tasks_run_inline_without_a_broker_and_through_redis_with_one():
    assert python_says("settings.CELERY_TASK_ALWAYS_EAGER", REDIS_URL="") == "True"
    assert python_says("settings.CELERY_TASK_ALWAYS_EAGER", REDIS_URL="redis://127.0.0.1:6379/0") == "False"


def test_celery_defaults_are_reliable():
    from django.conf import settings

    assert settings.CELERY_TASK_ACKS_LATE is True
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] > settings.CELERY_TASK_TIME_LIMIT
    assert "purge-expired-sessions" in settings.CELERY_BEAT_SCHEDULE


def test_static_files_collect_with_the_production_storage(tmp_path):
    """Production hashes every static file and rewrites the references between them (CSS url(), source
    map comments); a reference to a file that is not there stops the deployment."""
    result = run_manage(
        "collectstatic",
        "--noinput",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="engage.cec.org",
        STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    assert "vendor/chartjs/chart.umd.min.js" in manifest["paths"]


def test_the_session_idle_limit_comes_from_the_environment():
    from django.conf import settings

    assert settings.SESSION_IDLE_MINUTES == 120
    assert python_says("settings.SESSION_IDLE_MINUTES", SESSION_IDLE_MINUTES="30") == "30"


EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'self'",
}


def csp_directives(response) -> dict:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.django_db
def test_every_kind_of_page_sends_the_content_security_policy(client, client_for):
    from django.urls import reverse

    from surveys.models import Survey
    from tests.factories.surveys import build_survey

    survey = build_survey()
    Survey.objects.filter(pk=survey.pk).update(open_link_enabled=True)
    pages = [
        (client_for(), reverse("reports:home")),  # signed in
        (client, reverse("login")),
        (client, reverse("surveys:respond_open", args=[survey.open_token])),  # public
    ]
    for page_client, url in pages:
        response = page_client.get(url)
        assert response.status_code == 200, url
        assert csp_directives(response) == EXPECTED_CSP, url
        assert "unsafe-inline" not in response["Content-Security-Policy"]
