"""The survey builder: list, create (blank or from the strategy's survey), edit, questions, open and close."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from strategy.forms import add_service_errors

from ..choices import InvitationStatus, SurveyStatus
from ..forms import QuestionForm, ResponseForm, SectionForm, SurveyForm
from ..models import Question, Survey
from ..services.builder import (
    question_delete,
    question_move,
    question_save,
    questions_reorder,
    section_add,
    survey_close,
    survey_open,
    survey_save,
)
from ..strategy_template import survey_from_strategy_template

LANGUAGES = ("en", "fr", "es")


@permission_required("surveys.view_survey", raise_exception=True)
def survey_list(request):
    surveys = Survey.objects.annotate(
        invited=Count("invitations", distinct=True),
        completed=Count("invitations", filter=Q(invitations__status=InvitationStatus.COMPLETED), distinct=True),
    ).select_related("owner")
    return render(request, "surveys/survey_list.html", {"surveys": surveys})


@permission_required("surveys.add_survey", raise_exception=True)
def survey_create(request):
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = survey_save(
                survey=form.instance,
                by=request.user,
                many_to_many={"objectives": form.cleaned_data["objectives"], "actions": form.cleaned_data["actions"]},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The survey is created as a draft. Add its questions."))
            return HttpResponseRedirect(survey.get_absolute_url())
    return render(request, "surveys/survey_form.html", {"form": form})


@require_POST
@permission_required("surveys.add_survey", raise_exception=True)
def survey_from_template(request):
    survey = survey_from_strategy_template(by=request.user)
    messages.success(
        request, _("A copy of the strategy's targeted survey is ready as a draft: adjust it, then open it.")
    )
    return HttpResponseRedirect(survey.get_absolute_url())


@permission_required("surveys.change_survey", raise_exception=True)
def survey_edit(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    form = SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        try:
            survey_save(
                survey=form.instance,
                many_to_many={"objectives": form.cleaned_data["objectives"], "actions": form.cleaned_data["actions"]},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Changes to the survey are saved."))
            return HttpResponseRedirect(survey.get_absolute_url())
    return render(request, "surveys/survey_form.html", {"form": form, "survey": survey})


@permission_required("surveys.view_survey", raise_exception=True)
def survey_detail(request, pk):
    survey = get_object_or_404(Survey.objects.select_related("owner"), pk=pk)
    sections = survey.sections.prefetch_related("questions__choices")
    counts = dict(survey.invitations.order_by().values_list("status").annotate(n=Count("id")))
    return render(
        request,
        "surveys/survey_detail.html",
        {
            "survey": survey,
            "sections": sections,
            "counts": {label: counts.get(value, 0) for value, label in InvitationStatus.choices},
            "invited": sum(counts.values()),
            "editable": survey.status == SurveyStatus.DRAFT and request.user.has_perm("surveys.change_survey"),
            "languages": LANGUAGES,
            "open_link": request.build_absolute_uri(reverse("surveys:respond_open", args=[survey.open_token])),
        },
    )


@permission_required("surveys.change_survey", raise_exception=True)
def section_create(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        section_add(survey=survey, titles={code: form.cleaned_data[f"title_{code}"] for code in LANGUAGES})
        return HttpResponseRedirect(survey.get_absolute_url())
    return render(request, "surveys/section_form.html", {"form": form, "survey": survey})


@permission_required("surveys.change_survey", raise_exception=True)
def question_edit(request, pk, question_pk=None):
    survey = get_object_or_404(Survey, pk=pk)
    question = get_object_or_404(Question, pk=question_pk, survey=survey) if question_pk else Question(survey=survey)
    if not question.pk and request.GET.get("section", "").isdigit():
        question.section_id = int(request.GET["section"])
    form = QuestionForm(request.POST or None, instance=question, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            question_save(question=form.instance, choice_lines=form.choice_lines())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Question saved."))
            return HttpResponseRedirect(survey.get_absolute_url() + f"#question-{form.instance.pk}")
    return render(request, "surveys/question_form.html", {"form": form, "survey": survey, "question": question})


@require_POST
@permission_required("surveys.change_survey", raise_exception=True)
def question_remove(request, pk, question_pk):
    question = get_object_or_404(Question, pk=question_pk, survey_id=pk)
    try:
        question_delete(question=question)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Question deleted."))
    return HttpResponseRedirect(reverse("surveys:survey_detail", args=[pk]))


@require_POST
@permission_required("surveys.change_survey", raise_exception=True)
def question_reorder(request, pk, question_pk=None):
    """Up or down by a button, or a whole new order from drag and drop (``order`` = question ids)."""
    survey = get_object_or_404(Survey, pk=pk)
    if question_pk:
        question = get_object_or_404(Question, pk=question_pk, survey=survey)
        question_move(question=question, offset=-1 if request.POST.get("direction") == "up" else 1)
        return HttpResponseRedirect(survey.get_absolute_url() + f"#question-{question.pk}")
    order = [int(value) for value in request.POST.getlist("order") if value.isdigit()]
    questions_reorder(survey=survey, order=order)
    return HttpResponseRedirect(survey.get_absolute_url())


@require_POST
@permission_required("surveys.change_survey", raise_exception=True)
def survey_status(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    action = request.POST.get("action")
    try:
        if action == "open":
            survey_open(survey=survey)
            messages.success(request, _("The survey is open for responses."))
        elif action == "close":
            survey_close(survey=survey)
            messages.success(request, _("The survey is closed: its links now show a polite closed page."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return HttpResponseRedirect(survey.get_absolute_url())


@permission_required("surveys.view_survey", raise_exception=True)
def survey_preview(request, pk):
    """The survey as a respondent sees it, in the chosen language; nothing is saved."""
    survey = get_object_or_404(Survey, pk=pk)
    language = request.GET.get("lang") if request.GET.get("lang") in LANGUAGES else "en"
    with translation.override(language):
        questions = list(survey.questions.select_related("section").prefetch_related("choices"))
        form = ResponseForm(questions=questions)
        response = render(
            request,
            "surveys/respond.html",
            {
                "survey": survey,
                "form": form,
                "sections": _sections(form),
                "preview": True,
                "language": language,
                "switch_languages": [("en", "English"), ("fr", "Français"), ("es", "Español")],
            },
        )
    return response


def _sections(form: ResponseForm) -> list[tuple]:
    """The form's fields grouped by section, in order."""
    grouped: list[tuple] = []
    for question in form.questions:
        field = form[f"q{question.pk}"]
        if not grouped or grouped[-1][0] != question.section:
            grouped.append((question.section, []))
        grouped[-1][1].append((question, field))
    return grouped
