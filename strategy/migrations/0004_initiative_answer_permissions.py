from django.contrib.auth.management import create_permissions
from django.db import migrations

# Unit leads answer their own unit's initiatives; administrators answer every initiative.
GRANTS = {
    "Unit lead": ["answer_initiative", "view_initiativeanswer"],
    "Administrator": ["answer_initiative", "answer_any_initiative", "view_initiativeanswer"],
    "Secretariat staff": ["view_initiativeanswer"],
    "Viewer": ["view_initiativeanswer"],
}


def grant_initiative_answers(apps, schema_editor=None):
    """Written out here rather than through ``accounts.roles``: the strategy app imports no other app."""
    app_config = apps.get_app_config("strategy")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="strategy", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("strategy", "0003_initiative_answers"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(grant_initiative_answers, migrations.RunPython.noop)]
