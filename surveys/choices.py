from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("survey status", "Draft")
    OPEN = "open", pgettext_lazy("survey status", "Open")
    CLOSED = "closed", pgettext_lazy("survey status", "Closed")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    RATING = "rating", _("Rating scale (1 to 5)")
    RECOMMEND = "recommend", _("Recommendation (0 to 10)")
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    PILLARS = "pillars", _("Pillars of the strategy")
    AREAS = "areas", _("Areas of relevance")
    COUNTRY = "country", _("Country")
    SECTOR = "sector", _("Sector (NAICS)")


# Kinds whose answer is one or more of the question's choices.
CHOICE_KINDS = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.PILLARS, QuestionKind.AREAS,
                          QuestionKind.COUNTRY, QuestionKind.SECTOR})  # fmt: skip
# Of those, the ones whose choices the builder writes itself, from the strategy or the register's reference data.
REFERENCE_KINDS = frozenset({QuestionKind.PILLARS, QuestionKind.AREAS, QuestionKind.COUNTRY, QuestionKind.SECTOR})
MULTIPLE_KINDS = frozenset({QuestionKind.MULTIPLE, QuestionKind.PILLARS, QuestionKind.AREAS})
SCALE_KINDS = {QuestionKind.RATING: (1, 5), QuestionKind.RECOMMEND: (0, 10)}
TEXT_KINDS = frozenset({QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT})
TEXT_LIMITS = {QuestionKind.SHORT_TEXT: 300, QuestionKind.LONG_TEXT: 5000}


class InvitationStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    OPENED = "opened", _("Opened")
    PARTIAL = "partial", _("Partly answered")
    COMPLETED = "completed", pgettext_lazy("invitation status", "Completed")
    WITHHELD = "withheld", _("Not sent: consent withdrawn")
