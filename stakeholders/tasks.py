"""Nightly jobs of the register: thin wrappers around services, safe to run twice."""

from celery import shared_task
from celery.signals import worker_ready

from .services.digests import followup_send_digests
from .services.engagement import engagement_refresh_all
from .services.imports import import_run, import_undo_run, imports_release_stale, imports_resume
from .services.plans import plans_create_followups


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


@shared_task
def resume_imports() -> int:
    """Queue again the imports and undos a stopped worker left behind (see ``imports_resume``)."""
    return imports_resume()


@shared_task
def release_stopped_imports() -> int:
    """Give up, with the reason shown, the imports and undos whose job died and was not taken up again."""
    return imports_release_stale()


@worker_ready.connect
def resume_imports_when_a_worker_starts(sender=None, **kwargs) -> None:
    # In a task, not here in the worker's main process: a pool process does the work, as for any job.
    resume_imports.delay()


@shared_task
def create_plan_followups() -> int:
    """Each night, a follow-up for every organization of a plan that has gone a cadence without contact."""
    return plans_create_followups()
