"""Summaries the app writes itself (a survey answered, an event attended) read in each reader's language,
whoever's language was active when they were written; a person's own words stay as written."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from accounts.choices import Role
from roundtables.models import Participant
from roundtables.services.participants import attendance_mark
from stakeholders.models import Interaction
from surveys.models import Invitation
from surveys.services.responses import answers_save, response_for_invitation
from tests.factories.roundtables import held_event
from tests.factories.stakeholders import ContactFactory, OrganizationFactory
from tests.factories.surveys import build_survey, reachable_contact

pytestmark = pytest.mark.django_db


def answered_survey() -> Interaction:
    survey = build_survey()
    contact = reachable_contact(full_name="Rosa Díaz")
    invitation = Invitation.objects.create(survey=survey, contact=contact, language="es")
    rating = survey.questions.get(kind="rating")
    single = survey.questions.get(kind="single")
    response = response_for_invitation(invitation)
    answers_save(response=response, data={rating.pk: "4", single.pk: str(single.choices.first().pk)}, complete=True)
    response.refresh_from_db()
    return response.interaction


def shown(interaction: Interaction, language: str) -> str:
    with translation.override(language):
        return Interaction.objects.get(pk=interaction.pk).summary_shown


def test_an_answered_survey_reads_in_each_readers_language():
    interaction = answered_survey()
    assert interaction.summary == "Rosa Díaz answered the survey “Working with the CEC”."  # searched, exported
    assert shown(interaction, "en") == "Rosa Díaz answered the survey “Working with the CEC”."
    assert shown(interaction, "fr") == "Rosa Díaz a répondu au sondage «\u00a0Collaborer avec la CCE\u00a0»."
    assert shown(interaction, "es") == "Rosa Díaz respondió la encuesta «Colaborar con la CCA»."


def test_attendance_taken_in_spanish_reads_in_french_for_a_french_reader(make_user, client_for):
    event = held_event(title_en="Circular economy roundtable", title_fr="Table ronde sur l’économie circulaire",
                       title_es="Mesa redonda de economía circular")  # fmt: skip
    contact = ContactFactory(organization=OrganizationFactory())
    participant = Participant.objects.create(
        event=event, contact=contact, organization=contact.organization, category="corporation", country="MX"
    )
    with translation.override("es"):  # the staff member taking attendance reads the app in Spanish
        attendance_mark(participant=participant, attended=True, by=make_user(Role.STAFF))
    interaction = Participant.objects.get(pk=participant.pk).interaction
    assert interaction.summary == "Took part in “Circular economy roundtable” (participant)."
    assert shown(interaction, "es") == "Participó en «Mesa redonda de economía circular» (participante)."

    page = client_for(Role.STAFF, preferred_language="fr").get(interaction.get_absolute_url()).content.decode()
    assert "A participé à «\u00a0Table ronde sur l’économie circulaire\u00a0» (participant)." in page
    listing = client_for(Role.STAFF, preferred_language="fr").get(reverse("stakeholders:interaction_list"))
    assert "Table ronde sur l’économie circulaire" in listing.content.decode()


def test_a_person_who_rewrites_the_apps_summary_makes_it_theirs(client_for):
    interaction = answered_survey()
    client = client_for(Role.STAFF, preferred_language="fr")
    edit = reverse("stakeholders:interaction_edit", args=[interaction.pk])
    form = client.get(edit).content.decode()
    assert "a répondu au sondage" in form  # offered in the reader's language

    def post(summary):
        data = {
            "kind": interaction.kind_id,
            "occurred_on": interaction.occurred_on.isoformat(),
            "mode": interaction.mode,
            "organizations": [o.pk for o in interaction.organizations.all()],
            "summary": summary,
            "version": Interaction.objects.get(pk=interaction.pk).version,
        }
        return client.post(edit, data)

    assert post(shown(interaction, "fr")).status_code == 302  # saved unchanged: still the app's
    interaction.refresh_from_db()
    assert interaction.summary_code == "survey_answered" and shown(interaction, "es").startswith("Rosa Díaz respondió")

    assert post("Rosa a rappelé pour en parler.").status_code == 302
    interaction.refresh_from_db()
    assert (interaction.summary_code, interaction.summary) == ("", "Rosa a rappelé pour en parler.")
    assert shown(interaction, "es") == "Rosa a rappelé pour en parler."


def test_summaries_written_before_are_read_in_each_language_once_migrated():
    interaction = answered_survey()
    survey_title = interaction.summary_values["survey"]["en"]
    Interaction.objects.filter(pk=interaction.pk).update(
        summary=f"Rosa Díaz: {survey_title}", summary_code="", summary_values={}
    )
    rewritten = answered_survey()  # someone has since written their own words on this one
    Interaction.objects.filter(pk=rewritten.pk).update(summary="Called back.", summary_code="", summary_values={})

    migration = importlib.import_module("surveys.migrations.0005_answered_survey_summaries")
    migration.forwards(apps, None)
    migration.forwards(apps, None)  # a second run changes nothing

    assert shown(interaction, "fr") == "Rosa Díaz a répondu au sondage «\u00a0Collaborer avec la CCE\u00a0»."
    assert Interaction.objects.get(pk=rewritten.pk).summary_shown == "Called back."


def test_attendance_summaries_written_before_in_any_language_are_migrated(make_user):
    event = held_event(title_en="Expo", title_fr="Salon", title_es="Feria")
    contact = ContactFactory(organization=OrganizationFactory())
    participant = Participant.objects.create(
        event=event, contact=contact, organization=contact.organization, category="corporation", country="MX"
    )
    attendance_mark(participant=participant, attended=True, by=make_user(Role.STAFF))
    interaction = Participant.objects.get(pk=participant.pk).interaction
    with translation.override("fr"):  # as the app wrote it before, in the French of whoever took attendance
        old = translation.gettext("Took part in “%(event)s” (%(role)s).") % {"event": "Salon", "role": "participant"}
    Interaction.objects.filter(pk=interaction.pk).update(summary=old, summary_code="", summary_values={})

    importlib.import_module("roundtables.migrations.0006_attended_event_summaries").forwards(apps, None)

    assert shown(interaction, "es") == "Participó en «Feria» (participante)."
    assert Interaction.objects.get(pk=interaction.pk).summary == "Took part in “Expo” (participant)."
