"""Load the strategy's frame, in English, French and Spanish, from strategy/frame_data.py."""

from django.db import migrations

from strategy.frame import load_frame


def load(apps, schema_editor):
    load_frame(apps)


class Migration(migrations.Migration):
    dependencies = [("strategy", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
