"""A survey opens only while its closing date is ahead, and its public page takes no answer after it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Role
from surveys.choices import InvitationStatus, SurveyStatus
from surveys.models import Invitation, Response, Survey
from surveys.services.builder import survey_close, survey_open
from tests.factories.surveys import build_survey, reachable_contact

pytestmark = pytest.mark.django_db


def past_closing(survey, days=1):
    yesterday = timezone.localdate() - timedelta(days=days)
    Survey.objects.filter(pk=survey.pk).update(opens_on=yesterday - timedelta(days=30), closes_on=yesterday)
    survey.refresh_from_db()
    return survey


def test_a_survey_whose_closing_date_has_passed_cannot_open_and_nothing_changes():
    survey = past_closing(build_survey(open_it=False))
    before = Survey.objects.values().get(pk=survey.pk)
    with pytest.raises(ValidationError, match="set a later closing date before opening it"):
        survey_open(survey=survey)
    assert Survey.objects.values().get(pk=survey.pk) == before


def test_a_closed_survey_past_its_date_cannot_be_opened_again_from_its_page_and_the_reason_is_in_french(client_for):
    survey = build_survey()
    survey_close(survey=survey)
    survey = past_closing(survey, days=3)
    client = client_for(Role.STAFF, preferred_language="fr")
    page = client.post(reverse("surveys:survey_status", args=[survey.pk]), {"action": "open"}, follow=True)
    assert "fixez une date de clôture ultérieure avant de l’ouvrir" in page.content.decode()
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED


def test_a_survey_closing_today_still_opens():
    survey = build_survey(open_it=False)
    Survey.objects.filter(pk=survey.pk).update(closes_on=timezone.localdate())
    survey.refresh_from_db()
    assert survey_open(survey=survey).status == SurveyStatus.OPEN


def test_the_public_page_takes_no_answer_after_the_closing_date_even_while_the_status_says_open():
    survey = build_survey()
    contact = reachable_contact(preferred_language="es")
    invitation = Invitation.objects.create(survey=survey, contact=contact, language="es", status=InvitationStatus.SENT)
    survey = past_closing(survey)
    assert survey.status == SurveyStatus.OPEN
    url = reverse("surveys:respond", args=[invitation.token])
    rating = survey.questions.get(kind="rating")
    answered = Client().post(url, {f"q{rating.pk}": "4", "action": "submit", "lang": "es"})
    assert answered.status_code == 410
    assert "Esta encuesta está cerrada" in answered.content.decode()
    assert not Response.objects.exists()
