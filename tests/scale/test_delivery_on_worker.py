"""Notifications delivered by the task worker (MOTCUA_TASK_WORKER): the request that writes a message only
queues a task when it commits, and a real `motcua db_worker` process hands the message to the gateway.

The gateway is Django's mail: the test process's in-memory outbox shows that nothing was sent inline, the
worker's file-based backend shows what the worker sent."""

import subprocess
import sys

import pytest
from django.core import mail
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from motcua.integrations import notifications
from motcua.integrations.models import Channel, OutboxMessage

from .processes import database_url, process_env

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("the worker process must share the test database: PostgreSQL only")


def receipt(n: int) -> OutboxMessage:
    return notifications.send(
        channel=Channel.EMAIL, recipient=f"cd{n}@example.vn", subject=f"ho-so-{n:04d}", body="Đã tiếp nhận"
    )


def run_worker(tmp_path) -> subprocess.CompletedProcess:
    env = process_env(
        tmp_path,
        DATABASE_URL=database_url(tmp_path),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
    )
    command = [
        sys.executable,
        "-m",
        "motcua.cli",
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
    ]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def sent_subjects(tmp_path) -> list[str]:
    folder = tmp_path / "mail"
    return sorted(
        line.removeprefix("Subject: ")
        for path in (folder.glob("*") if folder.exists() else [])
        for line in path.read_text().splitlines()
        if line.startswith("Subject: ho-so-")
    )


def test_with_a_worker_the_commit_enqueues_and_the_worker_delivers(settings, tmp_path, postgresql_only):
    settings.MOTCUA_TASK_WORKER = True
    with transaction.atomic():
        messages = [receipt(1), receipt(2)]
        assert not DBTaskResult.objects.exists()  # nothing queued before the commit
    # Committed: a task per message sent, no gateway called by this process, both waiting.
    assert mail.outbox == []
    tasks = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert {task.task_path for task in tasks} == {"motcua.integrations.tasks.deliver_notifications"}
    assert sorted(task.args_kwargs["args"] for task in tasks) == [[[m.pk]] for m in messages]
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 2

    worker = run_worker(tmp_path)
    assert worker.returncode == 0, worker.stderr[-2000:]
    assert sent_subjects(tmp_path) == ["ho-so-0001", "ho-so-0002"]
    assert not OutboxMessage.objects.filter(sent_at__isnull=True).exists()
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {1}
    assert [(t.status, t.return_value) for t in DBTaskResult.objects.all()] == [("SUCCESSFUL", 1)] * 2


def test_messages_composed_together_go_in_one_task(settings):
    """A bulk sender (a reception's notices, dossiers.notify) composes rows and hands them over at once."""
    settings.MOTCUA_TASK_WORKER = True
    with transaction.atomic():
        rows = OutboxMessage.objects.bulk_create(
            [
                notifications.compose(
                    channel=Channel.EMAIL, recipient=f"cb{n}@example.vn", subject="x", body="y"
                )
                for n in range(3)
            ]
        )
        notifications.deliver_after_commit(rows)
    assert DBTaskResult.objects.get().args_kwargs["args"] == [[row.pk for row in rows]]
    assert mail.outbox == []


def test_a_rolled_back_write_queues_nothing(settings):
    settings.MOTCUA_TASK_WORKER = True

    def reception_that_fails() -> None:
        with transaction.atomic():
            receipt(3)
            raise RuntimeError("the reception failed")

    with pytest.raises(RuntimeError):
        reception_that_fails()
    assert not DBTaskResult.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_message_already_sent_by_the_cron_run_is_not_sent_again(settings, tmp_path, postgresql_only):
    """`deliver_notifications` (cron) got there first: the worker's task finds nothing left to send."""
    settings.MOTCUA_TASK_WORKER = True
    receipt(4)
    assert notifications.deliver_pending() == 1
    assert len(mail.outbox) == 1
    worker = run_worker(tmp_path)
    assert worker.returncode == 0, worker.stderr[-2000:]
    assert sent_subjects(tmp_path) == []
    assert DBTaskResult.objects.get().return_value == 0


def test_without_a_worker_the_message_is_delivered_right_after_the_commit(settings):
    settings.MOTCUA_TASK_WORKER = False
    message = receipt(5)
    assert [m.subject for m in mail.outbox] == ["ho-so-0005"]
    message.refresh_from_db()
    assert message.sent_at is not None
    assert not DBTaskResult.objects.exists()
