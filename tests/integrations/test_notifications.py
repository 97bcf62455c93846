"""Notification channel plugins: the outbox by default, e-mail through Django's mail backend, retries."""

import pytest
from django.core import mail
from django.db import transaction

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
