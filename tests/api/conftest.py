import pytest
from django.test import Client

from accounts.choices import Role
from accounts.services import api_token_create


@pytest.fixture
def key_client(make_user):
    """A test client sending the API key of a new person with the given role (no session)."""

    def make(role=Role.VIEWER, **kwargs):
        user = make_user(role, **kwargs)
        _token, key = api_token_create(user=user)
        client = Client(headers={"Authorization": f"Bearer {key}"})
        client.user = user
        return client

    return make
