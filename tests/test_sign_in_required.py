"""Every page asks for sign-in except the few public ones; a walk over every URL pattern proves it."""

import re

import pytest
from django.contrib.admindocs.views import extract_views_from_urlpatterns, simplify_regex
from django.urls import get_resolver

PUBLIC = {
    "healthz",
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "set_language",
    "admin:login",  # the admin's own sign-in form
    # Personal links answered without an account (each shows a polite page for an unknown token).
    "surveys:respond",
    "surveys:respond_open",
    "roundtables:rsvp",
    "roundtables:rsvp_calendar",
    "stakeholders:unsubscribe",
    "stakeholders:unsubscribe_one_click",
}
SIGN_IN_PATHS = ("/accounts/login/", "/admin/login/")
# The reporting API asks tools for a key: without one it answers 401, never a sign-in page. Its guide is a page.
KEY_REQUIRED_PREFIX = "api:"
KEY_REQUIRED_EXCEPT = {"api:documentation"}


def all_url_patterns():
    for view, regex, namespace, name in extract_views_from_urlpatterns(get_resolver().url_patterns):
        namespace = ":".join(namespace) if isinstance(namespace, list | tuple) else namespace
        full_name = f"{namespace}:{name}" if namespace else name
        url = re.sub(r"<[^>]+>", "1", simplify_regex(regex))
        yield pytest.param(url, full_name, view, id=full_name or url)


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "name", "view"), list(all_url_patterns()))
def test_every_page_but_the_public_ones_sends_anonymous_visitors_to_sign_in(client, url, name, view):
    response = client.get(url)
    if name in PUBLIC:
        assert response.status_code in (200, 302, 404, 405), f"{url} should be public"
        assert not response.get("Location", "").startswith(SIGN_IN_PATHS), f"{url} should be public"
        return
    if name.startswith(KEY_REQUIRED_PREFIX) and name not in KEY_REQUIRED_EXCEPT:
        assert response.status_code == 401, f"{url} answered {response.status_code} to a request without a key"
        return
    assert response.status_code == 302, f"{url} answered {response.status_code} to an anonymous visitor"
    assert response["Location"].startswith(SIGN_IN_PATHS), f"{url} redirected to {response['Location']}"


def test_the_walk_sees_the_pages_that_exist():
    names = {param.values[1] for param in all_url_patterns()}
    assert {"reports:home", "strategy:frame", "strategy:initiative_list", "healthz", "admin:index"} <= names
