"""Rows of the organization list, written in Python.

Through the template engine a row cost a dozen variable lookups, a reversed URL and three translated
labels: a page of 100 organizations spent more on that than on everything else together. This tag
writes the same markup, escaping every value, in a fraction of the time.
"""

from collections.abc import Iterable
from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from strategy.links import pk_url
from strategy.templatetags.ui import level_badge

register = template.Library()


def _text(value) -> str:
    return escape(str(value))


@register.simple_tag
def organization_rows(organizations: Iterable) -> SafeString:
    """The ``<tr>`` of each organization of the list: name and acronym, category, headquarters,
    engagement level and relationship owner (``Organization.objects.for_list()`` reads them in one query)."""
    detail_url = pk_url("stakeholders:organization_detail")
    not_engaged = f'<span class="small text-body-secondary">{_text(gettext("Not engaged yet"))}</span>'
    rows = []
    for organization in organizations:
        acronym = organization.acronym
        region = organization.hq_region
        level = organization.engagement_level
        owner = organization.owner
        rows.append(
            f'<tr><td><a href="{detail_url(organization.pk)}">{_text(organization.name)}</a>'
            + (f' <span class="text-body-secondary small">{_text(acronym)}</span>' if acronym else "")
            + f'</td><td class="small">{_text(organization.get_category_display())}</td>'
            + '<td class="small">'
            + (f"{_text(region.name)}, " if region else "")
            + f"{_text(organization.get_hq_country_display())}</td><td>"
            + (
                f'<span class="badge {level_badge(level)}">{_text(organization.get_engagement_level_display())}</span>'
                if level
                else not_engaged
            )
            + f'</td><td class="small">{_text(owner) if owner else "—"}</td></tr>'
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - every value above is escaped
