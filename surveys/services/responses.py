"""Answering a survey: partial saves, validation on completion, one completed response per personal link.

A completed response logs an active interaction on the contact's organization and records the areas of
interest they chose on the organization's profile, both through the stakeholders services.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stakeholders.models import InteractionType
from stakeholders.services.interactions import interaction_log
from stakeholders.services.interests import organization_add_stated_areas
from stakeholders.summaries import system_summary

from ..choices import MULTIPLE_KINDS, SCALE_KINDS, TEXT_KINDS, TEXT_LIMITS, InvitationStatus, QuestionKind
from ..models import Answer, Invitation, Question, Response, Survey

SURVEY_INTERACTION = "survey-response"


class AlreadyCompleted(ValidationError):
    """This link's response was completed already; a second one is not accepted."""


def response_for_invitation(invitation: Invitation) -> Response:
    """The invitation's response, started on first visit (the invitation counts as opened)."""
    response, created = Response.objects.get_or_create(
        invitation=invitation, defaults={"survey_id": invitation.survey_id, "language": invitation.language}
    )
    if invitation.status in (InvitationStatus.QUEUED, InvitationStatus.SENT, InvitationStatus.FAILED):
        invitation.status = InvitationStatus.OPENED
        invitation.opened_at = invitation.opened_at or timezone.now()
        invitation.save(update_fields=["status", "opened_at"])
    return response


def response_for_visitor(survey: Survey, visitor_key: str, language: str) -> Response:
    response = Response.objects.filter(survey=survey, visitor_key=visitor_key, completed_at__isnull=True).first()
    return response or Response.objects.create(survey=survey, visitor_key=visitor_key, language=language)


def _clean(question: Question, raw, choice_ids: set[int]) -> dict:
    """One answer from the form's raw value: text, number or choices, checked against the question."""
    if question.kind in TEXT_KINDS:
        text = (raw or "").strip()
        if len(text) > TEXT_LIMITS[question.kind]:
            raise ValidationError(
                ngettext(
                    "Keep this answer under %(limit)s character (it has %(length)s).",
                    "Keep this answer under %(limit)s characters (it has %(length)s).",
                    TEXT_LIMITS[question.kind],
                )
                % {"limit": TEXT_LIMITS[question.kind], "length": len(text)}
            )
        return {"text": text}
    if question.kind in SCALE_KINDS:
        if raw in (None, ""):
            return {"number": None}
        low, high = SCALE_KINDS[question.kind]
        try:
            number = int(raw)
        except (TypeError, ValueError):
            number = None
        if number is None or not low <= number <= high:
            raise ValidationError(_("Choose a value from %(low)s to %(high)s.") % {"low": low, "high": high})
        return {"number": number}
    values = raw if isinstance(raw, list | tuple) else ([raw] if raw not in (None, "") else [])
    try:
        chosen = [int(value) for value in values]
    except (TypeError, ValueError):
        chosen = [-1]
    if any(pk not in choice_ids for pk in chosen):
        raise ValidationError(_("Choose among the answers offered."))
    if question.kind not in MULTIPLE_KINDS and len(chosen) > 1:
        raise ValidationError(_("Choose one answer."))
    return {"choices": chosen}


def _is_empty(value: dict) -> bool:
    return not value.get("text") and value.get("number") is None and not value.get("choices")


@transaction.atomic
def answers_save(*, response: Response, data: dict, complete: bool) -> Response:
    """Save what the respondent gave (``data`` maps question id to the raw value); on ``complete``,
    every required question must be answered, else nothing is completed and the errors say where."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.completed_at is not None:
        raise AlreadyCompleted(_("This response was already sent. Thank you!"))
    questions = list(response.survey.questions.prefetch_related("choices"))
    errors, cleaned = {}, {}
    for question in questions:
        choice_ids = {choice.pk for choice in question.choices.all()}
        try:
            cleaned[question.pk] = _clean(question, data.get(question.pk), choice_ids)
        except ValidationError as error:
            errors[f"q{question.pk}"] = error.messages
            continue
        if complete and question.required and _is_empty(cleaned[question.pk]):
            errors[f"q{question.pk}"] = [_("This question needs an answer.")]
    if errors:
        raise ValidationError(errors)
    existing = {answer.question_id: answer for answer in response.answers.all()}
    for question in questions:
        value = cleaned[question.pk]
        answer = existing.get(question.pk)
        if _is_empty(value):
            if answer:
                answer.delete()
            continue
        answer = answer or Answer(response=response, question=question)
        answer.text, answer.number = value.get("text", ""), value.get("number")
        answer.save()
        answer.choices.set(value.get("choices", []))
    if complete:
        _complete(response)
    elif response.invitation_id:
        Invitation.objects.filter(pk=response.invitation_id, status=InvitationStatus.OPENED).update(
            status=InvitationStatus.PARTIAL
        )
    response.save(update_fields=["updated_at", "completed_at", "interaction"])
    return response


def _complete(response: Response) -> None:
    response.completed_at = timezone.now()
    invitation = response.invitation
    if invitation is None:
        return
    invitation.status = InvitationStatus.COMPLETED
    invitation.save(update_fields=["status"])
    contact = invitation.contact
    organization = contact.organization
    survey = response.survey
    kind = InteractionType.objects.filter(code=SURVEY_INTERACTION).first()
    if kind is not None:
        response.interaction = interaction_log(
            kind=kind,
            occurred_on=timezone.localdate(),
            organizations=[organization],
            contacts=[contact],
            **system_summary(
                "survey_answered",
                contact=contact.full_name,
                survey={"en": survey.title_en, "fr": survey.title_fr, "es": survey.title_es},
            ),
            by=None,
            mode="online",
            objectives=survey.objectives.all(),
            actions=survey.actions.all(),
        )
    areas = [
        choice.area
        for answer in response.answers.filter(question__kind=QuestionKind.AREAS).prefetch_related("choices__area")
        for choice in answer.choices.all()
        if choice.area_id
    ]
    if areas:
        organization_add_stated_areas(
            organization=organization, areas=areas, stated_on=timezone.localdate(), source=survey.title_en
        )
