"""Each indicator's function on known data: a handful of records, the figures they must give."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from partnerships.choices import ResourceKind, StageCode
from partnerships.models import Resource
from partnerships.services.pipeline import partnership_approve, partnership_move
from reports.indicators import REGISTRY, Context
from stakeholders.choices import Category, Country
from strategy.models import Objective, Pillar
from tests.factories.partnerships import PartnershipFactory, complete_assessment
from tests.factories.stakeholders import OrganizationFactory, log_interaction
from tests.factories.strategy import InitiativeFactory, UnitFactory

pytestmark = pytest.mark.django_db


def compute(code, as_of=None):
    return REGISTRY[code].compute(Context(as_of=as_of or timezone.localdate()))


def test_private_sector_mapped_counts_by_country_pillar_and_sector():
    pillar = Pillar.objects.first()
    mexican = OrganizationFactory(hq_country=Country.MEXICO, operates_in_canada=True)
    mexican.pillars.add(pillar)
    OrganizationFactory(hq_country=Country.CANADA, category=Category.SME)
    OrganizationFactory(hq_country=Country.CANADA, category=Category.NGO)  # not private sector
    values = compute("private-sector-mapped")
    assert values[("all", "")] == 2
    assert values[("country", "CA")] == 2  # headquartered there, or operating there
    assert values[("country", "MX")] == 1
    assert ("country", "US") not in values or values[("country", "US")] == 0
    assert values[("pillar", str(pillar.pk))] == 1


def test_equity_share_is_a_percentage_and_no_data_without_organizations():
    assert compute("equity-focus-share")[("all", "")] is None
    OrganizationFactory(equity_led_by=True, equity_women=True)
    OrganizationFactory(equity_led_by=True)  # a relation with no population named: no focus
    OrganizationFactory()
    OrganizationFactory()
    assert compute("equity-focus-share")[("all", "")] == Decimal("25.00")


def test_advice_counts_interactions_of_its_type_this_year():
    unit = UnitFactory()
    organization = OrganizationFactory(hq_country=Country.UNITED_STATES)
    today = timezone.localdate()
    log_interaction(organization, kind="advice-to-unit", unit=unit)
    log_interaction(organization, kind="advice-to-unit")
    log_interaction(organization, kind="meeting", unit=unit)
    log_interaction(organization, kind="advice-to-unit", occurred_on=date(today.year - 1, 6, 1))
    advice = compute("advice-to-units")
    assert advice[("all", "")] == 2
    assert advice[("unit", str(unit.pk))] == 1
    assert advice[("country", "US")] == 2


def test_organizations_reached_and_moved_from_passive_to_active():
    first, second = OrganizationFactory(), OrganizationFactory()
    today = timezone.localdate()
    log_interaction(first, kind="information-shared", occurred_on=today - timedelta(days=3) if today.day > 3 else today)
    log_interaction(first, kind="meeting")
    log_interaction([first, second], kind="information-shared")
    assert compute("organizations-reached")[("all", "")] == 2
    assert compute("passive-to-active")[("all", "")] == 1
    assert compute("ladder-active")[("all", "")] == 1
    assert compute("ladder-passive")[("all", "")] == 1
    assert compute("ladder-collaborative")[("all", "")] == 0


def test_initiative_share_answered():
    from strategy.models import Initiative

    InitiativeFactory(private_sector_engagement="Co-funding by a recycler.")
    InitiativeFactory(private_sector_engagement="")
    answered = Initiative.objects.exclude(private_sector_engagement="").count()
    expected = (Decimal(100) * answered / Initiative.objects.count()).quantize(Decimal("0.01"))
    assert compute("initiatives-pse-answered")[("all", "")] == expected


def test_partnership_process_followed_and_resources(make_user):
    from accounts.choices import Role

    lead = make_user(Role.UNIT_LEAD)
    unit = UnitFactory()
    followed = PartnershipFactory(unit=unit)
    complete_assessment(followed, by=lead)
    for stage in (StageCode.SCREENING, StageCode.DUE_DILIGENCE, StageCode.NEGOTIATION):
        partnership_move(partnership=followed, to_stage=stage, by=lead)
    partnership_approve(partnership=followed, by=lead)
    partnership_move(partnership=followed, to_stage=StageCode.AGREEMENT_SIGNED, by=lead)
    PartnershipFactory(unit=unit)  # identified only
    assert compute("partnerships-process-followed")[("all", "")] == Decimal("100.00")
    stages = compute("partnerships-by-stage")
    assert stages[("all", "")] == 2
    assert stages[("unit", str(unit.pk))] == 2
    assert stages[("stage", StageCode.AGREEMENT_SIGNED)] == 1
    assert compute("median-days-per-stage")[("all", "")] == 0
    Resource.objects.create(
        partnership=followed, kind=ResourceKind.FINANCIAL, currency="CAD", year=timezone.localdate().year,
        pledged=Decimal("1000"), received=Decimal("250"),
    )  # fmt: skip
    Resource.objects.create(partnership=followed, kind=ResourceKind.EXPERTISE, description="GIS analysts", year=2026)
    assert compute("financial-pledged")[("all", "")] == Decimal("1000.00")
    assert compute("financial-received")[("unit", str(unit.pk))] == Decimal("250.00")
    assert compute("expertise-contributions")[("all", "")] == 1


def test_survey_response_rate_is_no_data_without_invitations():
    assert compute("targeted-survey-response-rate")[("all", "")] is None


def test_a_past_date_counts_only_what_existed_then():
    organization = OrganizationFactory()
    today = timezone.localdate()
    log_interaction(organization, kind="meeting")
    assert compute("ladder-active", today)[("all", "")] == 1
    assert compute("private-sector-mapped", today - timedelta(days=1))[("all", "")] == 0
    assert compute("ladder-active", today - timedelta(days=1))[("all", "")] == 0


def test_survey_response_rate_counts_sent_invitations_answered_in_full():
    from surveys.models import Invitation, Response
    from tests.factories.surveys import build_survey, reachable_contact

    survey = build_survey()
    survey.objectives.add(Objective.objects.get(code="1.1"))
    now = timezone.now()
    answered, waiting, queued = (
        Invitation.objects.create(survey=survey, contact=reachable_contact(), status=status, sent_at=sent, country=c)
        for status, sent, c in (("completed", now, "MX"), ("sent", now, "CA"), ("queued", None, "CA"))
    )
    Response.objects.create(survey=survey, invitation=answered, language="es", completed_at=now)
    values = compute("targeted-survey-response-rate")
    assert values[("all", "")] == Decimal("50.00")  # the queued one was never sent
    assert values[("country", "MX")] == Decimal("100.00")
    assert values[("country", "CA")] == Decimal("0.00")
    assert waiting.pk and queued.pk


def test_in_kind_value_and_initiatives_supported(make_user):
    from accounts.choices import Role

    lead = make_user(Role.UNIT_LEAD)
    partnership = PartnershipFactory()
    complete_assessment(partnership, by=lead)
    for stage in (StageCode.SCREENING, StageCode.DUE_DILIGENCE, StageCode.NEGOTIATION):
        partnership_move(partnership=partnership, to_stage=stage, by=lead)
    partnership_approve(partnership=partnership, by=lead)
    partnership_move(partnership=partnership, to_stage=StageCode.AGREEMENT_SIGNED, by=lead)
    partnership.initiatives.add(InitiativeFactory(), InitiativeFactory())
    PartnershipFactory().initiatives.add(InitiativeFactory())  # identified only: supports nothing yet
    Resource.objects.create(
        partnership=partnership, kind=ResourceKind.IN_KIND, currency="CAD", year=timezone.localdate().year,
        pledged=Decimal("500"),
    )  # fmt: skip
    assert compute("in-kind-pledged")[("all", "")] == Decimal("500.00")
    assert compute("initiatives-supported")[("all", "")] == 2
