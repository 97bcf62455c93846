"""A minimal notification outbox: messages are queued in the transaction that decides to send them and
delivered afterwards, so a failing mail server never rolls back a business action.

Small and generic on purpose (recipient, channel, subject, body) so that it can move to `integrations/`
when more channels (SMS, Zalo) arrive; today the only channel is e-mail through Django's mail backend.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Channel, OutboxMessage

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


def queue(*, recipient: str, subject: str, body: str, user=None, reference: str = "") -> OutboxMessage:
    return OutboxMessage.objects.create(
        recipient=recipient,
        user=user,
        channel=Channel.EMAIL,
        subject=subject[:255],
        body=body,
        reference=reference[:80],
    )


def deliver_pending(*, limit: int = 500) -> int:
    """Send what is waiting; each message in its own transaction, locked so parallel workers skip it."""
    sent = 0
    ids = list(
        OutboxMessage.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
        .order_by("id")
        .values_list("id", flat=True)[:limit]
    )
    for message_id in ids:
        with transaction.atomic():
            message = (
                OutboxMessage.objects.select_for_update(skip_locked=True)
                .filter(pk=message_id, sent_at__isnull=True)
                .first()
            )
            if message is None:
                continue
            sent += _deliver(message)
    return sent


def _deliver(message: OutboxMessage) -> int:
    message.attempts += 1
    try:
        send_mail(message.subject, message.body, settings.DEFAULT_FROM_EMAIL, [message.recipient])
    except Exception as error:  # any transport error: keep the message for the next run
        message.last_error = f"{type(error).__name__}: {error}"[:255]
        message.save(update_fields=["attempts", "last_error"])
        logger.warning("outbox: message %s not sent (%s)", message.pk, type(error).__name__)
        return 0
    message.sent_at = timezone.now()
    message.last_error = ""
    message.save(update_fields=["attempts", "last_error", "sent_at"])
    return 1
