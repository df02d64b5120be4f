"""The engagement ladder: derived from interactions in the rolling window and from commitments."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stakeholders.choices import ChangeReason, Level
from stakeholders.models import LadderSettings, LevelChange
from stakeholders.services.engagement import commitment_close, commitment_open, engagement_refresh_all
from strategy.models import Initiative
from tests.factories.stakeholders import OrganizationFactory, log_interaction

pytestmark = pytest.mark.django_db


def test_an_organization_with_no_interaction_is_not_on_the_ladder():
    assert OrganizationFactory().engagement_level is None


def test_receiving_information_makes_it_passive_and_a_meeting_active():
    organization = OrganizationFactory()
    log_interaction(organization, kind="information-shared")
    organization.refresh_from_db()
    assert organization.engagement_level == Level.PASSIVE
    meeting = log_interaction(organization, kind="meeting")
    organization.refresh_from_db()
    assert organization.engagement_level == Level.ACTIVE
    change = organization.level_changes.first()
    assert (change.from_level, change.to_level, change.reason) == (Level.PASSIVE, Level.ACTIVE, "interaction")
    assert change.interaction == meeting
    assert change.changed_on == meeting.occurred_on


def test_a_lower_rung_does_not_pull_the_level_down():
    organization = OrganizationFactory()
    log_interaction(organization, kind="meeting")
    log_interaction(organization, kind="information-shared")
    organization.refresh_from_db()
    assert organization.engagement_level == Level.ACTIVE
    assert organization.level_changes.count() == 1


def test_the_level_falls_when_interactions_leave_the_rolling_window():
    LadderSettings.objects.filter(pk=1).update(window_days=30)
    organization = OrganizationFactory()
    today = timezone.localdate()
    log_interaction(organization, kind="meeting", occurred_on=today - timedelta(days=10))
    log_interaction(organization, kind="information-shared", occurred_on=today - timedelta(days=2))
    assert engagement_refresh_all(today=today + timedelta(days=25)) == 1
    organization.refresh_from_db()
    assert organization.engagement_level == Level.PASSIVE
    assert organization.level_changes.first().reason == ChangeReason.WINDOW
    engagement_refresh_all(today=today + timedelta(days=40))
    organization.refresh_from_db()
    assert organization.engagement_level is None
    # Running the nightly job again changes nothing.
    assert engagement_refresh_all(today=today + timedelta(days=40)) == 0


def test_an_interaction_older_than_the_window_does_not_count():
    LadderSettings.objects.filter(pk=1).update(window_days=30)
    organization = OrganizationFactory()
    log_interaction(organization, kind="meeting", occurred_on=timezone.localdate() - timedelta(days=45))
    organization.refresh_from_db()
    assert organization.engagement_level is None


def test_a_commitment_holds_the_organization_collaborative_until_it_ends():
    organization = OrganizationFactory()
    log_interaction(organization, kind="meeting")
    source = Initiative.objects.get(code="prtr")  # any record can be a commitment's source
    commitment = commitment_open(
        organization=organization,
        level=Level.COLLABORATIVE,
        source=source,
        label="Partnership: PRTR data",
        started_on=timezone.localdate(),
    )
    organization.refresh_from_db()
    assert organization.engagement_level == Level.COLLABORATIVE
    assert organization.level_changes.first().commitment == commitment
    commitment_close(organization=organization, source=source, ended_on=timezone.localdate())
    organization.refresh_from_db()
    assert organization.engagement_level == Level.ACTIVE
    assert organization.level_changes.first().reason == ChangeReason.COMMITMENT_ENDED
    assert LevelChange.objects.filter(organization=organization).count() == 3
