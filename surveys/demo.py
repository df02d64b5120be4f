"""The demo survey for ``seed_demo``: the strategy's targeted survey of private-sector partners, open,
its invitations sent to a dozen consenting contacts, and a few already answered, so the results page,
the response rate on the dashboard and a respondent's own link all have something to show."""

from django.db import transaction
from django.test.utils import override_settings

from accounts.models import User
from stakeholders.models import Contact

from .choices import MULTIPLE_KINDS, SCALE_KINDS, TEXT_KINDS, InvitationStatus, SurveyStatus
from .models import Invitation, Survey
from .services.builder import survey_open
from .services.invitations import invitations_create, invitations_send_queued
from .services.responses import answers_save, response_for_invitation
from .strategy_template import TITLE, survey_from_strategy_template

INVITED = 12
ANSWERED = 4
# The demo contacts' addresses are made up: the invitations are "sent" to memory, never to a mail server.
DEMO_MAIL = "django.core.mail.backends.locmem.EmailBackend"
DEMO_SITE = "http://127.0.0.1:8000"


def _answers(survey: Survey, seed: int) -> dict:
    """Plausible answers to every question: a rating of 3 to 5, one of the first choices, no free text."""
    data = {}
    for index, question in enumerate(survey.questions.prefetch_related("choices")):
        choices = [choice.pk for choice in question.choices.all()]
        if question.kind in SCALE_KINDS:
            low, high = SCALE_KINDS[question.kind]
            data[question.pk] = str(max(low, high - (seed + index) % 3))
        elif choices and question.kind not in TEXT_KINDS:
            chosen = choices[(seed + index) % min(len(choices), 3)]
            data[question.pk] = [chosen] if question.kind in MULTIPLE_KINDS else chosen
    return data


@transaction.atomic
def seed_demo_survey(people: list[User]) -> Survey | None:
    """Open the demo survey and send its invitations once; returns the survey when it was just made."""
    if Survey.objects.filter(title_en=TITLE["en"]).exists():
        return None
    owner = next(p for p in people if p.has_perm("surveys.add_survey"))
    survey = survey_open(survey=survey_from_strategy_template(by=owner))
    chosen = list(Contact.objects.reachable().order_by("pk").values_list("pk", flat=True)[:INVITED])
    contacts = Contact.objects.filter(pk__in=chosen)
    invitations_create(survey=survey, contacts=contacts, by=owner)
    with override_settings(EMAIL_BACKEND=DEMO_MAIL):
        invitations_send_queued(survey_id=survey.pk, base_url=DEMO_SITE)
    for seed, invitation in enumerate(survey.invitations.order_by("pk")[:ANSWERED]):
        answers_save(response=response_for_invitation(invitation), data=_answers(survey, seed), complete=True)
    return survey


def demo_respondent_link() -> str | None:
    """A personal link of the demo survey nobody has answered yet, for the person trying the demo."""
    invitation = (
        Invitation.objects.filter(
            survey__title_en=TITLE["en"], survey__status=SurveyStatus.OPEN, status=InvitationStatus.SENT
        )
        .order_by("pk")
        .first()
    )
    return f"{DEMO_SITE}/s/{invitation.token}/" if invitation else None
