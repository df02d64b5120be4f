from django.db import migrations

from stakeholders.roles import grant_register_permissions


def forwards(apps, schema_editor):
    grant_register_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0003_search_index"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
