"""What the administrators' status page shows for each adapter: which plugin is active and how it is doing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from motcua.org.models import Agency

from . import health, identity, payment, signatures
from .models import IntakeState, OutboxMessage, PortalIntake, PortalSync, SyncState
from .national_catalog import client as catalog_client
from .notifications import MAX_ATTEMPTS
from .portal import client, sync
from .signatures import local_ca

RATE_DAYS = 30


@dataclass(frozen=True)
class AgencyRate:
    agency: Agency
    rate: sync.SyncRate


def portal(now: datetime | None = None) -> dict:
    now = now or timezone.now()
    counts = PortalSync.objects.aggregate(
        pending=Count("id", filter=Q(state=SyncState.PENDING)),
        failed=Count("id", filter=Q(state=SyncState.FAILED)),
        sent=Count("id", filter=Q(state=SyncState.SENT)),
        last_ack=Max("acknowledged_at"),
        oldest_pending=Min("occurred_at", filter=Q(state=SyncState.PENDING)),
    )
    rates = sync.sync_rates(now - timedelta(days=RATE_DAYS), now)
    agencies = Agency.objects.in_bulk(list(rates))
    return {
        "plugin": client.current(),
        **counts,
        "failed_rows": list(PortalSync.objects.filter(state=SyncState.FAILED).select_related("agency")[:50]),
        "rates": sorted(
            (AgencyRate(agencies[pk], rate) for pk, rate in rates.items() if pk in agencies),
            key=lambda item: item.agency.name,
        ),
        "rate_days": RATE_DAYS,
        "intake": PortalIntake.objects.aggregate(
            received=Count("id", filter=Q(state=IntakeState.RECEIVED)),
            failed=Count("id", filter=Q(state=IntakeState.FAILED)),
            last=Max("received_at"),
        ),
        "intake_failed": list(PortalIntake.objects.filter(state=IntakeState.FAILED)[:50]),
    }


def national_catalog() -> dict:
    return {"plugin": catalog_client.current(), "health": health.of(health.NATIONAL_CATALOG)}


def signing() -> dict:
    plugin = signatures.current()
    info: dict = {"plugin": plugin}
    if plugin.name == "local":
        certificate = local_ca.ca_certificate()
        info["ca_subject"] = certificate.subject.rfc4514_string()
        info["ca_valid_to"] = certificate.not_valid_after_utc
    return info


def notifications() -> dict:
    return OutboxMessage.objects.aggregate(
        waiting=Count("id", filter=Q(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)),
        given_up=Count("id", filter=Q(sent_at__isnull=True, attempts__gte=MAX_ATTEMPTS)),
    )


def others() -> dict:
    return {
        "payment": payment.plugins.active_name(),
        "identity": getattr(settings, "MOTCUA_IDENTITY_PROVIDER", ""),
        "identity_enabled": identity.enabled(),
    }
