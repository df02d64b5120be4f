"""Deleting an organization never takes its contacts' event invitations and attendance with it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.choices import Role
from roundtables.choices import ParticipantStatus
from roundtables.models import Participant
from stakeholders.models import Contact, Organization
from stakeholders.services.organizations import organization_delete
from tests.factories.roundtables import attendee, held_event
from tests.factories.stakeholders import OrganizationFactory

pytestmark = pytest.mark.django_db


def organization_with_two_participations() -> Organization:
    first, second = held_event(), held_event()
    participant = attendee(first)
    Participant.objects.create(
        event=second,
        contact=participant.contact,
        organization=participant.organization,
        category=participant.category,
        country=participant.country,
        status=ParticipantStatus.NO_SHOW,
    )
    return participant.organization


def test_the_deletion_is_refused_and_the_participations_stay():
    organization = organization_with_two_participations()
    assert Participant.objects.filter(organization=organization).count() == 2
    with pytest.raises(ValidationError) as refused:
        organization_delete(organization=organization)
    assert "participants: 2" in refused.value.messages[0]
    assert Participant.objects.filter(organization=organization).count() == 2
    assert Organization.objects.filter(pk=organization.pk).exists()
    assert Contact.objects.filter(organization=organization).count() == 1


def test_a_participation_under_an_organization_the_contact_left_refuses_it_too():
    organization = organization_with_two_participations()
    # The contact moved on (written directly: no former-organization row, which would refuse it on its
    # own); their invitations keep the organization they came from.
    Contact.objects.filter(organization=organization).update(organization=OrganizationFactory())
    assert not organization.contacts.exists()
    with pytest.raises(ValidationError):
        organization_delete(organization=organization)
    assert Participant.objects.filter(organization=organization).count() == 2


def test_the_page_says_which_records_keep_the_organization(client_for):
    organization = organization_with_two_participations()
    client = client_for(Role.ADMINISTRATOR)
    confirmation = client.get(reverse("stakeholders:organization_delete", args=[organization.pk])).content.decode()
    assert "nothing is deleted and you are told which records" in confirmation
    response = client.post(reverse("stakeholders:organization_delete", args=[organization.pk]), follow=True)
    assert "participants: 2" in response.content.decode()
    assert Participant.objects.count() == 2 and Organization.objects.filter(pk=organization.pk).exists()
