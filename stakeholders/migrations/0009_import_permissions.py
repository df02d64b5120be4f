from django.db import migrations

from accounts.roles import ensure_permissions, grant, model_permissions


def forwards(apps, schema_editor):
    ensure_permissions(apps, "stakeholders")
    # Administrators import stakeholder lists and undo imports.
    grant(apps, ["Administrator"], "stakeholders", model_permissions(["importbatch"], ("view", "add", "change")))


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0008_import_uploads")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
