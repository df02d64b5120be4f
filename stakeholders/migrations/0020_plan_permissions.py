from django.db import migrations

from stakeholders.roles import grant_plan_permissions


def forwards(apps, schema_editor):
    # Everyone reads plans; staff, unit leads and administrators make them; administrators edit all.
    grant_plan_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0019_engagement_plans")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
