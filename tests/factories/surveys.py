"""Surveys built through the builder's services, as staff build them."""

from django.utils import timezone

from stakeholders.choices import Category
from surveys.choices import QuestionKind
from surveys.models import Question, Survey
from surveys.services.builder import question_save, survey_open, survey_save

from .stakeholders import ContactFactory, OrganizationFactory


def build_survey(*, by=None, open_it=True, questions=None) -> Survey:
    """A survey with a rating, a single choice (EN/FR/ES), an areas and a text question."""
    survey = survey_save(
        survey=Survey(
            title_en="Working with the CEC", title_fr="Collaborer avec la CCE", title_es="Colaborar con la CCA"
        ),
        by=by,
    )
    section = survey.sections.get()
    for kind, text, required, choices in questions or [
        (QuestionKind.RATING, ("How was it?", "Comment était-ce?", "¿Cómo fue?"), True, None),
        (
            QuestionKind.SINGLE,
            ("Engage further?", "Collaborer davantage?", "¿Colaborar más?"),
            True,
            {"en": ["Yes", "No"], "fr": ["Oui", "Non"], "es": ["Sí", "No"]},
        ),
        (QuestionKind.AREAS, ("Areas of interest?", "Domaines d'intérêt?", "¿Áreas de interés?"), False, None),
        (QuestionKind.LONG_TEXT, ("Anything else?", "Autre chose?", "¿Algo más?"), False, None),
    ]:
        question_save(
            question=Question(
                survey=survey,
                section=section,
                kind=kind,
                required=required,
                text_en=text[0],
                text_fr=text[1],
                text_es=text[2],
            ),
            choice_lines=choices,
        )
    if open_it:
        survey_open(survey=survey)
    return survey


def reachable_contact(**kwargs):
    organization = kwargs.pop("organization", None) or OrganizationFactory(category=Category.CORPORATION)
    kwargs.setdefault("consent_given", True)
    if kwargs["consent_given"]:
        kwargs.setdefault("consent_date", timezone.localdate())
    return ContactFactory(organization=organization, **kwargs)
