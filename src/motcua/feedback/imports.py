"""Recording what the national portal forwards (integrations.national_feedback), each item once.

Every item is its own transaction: one that fails (no contact, an unknown procedure code is only dropped)
is reported and the others are recorded. Items already recorded (same national id) are skipped, so the
import can run as often as the inbox is filled.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from motcua.catalog.models import Procedure
from motcua.core.errors import message_of
from motcua.integrations import national_feedback
from motcua.integrations.national_feedback import ForwardedItem

from . import services
from .models import Channel, Feedback, SenderKind


@dataclass
class ImportResult:
    recorded: list[Feedback] = field(default_factory=list)
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (national id or file, message)


def import_forwarded(plugin: national_feedback.Plugin | None = None) -> ImportResult:
    result = ImportResult()
    for item in (plugin or national_feedback.current()).fetch():
        if Feedback.objects.filter(channel=Channel.NATIONAL_PORTAL, external_id=item.external_id).exists():
            result.skipped += 1
            continue
        try:
            result.recorded.append(_record(item))
        except ValidationError as error:
            result.failed.append((item.external_id or item.source, message_of(error)))
    return result


def _record(item: ForwardedItem) -> Feedback:
    return services.record(
        actor=None,
        channel=Channel.NATIONAL_PORTAL,
        external_id=item.external_id,
        sender={
            "kind": SenderKind.ORGANISATION if item.sender_is_organisation else SenderKind.PERSON,
            "name": item.sender_name,
            "phone": item.sender_phone,
            "email": item.sender_email,
            "address": item.sender_address,
        },
        content={
            "title": item.title,
            "content": item.content,
            "proposal": item.proposal,
            "regulation": item.regulation,
            "regulation_article": item.regulation_article,
            "procedure": Procedure.objects.filter(national_code=item.procedure_code).first()
            if item.procedure_code
            else None,
        },
        at=item.sent_at,
    )
