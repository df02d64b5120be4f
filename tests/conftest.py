import pytest
from django.conf import settings as django_settings
from django.test import Client, override_settings

from accounts.choices import Role
from tests.factories.accounts import UserFactory
from tests.outage import private_redis  # noqa: F401 - a fixture: a Redis server of the test's own


@pytest.fixture(scope="session", autouse=True)
def plain_http():
    """The test client and the live test server speak plain HTTP, and static files are not collected.

    Session-wide and before any other fixture, because the live server builds its middleware (which
    reads these settings once) when it starts.
    """
    overrides = {
        "SECURE_SSL_REDIRECT": False,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
        "SECURE_HSTS_SECONDS": 0,
        "STORAGES": {
            **django_settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    }
    with override_settings(**overrides):
        yield


@pytest.fixture(autouse=True)
def fresh_choice_lists():
    """Each test builds the filter panels' lists anew: rows an earlier test made were rolled back
    without the signal that forgets them. (Not cache.clear(): on PostgreSQL runs the cache's Redis
    database is also the Celery broker's.)"""
    from django.core.cache import cache

    from stakeholders.choice_lists import choice_list_keys

    cache.delete_many(choice_list_keys())


@pytest.fixture
def make_user(db):
    def make(role=Role.STAFF, **kwargs):
        return UserFactory(role=role, **kwargs)

    return make


@pytest.fixture
def staff_user(make_user):
    return make_user(Role.STAFF)


MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture
def sign_in(db):
    """A test client signed in as ``user`` (axes' backend comes first in settings, but cannot load users)."""

    def make(user, client=None):
        client = client or Client()
        client.force_login(user, backend=MODEL_BACKEND)
        return client

    return make


@pytest.fixture
def client_for(make_user, sign_in):
    """A signed-in test client for a new person with the given role."""

    def make(role=Role.STAFF, **kwargs):
        return sign_in(make_user(role, **kwargs))

    return make


@pytest.fixture
def inline_tasks():
    """Run Celery tasks in the calling process, even when a broker is configured (CI's PostgreSQL pass).

    For tests of what a page does around a job; the job going through a real worker has its own tests.
    """
    from cec_engage.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """The public pages' per-address limit is tested on its own; elsewhere every request comes from
    127.0.0.1 and would add up across tests."""
    settings.RATELIMIT_ENABLE = False


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a test client's request in French or Spanish leaves
    that language active in the thread, and a later test's messages would come out translated."""
    from django.utils import translation

    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)
