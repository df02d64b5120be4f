"""Requests to the API carry a person's key: ``Authorization: Bearer <key>`` (``Token <key>`` also works)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from accounts.models import ApiToken
from accounts.services import api_key_digest

KEYWORDS = ("bearer", "token")


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """The person whose key the request carries; the key is looked up by its digest, never stored."""

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode("latin-1").lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Give the key after the word Bearer, with one space."))
        try:
            key = parts[1].decode()
        except UnicodeError as error:
            raise exceptions.AuthenticationFailed(_("This API key is not valid.")) from error
        token = ApiToken.objects.select_related("user").filter(digest=api_key_digest(key)).first()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("This API key is not valid."))
        return token.user, token

    def authenticate_header(self, request):
        # Makes refusals 401 (with this challenge) rather than 403.
        return 'Bearer realm="api"'
