from .contacts import Affiliation, Contact
from .engagement import Commitment, LevelChange
from .imports import ImportBatch, ImportChange, SavedMapping
from .interactions import DigestSent, FollowUp, Interaction, InteractionOrganization
from .interests import StatedInterest
from .organizations import Organization, OrganizationSector
from .plans import Cadence, EngagementPlan, TargetGroup
from .potential import Potential, PotentialRating
from .privacy import ContactErasure
from .reference import InteractionType, LadderSettings, NaicsCode, NaicsLevel, Region, Tag

__all__ = [
    "Affiliation",
    "Cadence",
    "Commitment",
    "Contact",
    "ContactErasure",
    "DigestSent",
    "EngagementPlan",
    "FollowUp",
    "ImportBatch",
    "ImportChange",
    "SavedMapping",
    "Interaction",
    "InteractionOrganization",
    "InteractionType",
    "LadderSettings",
    "LevelChange",
    "NaicsCode",
    "NaicsLevel",
    "Organization",
    "OrganizationSector",
    "Potential",
    "PotentialRating",
    "Region",
    "StatedInterest",
    "Tag",
    "TargetGroup",
]
