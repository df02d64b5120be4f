"""A list's "Sort by" menu in the reader's language.

django-filter's ``OrderingFilter`` writes its descending labels ("Name (descending)") once, when the
FilterSet class is defined, in whatever language is active then (English): every later reader saw them
in English. Here the label stays lazy and is written when the menu is shown.
"""

import django_filters as filters
from django.forms.utils import pretty_name
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class OrderingFilter(filters.OrderingFilter):
    """``OrderingFilter`` whose "(descending)" choices are translated for each reader."""

    descending_fmt = _("{label} (descending)")

    def build_choices(self, fields, labels):
        choices = []
        for field, param in fields.items():
            label = labels.get(field, pretty_name(param))
            choices.append((param, label))
            choices.append((f"-{param}", labels.get(f"-{param}", format_lazy(self.descending_fmt, label=label))))
        return choices
