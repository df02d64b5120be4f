"""An email backend whose every delivery fails, as a full or unknown mailbox does."""

from smtplib import SMTPRecipientsRefused

from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPRecipientsRefused({"x@example.org": (550, b"mailbox unavailable")})
