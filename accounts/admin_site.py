from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class CecAdminSite(admin.AdminSite):
    """The administration site, where Administrators keep reference data, users and roles."""

    site_header = _("CEC Engage administration")
    site_title = _("CEC Engage administration")
    index_title = _("Reference data, people and roles")
