"""A file is imported a chunk of rows at a time: the result is the same as in one piece, and what the
import records (changes, history) is written in bulk."""

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import IntegrityError, connection

from stakeholders.imports.reading import open_table, read_table
from stakeholders.imports.rows import check_email, check_url
from stakeholders.models import Contact, ImportChange, Organization, OrganizationSector
from stakeholders.services import imports
from stakeholders.services.imports import import_commit, import_plan
from tests.factories.stakeholders import ContactFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

# Rows 1-2 are one chunk and rows 3-4 the next when a chunk holds two rows.
FILE = (
    "Organization,Website,Acronym,Email,Contact,NAICS\n"
    "Acme Inc.,acme.com,,ann@acme.com,Ann,562\n"
    "Old Name,https://existing.org,EXI,,,\n"
    "ACME,https://www.acme.com/about,ACM,bob@acme.com,Bob,562\n"  # the first row again (by its website): a contact
    "Existing,https://existing.org,OTHER,,,\n"  # the register's organization again: changes nothing more
)


def import_in_chunks(monkeypatch, size, text=FILE, **options):
    monkeypatch.setattr(imports, "CHUNK", size)
    table = read_table(text.encode(), "list.csv")
    from stakeholders.imports.columns import suggest_mapping

    return import_commit(import_plan(table, suggest_mapping(table.header, table.rows)), file_name="list.csv", **options)


def state():
    organizations = sorted(Organization.objects.values_list("name", "acronym", "website", "version"))
    contacts = sorted(Contact.objects.values_list("full_name", "organization__name"))
    sectors = sorted(OrganizationSector.objects.values_list("organization__name", "code"))
    return organizations, contacts, sectors


@pytest.mark.parametrize("size", [1, 2, 3, 5_000])
def test_a_duplicate_within_the_file_across_two_chunks_becomes_one_organization(monkeypatch, size):
    OrganizationFactory(name="Existing", acronym="", website="https://existing.org")
    batch = import_in_chunks(monkeypatch, size, by=None)

    assert (batch.status, batch.created_count, batch.updated_count, batch.skipped_count) == ("done", 1, 2, 1)
    assert state() == (
        [("Acme Inc.", "", "https://acme.com", 1), ("Existing", "EXI", "https://existing.org", 2)],
        [("Ann", "Acme Inc."), ("Bob", "Acme Inc.")],
        [("Acme Inc.", "562")],  # given twice, in two chunks: added once
    )
    # The register's organization, matched in both chunks, is changed once: one change, one history row.
    assert ImportChange.objects.filter(batch=batch, action="updated").count() == 1
    assert Organization.history.filter(name="Existing", history_change_reason=f"Import #{batch.pk}").count() == 1


def test_chunks_give_the_same_plan_as_one_piece(monkeypatch):
    OrganizationFactory(name="Existing", acronym="", website="https://existing.org")
    table = read_table(FILE.encode(), "list.csv")
    from stakeholders.imports.columns import suggest_mapping

    mapping = suggest_mapping(table.header, table.rows)
    whole = import_plan(table, mapping)
    monkeypatch.setattr(imports, "CHUNK", 1)
    chunked = import_plan(table, mapping)
    assert chunked.counts() == whole.counts() == {"create": 1, "update": 2, "skip": 1, "invalid": 0}
    assert [(row.organization, row.action) for row in chunked.rows] == [
        (row.organization, row.action) for row in whole.rows
    ]


def test_all_or_nothing_rolls_back_earlier_chunks_when_a_later_row_is_invalid(monkeypatch):
    text = FILE + "Bad Row,,,not-an-email,,\n"
    batch = import_in_chunks(monkeypatch, 2, text, by=None, on_error="abort")
    assert batch.status == "rejected" and batch.invalid_count == 1
    assert (batch.created_count, batch.updated_count) == (0, 0)
    assert not Organization.objects.exists() and not ImportChange.objects.exists()
    assert "not-an-email" in batch.rejected_csv


def test_changed_records_get_a_history_row_naming_the_batch_and_who_imported(monkeypatch, make_user):
    person = make_user()
    organization = OrganizationFactory(name="Existing", acronym="", website="https://existing.org")
    contact = ContactFactory(organization=organization, email="ann@acme.com", phone="")
    text = "Organization,Website,Acronym,Email,Phone\nExisting,existing.org,EXI,ann@acme.com,+1 514 555 0100\n"
    batch = import_in_chunks(monkeypatch, 1, text, by=person)

    for record in (organization, contact):
        latest = record.history.latest()
        assert (latest.history_type, latest.history_change_reason) == ("~", f"Import #{batch.pk}")
        assert latest.history_user == person
    assert organization.history.latest().acronym == "EXI" and contact.history.latest().phone == "+1 514 555 0100"
    created = Organization.objects.filter(name="Existing").get()
    assert created.version == 2 and created.search_key.split()[-2:] == ["existing", "org"]


def test_a_source_reads_rows_as_they_are_consumed_and_head_loses_none():
    source = open_table(b"Organization\n" + b"".join(b"Org %d\n" % n for n in range(7)), "list.csv")
    assert source.head(2) == [["Org 0"], ["Org 1"]]
    chunks = list(source.chunks(3))
    assert [len(chunk) for chunk in chunks] == [3, 3, 1]
    assert chunks[0][0] == (2, ["Org 0"]) and chunks[-1][0] == (8, ["Org 6"])


@pytest.mark.parametrize(
    "url",
    [
        "https://acme.com",
        "http://www.acme.co.uk/about?x=1",
        "https://sub-domain.acme.com/a b",
        "https://-acme.com",
        "https://acme-.com",
        "https://acme.c",
        "https://acme.123",
        "https://localhost",
        "https://acme..com",
        "ftp://acme.com",
        "https://" + "a" * 64 + ".com",
        "https://" + ".".join(["abcdefghij"] * 25) + ".com",
        "https://café.com",
        "https://acme.com:8080/x",
    ],
)
def test_the_quick_website_check_agrees_with_djangos_validator(url):
    assert _refused(check_url, url) == _refused(URLValidator(schemes=["http", "https"]), url)


@pytest.mark.parametrize(
    "email",
    ["ann@acme.com", "ann.b+x@acme.co.uk", ".ann@acme.com", "ann..b@acme.com", "ann@-acme.com", "ann@acme", "a@b.c"]
    + ["ann@localhost", "ann@[127.0.0.1]", "josé@acme.com", "ann@acme.com.", "ann b@acme.com"],
)
def test_the_quick_email_check_agrees_with_djangos_validator(email):
    assert _refused(check_email, email) == _refused(EmailValidator(), email)


def _refused(check, value) -> bool:
    try:
        check(value)
    except ValidationError:
        return True
    return False


@pytest.fixture
def reads_aside_spy(monkeypatch):
    """Records each time an import reads the register on a connection of its own."""
    from contextlib import contextmanager

    from stakeholders import bulk

    entered, original = [], bulk.reads_aside

    @contextmanager
    def spy():
        with original():
            entered.append(connection.vendor)
            yield

    monkeypatch.setattr(bulk, "reads_aside", spy)
    return entered


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [1, 2])
def test_an_import_in_its_own_transaction_reads_the_register_aside_with_the_same_result(
    monkeypatch, size, reads_aside_spy
):
    from django.apps import apps

    from stakeholders.reference_data import load_reference_data

    load_reference_data(apps)  # transactional tests start from an empty database
    OrganizationFactory(name="Existing", acronym="", website="https://existing.org")
    batch = import_in_chunks(monkeypatch, size, by=None)

    assert reads_aside_spy == [connection.vendor]
    assert (batch.status, batch.created_count, batch.updated_count, batch.skipped_count) == ("done", 1, 2, 1)
    assert state() == (
        [("Acme Inc.", "", "https://acme.com", 1), ("Existing", "EXI", "https://existing.org", 2)],
        [("Ann", "Acme Inc."), ("Bob", "Acme Inc.")],
        [("Acme Inc.", "562")],
    )
    assert ImportChange.objects.filter(batch=batch, action="updated").count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_import_in_its_own_transaction_still_writes_nothing_when_a_later_row_is_invalid(
    monkeypatch, reads_aside_spy
):
    batch = import_in_chunks(monkeypatch, 2, FILE + "Bad Row,,,not-an-email,,\n", by=None, on_error="abort")
    assert reads_aside_spy and batch.status == "rejected"
    assert not Organization.objects.exists() and not Contact.objects.exists()


def test_an_import_inside_a_transaction_it_was_given_reads_through_that_transaction(monkeypatch, reads_aside_spy):
    # The register's organization exists only in this test's transaction: another connection would miss it.
    OrganizationFactory(name="Existing", acronym="", website="https://existing.org")
    batch = import_in_chunks(monkeypatch, 2, by=None)
    assert reads_aside_spy == []
    assert batch.updated_count == 2 and Organization.objects.count() == 2


def test_a_created_record_names_its_import_in_its_change_history_and_the_undo_finds_it(monkeypatch, make_user):
    from stakeholders.selectors import change_history
    from stakeholders.services.imports import import_undo

    person = make_user()
    batch = import_in_chunks(monkeypatch, 2, by=person)
    organization = Organization.objects.get(name="Acme Inc.")
    contact = Contact.objects.get(full_name="Ann")
    assert organization.imported_in == contact.imported_in == batch
    # One row for each: created, by the person who imported, through this batch.
    for record in organization, contact:
        (created,) = change_history(record)
        assert (created["type"], created["user"], created["import"]) == ("+", person, batch)
    assert not ImportChange.objects.filter(batch=batch, action="created", model__in=["organization", "contact"])

    import_undo(batch=batch, by=person)
    assert not Organization.objects.filter(name="Acme Inc.").exists() and not Contact.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN pending lists are PostgreSQL's")
def test_the_search_indexes_take_in_the_new_rows_before_the_import_ends(monkeypatch):
    from stakeholders import bulk

    merged_aside = []
    original = bulk.LargeWrite._merge_on_own_connection

    def on_own_connection(self):
        merged_aside.append(list(self.gin_indexes))
        original(self)

    monkeypatch.setattr(bulk.LargeWrite, "_merge_on_own_connection", on_own_connection)
    OrganizationFactory(name="Existing", acronym="", website="https://existing.org")
    import_in_chunks(monkeypatch, 2, by=None)

    assert merged_aside == [["org_search_trgm", "contact_search_trgm"]]
    with connection.cursor() as cursor:
        for index in ("org_search_trgm", "contact_search_trgm"):
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
            assert cursor.fetchone()[0] == 0, f"{index} still has entries to merge"


def test_a_row_shorter_than_the_header_has_blanks_in_its_missing_cells():
    from stakeholders.imports.rows import Columns

    columns = Columns({0: "name", 2: "website", 3: "contact_email"}, ["Name", "Notes", "Website", "Email"])
    assert columns.values([" Acme ", "x", " acme.com", "ann@acme.com "]) == {
        "name": "Acme",
        "website": "acme.com",
        "contact_email": "ann@acme.com",
    }
    assert columns.values(["Acme", "x"]) == {"name": "Acme", "website": "", "contact_email": ""}
    assert Columns({1: "name"}, ["Notes", "Name"]).values(["x", "Acme"]) == {"name": "Acme"}


postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's triggers")


@postgresql_only
def test_a_reference_to_a_missing_row_fails_the_import_and_nothing_is_written(monkeypatch):
    from stakeholders.services.import_writes import ImportWriter

    original = ImportWriter._sector_row

    def broken_sector_row(self, organization, item):
        row = original(self, organization, item)
        row[self.sector.index["sector_id"]] = "999999"  # no such NAICS code
        return row

    monkeypatch.setattr(ImportWriter, "_sector_row", broken_sector_row)
    with pytest.raises(IntegrityError, match="stakeholders_organizationsector.sector_id refers to .* 999999"):
        import_in_chunks(monkeypatch, 2, by=None)
    assert not Organization.objects.exists() and not OrganizationSector.objects.exists()


@postgresql_only
def test_a_reference_to_a_row_the_import_did_not_create_fails_the_import(monkeypatch):
    from stakeholders.services.import_writes import ImportWriter

    original = ImportWriter._id

    def wrong_id(self, target):
        return original(self, target) + 1_000_000  # past every id, as if the organization was never copied

    monkeypatch.setattr(ImportWriter, "_id", wrong_id)
    with pytest.raises(
        IntegrityError, match="organization_id refers to stakeholders_organization rows that do not exist"
    ):
        import_in_chunks(monkeypatch, 2, by=None)
    assert not Organization.objects.exists() and not Contact.objects.exists()


@postgresql_only
def test_without_the_right_to_switch_triggers_off_the_database_checks_each_row(monkeypatch):
    from stakeholders import bulk

    states = []
    original = bulk.LargeWrite.switch_triggers_off

    def switch_triggers_off(self):
        original(self)
        states.append(self.triggers_off)

    monkeypatch.setattr(bulk.LargeWrite, "switch_triggers_off", switch_triggers_off)
    OrganizationFactory(name="Existing", acronym="", website="https://existing.org")
    with connection.cursor() as cursor:  # a role like an application's own: no superuser (undone with the test)
        cursor.execute("CREATE ROLE cec_engage_importer NOSUPERUSER")
        cursor.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO cec_engage_importer")
        cursor.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO cec_engage_importer")
        cursor.execute("SET ROLE cec_engage_importer")
    try:
        batch = import_in_chunks(monkeypatch, 2, by=None)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")
    assert states == [False]
    assert (batch.status, batch.created_count, batch.updated_count) == ("done", 1, 2)
    assert state()[2] == [("Acme Inc.", "562")]


@postgresql_only
def test_with_the_triggers_off_the_references_are_still_checked_and_locked(monkeypatch):
    from stakeholders import bulk

    checked = []
    original = bulk.LargeWrite._check

    def check(self, model, key, *args):
        checked.append((model.__name__, key.name))
        original(self, model, key, *args)

    monkeypatch.setattr(bulk.LargeWrite, "_check", check)
    OrganizationFactory(name="Existing", acronym="", website="https://existing.org")
    import_in_chunks(monkeypatch, 2, by=None)
    assert sorted(checked) == [
        ("Contact", "organization"),
        ("Organization", "hq_region"),
        ("Organization", "owner"),
        ("Organization", "parent"),
        ("OrganizationSector", "organization"),
        ("OrganizationSector", "sector"),
        ("OrganizationSector", "subsector"),
    ]


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_with_the_triggers_off_the_rows_referred_to_stay_locked_until_the_import_ends(monkeypatch):
    from django.apps import apps
    from django.db import DEFAULT_DB_ALIAS, OperationalError, connections

    from stakeholders.reference_data import load_reference_data
    from stakeholders.services.import_writes import ImportWriter

    load_reference_data(apps)  # transactional tests start from an empty database
    # Only given a NAICS code: the import leaves the organization's own row as it is.
    existing = OrganizationFactory(name="Second", acronym="", website="https://second.org")
    locked = []
    original = ImportWriter.finish

    def finish(self, planner):
        original(self, planner)
        # Another session wanting to delete the organization the import gave a NAICS code must wait.
        other = connections.create_connection(DEFAULT_DB_ALIAS)
        try:
            with other.cursor() as cursor:
                cursor.execute(
                    "SELECT id FROM stakeholders_organization WHERE id = %s FOR UPDATE NOWAIT", [existing.pk]
                )
        except OperationalError:
            locked.append(existing.pk)
        finally:
            other.close()

    monkeypatch.setattr(ImportWriter, "finish", finish)
    import_in_chunks(
        monkeypatch, 2, FILE.replace("Existing,https://existing.org,OTHER,,,", "Second,second.org,,,,311"), by=None
    )
    assert locked == [existing.pk]
    assert state()[0][-1] == ("Second", "", "https://second.org", 1)
    assert ("Second", "311") in state()[2]


def test_the_garbage_collector_is_held_back_during_an_import_and_put_back_after(monkeypatch):
    import gc

    from stakeholders import bulk
    from stakeholders.imports.planning import Planner

    seen = []
    original = Planner.plan

    def plan(self, chunk):
        seen.append((gc.get_threshold()[0], gc.get_freeze_count() > 0))
        return original(self, chunk)

    monkeypatch.setattr(Planner, "plan", plan)
    before = gc.get_threshold()
    gc.unfreeze()
    import_in_chunks(monkeypatch, 2, by=None)
    assert seen and set(seen) == {(bulk.YOUNG_COLLECTION_EVERY, True)}
    assert (gc.get_threshold(), gc.get_freeze_count()) == (before, 0)


def test_a_heap_frozen_before_the_import_stays_frozen():
    import gc

    from stakeholders import bulk

    gc.freeze()
    try:
        with bulk.fewer_collections():
            pass
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_an_import_writes_every_contact_value_a_row_can_give_and_the_database_fills_the_rest(monkeypatch):
    from stakeholders.imports.rows import Columns, Vocabulary, check_row
    from stakeholders.services.import_writes import NEW_CONTACT

    header = ["Organization", "Contact", "Email", "Title", "Phone", "Language", "Consent", "Consent date"]
    row = ["Acme", "Ann Lee", "ann@acme.com", "Director", "+1 613 555 0100", "French", "yes", "2024-05-01"]
    from stakeholders.imports.columns import suggest_mapping

    mapping = suggest_mapping(header, [row])
    checked = check_row(2, row, Columns(mapping, header), Vocabulary())
    assert checked.is_valid, checked.errors
    assert set(checked.values["contact"]) <= set(NEW_CONTACT)

    batch = import_in_chunks(monkeypatch, 5_000, ",".join(header) + "\n" + ",".join(row) + "\n", by=None)
    contact = Contact.objects.get()
    assert (contact.preferred_language, contact.consent_given, str(contact.consent_date)) == ("fr", True, "2024-05-01")
    assert (contact.consent_source, contact.consent_purpose, contact.country, contact.version) == (
        "list.csv",
        "",
        "",
        1,
    )
    assert abs(contact.updated_at - contact.created_at).total_seconds() < 1 and contact.imported_in == batch
    organization = Organization.objects.get()
    assert (organization.description, organization.equity_women, organization.version) == ("", False, 1)


def test_rows_may_leave_out_only_the_columns_the_database_fills():
    from django.utils import timezone

    from stakeholders import bulk
    from stakeholders.services.import_writes import NEW_ORGANIZATION

    assert bulk.RowShape(Organization, now=timezone.now(), columns=NEW_ORGANIZATION).columns == NEW_ORGANIZATION
    without_website = [name for name in NEW_ORGANIZATION if name != "website"]
    with pytest.raises(ValueError, match="Organization: no database default for website$"):
        bulk.RowShape(Organization, now=timezone.now(), columns=without_website)


def test_rows_are_laid_out_for_copy_as_they_are():
    from datetime import date

    from stakeholders.bulk import copy_text

    assert copy_text([["Acme", None, True, date(2024, 5, 1), 7], ["", "x", False, None, 8]], 5) == (
        "Acme\t\\N\tTrue\t2024-05-01\t7\n\tx\tFalse\t\\N\t8\n"
    )


@pytest.mark.parametrize(
    "value, escaped",
    [
        ("tab\there", "tab\\there"),
        ("line\nbreak", "line\\nbreak"),
        ("back\\slash", "back\\\\slash"),
        ("carriage\rreturn", "carriage\\rreturn"),
        ("\\N", "\\\\N"),  # the text of NULL, as a name
    ],
)
def test_a_value_copy_would_misread_is_escaped(value, escaped):
    from stakeholders.bulk import copy_text

    assert copy_text([["Acme", None], [value, "x"]], 2) == f"Acme\t\\N\n{escaped}\tx\n"


@postgresql_only
def test_names_with_tabs_line_breaks_and_backslashes_are_imported_as_written(monkeypatch):
    names = ["Tab\tand Co", "Line\nBreak Ltd", "Back\\slash Inc", "Return\rCorp", "\\N"]
    text = "Organization,Email,Contact\n" + "".join(
        f'"{name}",p{index}@example.org,"{name} Person"\n' for index, name in enumerate(names)
    )
    batch = import_in_chunks(monkeypatch, 1, text, by=None)  # a chunk each: each checked on its own
    assert batch.created_count == len(names)
    assert sorted(Organization.objects.values_list("name", flat=True)) == sorted(names)
    assert sorted(Contact.objects.values_list("full_name", flat=True)) == sorted(f"{name} Person" for name in names)
