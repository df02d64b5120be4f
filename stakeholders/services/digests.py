"""The daily email that tells each person what they have to follow up."""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.models import User

from ..emails import render_subject
from ..models import DigestSent, FollowUp

HORIZON_DAYS = 7  # what falls due within a week, plus everything overdue


def followups_due_for(user: User, today: date) -> list[FollowUp]:
    return list(
        FollowUp.objects.open()
        .filter(owner=user, due_on__lte=today + timedelta(days=HORIZON_DAYS))
        .select_related("organization")
        .order_by("due_on", "id")
    )


def followup_send_digests(*, today: date | None = None, base_url: str = "") -> int:
    """Email each active person with follow-ups due within a week or overdue, once a day, in their
    language. Returns how many emails went out; running it again the same day sends none."""
    today = today or timezone.localdate()
    owners = User.objects.filter(
        is_active=True,
        followups__done_at__isnull=True,
        followups__due_on__lte=today + timedelta(days=HORIZON_DAYS),
    ).distinct()
    sent = 0
    for owner in owners:
        try:
            with transaction.atomic():
                DigestSent.objects.create(owner=owner, sent_on=today)
                followups = followups_due_for(owner, today)
                with translation.override(owner.preferred_language):
                    context = {"person": owner, "followups": followups, "today": today, "base_url": base_url}
                    subject = render_subject("stakeholders/email/followup_digest_subject.txt", context)
                    body = render_to_string("stakeholders/email/followup_digest.txt", context)
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [owner.email])
        except IntegrityError:
            continue  # already sent today
        sent += 1
    return sent
