"""Thin Celery wrappers around the survey services."""

from celery import shared_task
from django.conf import settings

from .services.invitations import invitations_send_queued, reminders_send_due


@shared_task
def send_invitations(survey_id: int) -> dict[str, int]:
    return invitations_send_queued(survey_id=survey_id, base_url=settings.SITE_URL).as_dict()


@shared_task
def send_survey_reminders() -> dict[str, int]:
    return reminders_send_due(base_url=settings.SITE_URL).as_dict()
