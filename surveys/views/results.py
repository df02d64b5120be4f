"""A survey's results (everyone who sees surveys) and the export of its responses (who may see respondents)."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from stakeholders.exports import to_csv, to_xlsx

from .. import selectors
from ..exports import response_rows
from ..models import Survey

FORMATS = {
    "csv": (to_csv, "text/csv; charset=utf-8"),
    "xlsx": (to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@require_GET
@permission_required("surveys.view_survey", raise_exception=True)
def survey_results(request, pk):
    survey = get_object_or_404(Survey, pk=pk)
    may_see_respondents = request.user.has_perm("surveys.view_respondents")
    results = selectors.survey_results(survey, by=request.GET.get("by", ""), with_names=may_see_respondents)
    rates = selectors.response_rates(survey)
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "results": results,
            "overall": rates["overall"],
            "rate_groups": [(dimension, rates[key]) for key, dimension in selectors.DIMENSIONS.items()],
            "charts": selectors.chart_data(results),
            "dimensions": selectors.DIMENSIONS,
            "may_see_respondents": may_see_respondents,
        },
    )


@require_GET
@permission_required(("surveys.view_survey", "surveys.view_respondents"), raise_exception=True)
def survey_export(request, pk, file_format):
    if file_format not in FORMATS:
        raise Http404
    survey = get_object_or_404(Survey, pk=pk)
    header, rows = response_rows(survey)
    writer, content_type = FORMATS[file_format]
    response = HttpResponse(writer(header, rows), content_type=content_type)
    stamp = timezone.localdate().isoformat()
    filename = f"cec-engage-survey-{survey.pk}-responses-{stamp}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
