"""The survey pages under the load's survey (5,000 completed responses at the default size).

Targets: the public response page of one invitation, a 95th percentile under 50 ms of server time (an
invitation partly answered, so the page shows saved answers and the request writes nothing); the results
page, a median under 300 ms (its 95th percentile is printed). Neither has a reference: the admin has no
page that does what these do.
"""

from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse


def survey_scenarios(measure, row_class) -> list:
    from surveys.choices import InvitationStatus
    from surveys.models import Survey

    survey = (
        Survey.objects.annotate(completed=Count("responses", filter=Q(responses__completed_at__isnull=False)))
        .order_by("-completed", "pk")
        .first()
    )
    if survey is None or not survey.completed:
        print("  no survey loaded: survey pages skipped")
        return []
    invitation = survey.invitations.filter(status=InvitationStatus.PARTIAL).order_by("pk").first()
    try:
        public = reverse("surveys:respond", args=[invitation.token]) if invitation else None
    except NoReverseMatch:
        public = None
    results_url = reverse("surveys:survey_results", args=[survey.pk])
    rows = []
    if public is None:
        print("  no public response page (or no partly answered invitation): public page skipped")
        (results,) = measure(results_url)
    else:
        answering, results = measure(public, results_url)
        row = row_class("survey_public", "survey response page, one invitation", answering, None)
        row.checks.append(("p95 < 50 ms", answering.p95 < 50))
        rows.append(row)
    row = row_class("survey_results", f"survey results, {survey.completed:,} responses", results, None)
    row.checks.append(("p50 < 300 ms", results.p50 < 300))
    rows.append(row)
    return rows
