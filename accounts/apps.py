from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("People and roles")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import stamp_activity_on_sign_in

        user_logged_in.connect(stamp_activity_on_sign_in, dispatch_uid="accounts.stamp_activity_on_sign_in")


class AdminSiteConfig(admin_apps.AdminConfig):
    """The Django admin, titled for CEC Engage."""

    default = False
    default_site = "accounts.admin_site.CecAdminSite"
