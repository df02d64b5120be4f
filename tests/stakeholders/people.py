"""A person with a record in every part of the app: what access and erasure requests are about."""

from django.utils import timezone

from roundtables.models import Participant
from roundtables.services.participants import attendance_mark, participants_invite
from stakeholders.models import Contact
from stakeholders.services.contacts import contact_save
from surveys.choices import QuestionKind
from surveys.models import Invitation
from surveys.services.invitations import invitations_create
from surveys.services.responses import answers_save, response_for_invitation
from tests.factories.partnerships import PartnershipFactory
from tests.factories.roundtables import held_event
from tests.factories.stakeholders import ContactFactory, OrganizationFactory, log_interaction
from tests.factories.surveys import build_survey

NAME = "Marisol Quintero-Vidal"
EMAIL = "marisol.quintero@minera-azul.example"
EARLIER_EMAIL = "mquintero@minera-azul.example"
PHONE = "+52 55 5123 4567"


def person_with_records(*, interactions: int = 2, by=None) -> Contact:
    """A contact who changed email once, took part in ``interactions`` interactions (whose summaries name
    her), answered a survey (naming herself), attended an event, and is in a partnership."""
    organization = OrganizationFactory(name="Minera Azul")
    contact = ContactFactory(
        organization=organization,
        full_name=NAME,
        email=EARLIER_EMAIL,
        phone=PHONE,
        job_title="Directora de sustentabilidad",
        consent_given=True,
        consent_date=timezone.localdate(),
        consent_source="Registration form",
        consent_purpose="Roundtable invitations",
    )
    contact.email = EMAIL
    contact._change_reason = f"Email given by {NAME}"
    contact = contact_save(contact=contact)
    for number in range(interactions):
        log_interaction(organization, contacts=[contact], summary=f"Call {number} with {NAME} about tailings.", by=by)
    survey = build_survey(by=by)
    invitations_create(survey=survey, contacts=Contact.objects.filter(pk=contact.pk), by=by)
    text_question = survey.questions.get(kind=QuestionKind.LONG_TEXT)
    rating = survey.questions.get(kind=QuestionKind.RATING)
    single = survey.questions.get(kind=QuestionKind.SINGLE)
    answers_save(
        response=response_for_invitation(Invitation.objects.get(contact=contact)),
        data={rating.pk: "4", single.pk: str(single.choices.first().pk), text_question.pk: f"Write to {EMAIL}"},
        complete=True,
    )
    event = held_event()
    participants_invite(event=event, contacts=Contact.objects.filter(pk=contact.pk), by=by)
    attendance_mark(participant=Participant.objects.get(contact=contact), attended=True, by=by)
    partnership = PartnershipFactory(lead_organization=organization)
    partnership.contacts.add(contact)
    return contact
