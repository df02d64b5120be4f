from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from .models import User


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "full_name", "unit"]


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"
        exclude = ["last_login", "date_joined"]  # recorded by the app, shown read-only


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Administrators create accounts, set each person's unit and role (group)."""

    form = UserEditForm
    add_form = UserCreationForm
    ordering = ["full_name"]
    list_display = ["full_name", "email", "unit", "role_name", "is_active", "last_login"]
    list_filter = ["groups", "unit", "is_active"]
    search_fields = ["full_name", "email"]
    list_select_related = ["unit"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "unit", "preferred_language", "time_zone"]}),
        (_("Role and access"), {"fields": ["is_active", "groups", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "unit", "password1", "password2"]}),
    ]
    filter_horizontal = ["groups"]
    readonly_fields = ["last_login", "date_joined"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("role"))
    def role_name(self, obj):
        role = obj.role
        return role.label if role else "—"

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "unit" in form.base_fields:
            form.base_fields["unit"].required = True  # every person belongs to a unit
        return form
