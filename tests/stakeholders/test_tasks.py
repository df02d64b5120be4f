from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.choices import Role
from stakeholders.models import FollowUp
from stakeholders.tasks import refresh_engagement_levels, send_followup_digests
from tests.factories.stakeholders import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_each_owner_gets_one_digest_a_day_in_their_language(make_user, mailoutbox):
    today = timezone.localdate()
    organization = OrganizationFactory(name="Grupo Bimbo")
    french = make_user(Role.STAFF, preferred_language="fr", email="camille@cec.example")
    english = make_user(Role.STAFF, email="sam@cec.example")
    idle = make_user(Role.STAFF, email="idle@cec.example")
    FollowUp.objects.create(
        organization=organization, description="Envoyer le rapport", owner=french, due_on=today - timedelta(days=1)
    )
    FollowUp.objects.create(organization=organization, description="Call back", owner=english, due_on=today)
    FollowUp.objects.create(
        organization=organization, description="Far away", owner=idle, due_on=today + timedelta(days=60)
    )
    FollowUp.objects.create(
        organization=organization, description="Done", owner=idle, due_on=today, done_at=timezone.now()
    )

    assert send_followup_digests.apply(kwargs={"base_url": "https://engage.cec.org"}).get() == 2
    by_person = {message.to[0]: message for message in mailoutbox}
    assert set(by_person) == {"camille@cec.example", "sam@cec.example"}
    french_mail = by_person["camille@cec.example"]
    assert "Envoyer le rapport" in french_mail.body and "Grupo Bimbo" in french_mail.body
    assert "https://engage.cec.org/organizations/" in french_mail.body
    assert "CEC Engage" in french_mail.subject and "suivi" in french_mail.subject.lower()

    assert send_followup_digests.apply().get() == 0  # the same day again: nothing more
    assert len(mailoutbox) == 2


def test_the_nightly_refresh_task_runs_the_ladder_service():
    assert refresh_engagement_levels.apply().get() == 0
