"""A person's API key: made on their preferences, shown once, kept only as a digest, revoked at will."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.choices import Role
from accounts.models import ApiToken
from accounts.services import api_key_digest

pytestmark = pytest.mark.django_db


def shown_key(response) -> str:
    html = response.content.decode()
    start = html.index('id="new-api-key"')
    value = html.index('value="', start) + len('value="')
    return html[value : html.index('"', value)]


def test_a_new_key_is_shown_once_and_only_its_digest_is_kept(client_for):
    client = client_for(Role.VIEWER)
    response = client.post(reverse("api_key_create"))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    key = shown_key(response)
    token = ApiToken.objects.get()
    assert token.digest == api_key_digest(key) and key not in (token.digest, token.prefix)
    again = client.get(reverse("api_key")).content.decode()
    assert key not in again and token.prefix in again
    api = Client(headers={"Authorization": f"Bearer {key}"})
    assert api.get(reverse("api:organization_list")).status_code == 200


def test_a_new_key_replaces_the_old_one(client_for):
    client = client_for(Role.STAFF)
    first = shown_key(client.post(reverse("api_key_create")))
    second = shown_key(client.post(reverse("api_key_create")))
    assert first != second and ApiToken.objects.count() == 1
    assert Client(headers={"Authorization": f"Bearer {first}"}).get(reverse("api:organization_list")).status_code == 401


def test_a_revoked_key_no_longer_connects(client_for):
    client = client_for(Role.STAFF)
    key = shown_key(client.post(reverse("api_key_create")))
    response = client.post(reverse("api_key_revoke"), follow=True)
    assert "Your API key is revoked" in response.content.decode()
    assert not ApiToken.objects.exists()
    assert Client(headers={"Authorization": f"Bearer {key}"}).get(reverse("api:organization_list")).status_code == 401


def test_the_key_page_is_for_signed_in_people_and_takes_posts_only_to_change(client_for):
    assert Client().get(reverse("api_key")).status_code == 302
    assert Client().post(reverse("api_key_create")).status_code == 302
    assert client_for(Role.VIEWER).get(reverse("api_key_create")).status_code == 405
    assert not ApiToken.objects.exists()


def test_the_key_page_and_the_documentation_are_linked_from_the_preferences(client_for):
    client = client_for(Role.VIEWER)
    assert reverse("api_key") in client.get(reverse("preferences")).content.decode()
    assert reverse("api:documentation") in client.get(reverse("api_key")).content.decode()


def test_the_key_page_costs_a_fixed_number_of_queries(client_for, django_assert_num_queries):
    client = client_for(Role.VIEWER)
    client.post(reverse("api_key_create"))
    # Session, person (with unit), their permissions and their groups' (the menu), the key.
    with django_assert_num_queries(5):
        assert client.get(reverse("api_key")).status_code == 200


def test_the_documentation_page_is_for_signed_in_people(client_for, django_assert_num_queries):
    assert Client().get(reverse("api:documentation")).status_code == 302
    client = client_for(Role.VIEWER)
    # Session, person (with unit), their permissions and their groups' (the menu).
    with django_assert_num_queries(4):
        response = client.get(reverse("api:documentation"))
    html = response.content.decode()
    assert "Authorization: Bearer YOUR-KEY" in html and "http://testserver/api/organizations/" in html
