"""The goal dashboards: an overview, a page per goal and per objective, the refresh button and its
progress. Every page reads the stored snapshots only."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.choices import Role
from partnerships.models import CurrencySettings
from strategy.jobs import JobsUnavailable
from strategy.models import Goal, Objective

from ..forms import DashboardFilterForm
from ..models import ProgressSettings, SnapshotRun
from ..selectors import (
    chart_data,
    enabled_indicators,
    freshness,
    goals_with_status,
    indicator_rows,
    snapshot_in,
    vision_ladder,
)
from ..services.snapshots import snapshot_request


def _filters(request):
    form = DashboardFilterForm(request.GET or None)
    return form, form.filters()


def _unit_lead_landing(request):
    """A unit lead arriving without filters lands on their unit's view."""
    user = request.user
    if not request.GET and user.unit_id and user.role == Role.UNIT_LEAD:
        return HttpResponseRedirect(f"{request.path}?unit={user.unit_id}")
    return None


def _context(request, form, filters, **extra):
    snapshot = snapshot_in(filters.start, filters.end)
    return {
        "form": form,
        "filters": filters,
        "query": filters.query(),
        "snapshot": snapshot,
        "fresh": freshness(),
        "currency": CurrencySettings.current().reporting_currency,
        **extra,
    }


@permission_required("reports.view_indicator", raise_exception=True)
def dashboard(request):
    if redirect := _unit_lead_landing(request):
        return redirect
    form, filters = _filters(request)
    context = _context(request, form, filters)
    snapshot = context["snapshot"]
    settings = ProgressSettings.current()
    rungs, baseline = vision_ladder(filters, snapshot, settings)
    context |= {
        "goals": goals_with_status(filters, snapshot, links=False, settings=settings),
        "rungs": rungs,
        "baseline": baseline,
        "charts": chart_data([rung.row for rung in rungs]),
    }
    return render(request, "reports/dashboard.html", context)


@permission_required("reports.view_indicator", raise_exception=True)
def goal_detail(request, number):
    if redirect := _unit_lead_landing(request):
        return redirect
    goal = get_object_or_404(Goal, number=number)
    form, filters = _filters(request)
    context = _context(request, form, filters, goal=goal)
    goals = goals_with_status(filters, context["snapshot"], goal=goal, trends=True)
    objectives = goals[0][1] if goals else []
    context |= {"objectives": objectives, "charts": chart_data([r for o in objectives for r in o.rows])}
    return render(request, "reports/goal.html", context)


@permission_required("reports.view_indicator", raise_exception=True)
def objective_detail(request, code):
    if redirect := _unit_lead_landing(request):
        return redirect
    objective = Objective.objects.select_related("goal").filter(code=code).first()
    if objective is None:
        raise Http404
    form, filters = _filters(request)
    context = _context(request, form, filters, objective=objective, goal=objective.goal)
    rows = indicator_rows(enabled_indicators([objective]), filters, context["snapshot"], trends=True, breakdowns=True)
    context |= {"rows": rows, "charts": chart_data(rows)}
    return render(request, "reports/objective.html", context)


@require_POST
@permission_required("reports.add_snapshotrun", raise_exception=True)
def refresh(request):
    """Start a computation, or show the one already running."""
    try:
        run = snapshot_request(by=request.user)
    except JobsUnavailable as error:
        if request.headers.get("HX-Request"):
            return render(request, "includes/jobs_unavailable.html", {"message": error.message})
        messages.error(request, error.message)
        run = None
    if run and request.headers.get("HX-Request"):
        return render(request, "reports/includes/run_progress.html", {"run": run})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("reports:dashboard")
    return HttpResponseRedirect(next_url)


@permission_required("reports.view_snapshotrun", raise_exception=True)
def run_progress(request, pk):
    run = get_object_or_404(SnapshotRun, pk=pk)
    return render(request, "reports/includes/run_progress.html", {"run": run, "finished": not run.is_working})
