from django.db import migrations

from reports.roles import grant_report_permissions, load_indicators


def forwards(apps, schema_editor):
    load_indicators(apps)
    grant_report_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("accounts", "0002_roles"),
        ("strategy", "0002_load_frame"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
