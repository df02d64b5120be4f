import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from accounts.choices import Role
from strategy.choices import PillarKind
from strategy.models import (
    Action,
    AreaOfRelevance,
    CoreValue,
    Goal,
    Initiative,
    KeyPrinciple,
    Objective,
    Pillar,
    Unit,
)
from tests.factories.strategy import InitiativeFactory

LANGS = ("en", "fr", "es")


@pytest.mark.django_db
def test_the_migration_loads_the_frame_of_section_5_4():
    assert Goal.objects.count() == 4
    assert Objective.objects.count() == 7
    assert Action.objects.count() == 15
    per_objective = {o.code: o.actions.count() for o in Objective.objects.all()}
    assert per_objective == {"1.1": 4, "1.2": 2, "1.3": 1, "2.1": 3, "2.2": 1, "3.1": 3, "4.1": 1}
    assert Goal.objects.get(number=4).title_en == (
        "Increase the impact of CEC initiatives by leveraging private sector resources"
    )
    assert Action.objects.get(code="1.2.1").text_en == (
        "Include a question on private sector engagement in the CEC project description template"
    )


@pytest.mark.django_db
def test_pillars_approaches_principles_values_units_and_initiatives_are_loaded():
    assert Pillar.objects.filter(kind=PillarKind.PILLAR).count() == 6
    assert Pillar.objects.filter(kind=PillarKind.APPROACH).count() == 2
    assert Pillar.objects.get(position=1).name_en == "Clean Air, Land, and Water"
    assert AreaOfRelevance.objects.filter(pillar__code="clean-air-land-water").count() == 8
    assert KeyPrinciple.objects.count() == 4
    assert list(CoreValue.objects.values_list("code", flat=True)) == [
        "integrity",
        "transparency",
        "inclusiveness",
        "collaboration",
        "excellence",
    ]
    assert Unit.objects.filter(name_en="Private Sector Engagement Unit").exists()
    assert Initiative.objects.get(code="prtr").start_year == 1996
    assert Initiative.objects.filter(kind="past").count() >= 6


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", [Goal, Objective, Action, Pillar, AreaOfRelevance, KeyPrinciple, CoreValue, Unit, Initiative]
)
def test_reference_data_is_complete_in_three_languages(model):
    text_fields = [f.name for f in model._meta.fields if f.name.endswith(("_en", "_fr", "_es"))]
    for row in model.objects.all():
        for name in text_fields:
            assert getattr(row, name).strip(), f"{model.__name__} {row.pk}: {name} is blank"


@pytest.mark.django_db
def test_reference_data_shows_in_the_active_language_and_falls_back_to_english():
    goal = Goal.objects.get(number=1)
    with translation.override("fr"):
        assert goal.title == goal.title_fr
    with translation.override("es"):
        assert goal.title == goal.title_es
    goal.title_es = ""
    with translation.override("es"):
        assert goal.title == goal.title_en


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGS)
def test_the_frame_page_lists_goals_objectives_and_actions_in_the_persons_language(sign_in, make_user, language):
    client = sign_in(make_user(Role.VIEWER, preferred_language=language))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("strategy:frame"))
    body = response.content.decode()
    assert response.status_code == 200
    for goal in Goal.objects.all():
        assert getattr(goal, f"title_{language}") in body.replace("&#x27;", "'").replace("&amp;", "&")
    # session, user, user's groups and permissions (2), goals, objectives, actions, pillars, areas,
    # principles, core values
    assert len(queries) <= 12, [q["sql"] for q in queries.captured_queries]


@pytest.mark.django_db
def test_the_initiative_list_costs_the_same_for_two_rows_and_fifty(client_for):
    client = client_for(Role.STAFF)
    Initiative.objects.all().delete()
    InitiativeFactory.create_batch(2)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("strategy:initiative_list"))
    InitiativeFactory.create_batch(48)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("strategy:initiative_list"))
    assert response.status_code == 200
    # session, user, permissions (2), count, initiatives with units, their pillars
    assert len(few) == len(many) <= 8


@pytest.mark.django_db
def test_an_initiative_shows_whether_the_engagement_question_is_answered(client_for):
    client = client_for(Role.STAFF)
    initiative = InitiativeFactory(private_sector_engagement="")
    assert "Not answered yet" in client.get(initiative.get_absolute_url()).content.decode()
    initiative.private_sector_engagement = "Invite recyclers to the pilot."
    initiative.save()
    assert "Invite recyclers to the pilot." in client.get(initiative.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_an_initiative_cannot_end_before_it_starts():
    from django.core.exceptions import ValidationError

    initiative = InitiativeFactory.build(start_year=2020, end_year=2019)
    with pytest.raises(ValidationError, match="end year cannot come before"):
        initiative.full_clean()
