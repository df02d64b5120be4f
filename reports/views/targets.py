"""Yearly targets: unit leads set their unit's, administrators every unit's and the Secretariat's."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from strategy.models import Objective

from ..forms import TargetScopeForm, TargetValuesForm
from ..models import Target
from ..selectors import enabled_indicators
from ..services.targets import targets_set


@permission_required("reports.add_target", raise_exception=True)
def target_list(request):
    user = request.user
    initial = {"year": timezone.localdate().year, "unit": user.unit_id}
    scope = TargetScopeForm(request.GET or initial, user=user)
    if not scope.is_valid():
        scope = TargetScopeForm(initial, user=user)
        scope.is_valid()
    year = scope.cleaned_data.get("year", initial["year"])
    unit = scope.cleaned_data.get("unit")
    objectives = list(Objective.objects.select_related("goal").order_by("goal__number", "position"))
    indicators = enabled_indicators(objectives)
    current = dict(
        Target.objects.filter(year=year, unit=unit, unit__isnull=unit is None).values_list("indicator_id", "value")
    )
    form = TargetValuesForm(request.POST or None, indicators=indicators, initial_values=current)
    if request.method == "POST" and form.is_valid():
        try:
            changed = targets_set(by=user, year=year, unit=unit, values=form.values())
        except PermissionDenied:
            raise
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages_)
        else:
            messages.success(
                request, ngettext("%(count)d target saved.", "%(count)d targets saved.", changed) % {"count": changed}
            )
            return HttpResponseRedirect(request.get_full_path())
    by_objective = {}
    for indicator, field in form.bound_rows():
        by_objective.setdefault(indicator.objective_id, []).append((indicator, field))
    sections = [(objective, by_objective[objective.pk]) for objective in objectives if objective.pk in by_objective]
    return render(
        request,
        "reports/targets.html",
        {"scope": scope, "form": form, "sections": sections, "year": year, "unit": unit,
         "title": _("Yearly targets")},
    )  # fmt: skip
