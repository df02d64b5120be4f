from django.db import migrations

from partnerships.roles import grant_partnership_permissions
from partnerships.stages import load_stages


def forwards(apps, schema_editor):
    load_stages(apps)
    grant_partnership_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("accounts", "0002_roles"),
        ("stakeholders", "0009_import_permissions"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
