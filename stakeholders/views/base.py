"""Pieces the register's views share."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django_filters.views import FilterView


class FilteredListView(PermissionRequiredMixin, FilterView):
    """A list with its FilterSet; the filter lives in the URL, so a list can be bookmarked and shared."""

    paginate_by = 25
    page_sizes = (25, 50, 100)

    def get_paginate_by(self, queryset):
        size = self.request.GET.get("size", "")
        return int(size) if size.isdigit() and int(size) in self.page_sizes else self.paginate_by

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_sizes"] = self.page_sizes
        context["filtered"] = any(
            value for key, value in self.request.GET.items() if key not in ("page", "size", "sort")
        )
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
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
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
