"""The /imports/ pages: upload, mapping, review, run, rejected rows, undo; administrators only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.choices import Role
from stakeholders.models import ImportBatch, Organization

pytestmark = pytest.mark.django_db

CSV = "Organización,País,Correo electrónico\nCemex,México,info@cemex.com\nMala,México,no-es-correo\n"


def upload(client, text=CSV, name="lista.csv"):
    return client.post(reverse("stakeholders:import_list"), {"file": SimpleUploadedFile(name, text.encode("utf-8"))})


@pytest.mark.parametrize("role", [Role.UNIT_LEAD, Role.STAFF, Role.VIEWER])
def test_only_administrators_import(client_for, role):
    client = client_for(role)
    assert client.get(reverse("stakeholders:import_list")).status_code == 403
    assert upload(client).status_code == 403
    assert not ImportBatch.objects.exists()


def test_an_administrator_uploads_maps_reviews_imports_downloads_rejected_rows_and_undoes(
    client_for, django_capture_on_commit_callbacks, inline_tasks
):
    client = client_for(Role.ADMINISTRATOR)
    response = upload(client)
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("stakeholders:import_mapping", args=[batch.pk])
    mapping_page = client.get(response["Location"]).content.decode()
    assert 'value="name" selected' in mapping_page and 'value="contact_email" selected' in mapping_page

    # The person fixes the mapping: the third column is ignored.
    response = client.post(response["Location"], {"column_0": "name", "column_1": "hq_country", "column_2": ""})
    review = client.get(response["Location"])
    assert review.context["counts"] == {"create": 2, "update": 0, "skip": 0, "invalid": 0}
    assert not Organization.objects.exists()  # reviewing writes nothing

    client.post(
        reverse("stakeholders:import_mapping", args=[batch.pk]),
        {"column_0": "name", "column_1": "hq_country", "column_2": "contact_email"},
    )
    review = client.get(reverse("stakeholders:import_review", args=[batch.pk]))
    assert review.context["counts"]["invalid"] == 1
    assert "no-es-correo" in review.content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # the job is queued once the request commits
        response = client.post(
            reverse("stakeholders:import_review", args=[batch.pk]), {"on_error": "skip", "update_mode": "fill"}
        )
    assert response["Location"] == batch.get_absolute_url()
    batch.refresh_from_db()  # tasks run inline without a broker
    assert (batch.status, batch.created_count, batch.invalid_count) == ("done", 1, 1)
    assert batch.data is None
    assert Organization.objects.get().name == "Cemex"
    rejected = client.get(reverse("stakeholders:import_rejected", args=[batch.pk]))
    assert "Mala,México,no-es-correo," in rejected.content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # the undo is a job too, queued on commit
        client.post(reverse("stakeholders:import_undo", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == "undone"
    assert not Organization.objects.exists()


@pytest.mark.parametrize(
    ("text", "name", "message"),
    [
        ("", "empty.csv", "The submitted file is empty."),
        ("\n\n  \n", "blank.csv", "The file is empty."),
        ("Organization,Country\nAcme,CA\n", "fake.xlsx", "not a real Excel workbook"),
    ],
)
def test_a_bad_file_is_refused_next_to_the_field_and_nothing_kept(client_for, text, name, message):
    response = upload(client_for(Role.ADMINISTRATOR), text, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_file_over_the_limit_is_refused(client_for):
    response = upload(client_for(Role.ADMINISTRATOR), "Organization\n" + "x" * (21 * 1024 * 1024), "big.csv")
    assert "larger than 20 MB" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_the_progress_fragment_polls_while_the_job_runs(client_for):
    client = client_for(Role.ADMINISTRATOR)
    batch = ImportBatch.objects.create(file_name="big.csv", status="running", rows_total=1000, rows_done=250)
    fragment = client.get(batch.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in fragment and "250" in fragment and 'aria-valuenow="25"' in fragment


def test_a_mapping_can_be_saved_and_reused_for_a_file_of_the_same_shape(client_for):
    client = client_for(Role.ADMINISTRATOR)
    upload(client, "Razón social,Col B\nCemex,info@cemex.com\n", "one.csv")
    first = ImportBatch.objects.get()
    client.post(
        reverse("stakeholders:import_mapping", args=[first.pk]),
        {"column_0": "name", "column_1": "contact_email", "save_as": "Partner monthly list"},
    )
    upload(client, "Razón social,Col B\nBimbo,info@bimbo.com\n", "two.csv")
    second = ImportBatch.objects.latest("pk")
    from stakeholders.models import SavedMapping

    saved = SavedMapping.objects.get(name="Partner monthly list")
    page = client.get(reverse("stakeholders:import_mapping", args=[second.pk]) + f"?saved={saved.pk}")
    targets = [column["target"] for column in page.context["columns"]]
    assert targets == ["name", "contact_email"]
