"""Interactions logged for attended events get their summary as a code and values, shown in each reader's
language (stakeholders.summaries): the text was written in the language of whoever took attendance. A
summary someone rewrote since is left as it is."""

from django.db import migrations
from django.utils import translation

TOOK_PART = "Took part in “%(event)s” (%(role)s)."


def forwards(apps, schema_editor):
    from roundtables.choices import ParticipantRole

    Participant = apps.get_model("roundtables", "Participant")
    Interaction = apps.get_model("stakeholders", "Interaction")
    attended = Participant.objects.filter(interaction__isnull=False).select_related("event", "interaction")
    for participant in attended.iterator():
        interaction, event = participant.interaction, participant.event
        if interaction.summary_code:
            continue
        titles = {"en": event.title_en, "fr": event.title_fr, "es": event.title_es}
        roles, written = {}, set()
        for language in ("en", "fr", "es"):
            with translation.override(language):
                role = str(ParticipantRole(participant.role).label).lower()
                roles[language] = role
                for title in {titles[language] or titles["en"], titles["en"]}:
                    written.add(translation.gettext(TOOK_PART) % {"event": title, "role": role})
        if interaction.summary not in written:
            continue  # a person's own words now
        with translation.override("en"):
            english = TOOK_PART % {"event": titles["en"], "role": roles["en"]}
        Interaction.objects.filter(pk=interaction.pk).update(
            summary=english, summary_code="event_attended", summary_values={"event": titles, "role": roles}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("roundtables", "0005_event_version_and_bounded_dates"),
        ("stakeholders", "0025_interaction_summary_code"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
