"""Apply the signed-in person's language and time zone to every request."""

import zoneinfo

from django.utils import timezone, translation


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
