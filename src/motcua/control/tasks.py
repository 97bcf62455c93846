"""Background tasks (django-tasks): the daily control sweep, enqueued by cron or run by `db_worker`."""

from datetime import date

from django_tasks import task

from .reminders import sweep


@task()
def daily_sweep(day: str | None = None) -> dict:
    """Remind about deadlines and missing reports, then deliver the outbox; returns counts for the log."""
    result = sweep(day=date.fromisoformat(day) if day else None)
    return {
        "day": result.day.isoformat(),
        "task_reminders": result.task_reminders,
        "report_reminders": result.report_reminders,
        "item_reminders": result.item_reminders,
        "messages_sent": result.messages_sent,
    }
