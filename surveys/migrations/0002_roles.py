from django.db import migrations

from surveys.roles import grant_survey_permissions


def forwards(apps, schema_editor):
    grant_survey_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
