"""Writes about people: their preferences and roles."""

from django.contrib.auth.models import Group
from django.db import transaction

from .choices import Role
from .models import User


def user_set_language(*, user: User, language: str) -> User:
    """Remember a person's interface language."""
    user.preferred_language = language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["preferred_language"])
    return user


@transaction.atomic
def user_assign_role(*, user: User, role: Role) -> User:
    """Give a person exactly one role. Administrators also get access to the administration site."""
    user.groups.set([Group.objects.get(name=role.value)])
    user.is_staff = role == Role.ADMINISTRATOR or user.is_superuser
    user.save(update_fields=["is_staff"])
    return user
