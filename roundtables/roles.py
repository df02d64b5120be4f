"""What each role may do with events (granted by migration): as in the register, viewers only read."""

from accounts.roles import ALL_ROLES, WRITERS, ensure_permissions, grant, model_permissions

MODELS = ["event", "participant", "outcome", "eventaction"]


def grant_event_permissions(apps) -> None:
    ensure_permissions(apps, "roundtables")
    grant(apps, ALL_ROLES, "roundtables", model_permissions(MODELS))
    # Staff plan events, invite, take attendance and record outcomes.
    grant(apps, WRITERS, "roundtables", model_permissions(MODELS, ("add", "change")))
    # Removing records is for unit leads and administrators, as for interactions in the register.
    grant(apps, ["Unit lead", "Administrator"], "roundtables", model_permissions(MODELS, ("delete",)))
