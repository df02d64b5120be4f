"""Objective 3.1 counts issues of common interest, and best practices, barriers and lessons learned, from the
roundtables app's outcomes: two indicators in place of "roundtables with issues, best practices or lessons
recorded", whose values (a count of roundtables, from interactions) cannot be read beside the new ones."""

from django.db import migrations

from reports.roles import load_indicators

RETIRED = ["roundtable-outcomes"]


def forwards(apps, schema_editor):
    load_indicators(apps)
    # Its values and targets go with it.
    apps.get_model("reports", "Indicator").objects.filter(code__in=RETIRED).delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_indicators_and_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
