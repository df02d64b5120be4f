"""Filters of the API's lists that have no list page of their own (the others reuse the pages' FilterSets)."""

import django_filters as filters

from reports.choices import Dimension
from reports.models import Indicator, IndicatorValue, Snapshot


class SnapshotFilter(filters.FilterSet):
    as_of_after = filters.DateFilter(field_name="as_of", lookup_expr="gte")
    as_of_before = filters.DateFilter(field_name="as_of", lookup_expr="lte")

    class Meta:
        model = Snapshot
        fields = []


class IndicatorValueFilter(filters.FilterSet):
    snapshot = filters.ModelChoiceFilter(queryset=Snapshot.objects.all())
    as_of = filters.DateFilter(field_name="snapshot__as_of")
    indicator = filters.ModelChoiceFilter(queryset=Indicator.objects.all(), to_field_name="code")
    dimension = filters.ChoiceFilter(choices=Dimension.choices)

    class Meta:
        model = IndicatorValue
        fields = []
