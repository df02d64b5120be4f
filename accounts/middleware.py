"""Per-request handling of the signed-in person: their language and time zone, and signing out idle sessions."""

import time
import zoneinfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils import timezone, translation
from django.utils.translation import ngettext


class UserPreferencesMiddleware:
    """After authentication: a signed-in person's saved language and time zone win over the browser's.

    LocaleMiddleware has already chosen a language from the cookie or the browser; for anonymous
    visitors (the sign-in page, public links) that choice stands.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language
            timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


# Seconds since the epoch of the session's last request, as seen by IdleSessionMiddleware.
LAST_ACTIVITY_KEY = "last_activity"
# Activity is written at most this often, so that pages do not each save the session.
LAST_ACTIVITY_RESOLUTION = 60


def stamp_activity_on_sign_in(sender, request, user, **kwargs):
    """A new session starts active, and its first pages need not write it again (connected in apps.py)."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_ACTIVITY_KEY] = int(time.time())


class IdleSessionMiddleware:
    """Signs out a session left unused for longer than SESSION_IDLE_MINUTES; each request extends it.

    After MessageMiddleware, so the notice can be left for the sign-in page, and before any view runs,
    so LoginRequiredMiddleware then sends the person to sign in and back to the page they asked for.
    The time of the last request is kept in the session and rewritten at most once a minute: an idle
    limit counted in minutes does not need every page to write the session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated:
            return self.get_response(request)
        now = int(time.time())
        last_activity = request.session.get(LAST_ACTIVITY_KEY)
        idle_minutes = settings.SESSION_IDLE_MINUTES
        if last_activity is not None and now - last_activity > idle_minutes * 60:
            language = request.user.preferred_language
            logout(request)
            messages.info(
                request,
                ngettext(
                    "You were signed out after %(minutes)d minute without activity. Please sign in again.",
                    "You were signed out after %(minutes)d minutes without activity. Please sign in again.",
                    idle_minutes,
                )
                % {"minutes": idle_minutes},
            )
            response = self.get_response(request)
            # The sign-in page, shown to nobody in particular, speaks the language of the person who was here.
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
            return response
        if last_activity is None or now - last_activity >= LAST_ACTIVITY_RESOLUTION:
            request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)
