"""Rating an organization's potential to support CEC initiatives: who may, what is kept, where it shows."""

import pytest
from django.urls import reverse

from accounts.choices import Role
from stakeholders.models import Potential, PotentialRating
from stakeholders.services.potential import potential_rate
from tests.factories.stakeholders import OrganizationFactory, log_interaction
from tests.factories.strategy import UnitFactory

pytestmark = pytest.mark.django_db


def rate(client, organization, potential, **extra):
    url = reverse("stakeholders:organization_rate", args=[organization.pk])
    return client.post(url, {"potential": potential, **extra})


def test_rating_again_keeps_who_rated_before_and_when(make_user):
    organization = OrganizationFactory()
    first, second = make_user(full_name="Ana Ruiz"), make_user(full_name="Luc Tremblay")
    potential_rate(organization=organization, potential=Potential.LOW, by=first)
    potential_rate(organization=organization, potential=Potential.HIGH, by=second)
    rating = PotentialRating.objects.get(organization=organization)
    assert (rating.potential, rating.rated_by) == (Potential.HIGH, second)
    history = list(rating.history.order_by("history_date").values_list("potential", "rated_by", "history_user"))
    assert history == [(Potential.LOW, first.pk, first.pk), (Potential.HIGH, second.pk, second.pk)]


@pytest.mark.parametrize("role", [Role.STAFF, Role.UNIT_LEAD, Role.ADMINISTRATOR])
def test_staff_rate_from_the_organization_page(client_for, role):
    organization = OrganizationFactory()
    response = rate(client_for(role), organization, Potential.MEDIUM)
    assert response.status_code == 302 and response["Location"] == organization.get_absolute_url()
    assert PotentialRating.objects.get(organization=organization).potential == Potential.MEDIUM


def test_viewers_may_not_rate(client_for):
    organization = OrganizationFactory()
    assert rate(client_for(Role.VIEWER), organization, Potential.HIGH).status_code == 403
    assert not PotentialRating.objects.exists()


def test_a_rating_outside_the_scale_is_refused(client_for):
    organization = OrganizationFactory()
    rate(client_for(Role.STAFF), organization, 9)
    assert not PotentialRating.objects.exists()


def test_the_rating_goes_back_to_the_page_it_came_from_on_this_site_only(client_for):
    organization = OrganizationFactory()
    client = client_for(Role.STAFF)
    assert rate(client, organization, 1, next="/mapping/?country=MX")["Location"] == "/mapping/?country=MX"
    assert rate(client, organization, 1, next="https://evil.example/")["Location"] == organization.get_absolute_url()


def test_the_organization_page_shows_the_rating_who_gave_it_and_a_form_for_staff(client_for, make_user):
    organization = OrganizationFactory()
    potential_rate(organization=organization, potential=Potential.HIGH, by=make_user(full_name="Ana Ruiz"))
    staff_page = client_for(Role.STAFF).get(organization.get_absolute_url()).content.decode()
    assert "rated by Ana Ruiz" in staff_page
    assert reverse("stakeholders:organization_rate", args=[organization.pk]) in staff_page
    viewer_page = client_for(Role.VIEWER).get(organization.get_absolute_url()).content.decode()
    assert "rated by Ana Ruiz" in viewer_page
    assert reverse("stakeholders:organization_rate", args=[organization.pk]) not in viewer_page


def test_the_organization_list_filters_by_potential(client_for, make_user):
    high, low = OrganizationFactory(name="High one"), OrganizationFactory(name="Low one")
    OrganizationFactory(name="Unrated one")
    potential_rate(organization=high, potential=Potential.HIGH, by=make_user())
    potential_rate(organization=low, potential=Potential.LOW, by=make_user())
    client = client_for(Role.VIEWER)
    url = reverse("stakeholders:organization_list")
    page = client.get(url + "?potential=3").content.decode()
    assert "High one" in page and "Low one" not in page and "Unrated one" not in page
    page = client.get(url + "?potential=none").content.decode()
    assert "Unrated one" in page and "High one" not in page and "Low one" not in page


def test_the_organization_list_filters_by_the_unit_that_engaged(client_for):
    unit = UnitFactory()
    engaged, other = OrganizationFactory(name="Engaged by it"), OrganizationFactory(name="Engaged by another")
    log_interaction(engaged, unit=unit)
    log_interaction(other)
    page = client_for(Role.VIEWER).get(reverse("stakeholders:organization_list") + f"?unit={unit.pk}").content.decode()
    assert "Engaged by it" in page and "Engaged by another" not in page
