"""A missing page, a forbidden page, an expired form and a server error each get a page in the
person's language with a way back."""

import pytest
from django.test import Client
from django.urls import path

from accounts.choices import Role


def boom(request):
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", boom)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We cannot find that page"),
        ("fr", "Nous ne trouvons pas cette page"),
        ("es", "No encontramos esta página"),
    ],
)
def test_a_missing_page_speaks_the_persons_language(sign_in, make_user, language, text):
    client = sign_in(make_user(Role.STAFF, preferred_language=language))
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert text in body
    assert 'href="/"' in body


@pytest.mark.django_db
def test_a_forbidden_page_says_why_in_spanish(sign_in, make_user):
    client = sign_in(make_user(role=None, preferred_language="es"))
    response = client.get("/strategy/")
    assert response.status_code == 403
    assert "No tiene acceso a esta página" in response.content.decode()


@pytest.mark.django_db
def test_an_expired_form_gets_a_page_not_a_bare_error(make_user):
    client = Client(enforce_csrf_checks=True)
    client.cookies["django_language"] = "fr"
    response = client.post("/accounts/login/", {"username": "a@cec.example", "password": "x"})
    assert response.status_code == 403
    assert "Ce formulaire a expiré" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("tests.test_error_pages")
def test_a_server_error_gets_a_page_in_french(sign_in, make_user):
    client = sign_in(make_user(Role.STAFF, preferred_language="fr"), Client(raise_request_exception=False))
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Un problème est survenu de notre côté" in response.content.decode()
