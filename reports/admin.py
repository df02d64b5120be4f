"""What administrators keep for the dashboards: which indicators are shown and under what names in the
three languages, and the status thresholds with the vision's baseline date. The computations stay in code."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from strategy.forms import BoundedDatesAdmin

from .models import Indicator, ProgressSettings


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "objective", "default_name", "enabled", "name_en", "name_fr", "name_es"]
    list_editable = ["enabled", "name_en", "name_fr", "name_es"]
    list_filter = ["enabled", "objective__goal"]
    list_select_related = ["objective"]
    fields = ["code", "objective", "default_name", "how", "enabled", "position", "name_en", "name_fr", "name_es"]
    readonly_fields = ["code", "objective", "default_name", "how"]

    @admin.display(description=_("name given by the computation"))
    def default_name(self, obj):
        return obj.definition.name if obj.definition else "—"

    @admin.display(description=_("how it is computed"))
    def how(self, obj):
        return obj.definition.how if obj.definition else "—"

    def has_add_permission(self, request):
        return False  # an indicator exists because code computes it

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ProgressSettings)
class ProgressSettingsAdmin(BoundedDatesAdmin, admin.ModelAdmin):
    list_display = ["__str__", "on_track_percent", "at_risk_percent", "baseline_date"]

    def has_add_permission(self, request):
        return not ProgressSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
