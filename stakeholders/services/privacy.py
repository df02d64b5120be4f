"""Erasing a person's data from the register, when they ask for it."""

import re

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Affiliation, Contact, ContactErasure, ImportChange, Interaction
from ..personal_data import OWNED_DEPTH, contact_relations

# What identifies the person on their record, and what each becomes.
PERSONAL_FIELDS = {
    "full_name": "",
    "job_title": "",
    "email": "",
    "phone": "",
    "consent_date": None,
    "consent_source": "",
    "consent_purpose": "",
    "advisory_committee": "",
}
# Where their name, email or phone number is replaced in free text written about them.
ERASED = "[…]"
# Shorter values would match inside unrelated words.
SHORTEST_TRACE = 4


def _traces(contact: Contact) -> list[str]:
    """The names, email addresses and phone numbers the record has had, longest first."""
    history = Contact.history.model.objects.filter(id=contact.pk).values_list("full_name", "email", "phone")
    values = {v.strip() for row in [(contact.full_name, contact.email, contact.phone), *history] for v in row}
    return sorted((v for v in values if len(v) >= SHORTEST_TRACE), key=len, reverse=True)


def _text_fields(model) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.choices and f.name not in ("token",)
    ]


def _scrub(queryset, traces: list[str]) -> None:
    """Replace ``traces`` in the free text of ``queryset``'s rows; only rows that hold one are read."""
    pattern = re.compile("|".join(re.escape(t) for t in traces), re.IGNORECASE)
    for field in _text_fields(queryset.model):
        holding = Q()
        for trace in traces:
            holding |= Q(**{f"{field.name}__icontains": trace})
        for pk, text in queryset.filter(holding).values_list("pk", field.name):
            queryset.model._default_manager.filter(pk=pk).update(**{field.name: pattern.sub(ERASED, text)})


def _scrub_owned(model, path: str, contact: Contact, traces: list[str], depth: int) -> None:
    """The person's own records in later apps (invitations, attendance, survey answers), found as the
    export finds them: free text in them may name the person (a bounced address, an answer)."""
    if depth > OWNED_DEPTH:
        return
    _scrub(model._default_manager.filter(**{path: contact}), traces)
    for relation in contact_relations(model):
        if not relation.many_to_many and relation.on_delete is models.CASCADE:
            child_path = f"{relation.field.name}__{path}"
            _scrub_owned(relation.related_model, child_path, contact, traces, depth + 1)


@transaction.atomic
def contact_erase(*, contact: Contact, by) -> ContactErasure:
    """Erase what identifies a person, everywhere the app keeps it, and log who did it.

    The contact's row stays, without name, title, email, phone, advisory committee or consent details,
    so that the interactions, survey responses and event attendance it took part in still count in
    reports, now anonymous. The same fields are blanked in every change-history row of the contact,
    and their change reasons (a merge names the duplicate) removed. Free text elsewhere that names the
    person (interaction summaries and their history, survey answers, email errors) has the name, email
    and phone replaced. The person is marked opted out, so nothing is sent to the record again. The log
    (``ContactErasure``) names the contact's number only. One transaction: all of it, or nothing.
    """
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    if contact.erased_at:
        raise ValidationError(_("This contact's personal data is already erased."))
    traces = _traces(contact)
    today = timezone.localdate()

    if traces:
        interactions = Interaction.objects.filter(contacts=contact)
        _scrub(interactions, traces)
        _scrub(Interaction.history.model.objects.filter(id__in=interactions.values("pk")), traces)
        for relation in contact_relations():
            if not relation.many_to_many and relation.related_model is not Affiliation:
                _scrub_owned(relation.related_model, relation.field.name, contact, traces, 1)

    Affiliation.objects.filter(contact=contact).update(job_title="")
    # An import's undo would put the earlier values back.
    personal = set(PERSONAL_FIELDS)
    for change in ImportChange.objects.filter(model="contact", object_id=contact.pk):
        if personal & set(change.before):
            change.before = {k: v for k, v in change.before.items() if k not in personal}
            change.save(update_fields=["before"])
    Contact.history.model.objects.filter(id=contact.pk).update(**PERSONAL_FIELDS, history_change_reason=None)
    # Written with update(): a new history row would only record the erasure, which the log does.
    Contact.objects.filter(pk=contact.pk).update(
        **PERSONAL_FIELDS,
        name_key="",
        consent_given=False,
        opted_out=True,
        opted_out_on=contact.opted_out_on or today,
        erased_at=timezone.now(),
        version=F("version") + 1,
    )
    return ContactErasure.objects.create(contact_id=contact.pk, organization_id=contact.organization_id, erased_by=by)
