"""Reads for a survey's results: response rates, counts per choice, scales, text answers, cross-tabulations.

Only completed responses count (an open-link response too); rates count personal invitations only. Every
figure is aggregated in SQL, a fixed number of queries whatever the number of questions and responses.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stakeholders.choices import Category, Country
from stakeholders.models import NaicsCode
from strategy.translation import active_language

from .choices import CHOICE_KINDS, SCALE_KINDS, TEXT_KINDS, InvitationStatus, QuestionKind
from .models import Answer, Choice, Invitation, Question, Response, Survey

TEXT_ANSWERS_SHOWN = 50


@dataclass(frozen=True)
class Dimension:
    """A way to break results down: its name, the invitation's field holding the organization's value, and
    the captions of its tables (whole sentences, for the translators)."""

    label: str
    path: str
    rate_caption: str
    crosstab_caption: str


DIMENSIONS = {
    "country": Dimension(
        gettext_lazy("Country"),
        "country",
        gettext_lazy("Response rate by country"),
        gettext_lazy("Answers by country"),
    ),
    "category": Dimension(
        gettext_lazy("Stakeholder category"),
        "category",
        gettext_lazy("Response rate by stakeholder category"),
        gettext_lazy("Answers by stakeholder category"),
    ),
    "sector": Dimension(
        gettext_lazy("Sector"),
        "sector",
        gettext_lazy("Response rate by sector"),
        gettext_lazy("Answers by sector"),
    ),
}
NOT_SENT = (InvitationStatus.QUEUED, InvitationStatus.FAILED, InvitationStatus.WITHHELD)


def completed_responses(survey: Survey) -> QuerySet[Response]:
    """The survey's completed responses: the only ones results and exports count."""
    return Response.objects.filter(survey=survey, completed_at__isnull=False)


@dataclass
class Rate:
    """Completed invitations over invitations sent (not queued, failed or withheld), for one group or overall."""

    key: str | None
    label: str
    sent: int = 0
    completed: int = 0

    @property
    def percent(self) -> float | None:
        return 100 * self.completed / self.sent if self.sent else None


def dimension_labels(dimension: str) -> dict:
    """Labels of a dimension's values in the reader's language; ``None`` is "not known"."""
    if dimension == "country":
        labels = {code: str(label) for code, label in Country.choices}
    elif dimension == "category":
        labels = {code: str(label) for code, label in Category.choices}
    else:
        title = f"title_{active_language()}"
        labels = {
            code: f"{code} {localized or english}"
            for code, localized, english in NaicsCode.objects.filter(level=2).values_list("code", title, "title_en")
        }
    labels[None] = _("Not known")  # no sector recorded, or an open-link response
    return labels


def _sorted(rates: dict) -> list[Rate]:
    return sorted((rate for rate in rates.values() if rate.sent), key=lambda rate: (rate.key is None, rate.label))


def response_rates(survey: Survey) -> dict[str, list[Rate] | Rate]:
    """The overall rate and the rates by country, stakeholder category and NAICS sector (three queries)."""
    sent, completed = ~Q(status__in=NOT_SENT), Q(status=InvitationStatus.COMPLETED)
    invitations = Invitation.objects.filter(survey=survey).order_by()
    labels = {dimension: dimension_labels(dimension) for dimension in DIMENSIONS}
    groups = {dimension: {} for dimension in DIMENSIONS}
    overall = Rate(None, _("All invitations"))
    # Each organization has one country and one category: one GROUP BY on both gives the two breakdowns
    # and the overall rate.
    country, category = DIMENSIONS["country"].path, DIMENSIONS["category"].path
    for row in invitations.values(country, category).annotate(
        sent=Count("id", filter=sent), completed=Count("id", filter=completed)
    ):
        for dimension, path in (("country", country), ("category", category), (None, None)):
            if dimension is None:
                rate = overall
            else:
                key = row[path]
                rate = groups[dimension].setdefault(key, Rate(key, labels[dimension].get(key, str(key))))
            rate.sent += row["sent"]
            rate.completed += row["completed"]
    # The invitation keeps its organization's first sector: one GROUP BY on the invitations again.
    path = DIMENSIONS["sector"].path
    for row in invitations.values(path).annotate(
        sent=Count("id", filter=sent), completed=Count("id", filter=completed)
    ):
        key = row[path]
        groups["sector"][key] = Rate(key, labels["sector"].get(key, str(key)), row["sent"], row["completed"])
    return {"overall": overall} | {dimension: _sorted(rates) for dimension, rates in groups.items()}


@dataclass
class ChoiceCount:
    choice: Choice
    count: int
    percent: float


@dataclass
class CrossTab:
    """Counts of each choice by the values of a dimension; ``columns`` are (key, label) pairs."""

    columns: list[tuple]
    rows: list[tuple[Choice, list[int], int]]
    respondents: list[int]
    total_respondents: int


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    choices: list[ChoiceCount] = field(default_factory=list)
    scale: list[tuple[int, int, float]] = field(default_factory=list)  # value, count, percent
    mean: float | None = None
    nps: float | None = None
    texts: list[Answer] = field(default_factory=list)
    crosstab: CrossTab | None = None

    @property
    def is_choice(self) -> bool:
        return self.question.kind in CHOICE_KINDS

    @property
    def is_scale(self) -> bool:
        return self.question.kind in SCALE_KINDS

    @property
    def is_text(self) -> bool:
        return self.question.kind in TEXT_KINDS

    @property
    def bounds(self) -> tuple[int, int] | None:
        return SCALE_KINDS.get(self.question.kind)

    @property
    def texts_hidden(self) -> int:
        return max(0, self.answered - len(self.texts))


@dataclass
class SurveyResults:
    survey: Survey
    completed: int
    questions: list[QuestionResult]
    by: str = ""

    @property
    def dimension(self) -> Dimension | None:
        return DIMENSIONS.get(self.by)


def _answers(survey: Survey) -> QuerySet[Answer]:
    return Answer.objects.filter(response__survey=survey, response__completed_at__isnull=False).order_by()


def _choice_counts(survey: Survey) -> dict[int, int]:
    """How many completed responses chose each choice: one GROUP BY on the answers' choices."""
    through = Answer.choices.through
    rows = (
        through.objects.filter(answer__response__survey=survey, answer__response__completed_at__isnull=False)
        .order_by()
        .values("choice_id")
        .annotate(n=Count("id"))
        .values_list("choice_id", "n")
    )
    return dict(rows)


def _text_answers(survey: Survey, text_questions: list[int], with_names: bool) -> list[Answer]:
    """The newest ``TEXT_ANSWERS_SHOWN`` text answers of each text question (two queries): a window ranks
    the answers of each question and keeps their ids, then only those are loaded with their respondents.
    As one query, the planner cannot tell how few the window keeps and joins every answer to its contact."""
    if not text_questions:
        return []
    ranked = (
        _answers(survey)
        .filter(question_id__in=text_questions)  # by id, so the index on the question picks their answers only
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("question_id")],
                order_by=[F("response__completed_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=TEXT_ANSWERS_SHOWN)
        .values_list("id", flat=True)
    )
    answers = Answer.objects.filter(pk__in=list(ranked)).order_by("question_id", "-response__completed_at", "-id")
    if with_names:
        return list(answers.select_related("response__invitation__contact__organization"))
    return list(answers.select_related("response").only("question_id", "text", "response__completed_at"))


def _crosstab(
    survey: Survey, by: str, questions: list[Question], totals: dict[int, int], completed: int
) -> dict[int, CrossTab]:
    """For each choice question, the counts of each choice by the respondents' country, category or sector.
    An organization may have several sectors, so sector columns may add up to more than the total."""
    labels = dimension_labels(by)
    path = "invitation__" + DIMENSIONS[by].path
    through = Answer.choices.through
    cells = defaultdict(int)
    # An organization with two codes in one sector meets the join twice: count each answer once.
    for choice_id, key, n in (
        through.objects.filter(answer__response__survey=survey, answer__response__completed_at__isnull=False)
        .order_by()
        .values("choice_id", f"answer__response__{path}")
        .annotate(n=Count("answer_id", distinct=True))
        .values_list("choice_id", f"answer__response__{path}", "n")
    ):
        cells[(choice_id, key)] = n
    respondents = dict(
        completed_responses(survey)
        .order_by()
        .values(path)
        .annotate(n=Count("id", distinct=True))
        .values_list(path, "n")
    )
    keys = sorted(respondents, key=lambda key: (key is None, labels.get(key, str(key))))
    columns = [(key, labels.get(key, str(key))) for key in keys]
    tables = {}
    for question in questions:
        if question.kind not in CHOICE_KINDS:
            continue
        rows = []
        for choice in question.choices.all():
            rows.append((choice, [cells[(choice.pk, key)] for key in keys], totals.get(choice.pk, 0)))
        tables[question.pk] = CrossTab(
            columns=columns, rows=rows, respondents=[respondents[key] for key in keys], total_respondents=completed
        )
    return tables


def survey_results(survey: Survey, *, by: str = "", with_names: bool = False) -> SurveyResults:
    """Everything the results page shows. ``by`` (a key of ``DIMENSIONS``) adds a cross-tabulation of each
    choice question; ``with_names`` loads who wrote each text answer (for people who may see respondents)."""
    questions = list(survey.questions.select_related("section").prefetch_related("choices"))
    completed = completed_responses(survey).count()
    # One GROUP BY gives each question's answer count and each scale's distribution (number is null elsewhere).
    answered, distribution = defaultdict(int), defaultdict(dict)
    for question_id, number, n in (
        _answers(survey)
        .values("question_id", "number")
        .annotate(n=Count("id"))
        .values_list("question_id", "number", "n")
    ):
        answered[question_id] += n
        if number is not None:
            distribution[question_id][number] = n
    counts = _choice_counts(survey) if any(q.kind in CHOICE_KINDS for q in questions) else {}
    texts = defaultdict(list)
    if any(q.kind in TEXT_KINDS for q in questions):
        text_questions = [question.pk for question in questions if question.kind in TEXT_KINDS]
        for answer in _text_answers(survey, text_questions, with_names):
            texts[answer.question_id].append(answer)
    crosstabs = _crosstab(survey, by, questions, counts, completed) if by in DIMENSIONS else {}

    results = []
    for question in questions:
        result = QuestionResult(question=question, answered=answered[question.pk])
        base = result.answered or 1
        if question.kind in CHOICE_KINDS:
            result.choices = [
                ChoiceCount(choice, counts.get(choice.pk, 0), 100 * counts.get(choice.pk, 0) / base)
                for choice in question.choices.all()
            ]
            result.crosstab = crosstabs.get(question.pk)
        elif question.kind in SCALE_KINDS:
            _scale(result, distribution[question.pk])
        else:
            result.texts = texts[question.pk]
        results.append(result)
    return SurveyResults(survey=survey, completed=completed, questions=results, by=by if by in DIMENSIONS else "")


def _scale(result: QuestionResult, distribution: dict[int, int]) -> None:
    """Distribution over the whole scale, the mean, and for a recommendation the Net Promoter Score:
    the share of 9 and 10 minus the share of 0 to 6, in points from -100 to 100."""
    low, high = SCALE_KINDS[result.question.kind]
    total = sum(distribution.values())
    result.scale = [
        (value, distribution.get(value, 0), 100 * distribution.get(value, 0) / total if total else 0.0)
        for value in range(low, high + 1)
    ]
    if not total:
        return
    result.mean = sum(value * n for value, n in distribution.items()) / total
    if result.question.kind == QuestionKind.RECOMMEND:
        promoters = sum(n for value, n in distribution.items() if value >= 9)
        detractors = sum(n for value, n in distribution.items() if value <= 6)
        result.nps = 100 * (promoters - detractors) / total


def chart_data(results: SurveyResults) -> dict:
    """What the page's script draws: per choice or scale question, its labels and counts."""
    charts = {}
    for result in results.questions:
        if result.is_choice:
            charts[str(result.question.pk)] = {
                "labels": [row.choice.label for row in result.choices],
                "counts": [row.count for row in result.choices],
            }
        elif result.is_scale:
            charts[str(result.question.pk)] = {
                "labels": [str(value) for value, _n, _p in result.scale],
                "counts": [n for _v, n, _p in result.scale],
            }
    return {"label": _("Responses"), "charts": charts}
