"""Creating and changing contacts, and keeping where they worked, and when."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Affiliation, Contact
from ..normalize import fold
from .versions import check_version


@transaction.atomic
def contact_save(
    *, contact: Contact, expected_version: int | None = None, moved_on: date | None = None, since: date | None = None
) -> Contact:
    """Create or update a contact, keeping their positions: a new contact's position starts ``since`` (today
    when not given); a move to another organization ends the current position on ``moved_on`` (today when
    not given) and starts the new one that same day."""
    today = timezone.localdate()
    move = None
    if contact.pk:
        check_version(Contact, contact, expected_version)
        before = Contact.objects.only("organization_id", "job_title", "created_at").get(pk=contact.pk)
        if before.organization_id != contact.organization_id:
            move = before
    if contact.opted_out and not contact.opted_out_on:
        contact.opted_out_on = today
    if not contact.opted_out:
        contact.opted_out_on = None
    contact.name_key = fold(contact.full_name)[:200]
    contact.email = contact.email.strip().lower()
    contact.full_clean()
    created = contact.pk is None
    contact.save()
    if created:
        _position_open(contact, started_on=since or today)
    elif move is not None:
        _position_close(contact, before=move, ended_on=moved_on or today)
        _position_open(contact, started_on=moved_on or today)
    return contact


def _position_open(contact: Contact, *, started_on: date) -> Affiliation:
    return Affiliation.objects.create(
        contact=contact, organization_id=contact.organization_id, job_title=contact.job_title, started_on=started_on
    )


def _position_close(contact: Contact, *, before: Contact, ended_on: date) -> None:
    """End the position at the organization the contact leaves. A contact saved before positions were kept
    (or imported) has no open one: it is written then, from the end of their previous position, or from the
    day the contact was recorded."""
    current = contact.affiliations.filter(ended_on__isnull=True).order_by("-started_on", "-id").first()
    if current is None:
        previous_end = contact.affiliations.exclude(ended_on=None).order_by("-ended_on").first()
        current = Affiliation(
            contact=contact,
            organization_id=before.organization_id,
            job_title=before.job_title,
            started_on=previous_end.ended_on if previous_end else before.created_at.date(),
        )
    if current.started_on and ended_on < current.started_on:
        raise ValidationError(
            {"moved_on": _("The move cannot come before the current position started (%(day)s).")
             % {"day": current.started_on.isoformat()}}  # fmt: skip
        )
    current.ended_on = ended_on
    current.full_clean()
    current.save()
