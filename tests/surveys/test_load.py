"""generate_load adds an open survey with invitations and completed responses, through the surveys app's
load module, and reuses it on the next run."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count, F

from stakeholders.models import Contact
from surveys import load
from surveys.choices import InvitationStatus, SurveyStatus
from surveys.models import Answer, Invitation, Response, Survey
from surveys.strategy_template import TITLE

pytestmark = pytest.mark.django_db


def spread(survey):
    """How many completed responses chose each choice, by question position and the choice's English label."""
    rows = (
        Answer.choices.through.objects.filter(
            answer__response__survey=survey, answer__response__completed_at__isnull=False
        )
        .values("choice__question__position", "choice__label_en")
        .annotate(n=Count("id"))
    )
    return {(row["choice__question__position"], row["choice__label_en"]): row["n"] for row in rows}


def test_generate_load_adds_an_answered_survey_and_reuses_it():
    call_command("generate_load", orgs=500, interactions=300, seed=4, stdout=io.StringIO())

    survey = Survey.objects.get()
    assert survey.title_en == TITLE["en"] and survey.status == SurveyStatus.OPEN
    reachable = Contact.objects.reachable().count()
    invitations, responses = load.wanted(reachable)
    assert survey.invitations.count() == invitations == min(load.INVITATIONS, reachable)
    assert not survey.invitations.exclude(contact__in=Contact.objects.reachable()).exists()
    completed = Response.objects.filter(survey=survey, completed_at__isnull=False)
    assert completed.count() == responses == invitations // 2
    assert Invitation.objects.filter(survey=survey, status=InvitationStatus.COMPLETED).count() == responses
    assert not Invitation.objects.filter(survey=survey, status=InvitationStatus.QUEUED).exists()
    # Every completed response answers every required question, as the public page demands.
    for question in survey.questions.filter(required=True):
        assert Answer.objects.filter(question=question, response__in=completed).count() == responses
    # Responses were started before they were completed, not when the load ran.
    assert not completed.filter(started_at__gt=F("completed_at")).exists()
    choices = spread(survey)
    assert len(choices) > 10 and max(choices.values()) > 2 * min(choices.values())

    first = set(Response.objects.values_list("pk", flat=True))
    output = io.StringIO()
    call_command("generate_load", orgs=500, interactions=300, seed=4, stdout=output)
    assert f"surveys: reusing “{TITLE['en']}” with {responses:,} responses" in output.getvalue()
    assert set(Response.objects.values_list("pk", flat=True)) == first

    # The same seed draws the same answers.
    load.wipe()
    assert not Survey.objects.exists()
    load.ensure(io.StringIO(), seed=4, orgs=500)
    assert spread(Survey.objects.get()) == choices
