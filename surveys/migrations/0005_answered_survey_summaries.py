"""Interactions logged for answered surveys get their summary as a code and values, shown in each reader's
language (stakeholders.summaries), unless someone rewrote it since."""

from django.db import migrations


def forwards(apps, schema_editor):
    Response = apps.get_model("surveys", "Response")
    Interaction = apps.get_model("stakeholders", "Interaction")
    answered = Response.objects.filter(interaction__isnull=False, invitation__isnull=False, completed_at__isnull=False)
    for response in answered.select_related("survey", "invitation__contact", "interaction").iterator():
        interaction, survey, contact = response.interaction, response.survey, response.invitation.contact
        if interaction.summary_code or interaction.summary != f"{contact.full_name}: {survey.title_en}":
            continue  # already done, or a person's own words now
        Interaction.objects.filter(pk=interaction.pk).update(
            summary=f"{contact.full_name} answered the survey “{survey.title_en}”.",
            summary_code="survey_answered",
            summary_values={
                "contact": contact.full_name,
                "survey": {"en": survey.title_en, "fr": survey.title_fr, "es": survey.title_es},
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0004_invitation_withheld"),
        ("stakeholders", "0025_interaction_summary_code"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
