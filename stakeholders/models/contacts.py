"""People at organizations, with their consent to be contacted (CASL, CAN-SPAM, LFPDPPP)."""

from django.db import models
from django.db.models.functions import Lower, Now
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..choices import AdvisoryCommittee, Country, LanguageChoice
from .imports import imported_in_field
from .organizations import Organization

# Who may be emailed: consented, has not opted out, and has an address. The one rule, read in SQL by
# ``ContactQuerySet.reachable`` (choosing recipients, and again at the moment each email goes out) and in
# Python by ``Contact.can_be_contacted`` on a row already loaded.
REACHABLE = {"consent_given": True, "opted_out": False}


class ContactQuerySet(models.QuerySet):
    def reachable(self):
        """Contacts who consented and have not opted out: the only ones invitations go to."""
        return self.filter(**REACHABLE).exclude(email="")


class Contact(models.Model):
    """A person at an organization. When they move, ``Affiliation`` keeps where they were."""

    full_name = models.CharField(_("name"), max_length=200)
    job_title = models.CharField(_("title"), max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="contacts",
        verbose_name=_("organization"),
        db_index=False,  # contact_org_name leads with it
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=LanguageChoice.choices, default=LanguageChoice.ENGLISH
    )
    country = models.CharField(
        _("country"), max_length=2, choices=Country.choices, blank=True, default="", db_default=""
    )

    consent_given = models.BooleanField(_("consents to be contacted"), default=False)
    consent_date = models.DateField(_("consent date"), null=True, blank=True)
    consent_source = models.CharField(
        _("consent source"), max_length=200, blank=True, help_text=_("Where the consent was given, e.g. a form.")
    )
    consent_purpose = models.CharField(_("consent purpose"), max_length=200, blank=True, default="", db_default="")
    opted_out = models.BooleanField(_("opted out"), default=False, db_default=False)
    opted_out_on = models.DateField(_("opted out on"), null=True, blank=True)
    advisory_committee = models.CharField(
        _("advisory committee"), max_length=10, choices=AdvisoryCommittee.choices, blank=True, default="", db_default=""
    )

    name_key = models.CharField(max_length=200, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_default=Now())
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_default=Now())
    imported_in = imported_in_field()
    # Set when the person's data is erased: the record stays so that interactions, invitations and
    # attendance still count, but nothing in it says who the person was (services.privacy).
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, db_default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["name_key", "version", "imported_in"])

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["name_key", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        permissions = [
            ("export_contact", _("Can export everything held on a contact")),
            ("erase_contact", _("Can erase a contact's personal data")),
        ]
        indexes = [
            models.Index(Lower("email"), name="contact_email_ci"),
            models.Index(fields=["organization", "name_key"], name="contact_org_name"),
            models.Index(fields=["name_key"], name="contact_name_key"),  # a plain b-tree: see Organization
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent_given=False) | models.Q(consent_date__isnull=False),
                name="contact_consent_has_a_date",
                violation_error_message=_("Give the date the consent was given."),
            )
        ]

    def __str__(self):
        # By the name alone: lists load only the fields they show, and an erased contact has none.
        return self.full_name or gettext("Erased contact #%(id)s") % {"id": self.pk}

    def get_absolute_url(self):
        return reverse("stakeholders:contact_detail", args=[self.pk])

    @property
    def can_be_contacted(self) -> bool:
        """``ContactQuerySet.reachable``'s rule, for this row as loaded."""
        return all(getattr(self, name) == value for name, value in REACHABLE.items()) and bool(self.email)


class Affiliation(models.Model):
    """Where a contact worked, and when: their history as they move between organizations."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="affiliations")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="past_affiliations")
    job_title = models.CharField(_("title"), max_length=200, blank=True)
    started_on = models.DateField(_("from"), null=True, blank=True)
    ended_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["-ended_on"]
        verbose_name = _("former affiliation")
        verbose_name_plural = _("former affiliations")

    def __str__(self):
        return f"{self.contact} — {self.organization}"
