from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MappingConfig(AppConfig):
    """The stakeholder matrix and the map of engagement by province and state: read-only views of the
    register (the potential rating they show is the register's, ``stakeholders.PotentialRating``)."""

    name = "mapping"
    verbose_name = _("Stakeholder map")
