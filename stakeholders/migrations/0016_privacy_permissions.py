from django.db import migrations

from stakeholders.roles import grant_privacy_permissions


def forwards(apps, schema_editor):
    # Administrators export and erase a person's data, and read the log of erasures.
    grant_privacy_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0015_contact_erasure")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
