"""Building a survey: texts, sections, questions and choices; opening and closing it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from stakeholders.choices import Country
from stakeholders.models import NaicsCode
from strategy.models import AreaOfRelevance, Pillar

from ..choices import CHOICE_KINDS, REFERENCE_KINDS, QuestionKind, SurveyStatus
from ..models import Choice, Question, Section, Survey

LANGUAGES = ("en", "fr", "es")


@transaction.atomic
def survey_save(*, survey: Survey, by=None, many_to_many: dict | None = None) -> Survey:
    """Create or update a survey; a new one gets its first section."""
    creating = survey.pk is None
    if creating and by is not None:
        survey.owner = by
    survey.full_clean()
    survey.save()
    for field, values in (many_to_many or {}).items():
        getattr(survey, field).set(values)
    if creating:
        Section.objects.create(survey=survey, position=1)
    return survey


def section_add(*, survey: Survey, titles: dict[str, str]) -> Section:
    position = (survey.sections.aggregate(last=Max("position"))["last"] or 0) + 1
    section = Section(survey=survey, position=position, **{f"title_{code}": titles.get(code, "") for code in LANGUAGES})
    section.full_clean()
    section.save()
    return section


def _reference_choices(kind: str) -> list[Choice]:
    if kind == QuestionKind.PILLARS:
        return [
            Choice(pillar=p, label_en=p.name_en, label_fr=p.name_fr, label_es=p.name_es) for p in Pillar.objects.all()
        ]
    if kind == QuestionKind.AREAS:
        areas = AreaOfRelevance.objects.select_related("pillar").order_by("pillar__position", "position")
        return [Choice(area=a, label_en=a.label_en, label_fr=a.label_fr, label_es=a.label_es) for a in areas]
    if kind == QuestionKind.COUNTRY:
        from django.utils import translation

        choices = []
        for code, _label in Country.choices:
            labels = {}
            for language in LANGUAGES:
                with translation.override(language):
                    labels[f"label_{language}"] = str(Country(code).label)
            choices.append(Choice(country=code, **labels))
        return choices
    sectors = NaicsCode.objects.filter(level=2).order_by("code")
    return [
        Choice(
            sector=s,
            label_en=f"{s.code} {s.title_en}",
            label_fr=f"{s.code} {s.title_fr}",
            label_es=f"{s.code} {s.title_es}",
        )
        for s in sectors
    ]


def _written_choices(lines: dict[str, list[str]]) -> list[Choice]:
    english = lines.get("en", [])
    return [
        Choice(
            label_en=label,
            label_fr=(lines.get("fr") or [])[index] if index < len(lines.get("fr") or []) else "",
            label_es=(lines.get("es") or [])[index] if index < len(lines.get("es") or []) else "",
        )
        for index, label in enumerate(english)
    ]


@transaction.atomic
def question_save(*, question: Question, choice_lines: dict[str, list[str]] | None = None) -> Question:
    """Create or update a question. ``choice_lines`` holds the choices one per line per language
    (English required); pillar, area, country and sector questions get theirs from the reference data."""
    if question.survey.status != SurveyStatus.DRAFT and question.pk is None:
        raise ValidationError(_("Questions can be added only while the survey is a draft."))
    choice_lines = {
        code: [line.strip() for line in lines if line.strip()] for code, lines in (choice_lines or {}).items()
    }
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        if not choice_lines.get("en"):
            raise ValidationError({"choices_en": _("A choice question needs its choices, one per line.")})
        for code in ("fr", "es"):
            if choice_lines.get(code) and len(choice_lines[code]) != len(choice_lines["en"]):
                raise ValidationError({f"choices_{code}": _("Give as many choices as in English, in the same order.")})
    if question.pk is None:
        question.position = (question.survey.questions.aggregate(last=Max("position"))["last"] or 0) + 1
    question.full_clean()
    question.save()
    if question.kind in REFERENCE_KINDS:
        if not question.choices.exists():
            _replace_choices(question, _reference_choices(question.kind))
    elif question.kind in CHOICE_KINDS:
        _replace_choices(question, _written_choices(choice_lines))
    else:
        question.choices.all().delete()
    return question


def _replace_choices(question: Question, choices: list[Choice]) -> None:
    existing = list(question.choices.all())
    if [(c.label_en, c.label_fr, c.label_es) for c in existing] == [
        (c.label_en, c.label_fr, c.label_es) for c in choices
    ]:
        return  # unchanged: keep the rows (and the answers that point to them)
    if question.answers.exists():
        raise ValidationError({"choices_en": _("This question has answers: its choices can no longer change.")})
    question.choices.all().delete()
    for position, choice in enumerate(choices, start=1):
        choice.question = question
        choice.position = position
    Choice.objects.bulk_create(choices)


def question_delete(*, question: Question) -> None:
    if question.answers.exists():
        raise ValidationError(_("This question has answers and cannot be deleted."))
    question.delete()


@transaction.atomic
def questions_reorder(*, survey: Survey, order: list[int]) -> None:
    """Put the survey's questions in ``order`` (question ids; others keep their place after them)."""
    questions = {q.pk: q for q in survey.questions.all()}
    ordered = [questions[pk] for pk in order if pk in questions]
    ordered += [q for pk, q in sorted(questions.items(), key=lambda item: item[1].position) if pk not in order]
    for position, question in enumerate(ordered, start=1):
        question.position = position
    Question.objects.bulk_update(ordered, ["position"])


def question_move(*, question: Question, offset: int) -> None:
    """Move a question up (-1) or down (+1) among the survey's questions."""
    order = list(question.survey.questions.order_by("position", "id").values_list("pk", flat=True))
    index = order.index(question.pk)
    target = max(0, min(len(order) - 1, index + offset))
    order.insert(target, order.pop(index))
    questions_reorder(survey=question.survey, order=order)


@transaction.atomic
def survey_open(*, survey: Survey) -> Survey:
    """Open a survey for responses, once it can be answered and while its closing date is still ahead.
    A refusal changes nothing."""
    today = timezone.localdate()
    if survey.closes_on is not None and survey.closes_on < today:
        raise ValidationError(
            _("This survey closed on %(date)s: set a later closing date before opening it.")
            % {"date": date_format(survey.closes_on, "DATE_FORMAT")}
        )
    questions = list(survey.questions.prefetch_related("choices"))
    if not questions:
        raise ValidationError(_("A survey with no question cannot open. Add at least one question."))
    empty = [q for q in questions if q.has_choices and not q.choices.all()]
    if empty:
        raise ValidationError(
            _("The question “%(question)s” offers no choice: add its choices before opening.") % {"question": empty[0]}
        )
    survey.status = SurveyStatus.OPEN
    survey.opens_on = survey.opens_on or today
    survey.save(update_fields=["status", "opens_on", "updated_at"])
    return survey


def survey_close(*, survey: Survey) -> Survey:
    survey.status = SurveyStatus.CLOSED
    survey.closes_on = min(survey.closes_on or timezone.localdate(), timezone.localdate())
    if survey.opens_on and survey.closes_on < survey.opens_on:
        survey.closes_on = survey.opens_on
    survey.save(update_fields=["status", "closes_on", "updated_at"])
    return survey


def survey_is_accepting(survey: Survey) -> bool:
    """Open, and today within its dates."""
    today = timezone.localdate()
    return (
        survey.status == SurveyStatus.OPEN
        and (survey.opens_on is None or survey.opens_on <= today)
        and (survey.closes_on is None or today <= survey.closes_on)
    )
