"""The notification outbox delivered by two worker processes at once (`motcua deliver_notifications`, as
cron or two nodes run it): no message sent twice, and none lost when a worker is killed mid-run.

Real processes on the test database; the e-mail gateway is Django's file-based mail backend, so every
delivery the workers make is a message written to the test's folder and counted there."""

import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from motcua.integrations import notifications
from motcua.integrations.models import Channel, OutboxMessage

from .processes import database_url, process_env

MESSAGES = 600

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("parallel workers need row locks (SELECT … FOR UPDATE SKIP LOCKED): PostgreSQL only")


@pytest.fixture
def waiting():
    """MESSAGES e-mails queued and not yet sent, as a burst of receptions leaves them."""
    rows = [
        notifications.compose(
            channel=Channel.EMAIL,
            recipient=f"cd{n}@example.vn",
            subject=f"ho-so-{n:04d}",
            body="Đã tiếp nhận",
        )
        for n in range(MESSAGES)
    ]
    OutboxMessage.objects.bulk_create(rows)
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == MESSAGES


def worker(tmp_path: Path, name: str) -> subprocess.Popen:
    env = process_env(
        tmp_path,
        DATABASE_URL=database_url(tmp_path),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "motcua.cli", "deliver_notifications"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=(tmp_path / f"{name}.log").open("w"),
        text=True,
        start_new_session=True,
    )


def finished(process: subprocess.Popen) -> int:
    out, _ = process.communicate(timeout=300)
    assert process.returncode == 0, out
    return int(out.strip().splitlines()[-1])


def delivered(tmp_path: Path) -> Counter:
    """How many times the gateway received each message."""
    subjects: Counter = Counter()
    for path in (tmp_path / "mail").glob("*"):
        subjects.update(re.findall(r"^Subject: (ho-so-\d{4})$", path.read_text(), flags=re.MULTILINE))
    return subjects


def test_two_workers_deliver_every_message_exactly_once(waiting, tmp_path):
    first, second = worker(tmp_path, "a"), worker(tmp_path, "b")
    counts = [finished(first), finished(second)]
    assert sum(counts) == MESSAGES
    assert min(counts) > 0, f"the workers did not overlap: {counts}"
    received = delivered(tmp_path)
    assert len(received) == MESSAGES
    assert set(received.values()) == {1}
    assert not OutboxMessage.objects.filter(sent_at__isnull=True).exists()
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {1}


def test_a_worker_killed_mid_run_loses_nothing(waiting, tmp_path):
    doomed, other = worker(tmp_path, "doomed"), worker(tmp_path, "other")
    deadline = time.monotonic() + 120
    while OutboxMessage.objects.filter(sent_at__isnull=False).count() < MESSAGES // 10:
        assert time.monotonic() < deadline, "nothing delivered"
        time.sleep(0.02)
    doomed.send_signal(signal.SIGKILL)  # no clean-up: its open transaction dies with its connection
    doomed.wait()
    sent_when_killed = OutboxMessage.objects.filter(sent_at__isnull=False).count()
    assert sent_when_killed < MESSAGES, "killed too late to prove anything"
    finished(other)
    finished(worker(tmp_path, "restarted"))  # cron's next run, or the killed worker restarted

    assert not OutboxMessage.objects.filter(sent_at__isnull=True).exists()
    received = delivered(tmp_path)
    assert len(received) == MESSAGES  # none lost
    # None twice, except the one message the killed worker may have handed to the gateway in the instant
    # before its commit: delivery is at least once there, as with any gateway that cannot roll back.
    twice = [subject for subject, times in received.items() if times > 1]
    assert len(twice) <= 1, twice
    assert max(received.values()) <= 2
