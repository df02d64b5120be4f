"""Role permissions, granted by migrations.

Each app's data migration grants its own permissions to the four role groups with ``grant`` so that
what a role may do is written down where the models are. Functions here take the migration's
historical ``apps`` so they keep working as models change.
"""

from django.contrib.auth.management import create_permissions

from .choices import Role

ALL_ROLES = tuple(Role)
WRITERS = (Role.ADMINISTRATOR, Role.UNIT_LEAD, Role.STAFF)


def ensure_permissions(apps, *app_labels: str) -> None:
    """Create the content types and permissions of ``app_labels`` now rather than after migrate."""
    for label in app_labels:
        app_config = apps.get_app_config(label)
        # A migration's app configs have no models module, and create_permissions skips those.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = models_module


def grant(apps, roles, app_label: str, codenames) -> None:
    """Give every role in ``roles`` the permissions ``codenames`` of ``app_label``."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    missing = set(codenames) - {p.codename for p in permissions}
    if missing:
        raise LookupError(f"Unknown permissions for {app_label}: {sorted(missing)}")
    for role in roles:
        group, _ = Group.objects.get_or_create(name=Role(role).value)
        group.permissions.add(*permissions)


def model_permissions(models, actions=("view",)) -> list[str]:
    """Codenames like ``view_goal`` for each model name and action."""
    return [f"{action}_{model}" for model in models for action in actions]


FRAME_MODELS = [
    "goal",
    "objective",
    "action",
    "pillar",
    "areaofrelevance",
    "keyprinciple",
    "corevalue",
    "unit",
    "initiative",
]


def create_roles(apps) -> None:
    """The four groups, with what each may do with the frame and with people; safe to run again."""
    Group = apps.get_model("auth", "Group")
    for role in ALL_ROLES:
        Group.objects.get_or_create(name=role.value)
    ensure_permissions(apps, "strategy", "accounts", "auth")
    # Everyone reads the frame; only Administrators edit it (in the administration site).
    grant(apps, ALL_ROLES, "strategy", model_permissions(FRAME_MODELS))
    grant(apps, ["Administrator"], "strategy", model_permissions(FRAME_MODELS, ("add", "change", "delete")))
    grant(apps, ["Administrator"], "accounts", model_permissions(["user"], ("view", "add", "change")))
    grant(apps, ["Administrator"], "auth", model_permissions(["group"], ("view",)))
