"""Links pages write many of."""

from collections.abc import Callable

from django.urls import reverse


def pk_url(name: str) -> Callable[[int | str], str]:
    """pk -> URL of the route ``name``, whose one argument is an integer: reversed once, where a list
    would reverse it once a row."""
    prefix, suffix = reverse(name, args=[0]).rsplit("0", 1)
    return lambda pk: f"{prefix}{int(pk)}{suffix}"
