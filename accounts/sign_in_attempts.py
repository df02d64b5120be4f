"""How django-axes names the account a failed sign-in was for."""

from django.conf import settings


def normalized_username(request, credentials=None) -> str | None:
    """The email address as the account matches it: without surrounding spaces and in lower case.

    Accounts are found by email without regard to case (``UserManager.get_by_natural_key``), so
    "Staff@CEC.example " and "staff@cec.example" are the same account and must share one count of
    failures; otherwise changing the spelling would reset the lock.
    """
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials and credentials.get(field) is not None:
        username = credentials[field]
    else:
        username = getattr(request, "data", request.POST).get(field) if request is not None else None
    if username is None:
        return None
    return str(username).strip().lower()
