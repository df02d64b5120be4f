"""The pipeline's rules: stages, gates, approvals, stage history and the engagement ladder."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from accounts.choices import Role
from partnerships.choices import Recommendation, StageCode
from partnerships.models import Partnership, StageMove
from partnerships.services.assessments import assessment_save
from partnerships.services.pipeline import (
    ConcurrentEdit,
    GateRefused,
    partnership_approve,
    partnership_move,
    partnership_save,
)
from stakeholders.choices import ChangeReason, Level
from stakeholders.models import Commitment, LevelChange
from tests.factories.partnerships import PartnershipFactory, complete_assessment
from tests.factories.stakeholders import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(make_user):
    return make_user(Role.STAFF)


@pytest.fixture
def lead(make_user):
    return make_user(Role.UNIT_LEAD)


def move(partnership, stage, by, note=""):
    return partnership_move(partnership=partnership, to_stage=stage, by=by, note=note)


def test_a_new_partnership_starts_identified_with_its_first_move(staff):
    partnership = PartnershipFactory(by=staff)
    assert partnership.stage_id == StageCode.IDENTIFIED
    first = partnership.moves.get()
    assert (first.from_stage_id, first.to_stage_id, first.moved_by) == (None, StageCode.IDENTIFIED, staff)


def test_the_lead_organization_is_not_repeated_among_the_other_partners(staff):
    lead_org, other = OrganizationFactory(), OrganizationFactory()
    partnership = PartnershipFactory(lead_organization=lead_org, partners=[lead_org, other], by=staff)
    assert list(partnership.partners.all()) == [other]
    assert partnership.organizations() == [lead_org, other]


def test_an_end_before_the_start_is_refused(staff):
    from datetime import date

    with pytest.raises(ValidationError) as error:
        PartnershipFactory(expected_start=date(2027, 3, 1), expected_end=date(2027, 1, 1), by=staff)
    assert "expected_end" in error.value.message_dict
    assert not Partnership.objects.exists()


def test_cannot_leave_screening_without_a_completed_assessment(staff):
    partnership = PartnershipFactory(by=staff)
    move(partnership, StageCode.SCREENING, staff)
    with pytest.raises(GateRefused, match="cannot leave screening"):
        move(partnership, StageCode.DUE_DILIGENCE, staff)
    # Skipping screening altogether is the same gate.
    other = PartnershipFactory(by=staff)
    with pytest.raises(GateRefused):
        move(other, StageCode.NEGOTIATION, staff)
    partnership.refresh_from_db()
    assert partnership.stage_id == StageCode.SCREENING
    assert partnership.moves.count() == 2


def test_an_incomplete_assessment_marked_complete_names_what_is_missing_and_saves_nothing(staff):
    partnership = PartnershipFactory(by=staff)
    with pytest.raises(ValidationError) as error:
        assessment_save(
            partnership=partnership,
            by=staff,
            fields={"recommendation": Recommendation.PROCEED},
            scores={},
            complete=True,
        )
    missing = error.value.message_dict
    assert "conflict_of_interest" in missing and "reputational_risk" in missing
    assert sum(key.startswith("score_") for key in missing) == 4
    assert not hasattr(Partnership.objects.get(pk=partnership.pk), "assessment")


def test_a_completed_assessment_opens_the_gate_unless_it_advises_against(staff):
    partnership = PartnershipFactory(by=staff)
    move(partnership, StageCode.SCREENING, staff)
    complete_assessment(partnership, by=staff, recommendation=Recommendation.DO_NOT_PROCEED)
    with pytest.raises(GateRefused, match="recommends not proceeding"):
        move(partnership, StageCode.DUE_DILIGENCE, staff)
    complete_assessment(partnership, by=staff)
    move(partnership, StageCode.DUE_DILIGENCE, staff, note="Screened.")
    partnership.refresh_from_db()
    assert partnership.stage_id == StageCode.DUE_DILIGENCE


def test_staff_move_up_to_negotiation_but_only_a_unit_lead_signs(staff, lead):
    partnership = PartnershipFactory(by=staff)
    complete_assessment(partnership, by=staff)
    move(partnership, StageCode.NEGOTIATION, staff)
    with pytest.raises(PermissionDenied):
        move(partnership, StageCode.AGREEMENT_SIGNED, staff)
    with pytest.raises(GateRefused, match="approval"):
        move(partnership, StageCode.AGREEMENT_SIGNED, lead)
    with pytest.raises(PermissionDenied):
        partnership_approve(partnership=partnership, by=staff)
    approved = partnership_approve(partnership=partnership, by=lead, note="Fits the YIC budget.")
    assert approved.approved_by == lead and approved.approved_at is not None
    move(partnership, StageCode.AGREEMENT_SIGNED, lead)
    partnership.refresh_from_db()
    assert partnership.stage_id == StageCode.AGREEMENT_SIGNED


def test_approval_needs_a_completed_assessment(lead):
    partnership = PartnershipFactory(by=lead)
    with pytest.raises(GateRefused, match="assessment"):
        partnership_approve(partnership=partnership, by=lead)
    assert not Partnership.objects.get(pk=partnership.pk).is_approved


def signed(partnership, lead):
    complete_assessment(partnership, by=lead)
    partnership_approve(partnership=partnership, by=lead)
    partnership.refresh_from_db()
    move(partnership, StageCode.AGREEMENT_SIGNED, lead)


def test_signing_makes_every_partner_collaborative_with_the_partnership_as_cause(lead):
    lead_org, other = OrganizationFactory(), OrganizationFactory()
    partnership = PartnershipFactory(lead_organization=lead_org, partners=[other], by=lead)
    signed(partnership, lead)
    for organization in (lead_org, other):
        organization.refresh_from_db()
        assert organization.engagement_level == Level.COLLABORATIVE
        change = LevelChange.objects.filter(organization=organization).first()
        assert change.reason == ChangeReason.COMMITMENT
        assert change.commitment.source == partnership
        assert change.commitment.label == partnership.title
    move(partnership, StageCode.ACTIVE, lead)
    lead_org.refresh_from_db()
    assert lead_org.engagement_level == Level.COLLABORATIVE


def test_completing_the_partnership_ends_the_commitment(lead):
    partnership = PartnershipFactory(by=lead)
    signed(partnership, lead)
    move(partnership, StageCode.ACTIVE, lead)
    move(partnership, StageCode.COMPLETED, lead)
    organization = partnership.lead_organization
    organization.refresh_from_db()
    assert organization.engagement_level is None
    assert Commitment.objects.get(organization=organization).ended_on is not None


def test_a_partner_added_while_signed_becomes_collaborative_and_one_removed_falls_back(lead):
    first, second = OrganizationFactory(), OrganizationFactory()
    partnership = PartnershipFactory(partners=[first], by=lead)
    signed(partnership, lead)
    partnership_save(
        partnership=partnership, by=lead, many_to_many={"partners": [second]}, expected_version=partnership.version
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.engagement_level == Level.COLLABORATIVE
    assert first.engagement_level is None


def test_declining_needs_a_reason_and_closes_the_partnership(staff):
    partnership = PartnershipFactory(by=staff)
    with pytest.raises(ValidationError) as error:
        move(partnership, StageCode.DECLINED, staff)
    assert "note" in error.value.message_dict
    move(partnership, StageCode.DECLINED, staff, note="Outside the Strategic Plan's priorities.")
    partnership.refresh_from_db()
    assert partnership.is_closed and partnership.close_reason.startswith("Outside")
    with pytest.raises(GateRefused, match="closed"):
        move(partnership, StageCode.SCREENING, staff)


def test_a_move_from_a_stale_card_is_refused_and_the_first_move_kept(staff):
    partnership = PartnershipFactory(by=staff)
    seen_by_both = partnership.version
    first = Partnership.objects.get(pk=partnership.pk)
    second = Partnership.objects.get(pk=partnership.pk)
    partnership_move(partnership=first, to_stage=StageCode.SCREENING, by=staff, expected_version=seen_by_both)
    with pytest.raises(ConcurrentEdit, match="now at"):
        partnership_move(
            partnership=second, to_stage=StageCode.DECLINED, by=staff, note="x", expected_version=seen_by_both
        )
    partnership.refresh_from_db()
    assert partnership.stage_id == StageCode.SCREENING
    assert StageMove.objects.filter(partnership=partnership).count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_moves_of_one_card_let_one_through(make_user):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    from django.apps import apps

    from accounts.roles import create_roles
    from partnerships.roles import grant_partnership_permissions
    from partnerships.stages import load_stages

    # A transactional test starts from an emptied database: load what the migrations load.
    create_roles(apps)
    load_stages(apps)
    grant_partnership_permissions(apps)
    staff = make_user(Role.STAFF)
    partnership = PartnershipFactory(by=staff)
    version = partnership.version
    outcomes = []
    barrier = threading.Barrier(2)

    def attempt(stage, note):
        barrier.wait()
        try:
            partnership_move(
                partnership=Partnership.objects.get(pk=partnership.pk),
                to_stage=stage,
                by=staff,
                note=note,
                expected_version=version,
            )
            outcomes.append("moved")
        except ConcurrentEdit:
            outcomes.append("told")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=attempt, args=(StageCode.SCREENING, "")),
        threading.Thread(target=attempt, args=(StageCode.WITHDRAWN, "Partner withdrew.")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["moved", "told"]
    assert StageMove.objects.filter(partnership=partnership).count() == 2
