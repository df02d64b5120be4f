from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


class Category(models.TextChoices):
    """Stakeholder categories. The first five are the private sector as the strategy defines it
    (section 2); the others are there for multi-stakeholder roundtables."""

    CORPORATION = "corporation", _("Corporation")
    SME = "sme", _("Small or medium-sized enterprise")
    INDUSTRY_ASSOCIATION = "industry_association", _("Industry association")
    CHAMBER_OF_COMMERCE = "chamber_of_commerce", _("Chamber of commerce")
    RELATED_NONPROFIT = "related_nonprofit", _("Related not-for-profit")
    GOVERNMENT = "government", _("Government")
    ACADEMIA = "academia", _("Academia")
    NGO = "ngo", _("Non-governmental organization")
    INDIGENOUS = "indigenous", _("Indigenous organization")
    INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organization")


PRIVATE_SECTOR = frozenset(
    {
        Category.CORPORATION,
        Category.SME,
        Category.INDUSTRY_ASSOCIATION,
        Category.CHAMBER_OF_COMMERCE,
        Category.RELATED_NONPROFIT,
    }
)


# The categories whose organizations have members (Organization.member_of, read from the other side).
MEMBERSHIP_BODIES = frozenset({Category.CHAMBER_OF_COMMERCE, Category.INDUSTRY_ASSOCIATION})


class Country(models.TextChoices):
    CANADA = "CA", _("Canada")
    MEXICO = "MX", _("Mexico")
    UNITED_STATES = "US", _("United States")
    OTHER = "XX", _("Other country")


class Level(models.IntegerChoices):
    """The engagement ladder of section 3 of the strategy."""

    PASSIVE = 1, _("Passive")
    ACTIVE = 2, _("Active")
    COLLABORATIVE = 3, _("Collaborative")


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class AdvisoryCommittee(models.TextChoices):
    NONE = "", _("None")
    JPAC = "jpac", _("Joint Public Advisory Committee (JPAC)")
    OTHER = "other", _("Other advisory group")


class LanguageChoice(models.TextChoices):
    ENGLISH = "en", "English"
    FRENCH = "fr", "Français"
    SPANISH = "es", "Español"


# How a contact opted out by themselves, kept as the reason of their history record and shown, translated,
# in the contact's history.
OPT_OUT_BY_UNSUBSCRIBE_PAGE = gettext_noop("Unsubscribed through the link in an email")
OPT_OUT_BY_ONE_CLICK = gettext_noop("Unsubscribed from their email program (one click)")
OPT_OUT_REASONS = frozenset({OPT_OUT_BY_UNSUBSCRIBE_PAGE, OPT_OUT_BY_ONE_CLICK})


class ChangeReason(models.TextChoices):
    """Why an organization's engagement level changed."""

    INTERACTION = "interaction", _("Interaction")
    COMMITMENT = "commitment", _("Commitment")
    COMMITMENT_ENDED = "commitment_ended", _("Commitment ended")
    WINDOW = "window", _("No recent interaction")
    CORRECTION = "correction", _("Records corrected")


def choice_display(field_name: str, choices: type[models.Choices]):
    """A ``get_<field>_display`` method for a model, for fields that lists show on every row.

    Django's generated one builds a dict of every label on each call, and hashing a lazy label
    translates it: a list of 100 organizations spent more on that than on its query.
    """
    labels = dict(choices.choices)

    def display(instance):
        value = getattr(instance, field_name)
        return force_str(labels.get(value, value), strings_only=True)  # as Django's

    display.__name__ = f"get_{field_name}_display"
    return display
