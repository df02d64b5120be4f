"""Invitations go out through a real Celery worker and Redis, and their statuses say so."""

import os
import time

import pytest
from django.core import mail

from stakeholders.models import Contact
from surveys.choices import InvitationStatus
from surveys.models import Invitation
from surveys.services.invitations import invitations_create
from tests.factories.surveys import build_survey, reachable_contact


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_invitations():
    if not os.environ.get("REDIS_URL"):
        if os.environ.get("CI") and os.environ.get("DATABASE_URL"):
            pytest.fail("CI's PostgreSQL pass must set REDIS_URL so a real worker runs")
        pytest.skip("REDIS_URL is not set: no broker to send the job through")
    from celery.contrib.testing.worker import start_worker
    from django.apps import apps

    from cec_engage.celery import app
    from stakeholders.reference_data import load_reference_data
    from strategy.frame import load_frame

    load_frame(apps)  # transactional tests start from an empty database
    load_reference_data(apps)
    survey = build_survey()
    for n in range(3):
        reachable_contact(email=f"person{n}@example.org", preferred_language="es")
    app.control.purge()  # messages left by another run are not this test's
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        invitations_create(survey=survey, contacts=Contact.objects.all(), by=None)  # no transaction: queued now
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if not Invitation.objects.filter(status=InvitationStatus.QUEUED).exists():
                break
            time.sleep(0.2)
    assert Invitation.objects.filter(status=InvitationStatus.SENT).count() == 3
    assert len(mail.outbox) == 3 and all(message.subject == "Colaborar con la CCA" for message in mail.outbox)
