"""Exporting a survey's completed responses to CSV or XLSX, one row per response, in the reader's language.

The writers are the register's (``stakeholders.exports``): cells that a spreadsheet would run as a formula
get a leading apostrophe.
"""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from stakeholders.exports import MAX_EXPORT_ROWS

from .models import Answer, Survey
from .selectors import completed_responses

CHUNK = 1000


def _cell(answer: Answer | None) -> str:
    if answer is None:
        return ""
    chosen = [choice.label for choice in answer.choices.all()]
    if chosen:
        return "; ".join(chosen)
    return str(answer.number) if answer.number is not None else answer.text


def response_rows(survey: Survey):
    """The header and a generator of rows: response date, language, who answered (empty for the open
    link), their organization's country and category, then one column per question."""
    questions = list(survey.questions.all())
    header = [
        _("Response date"),
        _("Language"),
        _("Contact"),
        _("Email"),
        _("Organization"),
        _("Country"),
        _("Stakeholder category"),
    ] + [question.text for question in questions]
    responses = (
        completed_responses(survey)
        .select_related("invitation__contact__organization")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.prefetch_related("choices")))
        .order_by("completed_at", "id")
    )

    def rows():
        for response in responses[:MAX_EXPORT_ROWS].iterator(chunk_size=CHUNK):
            invitation = response.invitation
            contact = invitation.contact if invitation else None
            organization = contact.organization if contact else None
            answers = {answer.question_id: answer for answer in response.answers.all()}
            yield [
                timezone.localtime(response.completed_at).strftime("%Y-%m-%d %H:%M"),
                response.get_language_display(),
                contact.full_name if contact else "",
                contact.email if contact else "",
                organization.name if organization else "",
                organization.get_hq_country_display() if organization else "",
                organization.get_category_display() if organization else "",
            ] + [_cell(answers.get(question.pk)) for question in questions]

    return header, rows()
