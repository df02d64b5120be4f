from django.db import migrations


def forwards(apps, schema_editor):
    """Positions used to be kept only once a contact moved, each starting the day the contact was recorded.
    A later former position now starts when the one before it ended, and each contact gets their current
    position, from the end of the last former one (or the day the contact was recorded)."""
    Affiliation = apps.get_model("stakeholders", "Affiliation")
    Contact = apps.get_model("stakeholders", "Contact")
    last_end = {}
    previous = None
    for affiliation in Affiliation.objects.exclude(ended_on=None).order_by("contact_id", "ended_on", "id").iterator():
        same_contact = previous is not None and previous.contact_id == affiliation.contact_id
        if same_contact and affiliation.started_on != previous.ended_on:
            affiliation.started_on = previous.ended_on
            affiliation.save(update_fields=["started_on"])
        last_end[affiliation.contact_id] = affiliation.ended_on
        previous = affiliation
    current = Affiliation.objects.filter(ended_on=None).values("contact_id")
    batch = []
    contacts = Contact.objects.exclude(pk__in=current).values_list("pk", "organization_id", "job_title", "created_at")
    for pk, organization_id, job_title, created_at in contacts.iterator(chunk_size=2000):
        started_on = last_end.get(pk) or created_at.date()
        batch.append(
            Affiliation(contact_id=pk, organization_id=organization_id, job_title=job_title, started_on=started_on)
        )
        if len(batch) == 2000:
            Affiliation.objects.bulk_create(batch)
            batch = []
    Affiliation.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0020_plan_permissions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
