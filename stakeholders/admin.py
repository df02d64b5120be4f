"""Reference data of the register that administrators keep: interaction types and their rung on the
engagement ladder, the ladder's rolling window, NAICS titles, provinces and states, tags.

Organizations, contacts and interactions are kept in the register's own pages, where the services
apply their rules."""

from django.contrib import admin

from .models import ContactErasure, InteractionType, LadderSettings, NaicsCode, Region, Tag


@admin.register(InteractionType)
class InteractionTypeAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_fr", "name_es", "level", "is_active", "position"]
    list_editable = ["level", "is_active", "position"]
    prepopulated_fields = {"code": ["name_en"]}


@admin.register(LadderSettings)
class LadderSettingsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "window_days"]

    def has_add_permission(self, request):
        return not LadderSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(NaicsCode)
class NaicsCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "title_en", "title_fr", "title_es", "level", "variant"]
    list_filter = ["level", "variant"]
    search_fields = ["code", "title_en", "title_fr", "title_es"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_fr", "name_es", "country", "code"]
    list_filter = ["country"]
    search_fields = ["name_en", "name_fr", "name_es", "aliases"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(ContactErasure)
class ContactErasureAdmin(admin.ModelAdmin):
    """The log of erasures, read only: it is what shows the register answered a person's request."""

    list_display = ["contact_id", "organization", "erased_by", "erased_at"]
    list_select_related = ["organization", "erased_by"]
    search_fields = ["contact_id"]
    date_hierarchy = "erased_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
