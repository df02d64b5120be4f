"""Sessions left unused are signed out; the clock is moved by back-dating the session's last activity."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from accounts.choices import Role
from accounts.middleware import LAST_ACTIVITY_KEY


def last_active(client, minutes_ago):
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - minutes_ago * 60
    session.save()


@pytest.mark.django_db
def test_an_idle_session_is_signed_out_and_sent_to_sign_in_in_the_persons_language(sign_in, make_user):
    client = sign_in(make_user(Role.STAFF, preferred_language="fr"))
    client.cookies["django_language"] = "en"  # the browser's last choice; the person's own language wins
    assert client.get(reverse("strategy:frame")).status_code == 200
    last_active(client, minutes_ago=121)

    response = client.get(reverse("strategy:frame"), follow=True)

    assert response.redirect_chain[0][0] == f"{reverse('login')}?next={reverse('strategy:frame')}"
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "Votre session a été fermée après 120 minutes d’inactivité." in page
    assert "_auth_user_id" not in client.session
    # Signed out for good: the next page asks to sign in too.
    assert client.get(reverse("strategy:frame"))["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_activity_keeps_the_session_open(sign_in, make_user):
    client = sign_in(make_user(Role.STAFF))
    client.get(reverse("strategy:frame"))
    last_active(client, minutes_ago=119)

    assert client.get(reverse("strategy:frame")).status_code == 200
    assert client.session[LAST_ACTIVITY_KEY] >= int(time.time()) - 5
    # 119 more minutes after that request are still within the limit.
    last_active(client, minutes_ago=119)
    assert client.get(reverse("strategy:frame")).status_code == 200


@pytest.mark.django_db
def test_activity_is_written_at_most_once_a_minute(sign_in, make_user):
    client = sign_in(make_user(Role.STAFF))
    client.get(reverse("strategy:frame"))
    stamp = client.session[LAST_ACTIVITY_KEY]
    row = Session.objects.get(pk=client.session.session_key)

    client.get(reverse("strategy:frame"))

    assert client.session[LAST_ACTIVITY_KEY] == stamp
    # The session row was not saved again (each save pushes its expiry date).
    assert Session.objects.get(pk=row.pk).expire_date == row.expire_date


@pytest.mark.django_db
def test_the_idle_limit_is_a_setting(sign_in, make_user, settings):
    settings.SESSION_IDLE_MINUTES = 30
    client = sign_in(make_user(Role.STAFF))
    client.get(reverse("strategy:frame"))
    last_active(client, minutes_ago=31)
    assert client.get(reverse("strategy:frame"))["Location"].startswith(reverse("login"))
