"""Notification channel plugins: the outbox by default, e-mail through Django's mail backend, retries."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from motcua.core.models import AuditEvent
from motcua.integrations import notifications
from motcua.integrations.models import OutboxMessage
from motcua.integrations.notifications import Plugin, register


@pytest.mark.django_db(transaction=True)
def test_sms_stays_in_the_outbox_and_email_goes_through_the_mail_backend():
    with transaction.atomic():
        notifications.send(channel="sms", recipient="0912345678", subject="Hồ sơ", body="Đã tiếp nhận")
        notifications.send(channel="email", recipient="an@example.vn", subject="Hồ sơ", body="Đã tiếp nhận")
        # SMS: storing the row is the local channel's delivery; e-mail waits for the commit.
        assert list(OutboxMessage.objects.filter(sent_at__isnull=True).values_list("channel", flat=True)) == [
            "email"
        ]
    assert OutboxMessage.objects.filter(sent_at__isnull=False).count() == 2
    assert [m.to for m in mail.outbox] == [["an@example.vn"]]
    assert set(OutboxMessage.objects.values_list("plugin", flat=True)) == {"outbox", "django_mail"}


@register
class BrokenGateway(Plugin):
    name = "broken-test-gateway"

    def deliver(self, message):
        raise ConnectionError("gateway down")


@pytest.mark.django_db(transaction=True)
def test_a_failing_gateway_never_rolls_back_and_is_retried(settings):
    settings.MOTCUA_NOTIFICATION_PLUGINS = {"zalo": "broken-test-gateway"}
    with transaction.atomic():
        message = notifications.send(channel="zalo", recipient="0912345678", subject="s", body="b")
    message.refresh_from_db()
    assert message.sent_at is None
    assert message.attempts == 1
    assert "gateway down" in message.last_error
    settings.MOTCUA_NOTIFICATION_PLUGINS = {"zalo": "outbox"}
    assert notifications.deliver_pending() == 1


def test_an_unknown_plugin_is_a_clear_error(settings):
    settings.MOTCUA_NOTIFICATION_PLUGINS = {"sms": "nope"}
    with pytest.raises(LookupError, match="nope"):
        notifications.plugin_for("sms")


@pytest.mark.django_db
def test_the_retention_purge_deletes_old_finished_messages_only_and_says_how_many(settings):
    settings.MOTCUA_OUTBOX_RETENTION_DAYS = 30
    now = timezone.now()

    def message(subject, *, age_days, sent, attempts=1):
        row = OutboxMessage.objects.create(
            channel="sms",
            recipient="0912345678",
            subject=subject,
            body="Hồ sơ X-1",
            attempts=attempts,
            sent_at=now if sent else None,
        )
        OutboxMessage.objects.filter(pk=row.pk).update(created_at=now - timedelta(days=age_days))

    message("old sent", age_days=31, sent=True)
    message("old given up", age_days=31, sent=False, attempts=notifications.MAX_ATTEMPTS)
    message("old still retried", age_days=31, sent=False, attempts=2)
    message("recent sent", age_days=29, sent=True)

    call_command("purge_outbox", stdout=__import__("io").StringIO())

    assert set(OutboxMessage.objects.values_list("subject", flat=True)) == {
        "old still retried",
        "recent sent",
    }
    event = AuditEvent.objects.get(action="outbox.purge")
    assert event.changes["deleted"] == 2
    assert event.target_type == "integrations.outboxmessage"
    assert notifications.purge_old(days=0) == 1  # --days overrides the setting; the retried one stays
