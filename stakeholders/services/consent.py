"""A contact's consent at the moment an email goes out, and their opt-out through the personal
unsubscribe link every invitation carries (CASL, CAN-SPAM, LFPDPPP)."""

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ..choices import OPT_OUT_REASONS, LanguageChoice
from ..models import Contact

SALT = "stakeholders.unsubscribe"


def contact_may_be_emailed(contact_id: int) -> bool:
    """Whether an email may go to this contact now: the rule that chose the recipients
    (``ContactQuerySet.reachable``), read again at the moment of sending, since consent can be withdrawn
    between an invitation and its reminder."""
    return Contact.objects.reachable().filter(pk=contact_id).exists()


def unsubscribe_token(contact: Contact, language: str) -> str:
    """A signed token naming the contact and the language of the email: no sign-in needed, and it cannot
    be changed to name somebody else. It does not expire: an old email's link must still work."""
    return signing.dumps({"c": contact.pk, "l": language}, salt=SALT, compress=True)


def unsubscribe_token_read(token: str) -> tuple[Contact, str] | None:
    """The contact and language a token names; ``None`` for a bad or tampered token or a deleted contact."""
    try:
        payload = signing.loads(token, salt=SALT)
        contact_id, language = int(payload["c"]), str(payload["l"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    contact = Contact.objects.filter(pk=contact_id).first()
    if contact is None:
        return None
    return contact, language if language in LanguageChoice.values else contact.preferred_language


def unsubscribe_urls(contact: Contact, *, language: str, base_url: str) -> tuple[str, str]:
    """The personal unsubscribe page (for the email's body) and its one-click address (for the
    List-Unsubscribe header, which mail programs POST to, RFC 8058)."""
    token = unsubscribe_token(contact, language)
    base = base_url.rstrip("/")
    return (
        base + reverse("stakeholders:unsubscribe", args=[token]),
        base + reverse("stakeholders:unsubscribe_one_click", args=[token]),
    )


def unsubscribe_headers(one_click_url: str) -> dict[str, str]:
    return {"List-Unsubscribe": f"<{one_click_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


@transaction.atomic
def contact_opt_out(*, contact: Contact, how: str) -> bool:
    """Record that the contact wants no more emails: the opt-out, its day, and in the contact's history
    when (the record's time) and how (its reason, one of ``OPT_OUT_REASONS``). Returns False when they had
    already opted out, which changes nothing."""
    if how not in OPT_OUT_REASONS:
        raise ValueError(f"Unknown way of opting out: {how!r}")
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    if contact.opted_out:
        return False
    contact.opted_out, contact.opted_out_on = True, timezone.localdate()
    contact.version += 1  # a staff edit begun before this cannot save over the opt-out unnoticed
    contact._change_reason = how  # django-simple-history keeps it on the history record
    contact.save(update_fields=["opted_out", "opted_out_on", "version", "updated_at"])
    return True
