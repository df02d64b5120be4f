"""The public response pages: no account, the invitation's language (with a switcher), partial saves,
one completed response per personal link, polite pages for closed, unknown or finished links, and a rate
limit per address."""

import secrets

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from ..forms import ResponseForm
from ..models import Invitation, Response, Survey
from ..services.builder import survey_is_accepting
from ..services.responses import AlreadyCompleted, answers_save, response_for_invitation, response_for_visitor
from .builder import LANGUAGES, _sections

RATE = "60/m"  # per address: plenty for a person, little for a script trying tokens
VISITOR_COOKIE = "cec_survey_visitor"


SWITCH = [("en", "English"), ("fr", "Français"), ("es", "Español")]


def _polite(request, template: str, *, status: int, survey=None, language=None):
    with translation.override(language or translation.get_language()):
        context = {"survey": survey, "switch_languages": SWITCH if survey else None}
        return render(request, f"surveys/public/{template}.html", context, status=status)


def _language(request, default: str) -> str:
    chosen = request.GET.get("lang") or request.POST.get("lang")
    return chosen if chosen in LANGUAGES else default


def _answers(response: Response) -> dict:
    saved = {}
    for answer in response.answers.select_related("question").prefetch_related("choices"):
        chosen = [str(choice.pk) for choice in answer.choices.all()]
        if chosen:
            saved[answer.question_id] = (
                chosen if len(chosen) > 1 or answer.question.kind in ("multiple", "pillars", "areas") else chosen[0]
            )
        elif answer.number is not None:
            saved[answer.question_id] = str(answer.number)
        else:
            saved[answer.question_id] = answer.text
    return saved


def _respond(request, survey: Survey, response: Response, language: str, link_params: str = ""):
    with translation.override(language):
        questions = list(survey.questions.select_related("section").prefetch_related("choices"))
        if request.method == "POST":
            form = ResponseForm(request.POST, questions=questions)
            complete = request.POST.get("action") == "submit"
            try:
                answers_save(response=response, data=form.raw_answers(), complete=complete)
            except AlreadyCompleted:
                return _polite(request, "already_answered", status=200, survey=survey, language=language)
            except ValidationError as error:
                for field, errors in error.error_dict.items():
                    form.add_error(field, errors)
                status = 400
            else:
                if complete:
                    return _polite(request, "thanks", status=200, survey=survey, language=language)
                return HttpResponseRedirect(f"{request.path}?lang={language}&saved=1")
        else:
            form = ResponseForm(questions=questions, answers=_answers(response))
            status = 200
        return render(
            request,
            "surveys/respond.html",
            {
                "survey": survey,
                "form": form,
                "sections": _sections(form),
                "language": language,
                "saved": request.GET.get("saved") == "1",
                "preview": False,
                "switch_languages": SWITCH,
            },
            status=status,
        )


@login_not_required
@never_cache
@ratelimit(key="ip", rate=RATE, method=ratelimit.ALL, block=False)
def respond(request, token: str):
    if getattr(request, "limited", False):
        return _polite(request, "slow_down", status=429)
    invitation = Invitation.objects.select_related("survey", "contact").filter(token=token).first()
    if invitation is None:
        return _polite(request, "unknown", status=404)
    language = _language(request, invitation.language)
    survey = invitation.survey
    if not survey_is_accepting(survey):
        return _polite(request, "closed", status=410, survey=survey, language=language)
    response = getattr(invitation, "response", None)
    if response is not None and response.completed_at is not None:
        return _polite(request, "already_answered", status=200, survey=survey, language=language)
    response = response or response_for_invitation(invitation)
    if response.invitation_id and invitation.status in ("queued", "sent", "failed"):
        response_for_invitation(invitation)  # marks the invitation opened
    return _respond(request, survey, response, language)


@login_not_required
@never_cache
@ratelimit(key="ip", rate=RATE, method=ratelimit.ALL, block=False)
def respond_open(request, token: str):
    """The open link of a survey (no personal token), e.g. for a conference audience."""
    if getattr(request, "limited", False):
        return _polite(request, "slow_down", status=429)
    survey = Survey.objects.filter(open_token=token, open_link_enabled=True).first()
    if survey is None:
        return _polite(request, "unknown", status=404)
    language = _language(request, translation.get_language()[:2])
    if not survey_is_accepting(survey):
        return _polite(request, "closed", status=410, survey=survey, language=language)
    visitor = request.COOKIES.get(VISITOR_COOKIE) or secrets.token_urlsafe(24)
    response = response_for_visitor(survey, visitor, language)
    result = _respond(request, survey, response, language)
    result.set_cookie(VISITOR_COOKIE, visitor, max_age=60 * 60 * 24 * 90, httponly=True, samesite="Lax",
                      secure=request.is_secure())  # fmt: skip
    return result
