"""Time zones as a reader names them: the city first, then the zone ("Toronto (Eastern time)",
« Toronto (heure de l’Est) »), never the database key ("America/Toronto")."""

from django.utils.translation import gettext_lazy as _

ZONE_NAMES = {
    "America/Vancouver": _("Vancouver (Pacific time)"),
    "America/Edmonton": _("Edmonton (Mountain time)"),
    "America/Mexico_City": _("Mexico City (Central time)"),
    "America/Winnipeg": _("Winnipeg (Central time)"),
    "America/Toronto": _("Toronto (Eastern time)"),
    "America/Halifax": _("Halifax (Atlantic time)"),
    "America/St_Johns": _("St. John’s (Newfoundland time)"),
    "UTC": _("Coordinated Universal Time (UTC)"),
}


def zone_name(key: str) -> str:
    """The reader's name for the zone ``key``; a zone outside the three countries keeps its key."""
    return str(ZONE_NAMES.get(key, key))
