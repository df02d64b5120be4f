import pytest
from django.core.management import CommandError, call_command

from accounts.choices import Role
from accounts.models import User
from roundtables.models import Event


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
