"""The four roles as groups, with what each may do with the strategy's frame and with people."""

from django.db import migrations

from accounts.roles import ALL_ROLES, ensure_permissions, grant, model_permissions

FRAME_MODELS = [
    "goal", "objective", "action", "pillar", "areaofrelevance", "keyprinciple", "corevalue", "unit", "initiative",
]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for role in ALL_ROLES:
        Group.objects.get_or_create(name=role.value)
    ensure_permissions(apps, "strategy", "accounts", "auth")
    # Everyone reads the frame; only Administrators edit it (in the administration site).
    grant(apps, ALL_ROLES, "strategy", model_permissions(FRAME_MODELS))
    grant(apps, ["Administrator"], "strategy", model_permissions(FRAME_MODELS, ("add", "change", "delete")))
    grant(apps, ["Administrator"], "accounts", model_permissions(["user"], ("view", "add", "change")))
    grant(apps, ["Administrator"], "auth", model_permissions(["group"], ("view",)))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("strategy", "0002_load_frame"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
