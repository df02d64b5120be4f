"""Nightly jobs of the register: thin wrappers around services, safe to run twice."""

from celery import shared_task

from .services.digests import followup_send_digests
from .services.engagement import engagement_refresh_all
from .services.imports import import_run, import_undo_run


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def send_followup_digests(base_url: str = "") -> int:
    return followup_send_digests(base_url=base_url)


@shared_task
def refresh_engagement_levels() -> int:
    """Levels fall as interactions leave the rolling window; this records those changes each night."""
    return engagement_refresh_all()


@shared_task(acks_late=True)
def run_import(batch_id: int) -> str:
    """Run a queued import; the page shows its progress from the batch row."""
    return import_run(batch_id=batch_id).status


@shared_task(acks_late=True)
def run_import_undo(batch_id: int) -> str:
    """Undo a batch queued for undoing; the page shows it from the batch row."""
    return import_undo_run(batch_id=batch_id).status
