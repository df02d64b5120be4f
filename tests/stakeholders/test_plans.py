"""Engagement plans: target groups read strictly, progress, the organizations behind the cadence, and the
nightly follow-ups."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Role
from stakeholders.choices import Category, Level
from stakeholders.models import Cadence, EngagementPlan, FollowUp, Organization, TargetGroup
from stakeholders.plans import plan_organizations_behind, plan_progress, read_target_filter
from stakeholders.services.plans import plan_create_followups, plan_save, target_group_create
from stakeholders.tasks import create_plan_followups
from tests.factories.stakeholders import OrganizationFactory, log_interaction

pytestmark = pytest.mark.django_db

CHAMBERS = "category=chamber_of_commerce"


def make_plan(owner, *, query=CHAMBERS, goal=Level.ACTIVE, cadence=Cadence.QUARTER, name="Chambers to active"):
    group = TargetGroup.objects.create(name="Chambers", query=query, owner=owner)
    return plan_save(
        plan=EngagementPlan(
            name=name,
            target_group=group,
            owner=owner,
            goal_level=goal,
            cadence_days=cadence,
            due_on=timezone.localdate() + timedelta(days=180),
        )
    )


def chamber(level=None, **kwargs):
    organization = OrganizationFactory(category=Category.CHAMBER_OF_COMMERCE, **kwargs)
    if level:
        Organization.objects.filter(pk=organization.pk).update(engagement_level=level)
    return organization


# Target groups


def test_a_saved_filter_selects_the_organizations_the_list_would(staff_user):
    inside = chamber()
    OrganizationFactory(category=Category.CORPORATION)
    query = "?q=&category=chamber_of_commerce&country=&page=3"
    group = target_group_create(name="Chambers", query=query, owner=staff_user)
    assert group.query == CHAMBERS  # neither the list's page nor the filters left empty are part of the group
    assert list(read_target_filter(group.query).organizations) == [inside]


@pytest.mark.parametrize(
    "query",
    [
        "categroy=chamber_of_commerce",  # a key the list does not know
        "category=chamber_of_commerce&colour=green",
        "category=no_such_category",  # a value it cannot read
        "level=9",
        "",  # nothing narrows the register
        "sort=name",
    ],
)
def test_a_filter_the_list_cannot_read_strictly_selects_no_organization(query):
    chamber()
    OrganizationFactory(category=Category.CORPORATION)
    selection = read_target_filter(query)
    assert selection.problem
    assert not selection.organizations.exists()


def test_a_filter_that_cannot_be_read_is_refused_when_saved(staff_user):
    with pytest.raises(ValidationError) as error:
        target_group_create(name="Typo", query="categroy=chamber_of_commerce", owner=staff_user)
    assert "categroy" in str(error.value)
    assert not TargetGroup.objects.exists()


# Progress and cadence


def test_progress_counts_the_group_at_or_above_the_goal_level(staff_user, django_assert_num_queries):
    chamber(Level.PASSIVE)
    chamber(Level.ACTIVE)
    chamber(Level.COLLABORATIVE)
    chamber()
    OrganizationFactory(category=Category.CORPORATION, name="Not in the group")
    plan = make_plan(staff_user, goal=Level.ACTIVE)
    with django_assert_num_queries(1):  # one aggregate: the group's size and how many reached the goal
        progress = plan_progress(plan)
    assert (progress.reached, progress.total, progress.percent) == (2, 4, 50)


def test_a_broken_saved_filter_makes_no_progress_and_nobody_behind(staff_user):
    chamber(Level.COLLABORATIVE)
    plan = make_plan(staff_user, query="categroy=chamber_of_commerce")
    assert (plan_progress(plan).total, plan_organizations_behind(plan).count()) == (0, 0)


def test_an_organization_without_an_interaction_within_the_cadence_is_behind(staff_user):
    today = timezone.localdate()
    recent = chamber(name="Recent")
    log_interaction(recent, occurred_on=today - timedelta(days=10))
    lapsed = chamber(name="Lapsed")
    log_interaction(lapsed, occurred_on=today - timedelta(days=120))
    never = chamber(name="Never")
    plan = make_plan(staff_user, cadence=Cadence.QUARTER)
    assert set(plan_organizations_behind(plan, today)) == {lapsed, never}
    plan.cadence_days = Cadence.HALF_YEAR
    assert set(plan_organizations_behind(plan, today)) == {never}


# The nightly follow-ups


def test_the_nightly_run_gives_the_owner_one_follow_up_per_organization_behind_and_no_more(staff_user, inline_tasks):
    today = timezone.localdate()
    contacted = chamber()
    log_interaction(contacted, occurred_on=today)
    behind = [chamber(), chamber()]
    plan = make_plan(staff_user)

    assert create_plan_followups.delay().get() == 2
    followups = FollowUp.objects.filter(plan=plan)
    assert {f.organization for f in followups} == set(behind)
    assert {f.owner for f in followups} == {staff_user}
    assert all(f.due_on > today for f in followups)

    assert create_plan_followups.delay().get() == 0  # the next night: still open, nothing new
    assert FollowUp.objects.filter(plan=plan).count() == 2


def test_a_done_follow_up_of_an_organization_still_behind_is_followed_by_a_new_one(staff_user):
    organization = chamber()
    plan = make_plan(staff_user)
    plan_create_followups(plan=plan)
    FollowUp.objects.filter(plan=plan).update(done_at=timezone.now())
    plan_create_followups(plan=plan)
    assert FollowUp.objects.filter(plan=plan, organization=organization).count() == 2
    assert FollowUp.objects.open().filter(plan=plan).count() == 1


def test_another_plans_open_follow_up_does_not_count_for_this_plan(staff_user):
    organization = chamber()
    first = make_plan(staff_user, name="First")
    second = make_plan(staff_user, name="Second")
    plan_create_followups(plan=first)
    plan_create_followups(plan=second)
    assert FollowUp.objects.filter(organization=organization).count() == 2


def test_the_database_keeps_one_open_follow_up_per_plan_and_organization(staff_user):
    organization = chamber()
    plan = make_plan(staff_user)
    plan_create_followups(plan=plan)
    # A second run that read before the first one wrote: the insert of the same row is ignored.
    duplicate = FollowUp(plan=plan, organization=organization, owner=staff_user, description="x", due_on=plan.due_on)
    FollowUp.objects.bulk_create([duplicate], ignore_conflicts=True)
    assert FollowUp.objects.filter(plan=plan).count() == 1


def test_a_plan_past_its_due_date_writes_no_more_follow_ups(staff_user, inline_tasks):
    chamber()
    plan = make_plan(staff_user)
    EngagementPlan.objects.filter(pk=plan.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    assert create_plan_followups.delay().get() == 0
    assert not FollowUp.objects.exists()


def test_the_nightly_run_is_scheduled(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "stakeholders.tasks.create_plan_followups" in tasks


# Pages


def plan_form(group, owner, **changes):
    data = {
        "name": "Chambers to active",
        "target_group": group.pk,
        "owner": owner.pk,
        "goal_level": Level.ACTIVE,
        "cadence_days": Cadence.QUARTER,
        "due_on": (timezone.localdate() + timedelta(days=90)).isoformat(),
        "notes": "",
    }
    return data | changes


def test_staff_save_a_filter_and_make_a_plan_for_it(make_user, sign_in):
    chamber()
    user = make_user(Role.STAFF)
    client = sign_in(user)
    response = client.get(reverse("stakeholders:targetgroup_add") + f"?{CHAMBERS}")
    assert response.context["count"] == 1
    response = client.post(reverse("stakeholders:targetgroup_add"), {"name": "Chambers", "query": CHAMBERS})
    group = TargetGroup.objects.get()
    assert response.url == reverse("stakeholders:plan_add") + f"?group={group.pk}"
    response = client.post(reverse("stakeholders:plan_add"), plan_form(group, user))
    plan = EngagementPlan.objects.get()
    assert response.url == plan.get_absolute_url()
    assert (plan.target_group, plan.owner, plan.goal_level, plan.cadence_days) == (group, user, 2, 91)


def test_a_filter_that_cannot_be_read_is_refused_by_the_form(client_for):
    client = client_for(Role.STAFF)
    response = client.post(reverse("stakeholders:targetgroup_add"), {"name": "Typo", "query": "colour=green"})
    assert response.status_code == 200
    assert "colour" in str(response.context["form"].errors["query"])
    assert not TargetGroup.objects.exists()


def test_viewers_read_plans_but_may_not_make_or_change_them(make_user, sign_in):
    owner = make_user(Role.STAFF)
    plan = make_plan(owner)
    viewer = sign_in(make_user(Role.VIEWER))
    assert viewer.get(reverse("stakeholders:plan_list")).status_code == 200
    assert viewer.get(plan.get_absolute_url()).status_code == 200
    assert viewer.get(reverse("stakeholders:plan_add")).status_code == 403
    assert viewer.post(reverse("stakeholders:plan_add"), plan_form(plan.target_group, owner)).status_code == 403
    edit = reverse("stakeholders:plan_edit", args=[plan.pk])
    assert viewer.post(edit, plan_form(plan.target_group, owner, name="Hijacked")).status_code == 403
    assert viewer.post(reverse("stakeholders:targetgroup_add"), {"name": "G", "query": CHAMBERS}).status_code == 403
    plan.refresh_from_db()
    assert plan.name == "Chambers to active" and TargetGroup.objects.count() == 1


def test_only_the_owner_or_an_administrator_edits_a_plan(make_user, sign_in):
    owner = make_user(Role.STAFF)
    plan = make_plan(owner)
    edit = reverse("stakeholders:plan_edit", args=[plan.pk])
    for role in (Role.STAFF, Role.UNIT_LEAD):
        other = sign_in(make_user(role))
        assert other.post(edit, plan_form(plan.target_group, owner, name="Not theirs")).status_code == 403
    response = sign_in(owner).post(edit, plan_form(plan.target_group, owner, name="Chambers, renamed"))
    assert response.status_code == 302
    admin = sign_in(make_user(Role.ADMINISTRATOR))
    assert admin.post(edit, plan_form(plan.target_group, owner, name="By the administrator")).status_code == 302
    plan.refresh_from_db()
    assert plan.name == "By the administrator"


@pytest.mark.parametrize("organizations", [2, 50])
def test_a_plans_page_costs_the_same_for_2_or_50_organizations(
    client_for, staff_user, django_assert_num_queries, organizations
):
    for n in range(organizations):
        chamber(Level.ACTIVE if n % 2 else None)
    plan = make_plan(staff_user)
    client = client_for(Role.VIEWER)
    # session, user, permissions (2), plan with group and owner, progress (one aggregate), organizations
    # behind, open follow-ups of the plan
    with django_assert_num_queries(8):
        response = client.get(plan.get_absolute_url())
    assert response.context["progress"].total == organizations
    assert len(response.context["behind"]) == organizations
    assert f"{organizations // 2} of {organizations} organizations" in response.content.decode()


@pytest.mark.parametrize("plans", [2, 30])
def test_the_plan_list_costs_the_same_for_2_or_30_plans(client_for, staff_user, django_assert_num_queries, plans):
    for n in range(plans):
        make_plan(staff_user, name=f"Plan {n}")
    client = client_for(Role.VIEWER)
    # session, user, permissions (2), count, plans with their group and owner
    with django_assert_num_queries(6):
        response = client.get(reverse("stakeholders:plan_list"))
    assert response.status_code == 200


def test_the_plan_form_costs_a_fixed_number_of_queries(client_for, django_assert_num_queries):
    client = client_for(Role.STAFF)
    # session, user, permissions (2), target groups, owners
    with django_assert_num_queries(6):
        assert client.get(reverse("stakeholders:plan_add")).status_code == 200
