"""The webinar interaction type reads as a whole in French and Spanish: "Webinaire ou présentation suivi"
left the participle agreeing with one noun only, and the Spanish name had lost "attended". A name an
administrator has since changed is left alone."""

from django.db import migrations

OLD = {"name_fr": "Webinaire ou présentation suivi", "name_es": "Seminario web o presentación"}
NEW = {
    "name_fr": "Participation à un webinaire ou à une présentation",
    "name_es": "Asistencia a un seminario web o presentación",
}


def reword(apps, schema_editor, before=OLD, after=NEW):
    InteractionType = apps.get_model("stakeholders", "InteractionType")
    for field, old in before.items():
        InteractionType.objects.filter(code="webinar", **{field: old}).update(**{field: after[field]})


def restore(apps, schema_editor):
    reword(apps, schema_editor, before=NEW, after=OLD)


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0017_import_job_lease")]

    operations = [migrations.RunPython(reword, restore)]
