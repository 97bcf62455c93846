"""Dossier sync to the National Public Service Portal: the outbox, its sending, retries and reconciliation.

- `change_row(dossier, event=…, at=…)` is the unsaved outbox row of one change; the dossier services insert
  it with the change's other rows (one transaction) and call `send_after_commit`.
- The task worker sends it (`tasks.push_portal_change`); a failure is retried with exponential back-off
  (`BACKOFF`), and after MAX_ATTEMPTS the row is FAILED: an administrator sees it on the status page and
  in the admin, and resends it (`resend`).
- The portal deduplicates on the row's key (code/sequence-event): a row sent twice (a lost answer, a
  resend) is recorded once there, and a duplicate answer counts as acknowledged.
- `reconcile(start, end)` compares what was acknowledged with what the portal holds.
- `sync_rates(start, end)` is indicator 1.4 per agency: dossiers whose every change in the period is
  acknowledged, over dossiers changed in the period.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from motcua.core import audit

from ..models import PortalSync, SyncState, SyncTarget
from . import client, mapping

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
BACKOFF = timedelta(minutes=1)  # then 2, 4, 8 … minutes
MAX_BACKOFF = timedelta(hours=6)


def change_row(dossier: Any, *, event: str, at: datetime, reason: str = "") -> PortalSync:
    """The outbox row of the change just made to `dossier` (its version is the change's sequence)."""
    return PortalSync(
        dossier_code=dossier.code,
        sequence=dossier.version,
        event=event,
        agency_id=dossier.competent_agency_id,
        occurred_at=at,
        next_attempt_at=at,
        payload=mapping.dossier_change(
            dossier,
            event=event,
            at=at,
            procedure_code=dossier.procedure.national_code,
            agency_code=dossier.competent_agency.code,
            reason=reason,
        ),
    )


def send_after_commit(row: PortalSync) -> None:
    """Hand the saved row to the task worker once the caller's transaction commits."""
    from .. import tasks  # the task module imports this one

    transaction.on_commit(lambda: tasks.push_portal_change.enqueue(row.pk))


def backoff(attempts: int) -> timedelta:
    return min(BACKOFF * (2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def push(row_id: int, *, now: datetime | None = None, through: client.Plugin | None = None) -> bool:
    """Send one waiting row, locked so that two workers never send it at once; True when acknowledged.
    `through`: another plugin than the settings' for dossier changes (the demo data sends through the
    simulator)."""
    now = now or timezone.now()
    with transaction.atomic():
        row = (
            PortalSync.objects.select_for_update(skip_locked=True)
            .filter(pk=row_id, state=SyncState.PENDING)
            .first()
        )
        if row is None:
            return False
        row.attempts += 1
        try:
            plugin = through if through and row.target == SyncTarget.DOSSIER else None
            ack = (plugin or client.for_target(row.target)).send(row.key, row.payload)
        except client.Rejected as error:
            _give_up(row, f"{error}")
            return False
        except client.Transient as error:
            row.last_error = f"{error}"[:255]
            row.next_attempt_at = now + backoff(row.attempts)
            if row.attempts >= MAX_ATTEMPTS:
                _give_up(row, row.last_error)
            else:
                row.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            # The key only: the payload carries the applicant's name and number.
            logger.warning("portal sync %s not acknowledged (attempt %s)", row.key, row.attempts)
            return False
        row.state, row.acknowledged_at, row.receipt = SyncState.SENT, now, ack.receipt
        row.last_error = "duplicate" if ack.duplicate else ""
        row.next_attempt_at = None
        row.save(
            update_fields=["state", "attempts", "acknowledged_at", "receipt", "last_error", "next_attempt_at"]
        )
        return True


def _give_up(row: PortalSync, error: str) -> None:
    row.state, row.last_error, row.next_attempt_at = SyncState.FAILED, error[:255], None
    row.save(update_fields=["state", "attempts", "last_error", "next_attempt_at"])
    audit.record(
        actor=None,
        action="portal_sync.failed",
        target=row,
        changes={"state": [SyncState.PENDING, SyncState.FAILED], "attempts": [None, row.attempts]},
        reason=row.last_error,
    )


def push_due(*, now: datetime | None = None, limit: int = 500, through: client.Plugin | None = None) -> int:
    """Send what is due (the worker's sweep, `motcua portal_sync`); a dossier's changes in their order."""
    now = now or timezone.now()
    due = (
        PortalSync.objects.filter(state=SyncState.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("dossier_code", "sequence")
        .values_list("id", flat=True)[:limit]
    )
    return sum(push(row_id, now=now, through=through) for row_id in list(due))


@transaction.atomic
def resend(actor: Any, rows: list[PortalSync] | Any) -> int:
    """An administrator sends failed (or acknowledged but missing) rows again; each is audited."""
    count = 0
    for row in PortalSync.objects.select_for_update().filter(pk__in=[r.pk for r in rows]):
        before = row.state
        row.state, row.attempts, row.next_attempt_at, row.last_error = (
            SyncState.PENDING,
            0,
            timezone.now(),
            "",
        )
        row.save(update_fields=["state", "attempts", "next_attempt_at", "last_error"])
        audit.record(
            actor=actor,
            action="portal_sync.resend",
            target=row,
            changes={"state": [before, SyncState.PENDING]},
        )
        send_after_commit(row)
        count += 1
    return count


def days(first: date, last: date) -> tuple[datetime, datetime]:
    """[first 00:00, the day after last 00:00) in the installation's time zone: a period of local days."""
    tz = timezone.get_current_timezone()
    return datetime.combine(first, time.min, tz), datetime.combine(last + timedelta(days=1), time.min, tz)


@dataclass
class Reconciliation:
    start: datetime
    end: datetime
    missing_on_portal: list[PortalSync] = field(default_factory=list)  # acknowledged here, absent there
    unknown_here: list[str] = field(default_factory=list)  # keys the portal holds that we never sent
    waiting: int = 0  # not yet acknowledged here (pending or failed)
    matched: int = 0

    @property
    def clean(self) -> bool:
        return not self.missing_on_portal and not self.unknown_here


def reconcile(start: datetime, end: datetime) -> Reconciliation:
    """Both sides for changes in [start, end); client.Transient when the portal cannot be asked."""
    theirs = {item["key"]: item for item in client.current().listing(start, end)}
    ours = list(
        PortalSync.objects.filter(
            target=SyncTarget.DOSSIER, occurred_at__gte=start, occurred_at__lt=end
        ).order_by("id")
    )
    report = Reconciliation(start, end)
    for row in ours:
        if row.state != SyncState.SENT:
            report.waiting += 1
        elif row.key in theirs:
            report.matched += 1
        else:
            report.missing_on_portal.append(row)
    known = {row.key for row in ours}
    report.unknown_here = sorted(key for key in theirs if key not in known)
    return report


@dataclass(frozen=True)
class SyncRate:
    synced: int
    total: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.synced / self.total, 1) if self.total else None


# What indicator 1.4 can be grouped by: one province total, the competent agency or its administrative unit.
RATE_GROUPS = {None: None, "agency": "agency_id", "unit": "agency__administrative_unit_id"}


def changed_in(start: datetime, end: datetime, agency_ids: Any = None) -> Any:
    """The dossier sync rows of changes in [start, end) (the agencies': None for all)."""
    rows = PortalSync.objects.filter(target=SyncTarget.DOSSIER, occurred_at__gte=start, occurred_at__lt=end)
    return rows if agency_ids is None else rows.filter(agency_id__in=agency_ids)


def sync_rates(
    start: datetime, end: datetime, agency_ids: Any = None, *, by: str | None = "agency"
) -> dict[Any, SyncRate]:
    """Indicator 1.4 for changes in [start, end): {agency id (or unit id, or None): SyncRate}. A dossier
    counts once per group: synced when none of its rows of the period is unacknowledged."""
    group = RATE_GROUPS[by]
    fields = [group, "dossier_code"] if group else ["dossier_code"]
    per_dossier = (
        changed_in(start, end, agency_ids)
        .order_by()
        .values(*fields)
        .annotate(unsent=Count("id", filter=~Q(state=SyncState.SENT)))
    )
    totals: dict[Any, list[int]] = {}
    for item in per_dossier:
        counts = totals.setdefault(item[group] if group else None, [0, 0])
        counts[1] += 1
        counts[0] += item["unsent"] == 0
    return {key: SyncRate(synced, total) for key, (synced, total) in totals.items()}
