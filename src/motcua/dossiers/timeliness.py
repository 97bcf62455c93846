"""The on-time rule of the national portal, implemented once (pure Python), reused by reports and the index.

A dossier is on time iff its processing ended — the result was ready; else it was returned; else it was
stopped or refused — at or before its due date. Supplement time is excluded: the due date a dossier carries
has already been moved by every pause (deadlines.shift_for_pause). More than one supplement request counts
as late whatever the dates say. "Early" is on time and finished on a day before the due day; the same
classification grades each handover against its step deadline.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from .models import Timeliness


def processing_end(
    *,
    result_ready_at: datetime | None,
    returned_at: datetime | None = None,
    stopped_or_refused_at: datetime | None = None,
) -> datetime | None:
    """The instant that counts as "processing ended", in the rule's order of preference."""
    return result_ready_at or returned_at or stopped_or_refused_at


def grade(*, finished: datetime, due: datetime, tz: tzinfo) -> Timeliness:
    """Early, on time or late: for a step handover or a whole dossier."""
    if finished > due:
        return Timeliness.LATE
    if finished.astimezone(tz).date() < due.astimezone(tz).date():
        return Timeliness.EARLY
    return Timeliness.ON_TIME


def dossier_verdict(
    *, ended_at: datetime, due_at: datetime, supplement_requests: int, tz: tzinfo
) -> Timeliness:
    """The verdict of a dossier whose processing ended at `ended_at`."""
    if supplement_requests > 1:
        return Timeliness.LATE
    return grade(finished=ended_at, due=due_at, tz=tz)


def is_on_time(verdict: str) -> bool:
    return verdict in (Timeliness.EARLY, Timeliness.ON_TIME)


def is_overdue(*, due_at: datetime | None, now: datetime, clock_running: bool) -> bool:
    """The overdue flag: the legal clock runs and the due date has passed (it is not a state)."""
    return clock_running and due_at is not None and now > due_at
