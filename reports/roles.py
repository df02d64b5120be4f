"""What each role may do with the dashboards (granted by migration)."""

from accounts.roles import ALL_ROLES, WRITERS, ensure_permissions, grant, model_permissions

MODELS = ["indicator", "target", "progresssettings", "snapshot", "snapshotrun", "indicatorvalue"]


def grant_report_permissions(apps) -> None:
    ensure_permissions(apps, "reports")
    # Everyone signed in reads the dashboards; staff, unit leads and administrators may refresh them.
    grant(apps, ALL_ROLES, "reports", model_permissions(MODELS))
    grant(apps, WRITERS, "reports", ["add_snapshotrun"])
    # Unit leads set their unit's targets; administrators every unit's and the Secretariat's.
    grant(apps, ["Unit lead", "Administrator"], "reports", model_permissions(["target"], ("add", "change", "delete")))
    grant(apps, ["Administrator"], "reports", ["set_any_target"])
    # Administrators switch indicators off, rename them, and set the thresholds and the baseline.
    grant(apps, ["Administrator"], "reports", model_permissions(["indicator", "progresssettings"], ("change",)))


def load_indicators(apps) -> None:
    """One row per indicator the code defines; safe to run again."""
    from .indicators import REGISTRY

    Indicator = apps.get_model("reports", "Indicator")
    Objective = apps.get_model("strategy", "Objective")
    objectives = dict(Objective.objects.values_list("code", "pk"))
    for code, definition in REGISTRY.items():
        Indicator.objects.get_or_create(
            code=code,
            defaults={"objective_id": objectives.get(definition.objective), "position": definition.position},
        )
    apps.get_model("reports", "ProgressSettings").objects.get_or_create(pk=1)
