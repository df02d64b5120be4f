"""Writes about people: their preferences, roles and API keys."""

import hashlib
import secrets

from django.contrib.auth.models import Group
from django.db import transaction

from .choices import Role
from .models import ApiToken, User


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


def api_key_digest(key: str) -> str:
    """What is stored of an API key, and what a request's key is looked up by."""
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User) -> tuple[ApiToken, str]:
    """Give a person a new API key, replacing any earlier one; returns the token and the key, which is
    shown once and never stored."""
    key = secrets.token_urlsafe(32)
    ApiToken.objects.filter(user=user).delete()
    token = ApiToken(user=user, digest=api_key_digest(key), prefix=key[:8])
    token.full_clean()
    token.save()
    return token, key


def api_token_revoke(*, user: User) -> bool:
    """Take a person's API key away; tools holding it are refused from then on. True if there was one."""
    deleted, _ = ApiToken.objects.filter(user=user).delete()
    return bool(deleted)
