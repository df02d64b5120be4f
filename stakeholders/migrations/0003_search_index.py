"""On PostgreSQL, trigram indexes make substring search on the accent-free keys use an index."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS org_search_trgm ON stakeholders_organization USING gin (search_key gin_trgm_ops)"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS contact_search_trgm ON stakeholders_contact USING gin (name_key gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS org_search_trgm")
    schema_editor.execute("DROP INDEX IF EXISTS contact_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0002_reference_data")]

    operations = [migrations.RunPython(create, drop)]
