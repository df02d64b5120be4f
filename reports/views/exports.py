"""Every dashboard table to CSV or XLSX, and the printable report of the whole strategy for a period."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from stakeholders.exports import to_csv, to_xlsx
from strategy.models import Goal, Objective

from ..forms import DashboardFilterForm
from ..selectors import (
    Filters,
    ProgressSettings,
    enabled_indicators,
    goals_with_status,
    indicator_rows,
    snapshot_in,
    vision_ladder,
)

FORMATS = {
    "csv": ("text/csv; charset=utf-8", to_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx),
}


def _figure(value):
    return "" if value is None else value


def table_rows(sections, filters: Filters, snapshot):
    """Long-format rows: each indicator's figure, then its trend and its breakdowns, so one file holds
    every table of a page."""
    header = [_("Table"), _("Objective"), _("Indicator"), _("Breakdown"), _("Date"), _("Value"), _("Target"),
              _("Percent of target"), _("Status")]  # fmt: skip
    as_of = snapshot.as_of.isoformat() if snapshot else ""
    lines = []
    for objective, rows in sections:
        code = objective.code if objective else _("Vision")
        for row in rows:
            value = _figure(row.value) if row.value is not None else _("No data")
            lines.append([_("Progress"), code, row.indicator.name, "", as_of, value, _figure(row.target),
                          _figure(row.percent), row.status_label])  # fmt: skip
            for day, figure in row.trend:
                lines.append([_("Trend"), code, row.indicator.name, "", day.isoformat(), _figure(figure), "", "", ""])
            for dimension, entries in row.breakdowns.items():
                for label, figure, _link in entries:
                    lines.append([str(dimension), code, row.indicator.name, label, as_of, _figure(figure), "", "", ""])
    return header, lines


def _respond(file_format: str, name: str, header, lines):
    if file_format not in FORMATS:
        raise Http404
    content_type, write = FORMATS[file_format]
    response = HttpResponse(write(header, lines), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


@permission_required("reports.view_indicator", raise_exception=True)
def export(request, file_format, number=None, code=None):
    filters = DashboardFilterForm(request.GET or None).filters()
    snapshot = snapshot_in(filters.start, filters.end)
    if code is not None:
        objective = Objective.objects.filter(code=code).first()
        if objective is None:
            raise Http404
        rows = indicator_rows(enabled_indicators([objective]), filters, snapshot, trends=True, breakdowns=True,
                              links=False)  # fmt: skip
        sections, name = [(objective, rows)], f"objective-{code}"
    else:
        goal = get_object_or_404(Goal, number=number) if number is not None else None
        goals = goals_with_status(filters, snapshot, goal=goal, trends=goal is not None, links=False)
        sections = [(o.objective, o.rows) for _goal, objectives in goals for o in objectives]
        if goal is None:
            rungs, _baseline = vision_ladder(filters, snapshot)
            sections.append((None, [rung.row for rung in rungs]))
        name = f"goal-{number}" if goal else "dashboard"
    header, lines = table_rows(sections, filters, snapshot)
    return _respond(file_format, name, header, lines)


@permission_required("reports.view_indicator", raise_exception=True)
def printable_report(request):
    """The whole strategy's progress over a period, in the reader's language, laid out for paper."""
    form = DashboardFilterForm(request.GET or None)
    filters = form.filters()
    snapshot = snapshot_in(filters.start, filters.end)
    first = snapshot_in(filters.start, filters.start) or None
    goals = goals_with_status(filters, snapshot, trends=True, links=False)
    rungs, baseline = vision_ladder(filters, snapshot)
    return render(
        request,
        "reports/report.html",
        {"form": form, "filters": filters, "snapshot": snapshot, "first": first, "goals": goals, "rungs": rungs,
         "baseline": baseline, "settings": ProgressSettings.current()},
    )  # fmt: skip
