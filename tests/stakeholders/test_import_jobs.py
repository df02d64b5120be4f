"""Import and undo jobs that die, or cannot be sent: nothing is lost or left waiting forever, and the
page says what happened and what to do."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from accounts.choices import Role
from stakeholders.models import ImportBatch, Organization
from stakeholders.services.imports import (
    IMPORT_STOPPED,
    import_run,
    import_undo_run,
    import_upload,
    imports_release_stale,
    imports_resume,
)
from strategy.jobs import Lease, leased_ids
from tests.outage import broker_at

pytestmark = pytest.mark.django_db

FILE = b"Organization,Country\nAcme,Canada\nBrand New,Mexico\n"
UNAVAILABLE = "Background jobs are unavailable right now, so nothing was started. Try again in a few minutes."


def reference_data():
    """Transactional tests start from an empty database."""
    from django.apps import apps

    from accounts.roles import create_roles
    from stakeholders.reference_data import load_reference_data
    from stakeholders.roles import grant_register_permissions

    load_reference_data(apps)
    create_roles(apps)
    grant_register_permissions(apps)


def uploaded(**fields):
    batch = import_upload(data=FILE, file_name="list.csv", by=None)
    ImportBatch.objects.filter(pk=batch.pk).update(**fields)
    batch.refresh_from_db()
    return batch


def left_running(minutes_ago=5, attempts=1):
    """A batch whose job died: marked running, silent since ``minutes_ago``, nobody holding its lease."""
    return uploaded(status="running", heartbeat_at=timezone.now() - timedelta(minutes=minutes_ago), attempts=attempts)


# Redis is down: the job cannot be sent. ----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)  # committed as in production: the job is sent at once
def test_when_the_broker_is_down_the_import_waits_for_review_again_and_the_page_says_so(client_for, private_redis):
    reference_data()
    client = client_for(Role.ADMINISTRATOR, preferred_language="fr")
    batch = uploaded()
    review = reverse("stakeholders:import_review", args=[batch.pk])
    private_redis.stop()
    with broker_at(private_redis.url):
        response = client.post(review, {"on_error": "abort", "update_mode": "fill"})
    assert response.status_code == 200
    with override("fr"):
        assert gettext(UNAVAILABLE) in response.content.decode()
    batch.refresh_from_db()
    assert batch.status == "previewed"  # nothing waits for a job that was never sent

    private_redis.start()  # Redis is back: the same button works
    with broker_at(private_redis.url):
        response = client.post(review, {"on_error": "abort", "update_mode": "fill"})
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == "queued"


@pytest.mark.django_db(transaction=True)
def test_when_the_broker_is_down_an_undo_leaves_the_import_as_it_was(client_for, private_redis):
    from tests.stakeholders.test_import_undo import imported

    reference_data()
    client = client_for(Role.ADMINISTRATOR)
    batch = imported()
    private_redis.stop()
    with broker_at(private_redis.url):
        response = client.post(reverse("stakeholders:import_undo", args=[batch.pk]), follow=True)
    assert UNAVAILABLE in response.content.decode()
    batch.refresh_from_db()
    assert batch.status == "done" and Organization.objects.count() == 2


# A job that died with its worker. ---------------------------------------------------------------------


def test_a_redelivered_import_job_takes_over_the_batch_its_dead_predecessor_left_running():
    batch = left_running(minutes_ago=0)  # just now: the worker was killed, the task came back at once
    done = import_run(batch_id=batch.pk)
    assert (done.status, done.created_count, done.attempts) == ("done", 2, 2)
    assert Organization.objects.count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's")
def test_a_job_leaves_alone_a_batch_whose_live_job_holds_the_lease():
    batch = left_running(minutes_ago=10)
    with Lease(ImportBatch, batch.pk):
        assert leased_ids(ImportBatch, [batch.pk]) == {batch.pk}
        assert import_run(batch_id=batch.pk).status == "running"  # a duplicate: it waits, then leaves
        assert imports_release_stale() == 0  # alive, however old its heartbeat looks
    deadline = time.monotonic() + 5  # the server ends the closed connection's session a moment later
    while leased_ids(ImportBatch, [batch.pk]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leased_ids(ImportBatch, [batch.pk]) == set()
    assert Organization.objects.count() == 0


def test_the_page_gives_up_a_dead_import_then_it_can_be_started_again(
    client_for, inline_tasks, django_capture_on_commit_callbacks
):
    client = client_for(Role.ADMINISTRATOR, preferred_language="es")
    batch = left_running(minutes_ago=5)
    with override("es"):
        page = client.get(batch.get_absolute_url()).content.decode()
        assert gettext(IMPORT_STOPPED) in page and gettext("Start the import again") in page
    batch.refresh_from_db()
    assert (batch.status, batch.error) == ("failed", IMPORT_STOPPED)
    assert Organization.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("stakeholders:import_start_again", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert (batch.status, batch.created_count, batch.error) == ("done", 2, "")
    assert Organization.objects.count() == 2


def test_a_recently_silent_job_is_not_given_up_yet():
    """A worker starting again within ``STALE_AFTER`` takes the batch up where it was."""
    batch = left_running(minutes_ago=0)
    assert imports_release_stale() == 0
    batch.refresh_from_db()
    assert batch.status == "running"


def test_a_dead_undo_goes_back_to_imported_and_can_be_undone_again(client_for):
    from tests.stakeholders.test_import_undo import imported

    batch = imported()
    ImportBatch.objects.filter(pk=batch.pk).update(
        status="undoing", heartbeat_at=timezone.now() - timedelta(minutes=5), attempts=1
    )
    page = client_for(Role.ADMINISTRATOR).get(batch.get_absolute_url()).content.decode()
    assert "The undo stopped before it finished: nothing was undone." in page and "Undo this import" in page
    batch.refresh_from_db()
    assert batch.status == "done" and Organization.objects.count() == 2


def test_a_worker_starting_queues_again_what_a_dead_worker_left(django_capture_on_commit_callbacks, inline_tasks):
    running = left_running()
    queued = uploaded(status="queued")  # its message went with Redis
    worn_out = left_running(attempts=3)
    with django_capture_on_commit_callbacks(execute=True):
        assert imports_resume() == 2
    running.refresh_from_db()
    queued.refresh_from_db()
    worn_out.refresh_from_db()
    assert (running.status, queued.status) == ("done", "done")
    # Not started a fourth time (it may be what kills the worker): given up, with the reason.
    assert (worn_out.status, worn_out.error) == ("failed", IMPORT_STOPPED)


def test_an_undo_job_redelivered_after_its_worker_died_finishes_the_undo():
    from tests.stakeholders.test_import_undo import imported

    batch = imported()
    ImportBatch.objects.filter(pk=batch.pk).update(status="undoing", heartbeat_at=timezone.now(), attempts=1)
    assert import_undo_run(batch_id=batch.pk).status == "undone"
    assert Organization.objects.count() == 0


# Removing what wrote nothing. -------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["previewed", "failed", "rejected"])
def test_an_import_that_wrote_nothing_can_be_removed(client_for, status):
    batch = uploaded(status=status)
    response = client_for(Role.ADMINISTRATOR).post(reverse("stakeholders:import_remove", args=[batch.pk]))
    assert response["Location"] == reverse("stakeholders:import_list")
    assert not ImportBatch.objects.exists()


def test_a_completed_import_cannot_be_removed_only_undone(client_for):
    from tests.stakeholders.test_import_undo import imported

    batch = imported()
    response = client_for(Role.ADMINISTRATOR).post(reverse("stakeholders:import_remove", args=[batch.pk]), follow=True)
    assert "Only an import that wrote nothing can be removed; undo it instead." in response.content.decode()
    assert ImportBatch.objects.filter(pk=batch.pk).exists()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.STAFF, Role.UNIT_LEAD])
@pytest.mark.parametrize("action", ["import_remove", "import_start_again"])
def test_only_administrators_remove_or_restart_imports(client_for, role, action):
    batch = uploaded(status="failed")
    response = client_for(role).post(reverse(f"stakeholders:{action}", args=[batch.pk]))
    assert response.status_code == 403
    batch.refresh_from_db()
    assert batch.status == "failed"
