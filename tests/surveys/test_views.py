"""The survey pages: builder permissions per role, the public response page, recipients and preview."""

import secrets

import pytest
from django.test import Client
from django.urls import reverse

from accounts.choices import Role
from stakeholders.models import Contact
from surveys.choices import InvitationStatus, QuestionKind, SurveyStatus
from surveys.models import Invitation, Question, Response, Survey
from surveys.services.builder import survey_close
from tests.factories.surveys import build_survey, reachable_contact

pytestmark = pytest.mark.django_db
WRITERS = [Role.ADMINISTRATOR, Role.UNIT_LEAD, Role.STAFF]


# Builder: permissions per role -----------------------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_everyone_reads_surveys_and_previews_them(client_for, role):
    survey = build_survey(open_it=False)
    client = client_for(role)
    assert client.get(reverse("surveys:survey_list")).status_code == 200
    assert client.get(survey.get_absolute_url()).status_code == 200
    preview = client.get(reverse("surveys:survey_preview", args=[survey.pk]) + "?lang=es")
    assert "¿Cómo fue?" in preview.content.decode()


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_build_surveys(client_for, role):
    client = client_for(role)
    response = client.post(reverse("surveys:survey_add"), {"title_en": "Roundtable follow-up"})
    assert response.status_code == (302 if role in WRITERS else 403)
    response = client.post(reverse("surveys:survey_from_template"))
    assert response.status_code == (302 if role in WRITERS else 403)
    assert Survey.objects.count() == (2 if role in WRITERS else 0)


@pytest.mark.parametrize("role", list(Role))
def test_only_writers_add_questions_open_and_send(client_for, role):
    survey = build_survey(open_it=False)
    reachable_contact()
    client = client_for(role)
    section = survey.sections.get()
    response = client.post(
        reverse("surveys:question_add", args=[survey.pk]),
        {"section": section.pk, "kind": "short_text", "text_en": "Your role?"},
    )
    assert response.status_code == (302 if role in WRITERS else 403)
    response = client.post(reverse("surveys:survey_status", args=[survey.pk]), {"action": "open"})
    assert response.status_code == (302 if role in WRITERS else 403)
    response = client.post(reverse("surveys:survey_recipients", args=[survey.pk]) + "?q=contact", {"expected": "1"})
    assert response.status_code == (302 if role in WRITERS else 403)
    assert Invitation.objects.exists() is (role in WRITERS)


def test_a_choice_question_without_choices_is_refused_next_to_the_field(client_for):
    survey = build_survey(open_it=False)
    response = client_for(Role.STAFF, preferred_language="fr").post(
        reverse("surveys:question_add", args=[survey.pk]),
        {"section": survey.sections.get().pk, "kind": "single", "text_en": "Pick one"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["choices_en"] == [
        "Une question à choix a besoin de ses choix, un par ligne."
    ]


def test_opening_a_survey_with_no_question_says_why(client_for):
    survey = Survey.objects.create(title_en="Empty")
    survey.sections.create(position=1)
    client = client_for(Role.STAFF)
    response = client.post(reverse("surveys:survey_status", args=[survey.pk]), {"action": "open"}, follow=True)
    assert "cannot open" in response.content.decode()
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.DRAFT


def test_recipients_show_the_count_before_sending(client_for):
    survey = build_survey()
    reachable_contact(full_name="Ana García")
    reachable_contact(full_name="Ana Opted Out", opted_out=True)
    response = client_for(Role.STAFF).get(reverse("surveys:survey_recipients", args=[survey.pk]) + "?q=ana")
    assert response.context["count"] == 1 and response.context["skipped"] == 1
    assert "Send 1 invitation" in response.content.decode()


# The public response page ---------------------------------------------------------------------------


def invitation_for(survey, language="fr"):
    contact = reachable_contact(preferred_language=language)
    return Invitation.objects.create(survey=survey, contact=contact, language=language, status=InvitationStatus.SENT)


def answers(survey, **extra):
    rating = survey.questions.get(kind=QuestionKind.RATING)
    single = survey.questions.get(kind=QuestionKind.SINGLE)
    return {f"q{rating.pk}": "4", f"q{single.pk}": str(single.choices.first().pk), **extra}


def test_the_public_page_needs_no_account_and_opens_in_the_invitations_language():
    survey = build_survey()
    invitation = invitation_for(survey, "fr")
    page = Client().get(reverse("surveys:respond", args=[invitation.token]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Collaborer avec la CCE" in text and 'lang="fr"' in text and "Comment était-ce?" in text
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.OPENED
    spanish = Client().get(reverse("surveys:respond", args=[invitation.token]) + "?lang=es")
    assert "¿Cómo fue?" in spanish.content.decode()


def test_a_partial_save_and_a_return_then_one_completed_response():
    survey = build_survey()
    invitation = invitation_for(survey)
    url = reverse("surveys:respond", args=[invitation.token])
    rating = survey.questions.get(kind=QuestionKind.RATING)
    browser = Client()
    saved = browser.post(url, {f"q{rating.pk}": "5", "action": "save", "lang": "fr"})
    assert saved.status_code == 302
    again = Client().get(url)
    assert f'value="5" id="id_q{rating.pk}_4" checked' in again.content.decode()
    done = browser.post(url, {**answers(survey), "action": "submit", "lang": "fr"})
    assert "Merci" in done.content.decode()
    twice = browser.post(url, {**answers(survey), "action": "submit", "lang": "fr"})
    assert "déjà" in twice.content.decode()
    assert Response.objects.filter(completed_at__isnull=False).count() == 1
    assert Client().get(url).status_code == 200  # the link still answers, politely


def test_missing_required_answers_are_named_in_the_respondents_language():
    survey = build_survey()
    invitation = invitation_for(survey, "es")
    single = survey.questions.get(kind=QuestionKind.SINGLE)
    rating = survey.questions.get(kind=QuestionKind.RATING)
    page = Client().post(
        reverse("surveys:respond", args=[invitation.token]), {f"q{rating.pk}": "3", "action": "submit", "lang": "es"}
    )
    assert page.status_code == 400
    assert page.context["form"].errors[f"q{single.pk}"] == ["Esta pregunta necesita una respuesta."]
    assert not Response.objects.filter(completed_at__isnull=False).exists()


def test_markup_in_answers_is_shown_as_text():
    survey = build_survey()
    invitation = invitation_for(survey, "en")
    text = survey.questions.get(kind=QuestionKind.LONG_TEXT)
    url = reverse("surveys:respond", args=[invitation.token])
    Client().post(url, {f"q{text.pk}": "<script>alert('x')</script>", "action": "save"})
    page = Client().get(url).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


@pytest.mark.parametrize(
    ("case", "status", "words"),
    [
        ("unknown", 404, "do not recognize this link"),
        ("tampered", 404, "do not recognize this link"),
        ("closed", 410, "This survey is closed"),
    ],
)
def test_unknown_tampered_or_closed_links_get_a_polite_page(case, status, words):
    survey = build_survey()
    invitation = invitation_for(survey, "en")
    token = {
        "unknown": "nope",
        "tampered": invitation.token[:-1] + ("B" if invitation.token.endswith("A") else "A"),
        "closed": invitation.token,
    }[case]
    if case == "closed":
        survey_close(survey=survey)
    page = Client().get(reverse("surveys:respond", args=[token]))
    assert page.status_code == status
    assert words in page.content.decode()


def test_the_open_link_works_only_when_enabled_and_keeps_a_visitors_answers():
    survey = build_survey()
    url = reverse("surveys:respond_open", args=[survey.open_token])
    assert Client().get(url).status_code == 404
    Survey.objects.filter(pk=survey.pk).update(open_link_enabled=True)
    visitor = Client()
    assert visitor.get(url).status_code == 200
    rating = survey.questions.get(kind=QuestionKind.RATING)
    visitor.post(url, {f"q{rating.pk}": "2", "action": "save"})
    assert f'value="2" id="id_q{rating.pk}_1" checked' in visitor.get(url).content.decode()
    assert Response.objects.filter(survey=survey).count() == 1


def test_the_public_page_is_rate_limited_per_address(settings):
    settings.RATELIMIT_ENABLE = True
    survey = build_survey()
    url = reverse("surveys:respond", args=["not-a-token"])
    # Addresses of the documentation range, new for each run: the limit's counters live in the shared cache.
    first, second = secrets.SystemRandom().sample(range(1, 255), 2)
    client = Client(REMOTE_ADDR=f"198.51.100.{first}")
    statuses = [client.get(url).status_code for _ in range(61)]
    assert statuses[:60] == [404] * 60 and statuses[60] == 429
    other = Client(REMOTE_ADDR=f"198.51.100.{second}")
    assert other.get(url).status_code == 404
    assert survey  # a real survey exists; the limit is about the address, not the token


def test_an_invitation_question_count_query_budget(django_assert_max_num_queries):
    survey = build_survey()
    invitation = invitation_for(survey, "en")
    url = reverse("surveys:respond", args=[invitation.token])
    client = Client()
    client.get(url)
    # invitation with survey and contact, response, questions, choices, answers with their choices (2)
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200
    assert Question.objects.filter(survey=survey).count() == 4
    assert Contact.objects.count() == 1


def test_the_areas_a_respondent_chose_show_on_the_organizations_profile_as_stated(client_for):
    survey = build_survey()
    invitation = invitation_for(survey, "en")
    areas = survey.questions.get(kind=QuestionKind.AREAS)
    chosen = areas.choices.all()[0]
    Client().post(
        reverse("surveys:respond", args=[invitation.token]),
        {**answers(survey), f"q{areas.pk}": [str(chosen.pk)], "action": "submit"},
    )
    page = client_for(Role.VIEWER).get(invitation.contact.organization.get_absolute_url()).content.decode()
    assert "Interests it stated" in page
    assert chosen.label_en in page and "stated in “Working with the CEC”" in page
