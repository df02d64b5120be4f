"""Thin Celery wrappers around the event services."""

from celery import shared_task
from django.conf import settings

from .services.invitations import cancellations_send, invitations_send_queued


@shared_task
def send_event_invitations(event_id: int) -> dict[str, int]:
    return invitations_send_queued(event_id=event_id, base_url=settings.SITE_URL).as_dict()


@shared_task
def send_event_cancellations(event_id: int) -> dict[str, int]:
    return cancellations_send(event_id=event_id, base_url=settings.SITE_URL).as_dict()
