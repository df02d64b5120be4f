"""Importing stakeholder lists: reading, mapping, checking, matching, committing, undoing, the CLI."""

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from openpyxl import Workbook

from stakeholders.imports.columns import suggest_mapping
from stakeholders.imports.reading import UnreadableFile, read_table
from stakeholders.models import Contact, ImportBatch, Organization
from stakeholders.services.imports import import_commit, import_plan, import_undo
from tests.factories.stakeholders import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]

CSV_FR = (
    "Organisation;Sigle;Pays;Province/État;Courriel;Nom du contact;SCIAN;Site Web\n"
    "Hydro-Québec;HQ;Canada;Québec;info@hydroquebec.com;Marie Tremblay;221111;hydroquebec.com\n"
    "Grupo Bimbo S.A.B. de C.V.;;México;CDMX;contacto@grupobimbo.com;Ana López;311811;\n"
)


def plan_for(text: str | bytes, filename="list.csv", **options):
    data = text.encode("utf-8") if isinstance(text, str) else text
    table = read_table(data, filename)
    return import_plan(table, suggest_mapping(table.header, table.rows), **options)


def xlsx(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Mapping ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["Organization", "Email", "Province/State", "Country"], ["name", "contact_email", "hq_region", "hq_country"]),
        (["Organisation", "Courriel", "Province", "Pays"], ["name", "contact_email", "hq_region", "hq_country"]),
        (
            ["Organización", "Correo electrónico", "Estado", "País"],
            ["name", "contact_email", "hq_region", "hq_country"],
        ),
    ],
)
def test_the_mapping_is_suggested_from_headers_in_three_languages(header, expected):
    mapping = suggest_mapping(header, [])
    assert [mapping[i] for i in range(len(header))] == expected


def test_the_mapping_is_suggested_from_values_when_the_header_says_nothing():
    mapping = suggest_mapping(["Organization", "Column B"], [["A", "a@x.org"], ["B", "b@y.org"], ["C", "c@z.org"]])
    assert mapping == {0: "name", 1: "contact_email"}


# Reading --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_common_encodings_and_delimiters_are_read(encoding):
    table = read_table(CSV_FR.replace("Grupo Bimbo", "Société Générale").encode(encoding), "list.csv")
    assert table.header[0] == "Organisation"
    assert table.rows[0][0] == "Hydro-Québec"
    assert table.rows[1][0].startswith("Société")


def test_a_tab_separated_file_is_read():
    table = read_table(b"Organization\tCountry\nAcme\tCanada\n", "list.txt")
    assert table.rows == [["Acme", "Canada"]]


def test_an_xlsx_is_read_and_trailing_empty_rows_are_ignored():
    data = xlsx([["Organization", "Country"], ["Acme", "Canada"], [None, None], [None, None]])
    table = read_table(data, "list.xlsx")
    assert table.rows == [["Acme", "Canada"]]


def test_a_million_empty_rows_at_the_end_cost_nothing():
    table = read_table(b"Organization,Country\nAcme,Canada\n" + b",\n" * 1_000_000, "list.csv")
    assert table.rows == [["Acme", "Canada"]]


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "empty.csv", "The file is empty."),
        (b"   \n\n", "blank.csv", "The file is empty."),
        (b"Organization,Country\nAcme,CA\n", "fake.xlsx", "not a real Excel workbook"),
        (b"PK\x03\x04garbage", "data.csv", "not a CSV"),
        (
            "Name,Ville\nCafé Ñandú,Montréal\n".encode() + "Société,Québec\n".encode("cp1252"),
            "mixed.csv",
            "mixes text encodings",
        ),
        (b"x" * (21 * 1024 * 1024), "big.csv", "larger than 20 MB"),
    ],
)
def test_unreadable_files_get_a_clear_message(data, filename, message):
    with pytest.raises(UnreadableFile, match=message):
        read_table(data, filename)


def test_a_zip_bomb_is_refused_before_unpacking():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (210 * 1024 * 1024))
    with pytest.raises(UnreadableFile, match="refused for safety"):
        read_table(buffer.getvalue(), "bomb.xlsx")


def test_an_xlsx_with_external_entities_is_refused():
    buffer = io.BytesIO()
    evil = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook>&e;</workbook>'
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", evil)
        archive.writestr("xl/workbook.xml", evil)
    with pytest.raises(UnreadableFile):
        read_table(buffer.getvalue(), "evil.xlsx")


def test_a_header_without_a_name_column_is_refused():
    with pytest.raises(ValidationError, match="organization name"):
        plan_for("Country,Email\nCanada,a@b.org\n")


# Checking ---------------------------------------------------------------------------------------------


def test_every_invalid_row_is_reported_with_its_line_column_and_reason():
    plan = plan_for(
        "Organization,Country,Province/State,Email,NAICS,Extra\n"
        "Good One,Canada,ON,good@one.org,562,\n"
        ",Canada,,,,\n"
        "Bad Place,Canada,Jalisco,not-an-email,99,\n"
        "Too Long,Mexico,,,,,surplus\n"
    )
    assert plan.counts() == {"create": 1, "update": 0, "skip": 0, "invalid": 3}
    reasons = {row.line: row.reason() for row in plan.invalid}
    assert "organization name is missing" in reasons[3]
    assert "Province/State: “Jalisco” is not a province or state" in reasons[4]
    assert "NAICS: NAICS code 99" in reasons[4]
    assert "Email: “not-an-email” is not an email address" in reasons[4]
    assert "more cells than the header" in reasons[5]


def test_countries_and_provinces_are_understood_in_three_languages_and_us_codes_kept():
    plan = plan_for(
        "Organización,País,Estado,SCIAN\n"
        "Uno,México,Nuevo León,468111\nDos,Mexique,CDMX,\nTres,Estados Unidos,Californie,423930\nQuatre,,Québec,\n"
    )
    assert not plan.invalid
    values = [row.checked.values for row in plan.rows]
    assert [(v["hq_country"], v["hq_region"].code) for v in values] == [
        ("MX", "NLE"),
        ("MX", "CMX"),
        ("US", "CA"),
        ("CA", "QC"),
    ]
    assert values[2]["sectors"][0].code == "423930"


# Matching -----------------------------------------------------------------------------------------------


def test_rows_match_the_register_by_website_email_name_and_acronym():
    by_site = OrganizationFactory(name="Some Other Name", website="https://www.hydroquebec.com")
    by_email = ContactFactory(email="contacto@grupobimbo.com").organization
    OrganizationFactory(name="Cemex S.A.B. de C.V.")
    OrganizationFactory(name="Asociación Nacional de la Industria Química", acronym="ANIQ")
    plan = plan_for(
        "Organization,Website,Email,Acronym\n"
        "Hydro Quebec,hydroquebec.com,,\n"
        "Bimbo,,contacto@grupobimbo.com,\n"
        "CEMEX,,,\n"
        "Industria Química,,,ANIQ\n"
        "Brand New,,,\n"
    )
    targets = [row.organization for row in plan.rows]
    assert targets[0] == by_site.pk and targets[1] == by_email.pk
    assert isinstance(targets[2], int) and isinstance(targets[3], int)
    assert plan.counts()["create"] == 1


def test_rows_of_the_same_file_that_match_become_one_organization():
    plan = plan_for("Organization,Email,Contact\nAcme Inc.,a@acme.com,Ann\nACME,b@acme.com,Bob\n")
    batch = import_commit(plan, file_name="list.csv", by=None)
    assert Organization.objects.count() == 1
    assert set(Contact.objects.values_list("full_name", flat=True)) == {"Ann", "Bob"}
    assert batch.created_count == 1


def test_a_match_fills_blanks_or_overwrites_as_chosen():
    organization = OrganizationFactory(name="Acme", acronym="", website="https://acme.com", hq_country="CA")
    text = "Organization,Acronym,Website,Country\nAcme,ACM,https://acme.com,Mexico\n"
    import_commit(plan_for(text), file_name="a.csv", by=None)
    organization.refresh_from_db()
    assert (organization.acronym, organization.hq_country) == ("ACM", "CA")  # blank filled, country kept
    import_commit(plan_for(text, update_mode="overwrite"), file_name="a.csv", by=None)
    organization.refresh_from_db()
    assert organization.hq_country == "MX"


# Committing and undoing -----------------------------------------------------------------------------------


def test_all_or_nothing_writes_nothing_when_a_row_is_invalid():
    plan = plan_for("Organization,Email\nGood,good@x.org\nBad,not-an-email\n")
    batch = import_commit(plan, file_name="list.csv", by=None, on_error="abort")
    assert batch.status == "rejected"
    assert not Organization.objects.exists()
    assert "not-an-email" in batch.rejected_csv


def test_skipping_invalid_rows_keeps_them_in_a_csv_that_can_be_fixed_and_reimported():
    plan = plan_for("Organization,Email\nGood,good@x.org\nBad,not-an-email\n")
    batch = import_commit(plan, file_name="list.csv", by=None, on_error="skip")
    assert batch.status == "done" and Organization.objects.get().name == "Good"
    rejected = batch.rejected_csv.splitlines()
    assert rejected[0] == "Organization,Email,Reason"
    assert rejected[1].startswith("Bad,not-an-email,")
    fixed = rejected[0].replace(",Reason", "") + "\nBad,bad@x.org\n"
    assert not plan_for(fixed).invalid


def test_undo_restores_exactly_what_was_there_before_and_moves_the_versions_on():
    existing = OrganizationFactory(name="Acme", acronym="OLD", website="https://acme.com", hq_country="CA")
    contact = ContactFactory(organization=existing, email="ann@acme.com", job_title="Analyst")
    before = (
        list(Organization.objects.order_by("pk").values()),
        list(Contact.objects.order_by("pk").values()),
    )
    plan = plan_for(
        "Organization,Acronym,Website,Country,Email,Contact,Title,NAICS\n"
        "Acme,NEW,https://acme.com,Mexico,ann@acme.com,Ann,Director,562\n"
        "Brand New,,,,new@brand.org,Neo,,\n",
        update_mode="overwrite",
    )
    batch = import_commit(plan, file_name="list.csv", by=None)
    existing.refresh_from_db()
    contact.refresh_from_db()
    assert (existing.acronym, existing.hq_country, contact.job_title) == ("NEW", "MX", "Director")
    assert Organization.objects.count() == 2

    import_undo(batch=batch, by=None)

    after = (
        list(Organization.objects.order_by("pk").values()),
        list(Contact.objects.order_by("pk").values()),
    )
    strip = lambda rows: [{k: v for k, v in r.items() if k not in ("updated_at", "version")} for r in rows]  # noqa: E731
    assert strip(after[0]) == strip(before[0]) and strip(after[1]) == strip(before[1])
    # Never back: the import moved each version on by one, the undo by one more, so a form opened
    # before the undo cannot save over what it restored.
    assert [row["version"] for row in after[0]] == [before[0][0]["version"] + 2]
    assert [row["version"] for row in after[1]] == [before[1][0]["version"] + 2]
    assert not existing.sectors.exists()
    batch.refresh_from_db()
    assert batch.status == "undone" and batch.undone_at


def test_an_undone_batch_cannot_be_undone_twice():
    batch = import_commit(plan_for("Organization\nAcme\n"), file_name="a.csv", by=None)
    import_undo(batch=batch, by=None)
    with pytest.raises(ValidationError):
        import_undo(batch=batch, by=None)


# The command line ---------------------------------------------------------------------------------------


def test_the_command_prints_json_counts_and_exits_1_when_rows_are_rejected(tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_text("Organization,Email\nGood,good@x.org\nBad,nope\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_status:
        call_command("import_stakeholders", str(path), "--json", "--on-error", "skip")
    assert exit_status.value.code == 1
    result = json.loads(capsys.readouterr().out)
    assert (result["created"], result["invalid"]) == (1, 1)
    assert result["errors"][0]["line"] == 3
    assert ImportBatch.objects.get().created_count == 1


def test_the_command_exits_0_on_success_and_a_dry_run_writes_nothing(tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_text("Organization\nGood\n", encoding="utf-8")
    call_command("import_stakeholders", str(path), "--json", "--dry-run")
    assert json.loads(capsys.readouterr().out)["created"] == 1
    assert not Organization.objects.exists()
    call_command("import_stakeholders", str(path))
    assert Organization.objects.count() == 1


def test_the_command_exits_2_when_the_file_cannot_be_read(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_stakeholders", str(path), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "DJANGO_ALLOW_ASYNC_UNSAFE": ""},
    )
    assert result.returncode == 2, result.stderr
    assert json.loads(result.stdout)["error"] == "The file is empty."


def test_an_imported_organization_page_says_which_import_created_it(client_for):
    from accounts.choices import Role

    batch = import_commit(plan_for("Organization\nAcme\n"), file_name="partners.csv", by=None)
    page = client_for(Role.VIEWER).get(Organization.objects.get().get_absolute_url()).content.decode()
    assert "partners.csv" in page and batch.get_absolute_url() in page
