from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from strategy.numbers import format_percent

from ..choices import Measure, Status

register = template.Library()

STATUS_CLASSES = {
    Status.ON_TRACK: "text-bg-success",
    Status.AT_RISK: "text-bg-warning",
    Status.OFF_TRACK: "text-bg-danger",
}


@register.filter
def figure(value, measure=Measure.COUNT):
    """A value as a reader reads it; None is "no data", never zero."""
    if value is None or value == "":
        return _("No data")
    value = Decimal(value)
    if measure == Measure.PERCENT:
        return format_percent(value)
    if measure == Measure.MONEY:
        return number_format(value, 2, use_l10n=True, force_grouping=True)
    if value == value.to_integral_value():
        return number_format(int(value), force_grouping=True)
    return number_format(value, 1, force_grouping=True)


@register.filter
def status_class(status):
    return STATUS_CLASSES.get(status, "text-bg-light border")
