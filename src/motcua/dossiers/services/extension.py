"""Apology and extension (Form 04)."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import deadlines, notify, reference
from ..lifecycle import Action
from ..models import Dossier
from .common import _authorise, _commit, _fresh, _need, _now, _record


@transaction.atomic
def extend(
    *,
    actor,
    dossier: Dossier,
    expected_version: int,
    new_due_day: date,
    reason: str,
    at: datetime | None = None,
) -> Dossier:
    """Apologise and set a new due date (Form 04); only possible before the current due date passes."""
    at = _now(at)
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, Action.EXTEND)
    reason = _need(reason, _("lý do xin lỗi, gia hạn"))
    if at > dossier.due_at:
        raise ValidationError(
            _("Chỉ xin lỗi, gia hạn trước ngày hẹn trả. / An extension must be made before the due date.")
        )
    cal = reference.working_calendar(timezone.localtime(at).date())
    try:
        new_due = deadlines.extension_due(new_due_day, cal)
    except ValueError as error:
        raise ValidationError(str(error)) from None
    if new_due <= dossier.due_at:
        raise ValidationError(_("Ngày hẹn mới phải sau ngày hẹn cũ. / The new due date must be later."))
    before, old_due = dossier.status, dossier.due_at
    dossier.status, dossier.due_at = t.target, new_due
    _commit(dossier, expected_version, ["status", "due_at"])
    _record(
        actor,
        dossier,
        action=Action.EXTEND,
        before=before,
        at=at,
        step=dossier.current_step,
        reason=reason,
        changes={"due_at": [old_due.isoformat(), new_due.isoformat()]},
    )
    notify.tell_applicant(dossier, "extended", reason=reason)
    return dossier
