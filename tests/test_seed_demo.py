import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django.utils.html import escape

from accounts.choices import Role
from accounts.models import User
from reports.models import ProgressSettings, Snapshot, Target
from roundtables.models import Event
from surveys.choices import InvitationStatus, SurveyStatus
from surveys.models import Survey


@pytest.mark.django_db
def test_seed_demo_gives_one_account_per_role_and_running_it_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    first = {(u.email, u.role) for u in User.objects.prefetch_related("groups")}
    events = set(Event.objects.values_list("title_en", "status"))
    call_command("seed_demo")
    assert {(u.email, u.role) for u in User.objects.prefetch_related("groups")} == first
    assert {role for _, role in first} == set(Role)
    # A populated calendar: a roundtable held, a conference with invitations, a webinar being planned.
    assert {status for _, status in events} == {"outcomes_recorded", "invitations_sent", "planning"}
    assert set(Event.objects.values_list("title_en", "status")) == events


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_on_a_real_server(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_seed_demo_tells_the_whole_story_at_once_and_prints_a_respondents_link_that_works(settings, client):
    settings.DEBUG = True
    out = StringIO()
    call_command("seed_demo", stdout=out)
    today = timezone.localdate()

    # The dashboards have figures on the first visit: today's snapshot, with non-zero values.
    snapshot = Snapshot.objects.get(as_of=today)
    assert snapshot.values.filter(value__gt=0).count() > 10
    # ... and trends: a monthly history, the earliest being the engagement ladder's baseline.
    assert Snapshot.objects.count() == 7
    assert ProgressSettings.current().baseline_date == Snapshot.objects.earliest("as_of").as_of
    # This year's targets, for the whole Secretariat and for the unit lead's unit.
    targets = Target.objects.filter(year=today.year)
    assert targets.filter(unit=None).count() >= 5
    assert targets.filter(unit__isnull=False).exists()
    # An open survey whose invitations went out, some already answered.
    survey = Survey.objects.get(status=SurveyStatus.OPEN)
    assert survey.invitations.exclude(token="").filter(sent_at__isnull=False).count() >= 10
    assert survey.invitations.filter(status=InvitationStatus.COMPLETED).exists()

    link = re.search(r"Try a respondent's link: http://127\.0\.0\.1:8000(/s/[\w-]+/)$", out.getvalue(), re.MULTILINE)
    assert link, out.getvalue()
    response = client.get(link.group(1))
    assert response.status_code == 200
    invitation = survey.invitations.get(token=link.group(1).split("/")[2])
    assert escape(getattr(survey, f"title_{invitation.language}")) in response.content.decode()

    again = StringIO()
    call_command("seed_demo", stdout=again)
    assert Snapshot.objects.get(as_of=today).pk == snapshot.pk
    assert Snapshot.objects.count() == 7
    assert set(Target.objects.values_list("pk", "value")) == set(targets.values_list("pk", "value"))
    assert Survey.objects.count() == 1
    assert "Try a respondent's link" in again.getvalue()
