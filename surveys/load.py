"""Surveys for ``manage.py generate_load``: the strategy's own survey, open, with invitations to reachable
contacts of the register and 5,000 completed responses (fewer on a small register: half the invitations).

Found by the command through each app's ``load`` module, so the register does not depend on this app.
The survey is built through the builder services (real questions and choices); invitations, responses,
answers and their choices go in with ``bulk_create``, a few tens of thousands of rows in a few seconds.
Generated responses log no interaction and record no stated interest: the register stays as the load
made it. Draws are deterministic for a seed; link tokens stay random (they are secrets).
"""

import random
import time
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from stakeholders.models import Contact, OrganizationSector

from .choices import MULTIPLE_KINDS, InvitationStatus, QuestionKind, SurveyStatus
from .models import Answer, Invitation, Response, Survey
from .services.builder import survey_open
from .services.invitations import organization_profiles
from .strategy_template import TITLE, survey_from_strategy_template

LABEL = "surveys"
INVITATIONS = 10_000
RESPONSES = 5_000
DAYS_OPEN = 30
# Shares of the invitations that are not completed (the rest of the other half stays "sent").
PARTIAL, OPENED, FAILED = 0.05, 0.05, 0.02
# How often an optional question is answered.
ANSWER_RATE = {QuestionKind.LONG_TEXT: 0.35, QuestionKind.SHORT_TEXT: 0.5}
OPTIONAL_RATE = 0.8
RATING_WEIGHTS = [4, 8, 20, 40, 28]  # 1 to 5
RECOMMEND_WEIGHTS = [2, 1, 1, 2, 2, 5, 7, 14, 20, 24, 22]  # 0 to 10
TEXTS = {
    "en": [
        "The roundtable on circular supply chains was very useful for our sustainability team.",
        "We took part in the North American PRTR training and shared our emissions data.",
        "Clearer timelines and a single contact person would help a lot.",
        "The webinars were informative; we would like more case studies from Mexico.",
        "Sponsoring the Youth Innovation Challenge gave us visibility with new partners.",
        "Please share the results of this survey with the participants.",
    ],
    "fr": [
        "La table ronde sur l'économie circulaire a été très utile pour notre équipe.",
        "Des échéanciers plus clairs et une personne-ressource unique nous aideraient.",
        "Nous aimerions davantage d'études de cas sur les projets pilotes.",
    ],
    "es": [
        "El taller sobre cadenas de suministro limpias fue muy útil para nuestra empresa.",
        "Sería útil contar con plazos más claros y un solo punto de contacto.",
        "Nos gustaría participar en proyectos piloto sobre residuos alimentarios.",
    ],
}


def wanted(reachable: int) -> tuple[int, int]:
    """Invitations and completed responses for a register with ``reachable`` contacts."""
    invitations = min(INVITATIONS, reachable)
    return invitations, min(RESPONSES, invitations // 2)


def wipe() -> None:
    Survey.objects.all().delete()


def _loaded() -> Survey | None:
    return Survey.objects.filter(title_en=TITLE["en"], status=SurveyStatus.OPEN).order_by("pk").first()


@transaction.atomic
def ensure(stdout, *, seed: int, orgs: int) -> None:
    """Load the survey unless one with that many invitations and completed responses is there already."""
    invitations, responses = wanted(Contact.objects.reachable().count())
    survey = _loaded()
    if (
        survey is not None
        and survey.invitations.count() == invitations
        and survey.responses.filter(completed_at__isnull=False).count() == responses
    ):
        stdout.write(f"  surveys: reusing “{survey.title_en}” with {responses:,} responses")
        return
    wipe()
    started = time.monotonic()
    started_responses = _generate(random.Random(f"surveys:{seed}"), invitations, responses)
    _analyze()
    seconds = time.monotonic() - started
    stdout.write(
        f"  surveys: 1 open survey, {invitations:,} invitations, {responses:,} completed responses "
        f"({started_responses - responses:,} more started) in {seconds:.1f}s"
    )


def _analyze() -> None:
    """Fresh statistics for the planner on the tables just filled (PostgreSQL): without them it guesses a
    handful of rows and picks plans that take seconds on the results page."""
    if connection.vendor != "postgresql":
        return
    tables = [model._meta.db_table for model in (Invitation, Response, Answer, Answer.choices.through)]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(table) for table in tables))


def _generate(rng: random.Random, count: int, completed: int) -> int:
    if not count:
        return 0
    now = timezone.now()
    opened_on = now - timedelta(days=DAYS_OPEN)
    survey = survey_from_strategy_template(by=None)
    survey.opens_on = opened_on.date()
    survey_open(survey=survey)
    questions = list(survey.questions.prefetch_related("choices"))

    contacts = list(Contact.objects.reachable().order_by("pk").values_list("pk", "preferred_language", "organization"))
    chosen = rng.sample(contacts, count)
    sectors = dict(
        OrganizationSector.objects.filter(organization__in={org for _pk, _lang, org in chosen})
        .order_by("organization", "code")
        .values_list("organization", "sector")
    )
    partial, opened, failed = (round(count * share) for share in (PARTIAL, OPENED, FAILED))
    statuses = (
        [InvitationStatus.COMPLETED] * completed
        + [InvitationStatus.PARTIAL] * min(partial, count - completed)
        + [InvitationStatus.OPENED] * opened
        + [InvitationStatus.FAILED] * failed
    )[:count]
    statuses += [InvitationStatus.SENT] * (count - len(statuses))
    rng.shuffle(statuses)

    profiles = organization_profiles(org for _pk, _lang, org in chosen)
    invitations = []
    for (contact, language, org), status in zip(chosen, statuses, strict=True):
        sent_at = opened_on + timedelta(minutes=rng.randint(0, 120))
        invitations.append(
            Invitation(
                survey=survey,
                contact_id=contact,
                language=language or "en",
                status=status,
                country=profiles[org][0],
                category=profiles[org][1],
                sector_id=profiles[org][2],
                sent_at=None if status == InvitationStatus.FAILED else sent_at,
                error="550 mailbox unavailable" if status == InvitationStatus.FAILED else "",
                opened_at=(
                    sent_at + timedelta(minutes=rng.randint(5, (DAYS_OPEN - 1) * 1440))
                    if status in (InvitationStatus.COMPLETED, InvitationStatus.PARTIAL, InvitationStatus.OPENED)
                    else None
                ),
            )
        )
    Invitation.objects.bulk_create(invitations, batch_size=2000)
    survey.invitations.update(created_at=opened_on)  # auto_now_add set them to now

    responses = []
    for invitation in invitations:
        if invitation.opened_at is None:
            continue
        done = invitation.status == InvitationStatus.COMPLETED
        finished = invitation.opened_at + timedelta(minutes=rng.randint(4, 40))
        responses.append(
            Response(
                survey=survey,
                invitation_id=invitation.pk,
                language=invitation.language,
                completed_at=min(finished, now) if done else None,
            )
        )
    Response.objects.bulk_create(responses, batch_size=2000)
    # started_at is set to now by bulk_create (auto_now_add): move it back to when the link was opened.
    opened_at = Invitation.objects.filter(pk=OuterRef("invitation_id")).values("opened_at")[:1]
    Response.objects.filter(survey=survey).update(started_at=Subquery(opened_at))

    org_of = {contact: org for contact, _lang, org in chosen}
    contact_of = {invitation.pk: invitation.contact_id for invitation in invitations}
    answers, picks = _answers(rng, questions, responses, sectors, org_of, contact_of)
    Answer.objects.bulk_create(answers, batch_size=2000)
    through = Answer.choices.through
    through.objects.bulk_create(
        [through(answer_id=answer.pk, choice_id=choice) for answer, chosen in picks for choice in chosen],
        batch_size=5000,
    )
    return len(responses)


def _answers(rng, questions, responses, sectors, org_of, contact_of):
    """Answers with a realistic spread: each choice gets a popularity of its own, ratings lean positive,
    the sector question follows the organization's sector, a partial response stops after the first section."""
    popularity = {
        question.pk: [rng.uniform(0.3, 3.0) for _ in question.choices.all()]
        for question in questions
        if question.has_choices
    }
    first_section = questions[0].section_id if questions else None
    answers, picks = [], []
    for response in responses:
        language = response.language if response.language in TEXTS else "en"
        rating = None
        for question in questions:
            if response.completed_at is None and question.section_id != first_section:
                break
            kind = question.kind
            if not question.required and rng.random() > ANSWER_RATE.get(kind, OPTIONAL_RATE):
                continue
            answer = Answer(response_id=response.pk, question_id=question.pk)
            if kind == QuestionKind.RATING:
                rating = answer.number = rng.choices(range(1, 6), RATING_WEIGHTS)[0]
            elif kind == QuestionKind.RECOMMEND:
                # People who rated their experience well tend to recommend it.
                shift = 0 if rating is None else rating - 3
                answer.number = max(0, min(10, rng.choices(range(11), RECOMMEND_WEIGHTS)[0] + shift))
            elif kind in (QuestionKind.LONG_TEXT, QuestionKind.SHORT_TEXT):
                answer.text = rng.choice(TEXTS[language])
            else:
                choices = list(question.choices.all())
                if not choices:
                    continue
                chosen = None
                if kind == QuestionKind.SECTOR:
                    sector = sectors.get(org_of[contact_of[response.invitation_id]])
                    chosen = [c.pk for c in choices if c.sector_id == sector][:1] or None
                if chosen is None:
                    many = rng.choice((1, 1, 2, 2, 3, 4)) if kind in MULTIPLE_KINDS else 1
                    chosen = set()
                    while len(chosen) < min(many, len(choices)):
                        chosen.add(rng.choices(choices, popularity[question.pk])[0].pk)
                    chosen = sorted(chosen)
                picks.append((answer, chosen))
            answers.append(answer)
    return answers, picks
