"""Administrators keep the strategy's frame here, in the three languages."""

from django.contrib import admin

from .models import (
    Action,
    AreaOfRelevance,
    CoreValue,
    Goal,
    Initiative,
    KeyPrinciple,
    Objective,
    Pillar,
    Unit,
)


class ObjectiveInline(admin.StackedInline):
    model = Objective
    extra = 0


class ActionInline(admin.StackedInline):
    model = Action
    extra = 0


class AreaInline(admin.StackedInline):
    model = AreaOfRelevance
    extra = 0


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["number", "title_en", "title_fr", "title_es"]
    inlines = [ObjectiveInline]


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ["code", "text_en"]
    list_filter = ["goal"]
    list_select_related = ["goal"]
    inlines = [ActionInline]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["code", "text_en"]
    list_filter = ["objective__goal"]
    search_fields = ["text_en", "text_fr", "text_es"]


@admin.register(Pillar)
class PillarAdmin(admin.ModelAdmin):
    list_display = ["position", "name_en", "name_fr", "name_es", "kind"]
    list_display_links = ["name_en"]
    inlines = [AreaInline]


@admin.register(AreaOfRelevance)
class AreaOfRelevanceAdmin(admin.ModelAdmin):
    list_display = ["label_en", "pillar"]
    list_filter = ["pillar"]
    list_select_related = ["pillar"]
    search_fields = ["label_en", "label_fr", "label_es", "text_en"]


@admin.register(KeyPrinciple)
class KeyPrincipleAdmin(admin.ModelAdmin):
    list_display = ["section", "name_en", "name_fr", "name_es"]


@admin.register(CoreValue)
class CoreValueAdmin(admin.ModelAdmin):
    list_display = ["position", "name_en", "name_fr", "name_es"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_fr", "name_es", "code"]
    prepopulated_fields = {"code": ["name_en"]}


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["name_en", "kind", "status", "start_year", "end_year", "unit"]
    list_filter = ["kind", "status", "pillars", "unit"]
    search_fields = ["name_en", "name_fr", "name_es", "code"]
    list_select_related = ["unit"]
    filter_horizontal = ["pillars"]
    prepopulated_fields = {"code": ["name_en"]}
