"""Choosing a survey's recipients from the register: the contact list's filters, read strictly.

A filter this page does not know, or a value it cannot read, selects no one: such a link once sent a survey
to every contact in the register, because the unknown key was ignored and an empty filter matches all.
"""

from dataclasses import dataclass

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stakeholders.filters import ContactFilter, read_strictly
from stakeholders.models import Contact, Organization

# The filters that narrow the selection; ``sort`` and ``reachable`` (every recipient is reachable anyway) do not.
NARROWING = ("q", "country", "category", "past_initiatives")
# Keys of the page itself, not filters.
PAGE_KEYS = frozenset({"page"})


class RecipientFilter(ContactFilter):
    """The contact list's filters, plus organizations that took part in past CEC initiatives."""

    past_initiatives = filters.BooleanFilter(
        label=gettext_lazy("Organization took part in a past CEC initiative"),
        method="filter_past_initiatives",
        widget=forms.CheckboxInput,
    )

    def filter_past_initiatives(self, queryset, name, value):
        if not value:
            return queryset
        through = Organization.initiatives.through
        return queryset.filter(Exists(through.objects.filter(organization=OuterRef("organization"))))


@dataclass
class RecipientSelection:
    """The contacts a page's filters select, or why they select no one."""

    filterset: RecipientFilter
    contacts: QuerySet[Contact]
    chosen: bool  # the filters are all known, all valid, and at least one narrows the register
    problem: str = ""  # shown when the filters were refused

    @property
    def filtered(self) -> bool:
        return self.chosen or bool(self.problem)


def recipient_selection(data: QueryDict, *, request=None) -> RecipientSelection:
    """The contacts ``data`` (the page's query string) selects: none unless every key is a known filter,
    every value is valid, and at least one filter narrows the register."""
    filterset = RecipientFilter(data, queryset=Contact.objects.select_related("organization"), request=request)
    nobody = Contact.objects.none()
    reading = read_strictly(filterset, ignore=PAGE_KEYS, narrowing=NARROWING)
    if reading.unknown:
        problem = _("This page does not know the filter “%(names)s”, so no contact is selected. Clear the filters "
                    "and choose the recipients again.") % {"names": "”, “".join(reading.unknown)}  # fmt: skip
        return RecipientSelection(filterset, nobody, chosen=False, problem=problem)
    if reading.invalid:
        problem = _("A filter holds a value this page cannot read, so no contact is selected. Correct it or clear "
                    "the filters.")  # fmt: skip
        return RecipientSelection(filterset, nobody, chosen=False, problem=problem)
    if not reading.narrows:
        return RecipientSelection(filterset, nobody, chosen=False)
    return RecipientSelection(filterset, filterset.qs, chosen=True)
