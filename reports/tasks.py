"""Jobs of the dashboards: thin wrappers around services, safe to run twice."""

from celery import shared_task

from .services.snapshots import snapshot_request, snapshot_run


@shared_task(acks_late=True)
def compute_snapshot(run_id: int) -> str:
    """Compute every indicator into today's snapshot; the page shows progress from the run's row."""
    return snapshot_run(run_id=run_id).status


@shared_task
def compute_progress_nightly() -> int:
    """Celery beat's nightly snapshot: queues a run (or finds the one running) for today."""
    return snapshot_request().pk
