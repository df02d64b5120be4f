"""Small template helpers every app's pages share."""

from django import template
from django.utils.http import urlencode

register = template.Library()


@register.simple_tag(takes_context=True)
def query(context, **changes):
    """The current query string with some parameters changed or removed (value None or "")."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    encoded = urlencode(sorted(params.lists()), doseq=True)
    return f"?{encoded}" if encoded else "?"


@register.filter
def level_badge(level) -> str:
    """The Bootstrap colour of an engagement level badge."""
    return {1: "text-bg-secondary", 2: "text-bg-info", 3: "text-bg-success"}.get(level, "text-bg-light border")
