"""A chamber of commerce's or an industry association's page of member organizations."""

import pytest
from django.urls import reverse

from accounts.choices import Role
from stakeholders.choices import Category, Level
from stakeholders.models import Organization
from tests.factories.stakeholders import OrganizationFactory

pytestmark = pytest.mark.django_db


def members_url(organization):
    return reverse("stakeholders:organization_members", args=[organization.pk])


@pytest.mark.parametrize("members", [2, 60])
def test_a_chambers_members_page_costs_the_same_for_2_or_60_members(client_for, django_assert_num_queries, members):
    chamber = OrganizationFactory(name="Cámara de Comercio", category=Category.CHAMBER_OF_COMMERCE)
    for n in range(members):
        OrganizationFactory(name=f"Member {n:02}").member_of.add(chamber)
    OrganizationFactory(name="Not a member")
    client = client_for(Role.VIEWER)
    # session, user, permissions (2), the chamber, count of members, a page of members
    with django_assert_num_queries(7):
        response = client.get(members_url(chamber))
    names = [row["name"] for row in response.context["members"]]
    assert names == [f"Member {n:02}" for n in range(min(members, 25))]
    assert response.context["paginator"].count == members
    if members > 25:
        last = client.get(members_url(chamber) + "?page=3")
        assert [row["name"] for row in last.context["members"]] == [f"Member {n:02}" for n in range(50, 60)]


def test_the_members_page_shows_labels_in_the_readers_language(client_for):
    association = OrganizationFactory(category=Category.INDUSTRY_ASSOCIATION)
    member = OrganizationFactory(name="Aceros del Norte")
    member.member_of.add(association)
    Organization.objects.filter(pk=member.pk).update(engagement_level=Level.COLLABORATIVE)
    client = client_for(Role.STAFF, preferred_language="es")
    body = client.get(members_url(association)).content.decode()
    assert "Aceros del Norte" in body and "Colaborativa" in body and "México" in body


def test_an_organization_that_has_no_members_has_no_members_page(client_for):
    corporation = OrganizationFactory(category=Category.CORPORATION)
    assert client_for(Role.STAFF).get(members_url(corporation)).status_code == 404


def test_a_chambers_page_links_to_its_members(client_for):
    chamber = OrganizationFactory(category=Category.CHAMBER_OF_COMMERCE)
    body = client_for(Role.STAFF).get(chamber.get_absolute_url()).content.decode()
    assert members_url(chamber) in body
