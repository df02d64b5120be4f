"""Who may read the API, with what, and that nothing can be written through it."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.choices import Role
from accounts.services import api_token_create, api_token_revoke
from partnerships.models import Partnership
from reports.models import Indicator, IndicatorValue, Snapshot
from roundtables.models import Event
from stakeholders.models import Contact, Interaction, Organization
from tests.factories.accounts import UserFactory
from tests.factories.partnerships import PartnershipFactory
from tests.factories.roundtables import EventFactory
from tests.factories.stakeholders import ContactFactory, OrganizationFactory, log_interaction

pytestmark = pytest.mark.django_db

LISTS = ["organization", "contact", "interaction", "partnership", "event", "snapshot", "indicator_value"]
WRITES = ["post", "put", "patch", "delete"]


def one_of_each() -> dict[str, int]:
    """A record of each kind the API lists, by the name of its list."""
    organization = OrganizationFactory()
    snapshot = Snapshot.objects.create(as_of="2026-01-31", computed_at="2026-02-01T00:00:00Z")
    value = IndicatorValue.objects.create(
        snapshot=snapshot, indicator=Indicator.objects.first(), dimension="all", key="", value=3
    )
    return {
        "organization": organization.pk,
        "contact": ContactFactory(organization=organization).pk,
        "interaction": log_interaction(organization).pk,
        "partnership": PartnershipFactory(lead_organization=organization).pk,
        "event": EventFactory().pk,
        "snapshot": snapshot.pk,
        "indicator_value": value.pk,
    }


def counts():
    models = [Organization, Contact, Interaction, Partnership, Event, Snapshot, IndicatorValue]
    return [model.objects.count() for model in models]


@pytest.mark.parametrize("name", LISTS)
def test_a_request_without_a_key_is_refused_with_401(name):
    response = Client().get(reverse(f"api:{name}_list"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_signed_in_session_is_not_a_key(client_for):
    assert client_for(Role.ADMINISTRATOR).get(reverse("api:organization_list")).status_code == 401


def test_a_wrong_key_is_refused():
    client = Client(headers={"Authorization": "Bearer not-a-key"})
    assert client.get(reverse("api:organization_list")).status_code == 401


def test_a_revoked_key_is_refused(key_client):
    client = key_client(Role.STAFF)
    assert client.get(reverse("api:organization_list")).status_code == 200
    api_token_revoke(user=client.user)
    assert client.get(reverse("api:organization_list")).status_code == 401


def test_a_replaced_key_is_refused_and_the_new_one_works(key_client):
    client = key_client(Role.STAFF)
    _token, new_key = api_token_create(user=client.user)
    assert client.get(reverse("api:organization_list")).status_code == 401
    new_client = Client(headers={"Authorization": f"Bearer {new_key}"})
    assert new_client.get(reverse("api:organization_list")).status_code == 200


def test_the_key_of_a_deactivated_person_is_refused(key_client):
    client = key_client(Role.STAFF)
    client.user.is_active = False
    client.user.save(update_fields=["is_active"])
    assert client.get(reverse("api:organization_list")).status_code == 401


@pytest.mark.parametrize("name", LISTS)
def test_a_viewers_key_reads_each_list_and_record(key_client, name):
    ids = one_of_each()
    client = key_client(Role.VIEWER)
    listed = client.get(reverse(f"api:{name}_list"))
    assert listed.status_code == 200
    assert [row["id"] for row in listed.json()["results"]] == [ids[name]]
    detail = client.get(reverse(f"api:{name}_detail", args=[ids[name]]))
    assert detail.status_code == 200 and detail.json()["id"] == ids[name]


@pytest.mark.parametrize("name", LISTS)
def test_a_person_without_the_pages_view_permission_is_refused(key_client, name):
    client = Client(headers={"Authorization": f"Bearer {api_token_create(user=UserFactory())[1]}"})
    assert client.get(reverse(f"api:{name}_list")).status_code == 403


@pytest.mark.parametrize("method", WRITES)
@pytest.mark.parametrize("name", LISTS)
def test_a_viewers_key_writes_nothing(key_client, method, name):
    assert_refused(key_client(Role.VIEWER), method, name)


@pytest.mark.parametrize("method", WRITES)
def test_not_even_an_administrators_key_writes(key_client, method):
    # Administrators may change organizations in the application, but the API is read-only for everyone.
    assert_refused(key_client(Role.ADMINISTRATOR), method, "organization")


def assert_refused(client, method, name):
    ids = one_of_each()
    before = counts()
    for url in (reverse(f"api:{name}_list"), reverse(f"api:{name}_detail", args=[ids[name]])):
        response = getattr(client, method)(url, data={"name": "Changed"}, content_type="application/json")
        assert response.status_code in (403, 405), url
    assert counts() == before
    assert not Organization.objects.filter(name="Changed").exists()
