import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.choices import Role
from stakeholders.exports import neutralize
from stakeholders.imports.columns import suggest_mapping
from stakeholders.imports.reading import read_table
from stakeholders.models import Organization, Region
from stakeholders.services.imports import import_commit, import_plan
from stakeholders.services.naics import naics_classify
from stakeholders.services.organizations import organization_save
from tests.factories.stakeholders import ContactFactory, OrganizationFactory, log_interaction

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x")', "+1 514", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_cells_a_spreadsheet_would_run_are_neutralized(value):
    assert neutralize(value) == f"'{value}"
    assert neutralize("Acme") == "Acme"


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_an_exported_list_reimports_without_loss(client_for, language):
    organization = OrganizationFactory(
        name="=cmd|' /C calc'!A0 Corp",
        acronym="-AC",
        website="https://acme.example",
        hq_country="CA",
        hq_region=Region.objects.get(country="CA", code="QC"),
        category="industry_association",
    )
    organization_save(organization=organization, sectors=[naics_classify("562910")])
    ContactFactory(organization=organization, email="ana@acme.example")
    before = list(Organization.objects.values("name", "acronym", "website", "hq_country", "hq_region", "category"))

    response = client_for(Role.VIEWER, preferred_language=language).get(
        reverse("stakeholders:export", args=["organizations", "csv"])
    )
    assert response.status_code == 200
    data = response.content
    assert b"'=cmd" in data  # neutralized in the file
    table = read_table(data, "export.csv")
    assert table.rows[0][0] == "=cmd|' /C calc'!A0 Corp"  # and restored on import
    mapping = suggest_mapping(table.header, table.rows)
    assert set(mapping.values()) >= {"name", "acronym", "category", "website", "hq_country", "hq_region", "naics"}
    plan = import_plan(table, mapping, update_mode="overwrite")
    assert not plan.invalid, [row.reason() for row in plan.invalid]
    assert plan.counts() == {"create": 0, "update": 0, "skip": 1, "invalid": 0}
    import_commit(plan, file_name="export.csv", by=None)
    assert (
        list(Organization.objects.values("name", "acronym", "website", "hq_country", "hq_region", "category")) == before
    )


def test_the_export_follows_the_filters_on_screen_and_excel_opens_it(client_for):
    OrganizationFactory(name="Mexican One", hq_country="MX")
    OrganizationFactory(name="Canadian One", hq_country="CA")
    response = client_for(Role.STAFF).get(
        reverse("stakeholders:export", args=["organizations", "xlsx"]) + "?country=MX"
    )
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Mexican One"]


def test_contacts_and_interactions_export(client_for):
    organization = OrganizationFactory(name="Acme")
    contact = ContactFactory(organization=organization, full_name="Ana López")
    log_interaction(organization, contacts=[contact], summary="Talked about ISO 50001")
    client = client_for(Role.STAFF, preferred_language="es")
    contacts = client.get(reverse("stakeholders:export", args=["contacts", "csv"])).content.decode("utf-8-sig")
    assert contacts.splitlines()[0].startswith("Nombre del contacto") and "Ana López" in contacts
    interactions = client.get(reverse("stakeholders:export", args=["interactions", "csv"])).content.decode("utf-8-sig")
    assert "Talked about ISO 50001" in interactions and "Acme" in interactions


def test_a_person_without_a_role_cannot_export(client_for):
    assert client_for(role=None).get(reverse("stakeholders:export", args=["organizations", "csv"])).status_code == 403
