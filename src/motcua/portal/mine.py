"""The citizen's own dossiers: which they see (only theirs, through dossiers_for), how long is left in plain
words, what they may do now, and which files they may download."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from motcua.dossiers import tracking
from motcua.dossiers.lifecycle import FINAL, Action, Status, allowed_actions
from motcua.dossiers.models import Dossier, DossierDocument
from motcua.dossiers.reference import working_calendar
from motcua.dossiers.rules import roles_on
from motcua.dossiers.selectors import dossier_detail, dossiers_for
from motcua.org.models import User
from motcua.org.selectors import Actor
from motcua.workdays import clock

SHOWS = ("active", "finished")
# The legal clock runs from submission (reception dates it back to then) until processing ends.
COUNTING = frozenset({Status.SUBMITTED, Status.RECEIVED, Status.PROCESSING})
RESULT_STATES = frozenset({Status.RESULT_READY, Status.RETURNED})
CITIZEN_ACTIONS = (Action.SUPPLEMENT, Action.WITHDRAW)


def my_dossiers(actor: Actor, *, show: str = "") -> QuerySet[Dossier]:
    """The citizen's dossiers, newest first; `show` keeps the active or the finished ones."""
    if not getattr(actor, "is_citizen", False):
        return Dossier.objects.none()
    rows = dossiers_for(actor).select_related("procedure_version")
    if show == "active":
        rows = rows.exclude(status__in=FINAL)
    elif show == "finished":
        rows = rows.filter(status__in=FINAL)
    return rows.order_by("-submitted_at", "-id")


def my_dossier(actor: Actor, pk: int) -> Dossier:
    """One of the citizen's dossiers (Dossier.DoesNotExist for anyone else's)."""
    if not getattr(actor, "is_citizen", False):
        raise Dossier.DoesNotExist
    return dossier_detail(actor, pk)


@dataclass(frozen=True)
class Countdown:
    text: str
    overdue: bool = False
    paused: bool = False


def countdown(dossier: Dossier, now: datetime | None = None) -> Countdown | None:
    """Working time left before the due date (or past it), counted by the working-time engine."""
    now = now or timezone.now()
    if dossier.status == Status.SUPPLEMENT_REQUESTED:
        return Countdown(_("tạm dừng tính thời gian, chờ bổ sung"), paused=True)
    if dossier.status not in COUNTING or dossier.due_at is None:
        return None
    try:
        return _count(dossier.due_at, now)
    except ValueError:  # a date beyond the years the holiday tables cover: show the due date alone
        return None


def _count(due: datetime, now: datetime) -> Countdown:
    cal = working_calendar(timezone.localtime(now).date())
    day = cal.day_length
    if now <= due:
        left = clock.elapsed(now, due, (), cal)
        days, rest = divmod(left, day)
        hours = math.ceil(rest / timedelta(hours=1))
        if hours * timedelta(hours=1) >= day:
            days, hours = days + 1, 0
        if days and hours:
            text = _("còn %(days)s ngày %(hours)s giờ làm việc") % {"days": days, "hours": hours}
        elif days:
            text = ngettext("còn %(n)s ngày làm việc", "còn %(n)s ngày làm việc", days) % {"n": days}
        else:
            hours = max(hours, 1)
            text = ngettext("còn %(n)s giờ làm việc", "còn %(n)s giờ làm việc", hours) % {"n": hours}
        return Countdown(text)
    late = clock.elapsed(due, now, (), cal)
    days = max(1, math.ceil(late / day))
    return Countdown(
        ngettext("quá hạn %(n)s ngày làm việc", "quá hạn %(n)s ngày làm việc", days) % {"n": days},
        overdue=True,
    )


def timeline(dossier: Dossier) -> list[dict[str, Any]]:
    """The plain-words timeline the public tracking page shows: no officer names, no internal notes."""
    return tracking.public_view(dossier)["timeline"]


def citizen_actions(actor: User, dossier: Dossier) -> set[str]:
    """What the lifecycle table lets the applicant do now (supplement, withdraw)."""
    allowed = allowed_actions(dossier.status, roles_on(actor, dossier))
    return {a for a in CITIZEN_ACTIONS if a in allowed}


def documents(dossier: Dossier) -> QuerySet[DossierDocument]:
    return dossier.documents.order_by("id")


def document(dossier: Dossier, pk: int) -> DossierDocument:
    """A submitted file of the citizen's dossier (DossierDocument.DoesNotExist when it has none)."""
    return dossier.documents.exclude(file="").get(pk=pk)


def result_available(dossier: Dossier) -> bool:
    return bool(dossier.result_file) and dossier.status in RESULT_STATES
