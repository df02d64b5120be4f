import pytest
from django.core.management import CommandError, call_command

from accounts.choices import Role
from accounts.models import User


@pytest.mark.django_db
def test_seed_demo_gives_one_account_per_role_and_running_it_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    first = {(u.email, u.role) for u in User.objects.prefetch_related("groups")}
    call_command("seed_demo")
    assert {(u.email, u.role) for u in User.objects.prefetch_related("groups")} == first
    assert {role for _, role in first} == set(Role)


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_on_a_real_server(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
    assert not User.objects.exists()
