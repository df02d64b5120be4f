"""Pieces the register's views share."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.utils.functional import cached_property
from django_filters.views import FilterView

from strategy.forms import add_service_errors


class CountedPaginator(Paginator):
    """A paginator told its count when it is already known, instead of counting the rows again.

    A count kept a little while may be too high after a bulk removal: a page past the real end is then
    refused as with an exact count (404), rather than shown empty.
    """

    def __init__(self, *args, count: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_is_known = count is not None
        if count is not None:
            self.count = count  # overrides the cached_property that would run COUNT(*)

    @cached_property
    def count(self):
        # On the ids alone: the rows' other columns, and the joins that bring them, change nothing to
        # how many rows there are (a list of values() rows with DISTINCT counted them all, 2.5x slower).
        return self.object_list.values("pk").count()

    def page(self, number):
        page = super().page(number)
        if self.count_is_known and page.number > 1 and not page.object_list:
            raise EmptyPage(self.error_messages["no_results"])
        return page


class FilteredListView(PermissionRequiredMixin, FilterView):
    """A list with its FilterSet; the filter lives in the URL, so a list can be bookmarked and shared."""

    paginate_by = 25
    page_sizes = (25, 50, 100)
    paginator_class = CountedPaginator

    def get_paginate_by(self, queryset):
        size = self.request.GET.get("size", "")
        return int(size) if size.isdigit() and int(size) in self.page_sizes else self.paginate_by

    def is_filtered(self) -> bool:
        return any(value for key, value in self.request.GET.items() if key not in ("page", "size", "sort"))

    def unfiltered_count(self) -> int | None:
        """The number of rows of the whole list when a cheaper way than COUNT(*) knows it."""
        return None

    def filtered_count(self, queryset) -> int | None:
        """The number of rows the filtered list finds when a cheaper way than COUNT(*) knows it."""
        return None

    def filter_pairs(self) -> list[tuple[str, str]]:
        """The filter of the URL, as (name, value) pairs: what the rows depend on, not how they are shown."""
        shown = ("page", "size", "sort")
        return [(key, value) for key, values in self.request.GET.lists() if key not in shown for value in values]

    def get_paginator(self, queryset, per_page, **kwargs):
        count = self.filtered_count(queryset) if self.is_filtered() else self.unfiltered_count()
        return self.paginator_class(queryset, per_page, count=count, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_sizes"] = self.page_sizes
        context["filtered"] = self.is_filtered()
        return context


class ServiceFormMixin:
    """Save through a service; a rule the service refuses shows next to the field, nothing half-saved."""

    success_message = ""

    def save(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.object = self.save(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message % {"name": self.object})
        return self.redirect_after_save()

    def redirect_after_save(self):
        from django.http import HttpResponseRedirect

        return HttpResponseRedirect(self.get_success_url())


def parse_cursor(raw: str) -> tuple[date, int] | None:
    """A keyset cursor "YYYY-MM-DD_id" from the URL, or None when absent or malformed."""
    try:
        day, pk = raw.split("_")
        return date.fromisoformat(day), int(pk)
    except ValueError:
        return None


def make_cursor(interaction) -> str:
    return f"{interaction.occurred_on.isoformat()}_{interaction.pk}"
