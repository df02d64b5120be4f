"""What each role may do in the register (granted by migration)."""

from accounts.roles import ALL_ROLES, WRITERS, ensure_permissions, grant, model_permissions

READ = [
    "organization",
    "contact",
    "interaction",
    "followup",
    "naicscode",
    "region",
    "interactiontype",
    "tag",
    "levelchange",
    "affiliation",
    "laddersettings",
]
WRITE = ["organization", "contact", "interaction", "followup", "tag"]
REFERENCE = ["naicscode", "region", "interactiontype", "laddersettings"]


def grant_register_permissions(apps) -> None:
    ensure_permissions(apps, "stakeholders")
    grant(apps, ALL_ROLES, "stakeholders", model_permissions(READ))
    # Staff create and edit organizations, contacts, interactions and follow-ups; viewers only read.
    grant(apps, WRITERS, "stakeholders", model_permissions(WRITE, ("add", "change")))
    grant(
        apps,
        ["Unit lead", "Administrator"],
        "stakeholders",
        model_permissions(["interaction", "followup"], ("delete",)),
    )
    # Only administrators delete or merge organizations and contacts, and keep reference data.
    grant(apps, ["Administrator"], "stakeholders", model_permissions(["organization", "contact", "tag"], ("delete",)))
    grant(apps, ["Administrator"], "stakeholders", ["merge_organization"])
    grant(apps, ["Administrator"], "stakeholders", model_permissions(REFERENCE, ("add", "change")))
    if "importbatch" in {m._meta.model_name for m in apps.get_app_config("stakeholders").get_models()}:
        grant(apps, ["Administrator"], "stakeholders", model_permissions(["importbatch"], ("view", "add", "change")))
    if "contacterasure" in {m._meta.model_name for m in apps.get_app_config("stakeholders").get_models()}:
        grant_privacy_permissions(apps)
    if "engagementplan" in {m._meta.model_name for m in apps.get_app_config("stakeholders").get_models()}:
        grant_plan_permissions(apps)
    if "potentialrating" in {m._meta.model_name for m in apps.get_app_config("stakeholders").get_models()}:
        grant_potential_permissions(apps)


def grant_privacy_permissions(apps) -> None:
    """Only administrators answer a person's request to see or erase their data, and see the erasure log."""
    ensure_permissions(apps, "stakeholders")
    grant(
        apps,
        ["Administrator"],
        "stakeholders",
        ["export_contact", "erase_contact", *model_permissions(["contacterasure"])],
    )


def grant_plan_permissions(apps) -> None:
    """Everyone reads engagement plans and target groups; staff make them and edit their own plans;
    administrators edit every plan."""
    ensure_permissions(apps, "stakeholders")
    plan_models = ["engagementplan", "targetgroup"]
    grant(apps, ALL_ROLES, "stakeholders", model_permissions(plan_models))
    grant(apps, WRITERS, "stakeholders", model_permissions(plan_models, ("add", "change")))
    grant(apps, ["Administrator"], "stakeholders", ["change_any_engagementplan"])


def grant_potential_permissions(apps) -> None:
    """Everyone reads the stakeholder matrix; staff rate an organization's potential, viewers do not."""
    ensure_permissions(apps, "stakeholders")
    grant(apps, ALL_ROLES, "stakeholders", model_permissions(["potentialrating"]))
    grant(apps, WRITERS, "stakeholders", ["rate_potential"])
