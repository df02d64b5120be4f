from django.db import migrations

from stakeholders.roles import grant_potential_permissions


def forwards(apps, schema_editor):
    # Everyone reads the ratings; administrators, unit leads and staff rate.
    grant_potential_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0022_potential_rating")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
