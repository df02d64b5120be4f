import pytest
from django.urls import reverse

from accounts.choices import Role
from tests.factories.accounts import PASSWORD


@pytest.mark.django_db
def test_a_person_signs_in_by_email_in_any_case(client, make_user):
    user = make_user(Role.STAFF, email="ana.lopez@cec.example")
    response = client.post(reverse("login"), {"username": "Ana.Lopez@CEC.example", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:home")
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.django_db
def test_a_wrong_password_is_refused_in_the_visitors_language(client, make_user):
    make_user(Role.STAFF, email="ana@cec.example")
    client.cookies["django_language"] = "fr"
    response = client.post(reverse("login"), {"username": "ana@cec.example", "password": "wrong-password"})
    assert response.status_code == 200
    assert "Saisissez" in response.content.decode()  # Django's own French message
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_repeated_failures_are_throttled_with_the_same_answer_for_unknown_accounts(client, make_user):
    make_user(Role.STAFF, email="known@cec.example")
    for email in ("known@cec.example", "nobody@cec.example"):
        for _ in range(5):
            client.post(reverse("login"), {"username": email, "password": "wrong-password"})
        response = client.post(reverse("login"), {"username": email, "password": "wrong-password"})
        assert response.status_code == 429
        assert "Too many attempts" in response.content.decode()
    # Even the right password waits out the lock.
    response = client.post(reverse("login"), {"username": "known@cec.example", "password": PASSWORD})
    assert response.status_code == 429


@pytest.mark.django_db
def test_an_expired_session_asks_to_sign_in_again_and_returns_to_the_page(client):
    response = client.get(reverse("strategy:frame"), follow=True)
    assert response.redirect_chain[-1][0] == f"{reverse('login')}?next={reverse('strategy:frame')}"
    assert "your session has expired" in response.content.decode()


@pytest.mark.django_db
def test_the_chosen_language_is_remembered_on_the_account(sign_in, make_user):
    user = make_user(Role.STAFF)
    client = sign_in(user)
    response = client.post(reverse("set_language"), {"language": "es", "next": reverse("strategy:frame")})
    assert response["Location"] == reverse("strategy:frame")
    user.refresh_from_db()
    assert user.preferred_language == "es"
    # A new browser (no cookie) still gets Spanish once signed in.
    client.cookies.clear()
    sign_in(user, client)
    assert '<html lang="es">' in client.get(reverse("reports:home")).content.decode()


@pytest.mark.django_db
def test_the_language_switch_ignores_unknown_languages_and_foreign_redirects(sign_in, make_user):
    user = make_user(Role.STAFF)
    client = sign_in(user)
    response = client.post(reverse("set_language"), {"language": "de", "next": "https://evil.example/"})
    assert response["Location"] == reverse("reports:home")
    user.refresh_from_db()
    assert user.preferred_language == "en"


@pytest.mark.django_db
def test_anonymous_visitors_switch_language_by_cookie(client):
    client.post(reverse("set_language"), {"language": "fr"})
    assert "Connexion" in client.get(reverse("login")).content.decode()


@pytest.mark.django_db
def test_preferences_save_language_and_time_zone(sign_in, make_user):
    user = make_user(Role.VIEWER)
    client = sign_in(user)
    response = client.post(
        reverse("preferences"),
        {"full_name": "Val Viewer", "preferred_language": "fr", "time_zone": "America/Mexico_City"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.preferred_language, user.time_zone) == ("fr", "America/Mexico_City")


@pytest.mark.django_db
def test_preferences_refuse_an_unknown_time_zone_in_the_users_language(sign_in, make_user):
    user = make_user(Role.VIEWER, preferred_language="es")
    client = sign_in(user)
    response = client.post(
        reverse("preferences"), {"full_name": "Val", "preferred_language": "es", "time_zone": "Mars/Olympus"}
    )
    assert response.status_code == 200
    assert "Escoja una opción válida" in response.content.decode()
    user.refresh_from_db()
    assert user.time_zone == "America/Toronto"


@pytest.mark.django_db
def test_password_reset_sends_a_link_and_does_not_reveal_unknown_addresses(client, make_user, mailoutbox):
    make_user(Role.STAFF, email="known@cec.example")
    for email in ("known@cec.example", "nobody@cec.example"):
        response = client.post(reverse("password_reset"), {"email": email})
        assert response["Location"] == reverse("password_reset_done")
    assert len(mailoutbox) == 1
    assert "/accounts/password/reset/" in mailoutbox[0].body


@pytest.mark.django_db
def test_sign_out_is_a_post(client_for):
    client = client_for(Role.STAFF)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout"))["Location"] == reverse("login")


@pytest.mark.django_db
def test_failures_count_per_account_whatever_the_spelling_of_the_address(client, make_user):
    make_user(Role.STAFF, email="staff@cec.example")
    client.cookies["django_language"] = "es"
    spellings = [
        "Staff@CEC.example ",
        "staff@cec.example",
        " STAFF@cec.EXAMPLE",
        "Staff@Cec.Example",
        "staff@CEC.example",
    ]
    for spelling in spellings[:-1]:
        response = client.post(reverse("login"), {"username": spelling, "password": "wrong-password"})
        assert response.status_code == 200  # refused, not yet locked
    # The fifth failure, in yet another spelling, locks the account.
    response = client.post(reverse("login"), {"username": spellings[-1], "password": "wrong-password"})
    assert response.status_code == 429
    for spelling in spellings:
        response = client.post(reverse("login"), {"username": spelling, "password": PASSWORD})
        assert response.status_code == 429
        assert "Demasiados intentos" in response.content.decode()
        assert "_auth_user_id" not in client.session
