"""Undoing an import is a background job: queued from the page, run by a worker, shown as it goes."""

import pytest
from django.urls import reverse

from accounts.choices import Role
from stakeholders.imports.columns import suggest_mapping
from stakeholders.imports.reading import read_table
from stakeholders.models import Contact, ImportBatch, Organization, OrganizationSector
from stakeholders.services.imports import import_commit, import_plan, import_undo_run, import_undo_start
from tests.factories.stakeholders import ContactFactory, OrganizationFactory, log_interaction

pytestmark = pytest.mark.django_db

FILE = "Organization,Email,Contact,NAICS\nAcme,ann@acme.com,Ann,562\nBrand New,neo@brand.org,Neo,\n"


def imported(text=FILE):
    table = read_table(text.encode(), "list.csv")
    return import_commit(import_plan(table, suggest_mapping(table.header, table.rows)), file_name="list.csv", by=None)


def test_the_undo_is_queued_then_the_job_removes_what_the_import_created(
    make_user, django_capture_on_commit_callbacks, inline_tasks
):
    person = make_user(Role.ADMINISTRATOR)
    batch = imported()
    with django_capture_on_commit_callbacks() as callbacks:
        import_undo_start(batch=batch, by=person)
    batch.refresh_from_db()
    assert batch.status == "undo_queued" and batch.is_working and batch.is_undoing
    assert Organization.objects.count() == 2  # nothing removed before the job runs

    for callback in callbacks:  # the transaction commits: the job runs (inline here)
        callback()
    batch.refresh_from_db()
    assert (batch.status, batch.undone_by, batch.error) == ("undone", person, "")
    assert not Organization.objects.exists() and not Contact.objects.exists()
    assert not OrganizationSector.objects.exists()
    # Each deleted record keeps a history row saying which undo removed it, and who asked for it.
    deleted = Organization.history.filter(history_type="-")
    assert deleted.count() == 2
    assert {row.history_change_reason for row in deleted} == {f"Undo of import #{batch.pk}"}
    assert {row.history_user for row in deleted} == {person}
    assert Contact.history.filter(history_type="-").count() == 2


def test_the_undo_job_is_safe_to_run_twice(django_capture_on_commit_callbacks):
    batch = imported()
    with django_capture_on_commit_callbacks():
        import_undo_start(batch=batch, by=None)
    import_undo_run(batch_id=batch.pk)
    again = import_undo_run(batch_id=batch.pk)
    assert again.status == "undone"
    assert Organization.history.filter(history_type="-").count() == 2  # not written twice


def test_an_interaction_logged_while_the_undo_waited_keeps_its_organization(django_capture_on_commit_callbacks):
    batch = imported()
    with django_capture_on_commit_callbacks():
        import_undo_start(batch=batch, by=None)
    acme = Organization.objects.get(name="Acme")
    log_interaction(acme)  # logged while the undo waited in the queue
    import_undo_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert (batch.status, batch.error) == ("undone", "")
    assert batch.undo_kept == {"organization": [acme.pk]} and batch.kept_count == 1
    # Acme and its interaction stay; its imported contact, and everything of Brand New, go.
    assert list(Organization.objects.values_list("name", flat=True)) == ["Acme"]
    assert acme.interactions.count() == 1
    assert not Contact.objects.exists()


def test_an_event_participation_since_the_import_keeps_its_contact_and_organization(
    django_capture_on_commit_callbacks,
):
    from roundtables.models import Participant
    from tests.factories.roundtables import held_event

    batch = imported()
    ann = Contact.objects.get(full_name="Ann")
    Participant.objects.create(
        event=held_event(), contact=ann, organization=ann.organization, category="corporation", country="MX"
    )
    with django_capture_on_commit_callbacks():
        import_undo_start(batch=batch, by=None)
    import_undo_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert (batch.status, batch.error) == ("undone", "")
    assert batch.undo_kept == {"organization": [ann.organization_id], "contact": [ann.pk]}
    assert Participant.objects.filter(contact=ann).count() == 1
    assert list(Organization.objects.values_list("name", flat=True)) == ["Acme"]


def test_the_page_follows_the_undo_until_it_is_done(client_for, django_capture_on_commit_callbacks, inline_tasks):
    client = client_for(Role.ADMINISTRATOR)
    OrganizationFactory(name="Someone Else")
    batch = imported()
    with django_capture_on_commit_callbacks():  # queued; no worker has taken it yet
        response = client.post(reverse("stakeholders:import_undo", args=[batch.pk]))
    assert response["Location"] == batch.get_absolute_url()
    fragment = client.get(batch.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in fragment and "Undo queued" in fragment
    assert "Undo this import" not in fragment

    ImportBatch.objects.filter(pk=batch.pk).update(status="undoing")
    fragment = client.get(batch.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert "Undoing" in fragment and "You can leave this page" in fragment

    ImportBatch.objects.filter(pk=batch.pk).update(status="undo_queued")
    import_undo_run(batch_id=batch.pk)
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "The import is undone" in page and 'hx-trigger="every 1s"' not in page
    assert list(Organization.objects.values_list("name", flat=True)) == ["Someone Else"]


def test_the_undo_takes_back_the_codes_added_to_an_existing_organization_and_keeps_its_own():
    from stakeholders.services.imports import import_undo
    from stakeholders.services.naics import naics_classify
    from stakeholders.services.organizations import _set_sectors

    existing = OrganizationFactory(name="Acme")
    _set_sectors(existing, [naics_classify("311")])
    batch = imported("Organization,NAICS\nAcme,562\nBrand New,325\n")
    assert set(OrganizationSector.objects.values_list("organization__name", "code")) == {
        ("Acme", "311"),
        ("Acme", "562"),
        ("Brand New", "325"),
    }
    # The new organization's codes go with it; only the one added to Acme is logged on its own.
    assert list(batch.changes.filter(model="sector").values_list("object_id", flat=True)) == list(
        OrganizationSector.objects.filter(code="562").values_list("pk", flat=True)
    )

    import_undo(batch=batch, by=None)
    assert list(OrganizationSector.objects.values_list("organization__name", "code")) == [("Acme", "311")]
    assert list(Organization.objects.values_list("name", flat=True)) == ["Acme"]


# Undo never loses later work. -----------------------------------------------------------------------

UPDATE = (
    "Organization,Acronym,Email,Contact,Title\n"
    "Acme,NEW,ann@acme.com,Ann,Director\n"
    "Beta,BNEW,bo@beta.com,Bo,Chair\n"
)


def imported_over_existing():
    from stakeholders.imports.columns import suggest_mapping
    from stakeholders.services.imports import import_plan

    acme = OrganizationFactory(name="Acme", acronym="OLD")
    beta = OrganizationFactory(name="Beta", acronym="BOLD")
    table = read_table(UPDATE.encode(), "list.csv")
    plan = import_plan(table, suggest_mapping(table.header, table.rows), update_mode="overwrite")
    batch = import_commit(plan, file_name="list.csv", by=None)
    acme.refresh_from_db()
    beta.refresh_from_db()
    assert (acme.acronym, beta.acronym) == ("NEW", "BNEW")
    return batch, acme, beta


def test_a_correction_saved_after_the_import_survives_its_undo_and_is_reported():
    from stakeholders.services.imports import import_undo
    from stakeholders.services.organizations import organization_save

    batch, acme, beta = imported_over_existing()
    acme.acronym = "FIXED"  # a staff member's correction, through the form's service
    organization_save(organization=acme, expected_version=acme.version)
    corrected = Organization.objects.get(pk=acme.pk).version

    import_undo(batch=batch, by=None)

    acme.refresh_from_db()
    beta.refresh_from_db()
    assert acme.acronym == "FIXED" and acme.version == corrected  # left as the person saved it
    assert beta.acronym == "BOLD"  # nobody touched it: restored
    batch.refresh_from_db()
    assert batch.undo_kept == {"organization": [acme.pk]}


def test_an_undo_never_lowers_a_version():
    from stakeholders.services.imports import import_undo

    batch, acme, beta = imported_over_existing()
    versions = dict(Organization.objects.values_list("pk", "version"))
    import_undo(batch=batch, by=None)
    after = dict(Organization.objects.values_list("pk", "version"))
    assert all(after[pk] > versions[pk] for pk in versions)


def test_a_save_that_leaves_the_version_alone_still_counts_as_a_change():
    """The admin site saves without the version check; the history row it writes tells."""
    from stakeholders.services.imports import import_undo

    batch, acme, beta = imported_over_existing()
    Organization.objects.get(pk=beta.pk).save()  # a plain save: history row, same version
    import_undo(batch=batch, by=None)
    batch.refresh_from_db()
    assert batch.undo_kept == {"organization": [beta.pk]}
    assert Organization.objects.get(pk=acme.pk).acronym == "OLD"


def test_new_records_someone_worked_on_stay_and_the_others_go(client_for):
    from stakeholders.services.contacts import contact_save
    from stakeholders.services.imports import import_undo

    batch = imported("Organization,Email,Contact\nKept Co,kim@kept.co,Kim\nEdited Co,,\nGone Co,gus@gone.co,Gus\n")
    kept_co, edited_co = Organization.objects.get(name="Kept Co"), Organization.objects.get(name="Edited Co")
    # Someone adds a contact to one new organization, and fixes the other's name.
    added = ContactFactory(organization=kept_co, full_name="Added Later")
    edited_co.name = "Edited Co (fixed)"
    edited_co.save()
    kim = Contact.objects.get(full_name="Kim")
    kim.job_title = "Chair"
    contact_save(contact=kim, expected_version=kim.version)

    import_undo(batch=batch, by=None)

    assert set(Organization.objects.values_list("name", flat=True)) == {"Kept Co", "Edited Co (fixed)"}
    assert set(Contact.objects.values_list("full_name", flat=True)) == {"Added Later", "Kim"}
    batch.refresh_from_db()
    assert batch.undo_kept == {"organization": sorted([kept_co.pk, edited_co.pk]), "contact": [kim.pk]}
    assert added.pk in Contact.objects.values_list("pk", flat=True)

    page = client_for(Role.ADMINISTRATOR).get(batch.get_absolute_url()).content.decode()
    assert "3 records were changed by someone after the import" in page
    assert "Edited Co (fixed)" in page and kept_co.get_absolute_url() in page
