"""Background tasks (django-tasks) of the connections to outside systems; `db_worker` runs them."""

from django_tasks import task

from . import notifications
from .portal import sync


@task()
def push_portal_change(row_id: int) -> bool:
    """Send one change of a dossier to the national portal (enqueued when the change commits)."""
    return sync.push(row_id)


@task()
def push_portal_due() -> int:
    """Send every change whose retry is due (enqueued by `motcua portal_sync --enqueue`, e.g. each minute)."""
    return sync.push_due()


@task()
def deliver_notifications(message_ids: list[int]) -> int:
    """Hand messages just committed to their gateways (enqueued by notifications.deliver_after_commit when
    a worker runs); each is locked while sent, so a parallel `deliver_pending` never sends it twice."""
    return sum(notifications.deliver(message_id) for message_id in message_ids)
