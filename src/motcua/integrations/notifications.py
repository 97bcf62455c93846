"""Notification channels as plugins (Open Forms style): settings pick one implementation per channel.

    MOTCUA_NOTIFICATION_PLUGINS = {"email": "django_mail", "sms": "outbox", "zalo": "outbox"}

`outbox` is the local implementation used in development and tests: the message stays in the
`OutboxMessage` table (readable in the admin) and counts as delivered.

An SMS gateway that carries only plain text (GSM 7-bit: a Vietnamese letter with its marks makes the message
UCS-2, 70 characters a part instead of 160, or is refused) says so with `plain_text = True` on its plugin;
`MOTCUA_SMS_WITHOUT_DIACRITICS = True` asks it of whatever plugin sends SMS. The text is then written without
diacritics before it is stored, so the outbox holds exactly what is sent. `django_mail` sends through Django's
mail backend. A province adds its SMS or Zalo gateway by registering a plugin class and naming it here.

`send` queues in the caller's transaction; delivery runs after commit, and `deliver_pending` retries.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from motcua.core import audit
from motcua.core.plugins import Registry
from motcua.core.text import without_diacritics
from motcua.org.models import User

from .models import Channel, OutboxMessage

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
DEFAULT_PLUGINS = {Channel.EMAIL: "django_mail", Channel.SMS: "outbox", Channel.ZALO: "outbox"}


class Plugin(ABC):
    """One way to deliver a message; `deliver` raises on failure so the message is retried."""

    name = ""
    # True when storing the row is the delivery itself: no work after commit.
    stores_only = False
    # True when the gateway carries plain text only: messages are written without diacritics.
    plain_text = False

    @abstractmethod
    def deliver(self, message: OutboxMessage) -> None:
        """Send the message through the channel's gateway."""


class OutboxPlugin(Plugin):
    """Keeps the message in the outbox table only: what development and tests use."""

    name = "outbox"
    stores_only = True

    def deliver(self, message: OutboxMessage) -> None:
        return None


class DjangoMailPlugin(Plugin):
    """E-mail through whatever EMAIL_BACKEND the settings name (SMTP in production)."""

    name = "django_mail"

    def deliver(self, message: OutboxMessage) -> None:
        send_mail(message.subject, message.body, settings.DEFAULT_FROM_EMAIL, [message.recipient])


# One plugin per channel, chosen by MOTCUA_NOTIFICATION_PLUGINS (a dict, hence no single setting here).
plugins: Registry[type[Plugin]] = Registry("notification", base=Plugin, default=OutboxPlugin.name)
# Class decorator for third-party plugins (an SMS gateway, the Zalo OA API …).
register = plugins.register

register(OutboxPlugin)
register(DjangoMailPlugin)


def plugin_for(channel: str) -> Plugin:
    """The plugin the settings choose for `channel`; UnknownPlugin (a LookupError) for an unknown name."""
    configured = {**DEFAULT_PLUGINS, **getattr(settings, "MOTCUA_NOTIFICATION_PLUGINS", {})}
    return plugins.get(configured.get(channel, OutboxPlugin.name))()


def send(
    *, channel: str, recipient: str, subject: str, body: str, user: User | None = None, reference: str = ""
) -> OutboxMessage:
    """Queue a message now and deliver it once the caller's transaction commits."""
    message = compose(
        channel=channel, recipient=recipient, subject=subject, body=body, user=user, reference=reference
    )
    message.save()
    deliver_after_commit([message])
    return message


def send_to_contact(
    *, email: str, phone: str, subject: str, body: str, user: User | None = None, reference: str = ""
) -> OutboxMessage | None:
    """To a person known by the contact they gave (a feedback sender, a citizen asking a question): their
    e-mail, else an SMS to their phone, else nothing."""
    if email:
        channel, recipient = Channel.EMAIL, email
    elif phone:
        channel, recipient = Channel.SMS, phone
    else:
        return None
    return send(
        channel=channel, recipient=recipient, subject=subject, body=body, user=user, reference=reference
    )


def compose(
    *, channel: str, recipient: str, subject: str, body: str, user: User | None = None, reference: str = ""
) -> OutboxMessage:
    """The unsaved outbox row `send` writes; after inserting it, call `deliver_after_commit`."""
    plugin = plugin_for(channel)
    if _plain_text(channel, plugin):
        subject, body = plain_text(subject), plain_text(body)
    return OutboxMessage(
        channel=channel,
        recipient=recipient[:254],
        subject=subject[:255],
        body=body,
        user=user,
        reference=reference[:80],
        plugin=plugin.name,
        sent_at=timezone.now() if plugin.stores_only else None,
        attempts=1 if plugin.stores_only else 0,
    )


# Punctuation outside plain text that Vietnamese messages use, and what a plain-text SMS writes instead.
PLAIN_PUNCTUATION = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})


def plain_text(text: str) -> str:
    """ "Hồ sơ “Đăng ký khai sinh” đã có kết quả" -> 'Ho so "Dang ky khai sinh" da co ket qua'."""
    return without_diacritics(text).translate(PLAIN_PUNCTUATION)


def _plain_text(channel: str, plugin: Plugin) -> bool:
    if channel != Channel.SMS:
        return False
    return plugin.plain_text or bool(getattr(settings, "MOTCUA_SMS_WITHOUT_DIACRITICS", False))


def deliver_after_commit(messages: list[OutboxMessage]) -> None:
    """Hand saved messages to their gateways once the transaction commits (nothing to do for the outbox).

    With a task worker (MOTCUA_TASK_WORKER) the commit enqueues one task for the lot and the request does
    not wait for any gateway; without one they are delivered in this process right after the commit. Either
    way a message whose delivery never ran (the worker down, the process gone) waits for `deliver_pending`."""
    waiting = [message.pk for message in messages if message.sent_at is None]
    if not waiting:
        return
    if getattr(settings, "MOTCUA_TASK_WORKER", False):
        transaction.on_commit(_enqueue_later(waiting))
        return
    for message_id in waiting:
        transaction.on_commit(_deliver_later(message_id))


def _enqueue_later(message_ids: list[int]) -> Callable[[], None]:
    def run() -> None:
        from . import tasks  # the task module imports this one

        tasks.deliver_notifications.enqueue(message_ids)

    return run


def _deliver_later(message_id: int) -> Callable[[], None]:
    def run() -> None:
        deliver(message_id)

    return run


def deliver(message_id: int) -> bool:
    """Deliver one message, locked so that parallel workers never send it twice."""
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, sent_at__isnull=True)
            .first()
        )
        if message is None:
            return False
        message.attempts += 1
        try:
            plugin_for(message.channel).deliver(message)
        except Exception as error:  # any gateway error: keep the message for the next run
            message.last_error = f"{type(error).__name__}: {error}"[:255]
            message.save(update_fields=["attempts", "last_error"])
            # The id only: recipients and bodies are personal data and stay out of logs.
            logger.warning("notification %s not delivered (%s)", message.pk, type(error).__name__)
            return False
        message.sent_at = timezone.now()
        message.last_error = ""
        message.save(update_fields=["attempts", "last_error", "sent_at"])
        return True


def deliver_pending(*, batch: int = 500) -> int:
    """Deliver everything waiting (cron or `motcua deliver_notifications`), batch after batch until the queue
    is drained. The cursor walks forward by id so one run offers each message once: one that fails waits for
    the next run instead of being hammered, and two workers running at once both go to the end of the queue
    (one taking only the first 500 would leave the tail to a later run)."""
    delivered, after = 0, 0
    while True:
        ids = list(
            OutboxMessage.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, id__gt=after)
            .order_by("id")
            .values_list("id", flat=True)[:batch]
        )
        if not ids:
            return delivered
        delivered += sum(deliver(message_id) for message_id in ids)
        after = ids[-1]


DEFAULT_RETENTION_DAYS = 180


def retention_days() -> int:
    return getattr(settings, "MOTCUA_OUTBOX_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


@transaction.atomic
def purge_old(*, days: int | None = None, now: datetime | None = None) -> int:
    """Delete messages older than the retention period that are delivered or given up: their bodies hold
    dossier codes and recipients hold phone numbers and e-mail addresses, personal data kept no longer than
    needed. Messages still being retried stay. One audit event says how many went."""
    days = retention_days() if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    finished = Q(sent_at__isnull=False) | Q(attempts__gte=MAX_ATTEMPTS)
    deleted, _ = OutboxMessage.objects.filter(finished, created_at__lt=cutoff).delete()
    audit.record_bulk(
        actor=None,
        action="outbox.purge",
        model=OutboxMessage,
        changes={"deleted": deleted, "created_before": cutoff.isoformat()},
    )
    return deleted
