"""The outcome of each call to a national system that keeps no queue of its own (the national TTHC
database's pull), so the administrators' status page can say when it last worked and why it does not."""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone

from .models import ConnectionHealth

NATIONAL_CATALOG = "national_catalog"


def succeeded(connection: str) -> None:
    now = timezone.now()
    ConnectionHealth.objects.update_or_create(
        connection=connection,
        defaults={"last_attempt_at": now, "last_success_at": now, "failures": 0, "last_error": ""},
    )


def failed(connection: str, error: str) -> None:
    now = timezone.now()
    updated = ConnectionHealth.objects.filter(connection=connection).update(
        last_attempt_at=now, failures=F("failures") + 1, last_error=error[:255]
    )
    if not updated:
        ConnectionHealth.objects.get_or_create(
            connection=connection,
            defaults={"last_attempt_at": now, "failures": 1, "last_error": error[:255]},
        )


def of(connection: str) -> ConnectionHealth | None:
    return ConnectionHealth.objects.filter(connection=connection).first()
