"""Small template helpers every app's pages share."""

import functools

from django import forms, template
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from strategy.numbers import format_money, format_percent
from strategy.time_zones import zone_name
from strategy.widgets import escape_html

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


@register.simple_tag
def filter_fields(form) -> str:
    """The fields of a filter panel with their labels and errors, written in Python: a list page
    renders its panel on every request, and a dozen fields through the template engine cost more than
    the page's rows. Check boxes come after their label's box, a list of check boxes in a fieldset."""
    parts = []
    for field in form:
        widget = field.field.widget
        label = escape_html(field.label)
        if isinstance(widget, forms.CheckboxInput):
            parts.append(
                f'<div class="form-check mb-3">{field}<label class="form-check-label" '
                f'for="{escape_html(field.id_for_label)}">{label}</label></div>'
            )
        elif isinstance(widget, forms.CheckboxSelectMultiple):
            parts.append(f'<fieldset class="mb-3"><legend class="form-label fs-6">{label}</legend>{field}</fieldset>')
        else:
            parts.append(
                f'<div class="mb-3"><label class="form-label small mb-1" for="{escape_html(field.id_for_label)}">'
                f"{label}</label>{field}</div>"
            )
        parts.extend(f'<div class="invalid-feedback d-block">{escape_html(error)}</div>' for error in field.errors)
    return mark_safe("\n".join(parts))  # noqa: S308 - labels and errors are escaped; widgets escape their own


MENU = {
    "home": "reports:home",
    "organizations": "stakeholders:organization_list",
    "contacts": "stakeholders:contact_list",
    "interactions": "stakeholders:interaction_list",
    "plans": "stakeholders:plan_list",
    "partnerships": "partnerships:partnership_list",
    "surveys": "surveys:survey_list",
    "roundtables": "roundtables:event_list",
    "dashboards": "reports:dashboard",
    "mapping": "mapping:matrix",
    "strategy": "strategy:frame",
    "initiatives": "strategy:initiative_list",
    "imports": "stakeholders:import_list",
    "preferences": "preferences",
    "password_change": "password_change",
    "admin": "admin:index",
    "logout": "logout",
}


@register.simple_tag
def menu_urls() -> dict[str, str]:
    """The URLs of the main menu by section ("" for a section this installation lacks): reversed once
    per URL configuration, since every page shows the menu and its URLs never change while running."""
    return _menu_urls(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@functools.cache
def _menu_urls(prefix: str, urlconf: str) -> dict[str, str]:
    urls = {}
    for section, name in MENU.items():
        try:
            urls[section] = reverse(name, urlconf=urlconf)
        except NoReverseMatch:
            urls[section] = ""
    return urls


# The main menu: section, label, whether it is current on its own page only ("exact") or on every page
# under it ("within"), and the permission it needs.
MENU_ITEMS = (
    ("home", _("Home"), "exact", ""),
    ("organizations", _("Organizations"), "within", ""),
    ("contacts", _("Contacts"), "within", ""),
    ("interactions", _("Interactions"), "within", ""),
    ("plans", _("Plans"), "within", ""),
    ("partnerships", _("Partnerships"), "within", ""),
    ("surveys", _("Surveys"), "within", ""),
    ("roundtables", _("Roundtables"), "within", ""),
    ("dashboards", _("Dashboards"), "within", ""),
    ("mapping", _("Stakeholder map"), "within", ""),
    ("strategy", _("Strategy"), "exact", ""),
    ("initiatives", _("Initiatives"), "within", ""),
    ("imports", _("Imports"), "within", "stakeholders.add_importbatch"),
)


@register.simple_tag(takes_context=True)
def menu_items(context) -> str:
    """The main menu's ``<li>``, written in Python (every page shows it): the sections this installation
    has and the person may open, the current one marked."""
    request = context["request"]
    path, user, urls = request.path, request.user, menu_urls()
    items = []
    for section, label, match, permission in MENU_ITEMS:
        url = urls[section]
        if not url or (permission and not user.has_perm(permission)):
            continue
        active = " active" if (path == url if match == "exact" else url in path) else ""
        current = ' aria-current="page"' if path == url else ""
        items.append(
            f'<li class="nav-item"><a class="nav-link{active}"{current} href="{escape_html(url)}">'
            f"{escape_html(label)}</a></li>"
        )
    return mark_safe("\n".join(items))  # noqa: S308 - URLs and labels are escaped


@register.filter
def money(amount, currency, places=2) -> str:
    """``{{ amount|money:currency }}``: the amount grouped and its currency placed as the language writes it."""
    if amount is None or amount == "":
        return ""
    return format_money(amount, currency, places=int(places))


@register.filter
def money0(amount, currency) -> str:
    """``{{ amount|money0:currency }}``: as ``money``, in whole units, for lists."""
    return money(amount, currency, 0)


@register.filter
def percent(number, places=1) -> str:
    """``{{ 12.5|percent }}``: "12.5%", "12,5 %" in French."""
    if number is None or number == "":
        return ""
    return format_percent(number, places=int(places))


@register.filter(name="zone_name")
def zone_name_filter(key) -> str:
    """``{{ event.time_zone|zone_name }}``: "Toronto (Eastern time)" in the reader's language."""
    return zone_name(str(key))
