from django.db import migrations

from stakeholders.reference_data import load_reference_data


def forwards(apps, schema_editor):
    load_reference_data(apps)


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
