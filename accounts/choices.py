from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The four roles; each is a group of permissions created by migration."""

    ADMINISTRATOR = "Administrator", _("Administrator")
    UNIT_LEAD = "Unit lead", _("Unit lead")
    STAFF = "Secretariat staff", _("Secretariat staff")
    VIEWER = "Viewer", _("Viewer")
