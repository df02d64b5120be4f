"""The record that a person's data was erased, kept for accountability."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactErasure(models.Model):
    """Who erased which contact's personal data, and when. It holds no personal data itself: only the
    contact's number and organization, so it can be kept as long as the register is."""

    # A plain number rather than a foreign key: this record must outlive the contact's row.
    contact_id = models.PositiveBigIntegerField(_("contact number"), db_index=True)
    organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_erasures",
        verbose_name=_("organization"),
    )
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("erased by")
    )
    erased_at = models.DateTimeField(_("erased on"), auto_now_add=True)

    class Meta:
        ordering = ["-erased_at", "-id"]
        verbose_name = _("contact erasure")
        verbose_name_plural = _("contact erasures")

    def __str__(self):
        return f"#{self.contact_id} · {self.erased_at:%Y-%m-%d %H:%M}"
