"""The drop-down lists of the filter panels and small forms, built once and kept in the cache.

Every list page offers the same provinces and states, NAICS sectors, pillars, units, interaction types,
tags and staff. Reading them on each request (and building a model instance per option) cost more than
the page's own rows, so each list is kept per language, as ``(value, label)`` pairs, until a row of its
model is saved or deleted. Writes that send no signal (``bulk_create``, ``update()``, raw SQL) are caught
up by the timeout. A submitted choice is still checked against the database by its form field.
"""

from collections.abc import Callable

from django import forms
from django.db.models.signals import post_delete, post_save
from django.forms.models import ModelChoiceIterator

from accounts.models import User
from strategy.caching import forget, kept
from strategy.models import Pillar, Unit
from strategy.translation import LANGUAGE_CODES, active_language, localized_field
from strategy.widgets import escape_html

from .models import InteractionType, NaicsCode, Region, Tag

TIMEOUT = 60 * 60


def _labelled(queryset) -> list[tuple[str, str]]:
    return [(str(row.pk), str(row)) for row in queryset]


# name: (the models whose changes it depends on, whether labels are translated, how to build it)
LISTS: dict[str, tuple[tuple[type, ...], bool, Callable[[], list[tuple[str, str]]]]] = {
    "regions": ((Region,), True, lambda: _labelled(Region.objects.order_by(localized_field("name")))),
    "sectors": (
        (NaicsCode,),
        True,
        lambda: _labelled(NaicsCode.objects.filter(level=2).order_by(localized_field("title"))),
    ),
    "pillars": ((Pillar,), True, lambda: _labelled(Pillar.objects.order_by(localized_field("name")))),
    "units": ((Unit,), True, lambda: _labelled(Unit.objects.order_by(localized_field("name")))),
    "interaction_types": (
        (InteractionType,),
        True,
        lambda: _labelled(InteractionType.objects.order_by(localized_field("name"))),
    ),
    "tags": ((Tag,), False, lambda: _labelled(Tag.objects.order_by("name"))),
    "staff": (
        (User,),
        False,
        lambda: [
            (str(pk), full_name or email)  # as User.__str__
            for pk, full_name, email in User.objects.filter(is_active=True)
            .order_by("full_name")
            .values_list("pk", "full_name", "email")
        ],
    ),
}


def _key(name: str, language: str) -> str:
    return f"choice-list:{name}:{language}"


def _kept_list(name: str) -> tuple[list[tuple[str, str]], str]:
    """List ``name`` in the active language: its ``(value, label)`` pairs and their ``<option>`` tags."""
    _models, translated, build = LISTS[name]

    def build_with_options():
        choices = build()
        options = "".join(
            f'<option value="{escape_html(value)}">{escape_html(label)}</option>' for value, label in choices
        )
        return choices, options

    return kept(_key(name, active_language() if translated else "all"), build_with_options, TIMEOUT)


def choice_list(name: str) -> list[tuple[str, str]]:
    """The ``(value, label)`` pairs of list ``name`` (a key of ``LISTS``) in the active language."""
    return _kept_list(name)[0]


class ListChoiceIterator(ModelChoiceIterator):
    """The options of a reference-data field, from its kept list rather than a query on every page."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from choice_list(self.field.choice_list)

    def __len__(self):
        return len(choice_list(self.field.choice_list)) + (self.field.empty_label is not None)

    def __bool__(self):
        return True

    def rendered_options(self, chosen: set[str]) -> str:
        """The ``<option>`` tags of a single choice, written once when the list was kept, the chosen one
        (if any) marked selected, as ``strategy.widgets.FastSelect`` would write them one by one."""
        options = _kept_list(self.field.choice_list)[1]
        empty = ""
        if self.field.empty_label is not None:
            shown = " selected" if "" in chosen else ""
            empty = f'<option value=""{shown}>{escape_html(self.field.empty_label)}</option>'
        for value in chosen:
            if value:
                tag = f'<option value="{escape_html(value)}">'
                options = options.replace(tag, f"{tag[:-1]} selected>", 1)
                break
        return empty + options


class ListChoiceField(forms.ModelChoiceField):
    """A model choice offered from the kept list ``choice_list`` (a key of ``LISTS``); the chosen value
    is still looked up in ``queryset``."""

    iterator = ListChoiceIterator

    def __init__(self, *args, choice_list: str, **kwargs):
        self.choice_list = choice_list
        super().__init__(*args, **kwargs)


def choice_list_keys(models=None) -> list[str]:
    """The cache keys of the lists built from ``models`` (of every list when None)."""
    return [
        _key(name, language)
        for name, (depends_on, _translated, _build) in LISTS.items()
        if models is None or any(model in depends_on for model in models)
        for language in (*LANGUAGE_CODES, "all")
    ]


def forget_choice_lists(sender=None, **kwargs) -> None:
    """Drop the lists built from ``sender``'s rows (every list when ``sender`` is None); the next
    page that shows one builds it again."""
    if sender is User and kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # signing in changes nothing a list shows
    keys = choice_list_keys(None if sender is None else [sender])
    if keys:
        forget(keys)


def connect() -> None:
    """Forget a list when a row of its model is saved or deleted (called once, from the app's ``ready``)."""
    for model in {model for models, _translated, _build in LISTS.values() for model in models}:
        post_save.connect(forget_choice_lists, sender=model, dispatch_uid=f"choice-lists-save-{model._meta.label}")
        post_delete.connect(forget_choice_lists, sender=model, dispatch_uid=f"choice-lists-delete-{model._meta.label}")
