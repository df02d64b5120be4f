from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from stakeholders.models import Affiliation, Contact, Interaction, InteractionType, Organization
from stakeholders.normalize import name_key
from stakeholders.services.interactions import interaction_log
from stakeholders.services.naics import naics_classify
from stakeholders.services.organizations import ConcurrentEdit, organization_delete, organization_save
from tests.factories.stakeholders import ContactFactory, OrganizationFactory, log_interaction

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Asociación Nacional de la Industria Química, A.C.", "asociacion nacional de la industria quimica"),
        ("Grupo México S.A.B. de C.V.", "grupo mexico"),
        ("Tim Hortons Ltée", "tim hortons"),
        ("ACME Inc.", "acme"),
    ],
)
def test_names_compare_without_case_accents_punctuation_or_legal_form(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize("code", ["423930", "468111", "562910", "325180", "31", "311"])
def test_us_and_mexican_codes_are_classified_by_their_shared_sector_and_kept_as_given(code):
    classified = naics_classify(code)
    assert classified.code == code
    assert classified.sector.level == 2


@pytest.mark.parametrize("code", ["99", "12345x", "1", "999999"])
def test_a_code_whose_sector_does_not_exist_is_refused(code):
    with pytest.raises(ValidationError):
        naics_classify(code)


def test_a_stale_edit_is_refused_and_nothing_is_written():
    organization = OrganizationFactory(name="Original")
    first = Organization.objects.get(pk=organization.pk)
    second = Organization.objects.get(pk=organization.pk)
    first.name = "First edit"
    organization_save(organization=first, expected_version=1)
    second.name = "Second edit"
    with pytest.raises(ConcurrentEdit):
        organization_save(organization=second, expected_version=1)
    organization.refresh_from_db()
    assert (organization.name, organization.version) == ("First edit", 2)


def test_the_search_keys_follow_the_names():
    organization = OrganizationFactory(
        name="Cámara Nacional", acronym="CANACINTRA", website="https://www.canacintra.org.mx/"
    )
    assert organization.search_key == "camara nacional canacintra canacintra org mx"
    assert organization.website_domain == "canacintra.org.mx"


def test_a_contact_who_moves_keeps_their_former_organization_in_history():
    contact = ContactFactory(job_title="Analyst")
    former = contact.organization
    contact.organization = OrganizationFactory()
    from stakeholders.services.contacts import contact_save

    contact_save(contact=contact, expected_version=contact.version)
    affiliation = Affiliation.objects.get(contact=contact, ended_on__isnull=False)
    assert (affiliation.organization, affiliation.job_title) == (former, "Analyst")


def test_an_interaction_in_the_future_is_refused_and_nothing_is_saved():
    organization = OrganizationFactory()
    with pytest.raises(ValidationError) as error:
        interaction_log(
            kind=InteractionType.objects.get(code="meeting"),
            occurred_on=timezone.localdate() + timedelta(days=1),
            organizations=[organization],
            summary="Planned",
            by=None,
        )
    assert "occurred_on" in error.value.error_dict
    assert not Interaction.objects.exists()


def test_an_interaction_needs_an_organization():
    with pytest.raises(ValidationError):
        interaction_log(
            kind=InteractionType.objects.get(code="meeting"),
            occurred_on=timezone.localdate(),
            organizations=[],
            summary="Nobody",
            by=None,
        )
    assert not Interaction.objects.exists()


def test_an_organization_operates_at_least_where_it_has_its_headquarters():
    assert OrganizationFactory(hq_country="CA").operates_in_canada is True
    elsewhere = OrganizationFactory(hq_country="MX", operates_in_united_states=True)
    assert (elsewhere.operates_in_mexico, elsewhere.operates_in_united_states) == (False, True)


def test_an_organization_whose_contacts_have_no_other_history_is_deleted_with_them():
    organization = OrganizationFactory()
    ContactFactory(organization=organization)
    organization_delete(organization=organization)
    assert not Organization.objects.filter(pk=organization.pk).exists() and not Contact.objects.exists()


def test_an_organization_whose_contact_took_part_in_an_interaction_is_not_deleted():
    organization = OrganizationFactory()
    contact = ContactFactory(organization=organization)
    log_interaction(organization, contacts=[contact])
    with pytest.raises(ValidationError, match="interactions: 1"):
        organization_delete(organization=organization)
    assert Contact.objects.filter(pk=contact.pk).exists() and contact.interactions.count() == 1
