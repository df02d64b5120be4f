"""What each role may do with surveys (granted by migration)."""

from accounts.roles import ALL_ROLES, WRITERS, ensure_permissions, grant, model_permissions

MODELS = ["survey", "section", "question", "choice", "reminder"]


def grant_survey_permissions(apps) -> None:
    ensure_permissions(apps, "surveys")
    # Everyone sees surveys and their results; who answered is personal data, for staff only.
    grant(apps, ALL_ROLES, "surveys", model_permissions(MODELS))
    grant(apps, WRITERS, "surveys", model_permissions(MODELS, ("add", "change", "delete")))
    grant(apps, WRITERS, "surveys", ["send_survey", "view_respondents"])
    grant(apps, WRITERS, "surveys", model_permissions(["invitation", "response"]))
