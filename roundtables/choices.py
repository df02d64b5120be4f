from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    ROUNDTABLE = "roundtable", _("Roundtable")
    CONFERENCE = "conference", _("Conference")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")
    COMMITTEE = "committee", _("Committee meeting")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual")
    HYBRID = "hybrid", _("Hybrid")


class EventStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    INVITATIONS_SENT = "invitations_sent", _("Invitations sent")
    HELD = "held", _("Held")
    OUTCOMES_RECORDED = "outcomes_recorded", _("Outcomes recorded")
    CANCELLED = "cancelled", _("Cancelled")


# The way forward; cancelling is possible from any step before the event is held.
STATUS_ORDER = [EventStatus.PLANNING, EventStatus.INVITATIONS_SENT, EventStatus.HELD, EventStatus.OUTCOMES_RECORDED]
CANCELLABLE = {EventStatus.PLANNING, EventStatus.INVITATIONS_SENT}
# An event that took place: held, with or without its outcomes recorded yet.
TOOK_PLACE = (EventStatus.HELD, EventStatus.OUTCOMES_RECORDED)


class ParticipantRole(models.TextChoices):
    PARTICIPANT = "participant", _("Participant")
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    OBSERVER = "observer", _("Observer")


class ParticipantStatus(models.TextChoices):
    INVITED = "invited", pgettext_lazy("participant", "Invited")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("No-show")


# Who counts in the balance: those coming (accepted) and those who came (attended).
COMING = (ParticipantStatus.ACCEPTED, ParticipantStatus.ATTENDED)


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutcomeKind(models.TextChoices):
    BEST_PRACTICE = "best_practice", _("Best practice")
    BARRIER = "barrier", _("Barrier")
    LESSON = "lesson", _("Lesson learned")
    ISSUE = "issue", _("Issue of common interest")


class InterpretationLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")


# The CEC's time zones, west to east (IANA names, shown as they are written).
TIME_ZONES = [
    (name, name)
    for name in (
        "Pacific/Honolulu",
        "America/Anchorage",
        "America/Vancouver",
        "America/Los_Angeles",
        "America/Tijuana",
        "America/Phoenix",
        "America/Hermosillo",
        "America/Edmonton",
        "America/Denver",
        "America/Chihuahua",
        "America/Regina",
        "America/Winnipeg",
        "America/Chicago",
        "America/Mexico_City",
        "America/Cancun",
        "America/Toronto",
        "America/New_York",
        "America/Halifax",
        "America/St_Johns",
    )
]

# The interaction type attendance logs, by kind of event (each an "active" rung in the reference data).
INTERACTION_TYPE_FOR_KIND = {
    EventKind.ROUNDTABLE: "roundtable",
    EventKind.CONFERENCE: "conference",
    EventKind.WORKSHOP: "conference",
    EventKind.WEBINAR: "conference",
    EventKind.COMMITTEE: "committee",
}
