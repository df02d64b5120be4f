"""The stakeholder matrix and the map of engagement by province and state. Read-only: rating an
organization's potential is the register's own write (``stakeholders.views.potential``)."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import permission_required
from django.contrib.humanize.templatetags.humanize import intcomma
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from stakeholders.choices import Country, Level
from stakeholders.exports import to_csv
from stakeholders.filters import OrganizationFilter
from stakeholders.models import Organization, Potential
from strategy.translation import active_language

from .filters import MAPPING_FILTERS, MappingFilter
from .selectors import (
    LEVELS,
    POTENTIALS,
    cell_organizations,
    filter_value,
    region_counts,
    shade_steps,
    stakeholder_matrix,
)
from .shapes import shape_of_region
from .tiles import COLUMNS, ROWS


def _filtered(request):
    """The mapping filter of the request, and the organizations it keeps."""
    filterset = MappingFilter(request.GET or None, queryset=Organization.objects.all(), request=request)
    if filterset.is_bound and not filterset.is_valid():
        return filterset, Organization.objects.none()
    return filterset, filterset.qs


def _kept(request) -> list[tuple[str, str]]:
    """The mapping filters of the request, as URL pairs."""
    return [(key, value) for key in MAPPING_FILTERS for value in request.GET.getlist(key) if value]


def _cell_url(request, **more) -> str:
    return f"{reverse('mapping:cell')}?{urlencode(_kept(request) + sorted(more.items()))}"


def _list_url(request, **more) -> str:
    """The organization list with the mapping page's filters, and ``more``."""
    if not hasattr(request, "mapping_list_url"):  # the same for each of the page's few hundred links
        request.mapping_list_url = (reverse("stakeholders:organization_list"), _kept(request))
    path, kept = request.mapping_list_url
    return f"{path}?{urlencode(kept + sorted(more.items()))}"


def level_label(level) -> str:
    return Level(level).label if level is not None else _("Not engaged yet")


def potential_label(potential) -> str:
    return Potential(potential).label if potential is not None else _("Not rated yet")


@require_GET
@permission_required("stakeholders.view_organization", raise_exception=True)
def matrix(request):
    filterset, organizations = _filtered(request)
    result = stakeholder_matrix(organizations)
    rows = [
        {
            "potential": potential_label(potential),
            "cells": [
                {
                    "cell": cell,
                    "level": level_label(cell.level),
                    "url": _list_url(request, level=filter_value(cell.level), potential=filter_value(cell.potential)),
                    "rate_url": _cell_url(
                        request, level=filter_value(cell.level), potential=filter_value(cell.potential)
                    ),
                }
                for cell in cells
            ],
        }
        for potential, cells in result.rows
    ]
    chart = {
        "levels": [level_label(level) for level in LEVELS],
        "potentials": [potential_label(potential) for potential in reversed(POTENTIALS)],
        "organizations": _("Organizations"),
        "levelTitle": _("Engagement level"),
        "potentialTitle": _("Potential to support CEC initiatives"),
        "points": [
            {
                "x": LEVELS.index(item["cell"].level),
                "y": len(POTENTIALS) - 1 - POTENTIALS.index(item["cell"].potential),
                "count": item["cell"].count,
                "url": item["url"],
            }
            for row in rows
            for item in row["cells"]
            if item["cell"].count
        ],
    }
    return _render_page(
        request,
        "mapping/matrix.html",
        {
            "filter": filterset,
            "rows": rows,
            "levels": [level_label(level) for level in LEVELS],
            "total": result.total,
            "chart": chart,
            "csv_query": request.GET.urlencode(),
        },
    )


CELL_ROWS = 50


@require_GET
@permission_required("stakeholders.view_organization", raise_exception=True)
def cell(request):
    """The organizations of one cell of the matrix, to rate them where they are (the first 50 by name;
    the organization list holds them all)."""
    filterset = OrganizationFilter(request.GET, queryset=Organization.objects.all(), request=request)
    valid = filterset.is_valid() and request.GET.get("level") and request.GET.get("potential")
    organizations = filterset.qs if valid else Organization.objects.none()
    rows, count = cell_organizations(organizations, limit=CELL_ROWS)
    language, countries = active_language(), dict(Country.choices)
    for row in rows:
        region = row[f"hq_region__name_{language}"] or row["hq_region__name_en"]
        row["headquarters"] = f"{region}, {countries[row['hq_country']]}" if region else countries[row["hq_country"]]
    level, potential = request.GET.get("level", ""), request.GET.get("potential", "")
    return _render_page(
        request,
        "mapping/cell.html",
        {
            "organizations": rows,
            "count": count,
            "more": count > len(rows),
            "level": level_label(int(level)) if level.isdigit() and int(level) in Level.values else level_label(None),
            "potential": (
                potential_label(int(potential))
                if potential.isdigit() and int(potential) in Potential.values
                else potential_label(None)
            ),
            "list_url": _list_url(request, level=level, potential=potential),
            "matrix_url": f"{reverse('mapping:matrix')}?{urlencode(_kept(request))}",
            "choices": Potential.choices,
        },
    )


@require_GET
@permission_required("stakeholders.view_organization", raise_exception=True)
def matrix_csv(request):
    """The matrix's counts, as on screen (same filters), in the reader's language."""
    _filterset, organizations = _filtered(request)
    result = stakeholder_matrix(organizations)
    header = [_("Potential to support CEC initiatives"), _("Engagement level"), _("Organizations")]
    body = [[potential_label(cell.potential), level_label(cell.level), cell.count] for cell in result.cells()]
    response = HttpResponse(to_csv(header, body), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="cec-engage-stakeholder-matrix-{stamp}.csv"'
    return response


@require_GET
@permission_required("stakeholders.view_organization", raise_exception=True)
def regions(request):
    filterset, organizations = _filtered(request)
    counted = region_counts(organizations)
    for region in counted:
        region.url = _list_url(request, region=region.id)
        region.level_links = [
            (level_label(level), count, _list_url(request, region=region.id, level=filter_value(level)))
            for level, count in region.levels
        ]
    shapes = {
        shape_of_region(region.country, region.code): {
            "name": region.name,
            "label": region_label(region),
            "total": intcomma(region.total),
            "shade": region.shade,
            "url": region.url,
        }
        for region in counted
    }
    countries = [
        (label, [region for region in counted if region.country == code])
        for code, label in Country.choices
        if code != Country.OTHER
    ]
    return _render_page(
        request,
        "mapping/regions.html",
        {
            "filter": filterset,
            "tiles": [region for region in counted if region.tile],
            "countries": countries,
            "levels": [level_label(level) for level in LEVELS],
            "total": sum(region.total for region in counted),
            "grid": {"columns": COLUMNS, "rows": ROWS},
            "shapes": shapes,
            "shade_steps": shade_steps(max((region.total for region in counted), default=0)),
        },
    )


def region_label(region) -> str:
    """A region's accessible name on the map: its name and counts, read aloud as on its tile."""
    return ngettext(
        "%(name)s: %(count)s organization; passive %(passive)s, active %(active)s, collaborative %(collaborative)s",
        "%(name)s: %(count)s organizations; passive %(passive)s, active %(active)s, collaborative %(collaborative)s",
        region.total,
    ) % {
        "name": region.name,
        "count": intcomma(region.total),
        "passive": intcomma(region.by_level.get(Level.PASSIVE, 0)),
        "active": intcomma(region.by_level.get(Level.ACTIVE, 0)),
        "collaborative": intcomma(region.by_level.get(Level.COLLABORATIVE, 0)),
    }


def _render_page(request, template, context):
    return render(request, template, {"filtered": any(request.GET.get(key) for key in MAPPING_FILTERS), **context})
