from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StageCode(models.TextChoices):
    """The roadmap of the CEC Partnerships Action Plan. Administrators may rename a stage; the codes,
    their order and the gates tied to them stay."""

    IDENTIFIED = "identified", pgettext_lazy("partnership stage", "Identified")
    SCREENING = "screening", pgettext_lazy("partnership stage", "Screening")
    DUE_DILIGENCE = "due_diligence", pgettext_lazy("partnership stage", "Due diligence")
    NEGOTIATION = "negotiation", pgettext_lazy("partnership stage", "Negotiation")
    AGREEMENT_SIGNED = "agreement_signed", pgettext_lazy("partnership stage", "Agreement signed")
    ACTIVE = "active", pgettext_lazy("partnership stage", "Active")
    COMPLETED = "completed", pgettext_lazy("partnership stage", "Completed")
    DECLINED = "declined", pgettext_lazy("partnership stage", "Declined")
    WITHDRAWN = "withdrawn", pgettext_lazy("partnership stage", "Withdrawn")


# The pipeline in order; DECLINED and WITHDRAWN close a partnership from any open stage.
PIPELINE = [
    StageCode.IDENTIFIED,
    StageCode.SCREENING,
    StageCode.DUE_DILIGENCE,
    StageCode.NEGOTIATION,
    StageCode.AGREEMENT_SIGNED,
    StageCode.ACTIVE,
    StageCode.COMPLETED,
]
CLOSING = frozenset({StageCode.DECLINED, StageCode.WITHDRAWN})
CLOSED = frozenset({StageCode.COMPLETED, *CLOSING})
# Past screening a completed assessment is needed; from agreement signed on, a unit lead's approval.
AFTER_SCREENING = frozenset(PIPELINE[PIPELINE.index(StageCode.DUE_DILIGENCE) :])
SIGNED = frozenset({StageCode.AGREEMENT_SIGNED, StageCode.ACTIVE, StageCode.COMPLETED})
# While a partnership stands at one of these, its partners are collaborative on the engagement ladder.
COMMITTED = frozenset({StageCode.AGREEMENT_SIGNED, StageCode.ACTIVE})


class PartnershipType(models.TextChoices):
    FUNDING = "funding", _("Funding agreement")
    IN_KIND = "in_kind", _("In-kind contribution")
    KNOWLEDGE = "knowledge", _("Knowledge or technical partnership")
    SPONSORSHIP = "sponsorship", _("Sponsorship")
    MOU = "mou", _("Memorandum of understanding")


class ResourceKind(models.TextChoices):
    """What a partner brings (goal 4: financial, expertise, networks...)."""

    FINANCIAL = "financial", _("Financial")
    IN_KIND = "in_kind", _("In kind")
    EXPERTISE = "expertise", _("Expertise")
    NETWORKS = "networks", _("Networks")
    DATA = "data", _("Data")


# Kinds whose value is money: an amount with its currency.
VALUED = frozenset({ResourceKind.FINANCIAL, ResourceKind.IN_KIND})


class Currency(models.TextChoices):
    CAD = "CAD", _("Canadian dollar (CAD)")
    USD = "USD", _("US dollar (USD)")
    MXN = "MXN", _("Mexican peso (MXN)")


class Score(models.IntegerChoices):
    NOT_ALIGNED = 1, _("Not aligned")
    PARTLY = 2, _("Partly aligned")
    ALIGNED = 3, _("Aligned")
    STRONGLY = 4, _("Strongly aligned")


class ConflictCheck(models.TextChoices):
    NONE = "none", _("No conflict of interest found")
    MITIGATED = "mitigated", _("Conflict found and mitigated")
    UNRESOLVED = "unresolved", _("Conflict found, not resolved")


class Risk(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Recommendation(models.TextChoices):
    PROCEED = "proceed", _("Proceed")
    CONDITIONS = "conditions", _("Proceed with conditions")
    DO_NOT_PROCEED = "do_not_proceed", _("Do not proceed")
