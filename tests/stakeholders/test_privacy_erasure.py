"""An administrator erases a person: what identifies them goes, everywhere; what reports count stays."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, models
from django.urls import reverse

from accounts.choices import Role
from roundtables.choices import ParticipantStatus
from roundtables.models import Participant
from stakeholders.models import Contact, ContactErasure, ImportBatch, ImportChange, Interaction, InteractionOrganization
from stakeholders.services.privacy import contact_erase
from surveys.models import Answer, Response
from tests.factories.stakeholders import ContactFactory

from .people import EARLIER_EMAIL, EMAIL, NAME, PHONE, person_with_records

pytestmark = pytest.mark.django_db
TRACES = [NAME, "Quintero", EMAIL, EARLIER_EMAIL, PHONE, "Directora de sustentabilidad", "Registration form"]


def rows_naming(traces) -> list[str]:
    """Every row of every table of the app (change history included) whose text holds one of ``traces``."""
    found = []
    for model in apps.get_models():
        text = [f.name for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)]
        for field in text:
            for trace in traces:
                pks = list(model._default_manager.filter(**{f"{field}__icontains": trace}).values_list("pk", flat=True))
                found += [f"{model._meta.label}.{field} #{pk}: {trace}" for pk in pks]
    return found


def test_erasing_leaves_no_trace_of_the_person_in_any_table(make_user):
    contact = person_with_records(interactions=2)
    assert rows_naming(TRACES)  # the check finds them before
    contact_erase(contact=contact, by=make_user(Role.ADMINISTRATOR))
    assert rows_naming(TRACES) == []


def test_the_contact_and_its_history_keep_no_personal_field(make_user):
    contact = person_with_records(interactions=1)
    contact_erase(contact=contact, by=make_user(Role.ADMINISTRATOR))
    contact.refresh_from_db()
    for field in ["full_name", "job_title", "email", "phone", "consent_source", "consent_purpose", "name_key"]:
        assert getattr(contact, field) == "", field
    assert contact.consent_date is None and not contact.consent_given
    assert contact.opted_out and contact.erased_at
    assert str(contact) == f"Erased contact #{contact.pk}"
    history = Contact.history.filter(id=contact.pk)
    assert history.count() == 2  # kept: when the record was made and changed, by whom
    assert set(history.values_list("full_name", "email", "phone", "job_title", "consent_source")) == {("",) * 5}
    assert set(history.values_list("history_change_reason", flat=True)) == {None}


def test_what_reports_count_stays_without_the_person(make_user):
    contact = person_with_records(interactions=2)
    counts_before = (
        Interaction.objects.filter(contacts=contact).count(),
        InteractionOrganization.objects.filter(organization=contact.organization).count(),
        Response.objects.filter(completed_at__isnull=False).count(),
        Answer.objects.count(),
    )
    contact_erase(contact=contact, by=make_user(Role.ADMINISTRATOR))
    assert counts_before == (
        Interaction.objects.filter(contacts=contact).count(),
        InteractionOrganization.objects.filter(organization=contact.organization).count(),
        Response.objects.filter(completed_at__isnull=False).count(),
        Answer.objects.count(),
    )
    participant = Participant.objects.get(contact=contact)
    assert participant.status == ParticipantStatus.ATTENDED and participant.organization == contact.organization
    assert Interaction.objects.filter(summary="Call 0 with […] about tailings.").exists()
    assert Answer.objects.filter(text="Write to […]").exists()


def test_an_import_that_changed_the_contact_can_no_longer_put_their_data_back(make_user):
    contact = ContactFactory(email=EMAIL)
    batch = ImportBatch.objects.create(file_name="list.csv")
    change = ImportChange.objects.create(
        batch=batch, model="contact", object_id=contact.pk, action="updated", before={"email": EMAIL, "country": "MX"}
    )
    contact_erase(contact=contact, by=make_user(Role.ADMINISTRATOR))
    change.refresh_from_db()
    assert change.before == {"country": "MX"}


def test_the_erasure_is_logged_without_personal_data(make_user):
    contact = person_with_records(interactions=1)
    administrator = make_user(Role.ADMINISTRATOR)
    contact_erase(contact=contact, by=administrator)
    erasure = ContactErasure.objects.get()
    assert (erasure.contact_id, erasure.organization, erasure.erased_by) == (
        contact.pk,
        contact.organization,
        administrator,
    )
    assert erasure.erased_at


def test_a_contact_is_erased_once(make_user):
    contact = ContactFactory()
    contact_erase(contact=contact, by=make_user(Role.ADMINISTRATOR))
    with pytest.raises(ValidationError):
        contact_erase(contact=contact, by=make_user(Role.ADMINISTRATOR))
    assert ContactErasure.objects.count() == 1


def refuse_inserts_into(table: str) -> None:
    """Make the database itself refuse new rows in ``table``, as a failing disk or a lost lock would."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION refuse_row() RETURNS trigger"
                " AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER refuse_row BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION refuse_row()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER refuse_row BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )


def test_a_database_error_at_the_last_step_leaves_everything_as_it_was(make_user):
    contact = person_with_records(interactions=2)
    before = rows_naming(TRACES)
    # The log is written last, after the contact, its history and the free text are changed.
    refuse_inserts_into(ContactErasure._meta.db_table)
    with pytest.raises(DatabaseError):
        contact_erase(contact=contact, by=make_user(Role.ADMINISTRATOR))
    assert rows_naming(TRACES) == before
    contact.refresh_from_db()
    assert contact.full_name == NAME and contact.erased_at is None
    assert not ContactErasure.objects.exists()


def test_an_administrator_erases_after_a_confirmation_that_says_what_happens(client_for):
    contact = person_with_records(interactions=1)
    client = client_for(Role.ADMINISTRATOR)
    page = client.get(contact.get_absolute_url()).content.decode()
    url = reverse("stakeholders:contact_erase", args=[contact.pk])
    assert url in page
    confirmation = client.get(url).content.decode()
    assert "This cannot be undone" in confirmation and "opted out" in confirmation
    assert not ContactErasure.objects.exists()  # looking is not erasing
    response = client.post(url)
    assert response.status_code == 302 and response.url == contact.get_absolute_url()
    page = client.get(contact.get_absolute_url()).content.decode()
    assert NAME not in page and EMAIL not in page
    assert "personal data was erased" in page and url not in page
    assert client.get(reverse("stakeholders:contact_edit", args=[contact.pk])).status_code == 404


def test_after_erasure_the_search_finds_nothing(client_for):
    contact = person_with_records(interactions=1)
    client = client_for(Role.ADMINISTRATOR)
    for term in (NAME, EMAIL, "Quintero"):
        assert NAME in client.get(reverse("stakeholders:contact_list"), {"q": term}).content.decode()
    client.post(reverse("stakeholders:contact_erase", args=[contact.pk]))
    for term in (NAME, EMAIL, "Quintero"):
        page = client.get(reverse("stakeholders:contact_list"), {"q": term}).content.decode()
        assert contact.get_absolute_url() not in page, term


def test_administrators_read_the_erasure_log_in_the_administration_site(client_for, make_user):
    contact = ContactFactory(organization__name="Minera Azul")
    administrator = make_user(Role.ADMINISTRATOR)
    contact_erase(contact=contact, by=administrator)
    url = reverse("admin:stakeholders_contacterasure_changelist")
    page = client_for(Role.ADMINISTRATOR).get(url)
    assert page.status_code == 200
    assert str(administrator) in page.content.decode() and "Minera Azul" in page.content.decode()
    assert client_for(Role.UNIT_LEAD).get(url).status_code == 302  # not staff: sent to the admin's sign-in


@pytest.mark.parametrize("role", [Role.UNIT_LEAD, Role.STAFF, Role.VIEWER])
def test_only_administrators_erase_a_person(client_for, role):
    contact = ContactFactory()
    client = client_for(role)
    url = reverse("stakeholders:contact_erase", args=[contact.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    contact.refresh_from_db()
    assert contact.erased_at is None and not ContactErasure.objects.exists()
    assert url not in client.get(contact.get_absolute_url()).content.decode()
