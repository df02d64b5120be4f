from django.db import migrations

from roundtables.roles import grant_event_permissions


def forwards(apps, schema_editor):
    grant_event_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [("roundtables", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
