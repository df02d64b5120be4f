"""The partnership pages: permissions per role, gates enforced on direct posts, the board, resources, exports."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.choices import Role
from partnerships.choices import StageCode
from partnerships.models import Assessment, Partnership, Resource
from partnerships.services.pipeline import partnership_approve, partnership_move
from stakeholders.choices import Level
from stakeholders.models import Interaction, InteractionType
from strategy.models import KeyPrinciple, Pillar, Unit
from tests.factories.partnerships import PartnershipFactory, add_rate, complete_assessment
from tests.factories.stakeholders import OrganizationFactory

pytestmark = pytest.mark.django_db
WRITERS = [Role.ADMINISTRATOR, Role.UNIT_LEAD, Role.STAFF]


def move_url(partnership):
    return reverse("partnerships:move", args=[partnership.pk])


# Permissions: every write, for every role -----------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_everyone_reads_the_board_list_and_page(client_for, role):
    partnership = PartnershipFactory()
    client = client_for(role)
    for url in (
        reverse("partnerships:board"),
        reverse("partnerships:partnership_list"),
        partnership.get_absolute_url(),
    ):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_create_partnerships(client_for, role):
    organization = OrganizationFactory()
    data = {"title": "Circular economy pilot", "kind": "knowledge", "lead_organization": organization.pk}
    response = client_for(role).post(reverse("partnerships:partnership_add"), data)
    assert response.status_code == (302 if role in WRITERS else 403)
    assert Partnership.objects.filter(title="Circular economy pilot").exists() is (role in WRITERS)


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_move_partnerships_up_to_negotiation(client_for, role):
    partnership = PartnershipFactory()
    response = client_for(role).post(move_url(partnership), {"stage": StageCode.SCREENING})
    assert response.status_code == (302 if role in WRITERS else 403)
    partnership.refresh_from_db()
    assert (partnership.stage_id == StageCode.SCREENING) is (role in WRITERS)


@pytest.mark.parametrize("role", list(Role))
def test_only_unit_leads_approve(client_for, role):
    partnership = PartnershipFactory()
    complete_assessment(partnership)
    response = client_for(role).post(reverse("partnerships:approve", args=[partnership.pk]), {"note": "OK"})
    assert response.status_code == (302 if role == Role.UNIT_LEAD else 403)
    partnership.refresh_from_db()
    assert partnership.is_approved is (role == Role.UNIT_LEAD)


@pytest.mark.parametrize("role", list(Role))
def test_only_unit_leads_sign(client_for, make_user, role):
    partnership = PartnershipFactory()
    complete_assessment(partnership)
    partnership_approve(partnership=partnership, by=make_user(Role.UNIT_LEAD))
    response = client_for(role).post(move_url(partnership), {"stage": StageCode.AGREEMENT_SIGNED})
    assert response.status_code == (302 if role == Role.UNIT_LEAD else 403)
    partnership.refresh_from_db()
    assert (partnership.stage_id == StageCode.AGREEMENT_SIGNED) is (role == Role.UNIT_LEAD)


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_assess_and_record_resources(client_for, role):
    partnership = PartnershipFactory()
    client = client_for(role)
    response = client.post(reverse("partnerships:assessment", args=[partnership.pk]), {"conflict_of_interest": "none"})
    assert response.status_code == (302 if role in WRITERS else 403)
    response = client.post(
        reverse("partnerships:resource_add", args=[partnership.pk]),
        {"kind": "expertise", "description": "Life-cycle analysts", "year": 2026},
    )
    assert response.status_code == (302 if role in WRITERS else 403)
    assert Assessment.objects.exists() is (role in WRITERS)
    assert Resource.objects.exists() is (role in WRITERS)


# Gates hold when the form is posted directly --------------------------------------------------------


def test_a_gate_bypass_by_posting_the_move_directly_is_refused(client_for):
    partnership = PartnershipFactory()
    client = client_for(Role.UNIT_LEAD)
    response = client.post(move_url(partnership), {"stage": StageCode.AGREEMENT_SIGNED})
    assert response.status_code == 400
    assert "cannot leave screening" in response.content.decode()
    response = client.post(move_url(partnership), {"stage": StageCode.DUE_DILIGENCE}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert json.loads(response.content)["ok"] is False
    partnership.refresh_from_db()
    assert partnership.stage_id == StageCode.IDENTIFIED
    assert partnership.moves.count() == 1


def test_the_gate_refusal_is_in_the_readers_language(client_for):
    partnership = PartnershipFactory()
    client = client_for(Role.STAFF, preferred_language="fr")
    response = client.post(move_url(partnership), {"stage": StageCode.DUE_DILIGENCE}, HTTP_ACCEPT="application/json")
    assert "ne peut pas quitter l’examen préliminaire" in json.loads(response.content)["message"]


def test_the_board_moves_a_card_and_a_stale_card_is_told(client_for):
    partnership = PartnershipFactory()
    client = client_for(Role.STAFF)
    stale = partnership.version
    response = client.post(
        move_url(partnership), {"stage": StageCode.SCREENING, "version": stale}, HTTP_ACCEPT="application/json"
    )
    body = json.loads(response.content)
    assert response.status_code == 200 and body["ok"] and body["version"] == stale + 1
    response = client.post(
        move_url(partnership),
        {"stage": StageCode.WITHDRAWN, "version": stale, "note": "Budget cut."},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 409
    assert "now at" in json.loads(response.content)["message"]
    partnership.refresh_from_db()
    assert partnership.stage_id == StageCode.SCREENING


def test_reaching_agreement_signed_from_the_page_makes_the_organizations_collaborative(client_for, make_user):
    lead = make_user(Role.UNIT_LEAD)
    partner = OrganizationFactory()
    partnership = PartnershipFactory(partners=[partner])
    complete_assessment(partnership)
    client = client_for(Role.UNIT_LEAD)
    client.post(reverse("partnerships:approve", args=[partnership.pk]))
    client.post(move_url(partnership), {"stage": StageCode.AGREEMENT_SIGNED, "note": "Signed in Montréal."})
    partner.refresh_from_db()
    assert partner.engagement_level == Level.COLLABORATIVE
    partnership.refresh_from_db()
    assert partnership.approved_by != lead  # the approval is the signed-in unit lead's, with the date
    assert partnership.approved_at is not None


# Assessment ------------------------------------------------------------------------------------------


def assessment_data(**overrides):
    data = {
        "conflict_of_interest": "none",
        "reputational_risk": "low",
        "recommendation": "proceed",
        "complete": "on",
    }
    for principle in KeyPrinciple.objects.all():
        data[f"score_{principle.pk}"] = "3"
        data[f"evidence_{principle.pk}"] = "Sustainability report 2024."
    return {**data, **overrides}


def test_completing_the_assessment_from_the_form(client_for):
    partnership = PartnershipFactory()
    response = client_for(Role.STAFF).post(reverse("partnerships:assessment", args=[partnership.pk]), assessment_data())
    assert response.status_code == 302
    assessment = Assessment.objects.get(partnership=partnership)
    assert assessment.is_complete and assessment.scores.count() == 4


def test_an_assessment_marked_complete_with_a_missing_score_says_where_and_saves_nothing(client_for):
    partnership = PartnershipFactory()
    first = KeyPrinciple.objects.first()
    data = assessment_data(**{f"score_{first.pk}": "", f"evidence_{first.pk}": ""})
    response = client_for(Role.STAFF, preferred_language="es").post(
        reverse("partnerships:assessment", args=[partnership.pk]), data
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[f"score_{first.pk}"] == ["Califique este principio."]
    assert not Assessment.objects.exists()


# Resources and currencies -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pledged", "message"),
    [("-500", "An amount cannot be negative."), ("lots", "Enter a number.")],
)
def test_amounts_that_are_negative_or_not_numbers_are_refused(client_for, pledged, message):
    partnership = PartnershipFactory()
    response = client_for(Role.STAFF).post(
        reverse("partnerships:resource_add", args=[partnership.pk]),
        {"kind": "financial", "currency": "CAD", "pledged": pledged, "year": 2026},
    )
    assert response.status_code == 200
    assert message in response.context["form"].errors["pledged"]
    assert not Resource.objects.exists()


def test_a_currency_without_a_rate_for_the_year_is_refused_naming_the_rate(client_for):
    partnership = PartnershipFactory()
    response = client_for(Role.STAFF).post(
        reverse("partnerships:resource_add", args=[partnership.pk]),
        {"kind": "financial", "currency": "MXN", "pledged": "250000", "year": 2026},
    )
    assert response.status_code == 200
    assert "no exchange rate from MXN to CAD for 2026" in response.context["form"].errors["currency"][0]
    assert not Resource.objects.exists()


def test_totals_go_through_the_yearly_rate_never_a_sum_of_currencies(client_for):
    partnership = PartnershipFactory()
    add_rate(2025, "USD", "1.40")
    add_rate(2026, "USD", "1.35")
    add_rate(2026, "MXN", "0.075")
    for currency, amount, year in (
        ("CAD", "1000", 2026),
        ("USD", "1000", 2026),
        ("USD", "1000", 2025),
        ("MXN", "100000", 2026),
    ):
        Resource.objects.create(
            partnership=partnership, kind="financial", currency=currency, pledged=Decimal(amount), year=year
        )
    Resource.objects.create(partnership=partnership, kind="in_kind", currency="USD", pledged=Decimal("200"), year=2026)
    response = client_for(Role.VIEWER).get(partnership.get_absolute_url())
    totals = response.context["totals"]
    assert totals.pledged["financial"] == Decimal("1000") + Decimal("1350") + Decimal("1400") + Decimal("7500")
    assert totals.pledged["in_kind"] == Decimal("270")
    assert not totals.missing


# The board and the list --------------------------------------------------------------------------


def spread(count):
    unit = Unit.objects.first()
    stages = [StageCode.IDENTIFIED, StageCode.SCREENING, StageCode.DECLINED]
    partnerships = []
    for index in range(count):
        partnership = PartnershipFactory(unit=unit)
        partnership.pillars.set([Pillar.objects.first()])
        stage = stages[index % 3]
        if stage != StageCode.IDENTIFIED:
            partnership_move(partnership=partnership, to_stage=stage, by=None, note="Not a fit.")
        Resource.objects.create(partnership=partnership, kind="financial", currency="CAD", pledged=100, year=2026)
        partnerships.append(partnership)
    return partnerships


@pytest.mark.parametrize("count", [3, 30])
def test_the_board_costs_a_fixed_number_of_queries(client_for, django_assert_max_num_queries, count):
    spread(count)
    client = client_for(Role.STAFF)
    unit, pillar = Unit.objects.first(), Pillar.objects.first()
    # session, user, permissions (2), the chosen unit and pillar (2), counts per stage, the first cards of
    # the open and of the closed stages (2), the cards, their lead organizations, currency setting, rates,
    # values, stages, the filter's choices: stages, units, pillars, goals, owners (5)
    with django_assert_max_num_queries(19):
        response = client.get(reverse("partnerships:board") + f"?unit={unit.pk}&pillar={pillar.pk}")
    assert response.status_code == 200
    columns = {column.stage.code: column for column in response.context["columns"]}
    assert columns[StageCode.IDENTIFIED].count == len([i for i in range(count) if i % 3 == 0])
    assert len(columns) == 9


@pytest.mark.parametrize("count", [3, 30])
def test_the_filtered_list_costs_a_fixed_number_of_queries(client_for, django_assert_max_num_queries, count):
    spread(count)
    client = client_for(Role.STAFF)
    unit, pillar = Unit.objects.first(), Pillar.objects.first()
    # session, user, permissions (2), the chosen unit and pillar (2), count, rows, their lead organizations,
    # currency setting, rates, values, the filter's choices: stages, units, pillars, goals, owners (5)
    with django_assert_max_num_queries(17):
        response = client.get(reverse("partnerships:partnership_list") + f"?unit={unit.pk}&pillar={pillar.pk}&size=100")
    assert response.status_code == 200
    assert response.context["paginator"].count == count


@pytest.mark.parametrize(("role", "movable"), [(Role.STAFF, True), (Role.VIEWER, False)])
def test_cards_are_draggable_only_for_those_who_may_move_them(client_for, role, movable):
    PartnershipFactory()
    page = client_for(role).get(reverse("partnerships:board")).content.decode()
    assert ('draggable="true"' in page) is movable
    assert ("/move/" in page) is movable


def test_the_board_caps_a_long_column_and_links_to_the_rest(client_for):
    from partnerships import selectors

    spread(6)
    columns = selectors.board_columns(Partnership.objects.all(), per_stage=1)
    identified = next(c for c in columns if c.stage.code == StageCode.IDENTIFIED)
    assert (len(identified.cards), identified.count, identified.more) == (1, 2, 1)


def test_the_list_exports_to_csv_with_the_filter(client_for):
    spread(3)
    response = client_for(Role.VIEWER).get(reverse("partnerships:export", args=["csv"]) + "?stage=declined")
    text = response.content.decode("utf-8-sig")
    assert response.status_code == 200
    assert text.splitlines()[0].startswith("Title,Type,Stage")
    assert len(text.splitlines()) == 2


def test_the_board_in_french_and_spanish_shows_the_stage_names(client_for):
    PartnershipFactory()
    for language, name in (("fr", "Examen préliminaire"), ("es", "Debida diligencia")):
        response = client_for(Role.STAFF, preferred_language=language).get(reverse("partnerships:board"))
        assert name in response.content.decode()


def test_a_renamed_stage_shows_its_new_name_and_keeps_its_gate(client_for):
    from partnerships.models import Stage

    Stage.objects.filter(code=StageCode.SCREENING).update(name_en="Pre-screening")
    partnership = PartnershipFactory()
    client = client_for(Role.STAFF)
    assert "Pre-screening" in client.get(reverse("partnerships:board")).content.decode()
    response = client.post(move_url(partnership), {"stage": StageCode.DUE_DILIGENCE})
    assert response.status_code == 400


# Steps ------------------------------------------------------------------------------------------------


def test_logging_a_step_records_an_interaction_on_every_partner(client_for):
    partner = OrganizationFactory()
    partnership = PartnershipFactory(partners=[partner])
    response = client_for(Role.STAFF).post(
        reverse("partnerships:log_step", args=[partnership.pk]),
        {
            "kind": InteractionType.objects.get(code="meeting").pk,
            "occurred_on": timezone.localdate().isoformat(),
            "mode": "online",
            "summary": "Term sheet reviewed with legal.",
        },
    )
    assert response.status_code == 302
    interaction = Interaction.objects.get()
    assert set(interaction.organizations.all()) == {partnership.lead_organization, partner}
    assert partnership.steps.get().interaction == interaction
    partner.refresh_from_db()
    assert partner.engagement_level == Level.ACTIVE


def test_the_organization_page_offers_to_start_a_partnership(client_for):
    organization = OrganizationFactory()
    client = client_for(Role.STAFF)
    page = client.get(organization.get_absolute_url()).content.decode()
    assert f"/partnerships/add/?organization={organization.pk}" in page
    form = client.get(reverse("partnerships:partnership_add") + f"?organization={organization.pk}")
    assert form.context["form"].initial["lead_organization"] == organization.pk
    with translation.override("en"):
        assert client_for(Role.VIEWER).get(organization.get_absolute_url()).status_code == 200
