"""What each role may do with partnerships (granted by migration)."""

from accounts.roles import ALL_ROLES, WRITERS, ensure_permissions, grant, model_permissions

MODELS = ["partnership", "stagemove", "assessment", "principlescore", "resource", "stage", "exchangerate"]


def grant_partnership_permissions(apps) -> None:
    ensure_permissions(apps, "partnerships")
    grant(apps, ALL_ROLES, "partnerships", model_permissions([*MODELS, "currencysettings"]))
    # Staff create partnerships, assess them and move them up to negotiation; viewers only read.
    grant(apps, WRITERS, "partnerships", model_permissions(["partnership"], ("add", "change")))
    grant(apps, WRITERS, "partnerships", model_permissions(["assessment", "resource"], ("add", "change", "delete")))
    # Approval and signature belong to unit leads.
    grant(apps, ["Unit lead"], "partnerships", ["approve_partnership", "sign_partnership"])
    # Administrators keep the stage names, the reporting currency and the yearly rates.
    grant(apps, ["Administrator"], "partnerships", model_permissions(["stage", "currencysettings"], ("change",)))
    grant(apps, ["Administrator"], "partnerships", model_permissions(["exchangerate"], ("add", "change", "delete")))
