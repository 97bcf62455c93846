"""The verdict of a dossier, computed in one place and stored with the rule version that produced it.

A dossier is on time iff its processing ended — the result was ready; else it was returned; else it was
stopped or refused — at or before its APPOINTMENT, the due date printed on the receipt. Supplement time is
excluded: the appointment has already been moved by every pause (deadlines.shift_for_pause), and by nothing
else. An apology with a new date (form 04) never moves it: a dossier that ends after the appointment is late,
and with an apology it is "late, apologised", counted apart in every report. More supplement requests than
the rule allows (one, on the national portal) count as late whatever the dates say. "Early" is on time and
finished on a day before the appointment's day; the same classification grades each handover against its
step deadline.

The rule's choices are dated rows (`TimelinessRule`, a LegalParameter): the verdict names the row in force
on the day processing ended, and `motcua recompute_verdicts` grades stored verdicts again after a change.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Protocol

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Timeliness

LATE_VERDICTS = (Timeliness.LATE, Timeliness.LATE_APOLOGISED)

logger = logging.getLogger(__name__)


class Rule(Protocol):
    max_supplement_requests: int
    apology_counted_apart: bool


@dataclass(frozen=True)
class Facts:
    """What the verdict reads from a dossier."""

    ended_at: datetime
    appointment: datetime
    supplement_requests: int
    apologised: bool


def processing_end(
    *,
    result_ready_at: datetime | None,
    returned_at: datetime | None = None,
    stopped_or_refused_at: datetime | None = None,
) -> datetime | None:
    """The instant that counts as "processing ended", in the rule's order of preference."""
    return result_ready_at or returned_at or stopped_or_refused_at


def grade(*, finished: datetime, due: datetime, tz: tzinfo) -> Timeliness:
    """Early, on time or late: for a step handover or against an appointment."""
    if finished > due:
        return Timeliness.LATE
    if finished.astimezone(tz).date() < due.astimezone(tz).date():
        return Timeliness.EARLY
    return Timeliness.ON_TIME


def verdict(facts: Facts, rule: Rule, tz: tzinfo) -> Timeliness:
    """The verdict of a dossier whose processing ended, under `rule`."""
    result = grade(finished=facts.ended_at, due=facts.appointment, tz=tz)
    if facts.supplement_requests > rule.max_supplement_requests:
        result = Timeliness.LATE
    if result == Timeliness.LATE and facts.apologised and rule.apology_counted_apart:
        return Timeliness.LATE_APOLOGISED
    return result


def facts_of(dossier) -> Facts | None:
    """The verdict's inputs from a dossier row; None while processing has not ended."""
    if dossier.processing_ended_at is None or dossier.due_at is None:
        return None
    return Facts(
        ended_at=dossier.processing_ended_at,
        appointment=dossier.due_at,
        supplement_requests=dossier.supplement_requests,
        apologised=dossier.extensions > 0,
    )


def rule_on(day: date):
    """The TimelinessRule row in force on `day` (None before the first one)."""
    from motcua.core.validity import in_force

    from .models import TimelinessRule

    return in_force(TimelinessRule.objects.all(), day)


def judge(dossier, tz: tzinfo, *, strict: bool = False) -> bool:
    """Grade a dossier whose processing ended, in place: `timeliness` and `timeliness_rule` under the rule in
    force on the day processing ended. Returns whether either changed (nothing is saved here).

    `strict` (ending processing now): with no rule in force the action is refused with a message naming the
    missing legal parameter, never recorded with an empty verdict; a recomputation only warns and skips."""
    facts = facts_of(dossier)
    if facts is None:
        return False
    ended_on = facts.ended_at.astimezone(tz).date()
    rule = rule_on(ended_on)
    if rule is None:
        # Only a dossier ended before the first rule (21/6/2018) should get here; anything later means the
        # seeded rule rows are missing and every report would silently drop the dossier.
        if strict:
            raise ValidationError(
                _(
                    "Chưa có quy tắc đánh giá thời hạn (TimelinessRule) hiệu lực ngày %(day)s: quản trị "
                    "viên cần nhập quy tắc trước khi kết thúc xử lý hồ sơ. / No timeliness rule "
                    "(TimelinessRule) is in force on %(day)s: an administrator must enter one before "
                    "processing can end."
                )
                % {"day": ended_on.strftime("%d/%m/%Y")}
            )
        logger.warning("timeliness: no rule in force on %s; dossier %s left ungraded", ended_on, dossier.pk)
        return False
    before = (dossier.timeliness, dossier.timeliness_rule_id)
    dossier.timeliness = verdict(facts, rule, tz)
    dossier.timeliness_rule = rule
    return before != (dossier.timeliness, dossier.timeliness_rule_id)


def is_on_time(verdict: str) -> bool:
    return verdict in (Timeliness.EARLY, Timeliness.ON_TIME)


def is_late(verdict: str) -> bool:
    """Late, with or without an apology: both count as late in every on-time rate."""
    return verdict in LATE_VERDICTS


def is_overdue(*, due_at: datetime | None, now: datetime, clock_running: bool) -> bool:
    """The overdue flag: the legal clock runs and the appointment has passed (it is not a state); an apology's
    new date does not clear it."""
    return clock_running and due_at is not None and now > due_at
