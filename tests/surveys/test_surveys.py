"""The survey's rules: building, opening, invitations, reminders, answering, and what a response records."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from stakeholders.choices import Level
from stakeholders.emails import Delivery
from stakeholders.models import Contact, Interaction, StatedInterest
from surveys.choices import InvitationStatus, QuestionKind, SurveyStatus
from surveys.models import Choice, Invitation, Question, Reminder, Response, Survey
from surveys.services.builder import question_move, question_save, survey_open, survey_save
from surveys.services.invitations import invitations_create, reminders_send_due
from surveys.services.responses import AlreadyCompleted, answers_save, response_for_invitation
from surveys.strategy_template import survey_from_strategy_template
from tests.factories.surveys import build_survey, reachable_contact

pytestmark = pytest.mark.django_db


def test_a_survey_with_no_question_cannot_open():
    survey = survey_save(survey=Survey(title_en="Empty"))
    with pytest.raises(ValidationError, match="no question cannot open"):
        survey_open(survey=survey)
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.DRAFT


def test_a_choice_question_without_choices_is_refused():
    survey = survey_save(survey=Survey(title_en="S"))
    question = Question(survey=survey, section=survey.sections.get(), kind=QuestionKind.SINGLE, text_en="Pick one")
    with pytest.raises(ValidationError) as error:
        question_save(question=question, choice_lines={"en": ["", "  "]})
    assert "choices_en" in error.value.message_dict
    assert not Question.objects.exists()


def test_translated_choices_must_match_the_english_ones():
    survey = survey_save(survey=Survey(title_en="S"))
    question = Question(survey=survey, section=survey.sections.get(), kind=QuestionKind.MULTIPLE, text_en="Pick")
    with pytest.raises(ValidationError) as error:
        question_save(question=question, choice_lines={"en": ["A", "B"], "fr": ["A"]})
    assert "choices_fr" in error.value.message_dict


def test_reference_questions_take_their_choices_from_the_strategy_and_register():
    survey = build_survey(open_it=False)
    areas = survey.questions.get(kind=QuestionKind.AREAS)
    assert areas.choices.count() == 23 and all(choice.area_id for choice in areas.choices.all())
    country = Question(survey=survey, section=survey.sections.get(), kind=QuestionKind.COUNTRY, text_en="Where?")
    question_save(question=country)
    assert [c.country for c in country.choices.all()] == ["CA", "MX", "US", "XX"]
    assert country.choices.get(country="MX").label_es == "México"


def test_questions_move_up_and_down():
    survey = build_survey(open_it=False)
    first, second = survey.questions.order_by("position")[:2]
    question_move(question=second, offset=-1)
    assert list(survey.questions.order_by("position").values_list("pk", flat=True))[:2] == [second.pk, first.pk]


def test_the_strategy_template_is_copied_in_three_languages():
    survey = survey_from_strategy_template(by=None)
    assert survey.status == SurveyStatus.DRAFT
    assert survey.title_fr.startswith("Collaborer avec la CCE")
    assert survey.sections.count() == 4
    benefits = survey.questions.get(kind=QuestionKind.MULTIPLE)
    assert benefits.choices.first().label_en == "Access to resources and experts from the three countries"
    assert all(choice.label_fr and choice.label_es for choice in Choice.objects.filter(question__survey=survey))
    assert survey.objectives.get().goal.number == 1
    survey_open(survey=survey)
    # a second copy is independent
    assert survey_from_strategy_template(by=None).pk != survey.pk


# Invitations ---------------------------------------------------------------------------------------


def test_invitations_skip_contacts_without_consent_or_who_opted_out_and_go_in_their_language(
    inline_tasks, django_capture_on_commit_callbacks
):
    survey = build_survey()
    french = reachable_contact(preferred_language="fr", email="marie@example.org")
    reachable_contact(preferred_language="es", email="lucia@example.org")
    reachable_contact(email="out@example.org", opted_out=True)
    reachable_contact(email="noconsent@example.org", consent_given=False)
    with django_capture_on_commit_callbacks(execute=True):
        count = invitations_create(survey=survey, contacts=Contact.objects.all(), by=None)
    assert count == 2
    assert Invitation.objects.filter(status=InvitationStatus.SENT).count() == 2
    message = next(m for m in mail.outbox if m.to == ["marie@example.org"])
    assert message.subject == "Collaborer avec la CCE"
    token = Invitation.objects.get(contact=french).token
    assert f"/s/{token}/" in message.body and len(token) >= 43  # 32 bytes from secrets
    # Inviting again keeps one invitation per contact.
    assert invitations_create(survey=survey, contacts=Contact.objects.all(), by=None) == 0
    assert Invitation.objects.count() == 2


def test_a_failed_delivery_is_recorded_on_the_invitation(inline_tasks, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.surveys.failing_backend.FailingBackend"
    survey = build_survey()
    reachable_contact()
    with django_capture_on_commit_callbacks(execute=True):
        invitations_create(survey=survey, contacts=Contact.objects.all(), by=None)
    invitation = Invitation.objects.get()
    assert invitation.status == InvitationStatus.FAILED
    assert "mailbox unavailable" in invitation.error


def test_reminders_go_once_to_those_who_have_not_completed(inline_tasks, django_capture_on_commit_callbacks):
    survey = build_survey()
    done, waiting = reachable_contact(), reachable_contact()
    with django_capture_on_commit_callbacks(execute=True):
        invitations_create(survey=survey, contacts=Contact.objects.all(), by=None)
    answered = Invitation.objects.get(contact=done)
    answers_save(response=response_for_invitation(answered), data=_answers(survey), complete=True)
    Reminder.objects.create(survey=survey, send_on=timezone.localdate())
    mail.outbox.clear()
    assert reminders_send_due(base_url="https://engage.example") == Delivery(sent=1)
    assert mail.outbox[0].to == [waiting.email] and mail.outbox[0].subject.startswith("Reminder")
    assert reminders_send_due(base_url="https://engage.example") == Delivery()
    assert Invitation.objects.get(contact=waiting).reminders_sent == 1


# Answering ------------------------------------------------------------------------------------------


def _answers(survey, overrides=None):
    rating = survey.questions.get(kind=QuestionKind.RATING)
    single = survey.questions.get(kind=QuestionKind.SINGLE)
    data = {rating.pk: "4", single.pk: str(single.choices.first().pk)}
    data.update(overrides or {})
    return data


def _invited(survey, **contact):
    contact = reachable_contact(**contact)
    return Invitation.objects.create(survey=survey, contact=contact, language=contact.preferred_language or "en")


def test_a_partial_save_keeps_answers_without_completing():
    survey = build_survey()
    invitation = _invited(survey)
    response = response_for_invitation(invitation)
    rating = survey.questions.get(kind=QuestionKind.RATING)
    answers_save(response=response, data={rating.pk: "5"}, complete=False)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PARTIAL
    assert response.answers.get().number == 5
    assert Response.objects.get().completed_at is None


def test_required_answers_are_checked_on_completion_and_nothing_completes():
    survey = build_survey()
    response = response_for_invitation(_invited(survey))
    rating = survey.questions.get(kind=QuestionKind.RATING)
    single = survey.questions.get(kind=QuestionKind.SINGLE)
    with pytest.raises(ValidationError) as error:
        answers_save(response=response, data={rating.pk: "4"}, complete=True)
    assert error.value.message_dict == {f"q{single.pk}": ["This question needs an answer."]}
    response.refresh_from_db()
    assert response.completed_at is None and not response.answers.exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [("9", "Choose a value from 1 to 5."), ("x", "Choose a value from 1 to 5.")],
)
def test_out_of_range_ratings_are_refused(value, message):
    survey = build_survey()
    response = response_for_invitation(_invited(survey))
    rating = survey.questions.get(kind=QuestionKind.RATING)
    with pytest.raises(ValidationError) as error:
        answers_save(response=response, data={rating.pk: value}, complete=False)
    assert error.value.message_dict[f"q{rating.pk}"] == [message]


def test_answers_over_the_length_limit_are_refused_and_markup_is_kept_as_text():
    survey = build_survey()
    response = response_for_invitation(_invited(survey))
    text = survey.questions.get(kind=QuestionKind.LONG_TEXT)
    with pytest.raises(ValidationError, match="under 5000 characters"):
        answers_save(response=response, data={text.pk: "x" * 5001}, complete=False)
    answers_save(response=response, data={text.pk: "<script>alert(1)</script>"}, complete=False)
    assert response.answers.get().text == "<script>alert(1)</script>"


def test_a_completed_response_logs_an_active_interaction_and_the_stated_areas():
    survey = build_survey()
    invitation = _invited(survey)
    organization = invitation.contact.organization
    areas = survey.questions.get(kind=QuestionKind.AREAS)
    chosen = list(areas.choices.all()[:2])
    answers_save(
        response=response_for_invitation(invitation),
        data=_answers(survey, {areas.pk: [str(c.pk) for c in chosen]}),
        complete=True,
    )
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.COMPLETED
    interaction = Interaction.objects.get()
    assert interaction.kind.code == "survey-response"
    assert list(interaction.organizations.all()) == [organization]
    organization.refresh_from_db()
    assert organization.engagement_level == Level.ACTIVE
    stated = StatedInterest.objects.filter(organization=organization)
    assert {s.area_id for s in stated} == {c.area_id for c in chosen}
    assert stated.first().stated_on == timezone.localdate() and stated.first().source == survey.title_en
    assert set(organization.areas.all()) == {c.area for c in chosen}


def test_one_completed_response_per_link_even_on_a_double_submit():
    survey = build_survey()
    invitation = _invited(survey)
    response = response_for_invitation(invitation)
    answers_save(response=response, data=_answers(survey), complete=True)
    with pytest.raises(AlreadyCompleted):
        answers_save(response=response, data=_answers(survey), complete=True)
    assert Response.objects.count() == 1 and Interaction.objects.count() == 1
