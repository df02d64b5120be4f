"""Creating and changing contacts, and keeping where they worked before."""

from django.db import transaction
from django.utils import timezone

from ..models import Affiliation, Contact
from ..normalize import fold
from .versions import check_version


@transaction.atomic
def contact_save(*, contact: Contact, expected_version: int | None = None) -> Contact:
    """Create or update a contact. A move to another organization keeps the former one as history."""
    if contact.pk:
        check_version(Contact, contact, expected_version)
        before = Contact.objects.only("organization_id", "job_title", "created_at").get(pk=contact.pk)
        if before.organization_id != contact.organization_id:
            Affiliation.objects.create(
                contact=contact,
                organization_id=before.organization_id,
                job_title=before.job_title,
                started_on=before.created_at.date(),
                ended_on=timezone.localdate(),
            )
    if contact.opted_out and not contact.opted_out_on:
        contact.opted_out_on = timezone.localdate()
    if not contact.opted_out:
        contact.opted_out_on = None
    contact.name_key = fold(contact.full_name)[:200]
    contact.email = contact.email.strip().lower()
    contact.full_clean()
    contact.save()
    return contact
