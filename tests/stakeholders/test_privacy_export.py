"""An administrator downloads everything the app holds on one person (an access request)."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from accounts.choices import Role
from stakeholders.personal_data import contact_personal_data
from tests.factories.stakeholders import ContactFactory

from .people import EARLIER_EMAIL, EMAIL, NAME, person_with_records

pytestmark = pytest.mark.django_db


def export(client, contact, file_format):
    return client.get(reverse("stakeholders:contact_export", args=[contact.pk, file_format]))


def test_the_json_export_holds_every_record_on_the_person(client_for):
    contact = person_with_records(interactions=2)
    response = export(client_for(Role.ADMINISTRATOR), contact, "json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(f'attachment; filename="cec-engage-contact-{contact.pk}-')
    sections = json.loads(response.content)["sections"]
    (record,) = sections["stakeholders.contact"]["rows"]
    assert record["full_name"] == NAME and record["email"] == EMAIL
    assert record["organization"] == "Minera Azul"
    assert record["consent_source"] == "Registration form"
    # Two logged by hand, one by the survey response, one by the attendance at the event.
    interactions = sections["stakeholders.interaction"]["rows"]
    assert len(interactions) == 4
    assert {"Minera Azul"} == {name for row in interactions for name in row["organizations"]}
    (invitation,) = sections["surveys.invitation"]["rows"]
    assert invitation["survey"] == "Working with the CEC" and "token" not in invitation
    (response_row,) = sections["surveys.response"]["rows"]
    assert response_row["completed_at"]
    answers = sections["surveys.answer"]["rows"]
    assert {a["question"] for a in answers} >= {"How was it?", "Anything else?"}
    assert f"Write to {EMAIL}" in [a["text"] for a in answers]
    (participant,) = sections["roundtables.participant"]["rows"]
    assert participant["status"] == "Attended" and participant["organization"] == "Minera Azul"
    assert len(sections["partnerships.partnership"]["rows"]) == 1
    history = sections["stakeholders.historicalcontact"]["rows"]
    assert [row["email"] for row in history] == [EARLIER_EMAIL, EMAIL]
    assert history[1]["history_change_reason"] == f"Email given by {NAME}"


def test_the_csv_export_is_a_zip_of_one_table_per_kind_of_record(client_for):
    contact = person_with_records(interactions=2)
    response = export(client_for(Role.ADMINISTRATOR), contact, "zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert names[0] == "01-stakeholders-contact.csv"
    assert {
        "stakeholders-interaction",
        "surveys-answer",
        "roundtables-participant",
        "stakeholders-historicalcontact",
    } <= {name[3:-4] for name in names}
    contact_csv = archive.read(names[0]).decode("utf-8-sig")
    header, row = contact_csv.splitlines()
    assert header.startswith("id,full_name,job_title") and NAME in row and EMAIL in row


def test_the_export_leaves_out_other_people_at_the_same_interaction():
    contact = person_with_records(interactions=1)
    colleague = ContactFactory(organization=contact.organization, full_name="Otra Persona")
    contact.interactions.first().contacts.add(colleague)
    document = json.dumps([section.rows for section in contact_personal_data(contact)], default=str)
    assert "Otra Persona" not in document


@pytest.mark.parametrize("interactions", [2, 30])
def test_the_export_costs_the_same_however_many_interactions(client_for, django_assert_num_queries, interactions):
    contact = person_with_records(interactions=interactions)
    client = client_for(Role.ADMINISTRATOR)
    # Session, user, permissions (2: the user's and their groups'), the contact; then its record again
    # with its organization; its affiliations; interactions and their 5 many-to-many fields (organizations,
    # staff, objectives, actions, pillars); partnerships and their 6 (partners, initiatives, goals,
    # objectives, actions, pillars); survey invitations; their responses; the answers and their choices;
    # event participations; and the change history.
    with django_assert_num_queries(26):
        response = export(client, contact, "json")
    assert len(json.loads(response.content)["sections"]["stakeholders.interaction"]["rows"]) == interactions + 2


@pytest.mark.parametrize("role", [Role.UNIT_LEAD, Role.STAFF, Role.VIEWER])
@pytest.mark.parametrize("file_format", ["json", "zip"])
def test_only_administrators_export_a_person(client_for, role, file_format):
    contact = ContactFactory()
    client = client_for(role)
    url = reverse("stakeholders:contact_export", args=[contact.pk, file_format])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403


def test_the_export_buttons_show_only_to_administrators(client_for):
    contact = ContactFactory()
    url = reverse("stakeholders:contact_export", args=[contact.pk, "json"])
    assert url in client_for(Role.ADMINISTRATOR).get(contact.get_absolute_url()).content.decode()
    assert url not in client_for(Role.UNIT_LEAD).get(contact.get_absolute_url()).content.decode()
