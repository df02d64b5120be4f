"""The recipients page: filters read strictly, so that an unknown or malformed parameter never widens the
selection, and the number shown before sending is the number sent."""

import pytest
from django.urls import reverse

from accounts.choices import Role
from surveys.models import Invitation
from tests.factories.surveys import build_survey, reachable_contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    """A survey, open, and a register of five reachable contacts, one of them Ana's."""
    survey = build_survey()
    ana = reachable_contact(full_name="Ana García")
    for n in range(4):
        reachable_contact(full_name=f"Other Person {n}")
    return survey, ana


def url(survey, query=""):
    return reverse("surveys:survey_recipients", args=[survey.pk]) + query


def test_an_unknown_parameter_sends_to_no_one_instead_of_the_whole_register(client_for, register):
    survey, ana = register
    client = client_for(Role.STAFF)
    # The request that sent a survey to every contact: a parameter the filters do not know.
    query = f"?organization={ana.organization_id}"

    page = client.get(url(survey, query))
    assert page.context["count"] == 0 and page.context["filtered"] is False
    text = page.content.decode()
    assert "This page does not know the filter “organization”, so no contact is selected." in text
    assert 'name="expected"' not in text  # no send button

    sent = client.post(url(survey, query), {"expected": "5"}, follow=True)
    assert Invitation.objects.count() == 0
    assert "This page does not know the filter “organization”" in sent.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?q=ana&utm_source=newsletter",  # a valid filter beside an unknown one
        "?country=ZZ",  # a value the filter cannot read
        "?category=not-a-category",
        "?sort=shoe-size",
        "?sort=name",  # valid, but narrows nothing
        "?reachable=on",  # every recipient is reachable anyway: narrows nothing
        "?q=++",  # blanks only
    ],
)
def test_a_malformed_or_non_narrowing_filter_selects_no_one(client_for, register, query):
    survey, _ana = register
    client = client_for(Role.STAFF)
    assert client.get(url(survey, query)).context["count"] == 0
    client.post(url(survey, query), {"expected": "5"})
    assert Invitation.objects.count() == 0


def test_a_malformed_value_is_named_as_such_in_the_readers_language(client_for, register):
    survey, _ana = register
    page = client_for(Role.STAFF, preferred_language="es").get(url(survey, "?country=ZZ"))
    assert "Un filtro contiene un valor que esta página no puede leer" in page.content.decode()


def test_a_valid_selection_sends_exactly_the_number_shown(client_for, register):
    survey, ana = register
    client = client_for(Role.STAFF)
    page = client.get(url(survey, "?q=ana"))
    assert page.context["count"] == 1
    assert '<input type="hidden" name="expected" value="1">' in page.content.decode()
    client.post(url(survey, "?q=ana"), {"expected": "1"})
    assert list(Invitation.objects.values_list("contact", flat=True)) == [ana.pk]


def test_sending_is_refused_when_the_selection_grew_after_the_count_was_shown(client_for, register):
    survey, _ana = register
    client = client_for(Role.STAFF)
    assert client.get(url(survey, "?q=ana")).context["count"] == 1
    reachable_contact(full_name="Ana Newcomer")  # added to the register in the meantime
    page = client.post(url(survey, "?q=ana"), {"expected": "1"}, follow=True)
    assert Invitation.objects.count() == 0
    assert "The recipients changed since the page showed them: 2 contacts now match." in page.content.decode()
    assert page.context["count"] == 2  # the page now shows the new number


def test_sending_without_the_number_shown_is_refused(client_for, register):
    survey, _ana = register
    client_for(Role.STAFF).post(url(survey, "?q=ana"))
    assert Invitation.objects.count() == 0
