"""What every email the app sends shares: a plain-text subject on one line, and the tally of a batch."""

from dataclasses import dataclass

from django.template import Context
from django.template.loader import get_template


def render_subject(template_name: str, context: dict) -> str:
    """Render an email subject as the plain text it is, on one line.

    A subject is not HTML: rendered with the templates' autoescaping, "L'économie" would arrive as
    "L&#x27;économie". The template is rendered with autoescaping off whatever it says, so no subject
    template can forget to turn it off; line breaks (which would break the header) become spaces.
    """
    template = get_template(template_name).template  # the Django template behind the backend's wrapper
    return " ".join(template.render(Context(context, autoescape=False)).split())


@dataclass
class Delivery:
    """What a batch of emails did: sent, failed (recorded on each row), and withheld because the contact
    had withdrawn their consent or opted out by the time of sending."""

    sent: int = 0
    failed: int = 0
    withheld: int = 0

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def as_dict(self) -> dict[str, int]:
        """For a Celery result (JSON)."""
        return {"sent": self.sent, "failed": self.failed, "withheld": self.withheld}


SENT, FAILED, WITHHELD = "sent", "failed", "withheld"
