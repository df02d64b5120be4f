import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Role
from stakeholders.models import Contact, FollowUp, Interaction, Organization
from stakeholders.services.merge import contact_merge, organization_merge
from strategy.models import Pillar
from tests.factories.stakeholders import ContactFactory, OrganizationFactory, log_interaction

pytestmark = pytest.mark.django_db


def test_merging_repoints_every_record_and_keeps_the_chosen_fields(make_user):
    keep = OrganizationFactory(name="Grupo Bimbo", website="")
    duplicate = OrganizationFactory(name="GRUPO BIMBO S.A.B. de C.V.", website="https://grupobimbo.com", acronym="GB")
    contact = ContactFactory(organization=duplicate)
    shared = log_interaction([keep, duplicate], kind="meeting")
    own = log_interaction(duplicate, kind="information-shared")
    FollowUp.objects.create(organization=duplicate, description="x", owner=make_user(), due_on=timezone.localdate())
    duplicate.pillars.add(Pillar.objects.get(position=1))
    member = OrganizationFactory(name="Member")
    member.member_of.add(duplicate)

    kept = organization_merge(keep=keep, duplicate=duplicate, take_from_duplicate=["website", "acronym"])

    assert not Organization.objects.filter(pk=duplicate.pk).exists()
    assert (kept.name, kept.website, kept.acronym) == ("Grupo Bimbo", "https://grupobimbo.com", "GB")
    assert "GRUPO BIMBO S.A.B. de C.V." in kept.other_names
    contact.refresh_from_db()
    assert contact.organization == kept
    assert set(Interaction.objects.filter(organizations=kept)) == {shared, own}
    assert shared.participations.count() == 1  # both were there: one participation remains
    assert kept.followups.count() == 1
    assert kept.pillars.filter(position=1).exists()
    assert list(member.member_of.all()) == [kept]
    assert kept.engagement_level == 2
    assert kept.history.first().history_change_reason.startswith("Merged with")


def test_an_organization_cannot_be_merged_with_itself():
    organization = OrganizationFactory()
    with pytest.raises(ValidationError, match="cannot be merged with itself"):
        organization_merge(keep=organization, duplicate=organization)
    assert Organization.objects.filter(pk=organization.pk).exists()


def test_a_failed_merge_leaves_both_records_untouched():
    keep = OrganizationFactory(name="Keep")
    duplicate = OrganizationFactory(name="Dup")
    ContactFactory(organization=duplicate)
    duplicate.name = ""  # chosen below, and invalid: the merge must roll back whole
    duplicate.save(update_fields=["name"])
    with pytest.raises(ValidationError):
        organization_merge(keep=keep, duplicate=duplicate, take_from_duplicate=["name"])
    assert Organization.objects.count() == 2
    assert Contact.objects.get().organization_id == duplicate.pk


def test_merging_contacts_moves_their_interactions_and_an_opt_out_wins():
    organization = OrganizationFactory()
    keep = ContactFactory(organization=organization, full_name="Ana López")
    duplicate = ContactFactory(organization=organization, full_name="Ana Lopez", opted_out=True)
    interaction = log_interaction(organization, contacts=[duplicate])
    kept = contact_merge(keep=keep, duplicate=duplicate)
    assert list(interaction.contacts.all()) == [kept]
    assert kept.opted_out is True
    assert not Contact.objects.filter(pk=duplicate.pk).exists()


@pytest.mark.parametrize("role", list(Role))
def test_only_administrators_merge(client_for, role):
    keep, duplicate = OrganizationFactory(), OrganizationFactory()
    response = client_for(role).post(
        reverse("stakeholders:organization_merge"), {"keep": keep.pk, "other": duplicate.pk}
    )
    assert response.status_code == (302 if role == Role.ADMINISTRATOR else 403)
    assert Organization.objects.filter(pk=duplicate.pk).exists() is (role != Role.ADMINISTRATOR)


def test_the_merge_screen_refuses_the_same_record_twice(client_for):
    organization = OrganizationFactory()
    response = client_for(Role.ADMINISTRATOR).post(
        reverse("stakeholders:organization_merge"), {"keep": organization.pk, "other": organization.pk}
    )
    assert response.status_code == 400
    assert "cannot be merged with itself" in response.content.decode()


def test_possible_duplicates_are_found_by_normalized_name_acronym_and_website(client_for):
    OrganizationFactory(name="Cemex S.A.B. de C.V.")
    OrganizationFactory(name="CEMEX")
    OrganizationFactory(name="Alpha", website="https://www.alpha.com")
    OrganizationFactory(name="Alpha Group", website="http://alpha.com/en")
    OrganizationFactory(name="Lonely")
    body = client_for(Role.ADMINISTRATOR).get(reverse("stakeholders:duplicate_list")).content.decode()
    assert "cemex" in body and "alpha.com" in body
    assert "Lonely" not in body
