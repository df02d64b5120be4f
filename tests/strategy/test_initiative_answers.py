"""Units answer the private-sector-engagement question of their initiatives in the app."""

import pytest
from django.urls import reverse

from accounts.choices import Role
from strategy.models import Initiative
from tests.factories.strategy import InitiativeFactory, UnitFactory

pytestmark = pytest.mark.django_db

QUESTION = (
    "What are the potential opportunities to engage and/or collaborate with the private sector in this initiative?"
)


def answer_url(initiative):
    return reverse("strategy:initiative_answer", args=[initiative.code])


def test_a_unit_lead_answers_their_units_initiative_and_the_answer_is_kept_with_who_and_when(make_user, sign_in):
    unit = UnitFactory()
    initiative = InitiativeFactory(unit=unit)
    lead = make_user(Role.UNIT_LEAD, unit=unit)
    client = sign_in(lead)
    page = client.get(answer_url(initiative)).content.decode()
    assert QUESTION in page  # word for word, as the strategy adds it to the project description template
    response = client.post(answer_url(initiative), {"text": "  Pilot with two chambers of commerce.  "})
    assert response.url == reverse("strategy:initiative_detail", args=[initiative.code])
    client.post(answer_url(initiative), {"text": "Pilot with three chambers of commerce."})
    initiative.refresh_from_db()
    assert initiative.private_sector_engagement == "Pilot with three chambers of commerce."
    history = [(a.text, a.answered_by) for a in initiative.answers.all()]
    assert history == [("Pilot with three chambers of commerce.", lead), ("Pilot with two chambers of commerce.", lead)]
    detail = client.get(reverse("strategy:initiative_detail", args=[initiative.code]))
    assert str(lead) in detail.content.decode()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.STAFF, Role.UNIT_LEAD])
def test_others_may_read_but_not_answer(make_user, sign_in, role):
    initiative = InitiativeFactory(unit=UnitFactory())
    client = sign_in(make_user(role, unit=UnitFactory()))  # another unit
    assert client.get(reverse("strategy:initiative_detail", args=[initiative.code])).status_code == 200
    assert client.get(answer_url(initiative)).status_code == 403
    assert client.post(answer_url(initiative), {"text": "Not theirs"}).status_code == 403
    initiative.refresh_from_db()
    assert initiative.private_sector_engagement == "" and not initiative.answers.exists()


def test_an_administrator_answers_any_initiative(make_user, sign_in):
    initiative = InitiativeFactory(unit=UnitFactory())
    client = sign_in(make_user(Role.ADMINISTRATOR, unit=UnitFactory()))
    assert client.post(answer_url(initiative), {"text": "Through JPAC."}).status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).private_sector_engagement == "Through JPAC."


def test_a_unit_lead_lists_their_units_initiatives(make_user, sign_in, django_assert_num_queries):
    unit = UnitFactory()
    ours = InitiativeFactory(unit=unit)
    InitiativeFactory(unit=UnitFactory())
    client = sign_in(make_user(Role.UNIT_LEAD, unit=unit))
    # session, user with unit, permissions (2), count, initiatives with units, their pillars
    with django_assert_num_queries(7):
        response = client.get(reverse("strategy:initiative_list") + "?unit=mine")
    assert list(response.context["initiatives"]) == [ours]


@pytest.mark.parametrize("answers", [1, 15])
def test_an_initiatives_page_costs_the_same_however_many_answers(
    make_user, sign_in, django_assert_num_queries, answers
):
    unit = UnitFactory()
    initiative = InitiativeFactory(unit=unit)
    lead = make_user(Role.UNIT_LEAD, unit=unit)
    client = sign_in(lead)
    for n in range(answers):
        client.post(answer_url(initiative), {"text": f"Answer {n}"})
    # session, user with unit, permissions (2), initiative with unit, its pillars, answers with who gave them
    with django_assert_num_queries(7):
        response = client.get(reverse("strategy:initiative_detail", args=[initiative.code]))
    assert len(response.context["answers"]) == answers
