"""Background tasks (django-tasks) of the connections to national systems; `db_worker` runs them."""

from django_tasks import task

from .portal import sync


@task()
def push_portal_change(row_id: int) -> bool:
    """Send one change of a dossier to the national portal (enqueued when the change commits)."""
    return sync.push(row_id)


@task()
def push_portal_due() -> int:
    """Send every change whose retry is due (enqueued by `motcua portal_sync --enqueue`, e.g. each minute)."""
    return sync.push_due()
