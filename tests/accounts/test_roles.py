"""What each role can and cannot do on the pages that exist."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.choices import Role
from strategy.models import Goal

ANON = None
READ_PAGES = ["reports:home", "strategy:frame", "strategy:initiative_list", "preferences", "password_change"]


@pytest.mark.django_db
def test_the_four_roles_exist_as_groups_with_permissions():
    groups = {
        g.name: {f"{p.content_type.app_label}.{p.codename}" for p in g.permissions.all()}
        for g in Group.objects.prefetch_related("permissions__content_type")
    }
    assert set(groups) == {role.value for role in Role}
    for role in Role:
        assert "strategy.view_goal" in groups[role.value]
    assert "strategy.change_goal" in groups[Role.ADMINISTRATOR.value]
    for role in (Role.UNIT_LEAD, Role.STAFF, Role.VIEWER):
        assert not any(
            p.split(".")[1].startswith(("add_", "change_", "delete_"))
            for p in groups[role.value]
            if p.startswith("strategy.")
        )


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("page", READ_PAGES)
def test_every_role_reads_the_pages_that_exist(client_for, role, page):
    assert client_for(role).get(reverse(page)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "can_administer"),
    [(Role.ADMINISTRATOR, True), (Role.UNIT_LEAD, False), (Role.STAFF, False), (Role.VIEWER, False)],
)
def test_only_administrators_open_the_administration_site(client_for, role, can_administer):
    client = client_for(role)
    response = client.get(reverse("admin:strategy_goal_changelist"))
    if can_administer:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "can_edit"),
    [(Role.ADMINISTRATOR, True), (Role.UNIT_LEAD, False), (Role.STAFF, False), (Role.VIEWER, False)],
)
def test_only_administrators_edit_the_frame(client_for, role, can_edit):
    goal = Goal.objects.get(number=1)
    client = client_for(role)
    response = client.post(
        reverse("admin:strategy_goal_change", args=[goal.pk]),
        {
            "number": 1,
            "title_en": "Edited",
            "title_fr": goal.title_fr,
            "title_es": goal.title_es,
            "objectives-TOTAL_FORMS": 0,
            "objectives-INITIAL_FORMS": 0,
        },
    )
    goal.refresh_from_db()
    assert (goal.title_en == "Edited") is can_edit, response.status_code


@pytest.mark.django_db
def test_a_person_without_a_role_cannot_read_the_frame(client_for):
    client = client_for(role=None)
    assert client.get(reverse("strategy:frame")).status_code == 403


@pytest.mark.django_db
def test_the_administration_site_is_refused_to_a_viewer_even_with_the_staff_flag(sign_in, make_user):
    viewer = make_user(Role.VIEWER)
    viewer.is_staff = True
    viewer.save()
    client = sign_in(viewer)
    response = client.get(reverse("admin:strategy_goal_change", args=[Goal.objects.get(number=1).pk]))
    # The goal page shows read-only at most: a viewer has view permission, never change.
    assert b'name="_save"' not in response.content
