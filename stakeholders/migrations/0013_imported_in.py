"""Organizations and contacts an import created name their batch in a column of their own, instead of a
change row each; the change rows of earlier imports move to the column."""

import django.db.models.deletion
from django.db import migrations, models

IN_BATCH = 500


def move_created_changes(apps, schema_editor):
    ImportChange = apps.get_model("stakeholders", "ImportChange")
    for name in ("organization", "contact"):
        model = apps.get_model("stakeholders", name)
        created = ImportChange.objects.filter(model=name, action="created")
        for batch_id in created.values_list("batch_id", flat=True).distinct():
            ids = list(created.filter(batch_id=batch_id).values_list("object_id", flat=True))
            for start in range(0, len(ids), IN_BATCH):
                model.objects.filter(pk__in=ids[start : start + IN_BATCH]).update(imported_in_id=batch_id)
        created.delete()


def move_back(apps, schema_editor):
    ImportChange = apps.get_model("stakeholders", "ImportChange")
    for name in ("organization", "contact"):
        model = apps.get_model("stakeholders", name)
        rows = model.objects.filter(imported_in__isnull=False).values_list("imported_in_id", "pk")
        ImportChange.objects.bulk_create(
            [ImportChange(batch_id=batch, model=name, object_id=pk, action="created") for batch, pk in rows],
            batch_size=IN_BATCH,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("stakeholders", "0012_lean_import_writes"),
    ]

    operations = [
        migrations.AddField(
            model_name="contact",
            name="imported_in",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="stakeholders.importbatch",
                verbose_name="imported in",
            ),
        ),
        migrations.AddField(
            model_name="organization",
            name="imported_in",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="stakeholders.importbatch",
                verbose_name="imported in",
            ),
        ),
        migrations.RunPython(move_created_changes, move_back),
    ]
