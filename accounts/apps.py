from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("People and roles")


class AdminSiteConfig(admin_apps.AdminConfig):
    """The Django admin, titled for CEC Engage."""

    default = False
    default_site = "accounts.admin_site.CecAdminSite"
