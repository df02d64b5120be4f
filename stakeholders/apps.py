from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "stakeholders"
    verbose_name = _("Stakeholders")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import choice_lists
        from .models import Organization
        from .selectors import forget_organization_count

        # Kept values the pages read (see choice_lists and selectors.organization_count) are forgotten
        # when the rows they come from change.
        choice_lists.connect()
        post_save.connect(forget_organization_count, sender=Organization, dispatch_uid="organization-count-save")
        post_delete.connect(forget_organization_count, sender=Organization, dispatch_uid="organization-count-delete")
