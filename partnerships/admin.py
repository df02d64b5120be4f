"""What administrators keep for partnerships: stage names and translations, the reporting currency and
the yearly exchange rates. Partnerships themselves are kept in their own pages, where the gates apply."""

from django.contrib import admin

from .models import CurrencySettings, ExchangeRate, Stage


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_fr", "name_es"]
    list_editable = ["name_en", "name_fr", "name_es"]

    def has_add_permission(self, request):
        return False  # the stages are fixed: the gates depend on them

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CurrencySettings)
class CurrencySettingsAdmin(admin.ModelAdmin):
    list_display = ["__str__"]

    def has_add_permission(self, request):
        return not CurrencySettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["year", "currency", "to_currency", "rate"]
    list_filter = ["year", "currency", "to_currency"]
