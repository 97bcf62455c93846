"""Apology and extension (Form 04)."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.validity import in_force

from .. import deadlines, notify, reference
from ..lifecycle import Action
from ..models import Dossier, ExtensionRule
from .common import _authorise, _commit, _fresh, _need, _now, _record


@transaction.atomic
def _limit_reached(rule: ExtensionRule | None, dossier: Dossier) -> bool:
    return rule is not None and rule.max_extensions is not None and dossier.extensions >= rule.max_extensions


def may_extend_again(dossier: Dossier, on: date) -> bool:
    """Whether the rule in force on `on` still allows an apology for this dossier, so the page offers the
    action only when `extend` can succeed. A dossier never apologised for reads nothing: every row in force
    allows a first apology."""
    if not dossier.extensions:
        return True
    return not _limit_reached(in_force(ExtensionRule.objects.all(), on), dossier)


def extend(
    *,
    actor,
    dossier: Dossier,
    expected_version: int,
    new_due_day: date,
    reason: str,
    at: datetime | None = None,
) -> Dossier:
    """Apologise and promise a new date (form 04), with its reason. The appointment does not move: the verdict
    still compares the end of processing with it (a late dossier with an apology is "late, apologised").

    How often, and whether after the appointment, is the ExtensionRule row in force that day (NĐ 61/2018
    Art. 19 as amended by NĐ 107/2021, then NĐ 118/2025: not more than once). A late apology is still owed
    to the citizen and counted, so it is accepted after the appointment when the rule says so."""
    at = _now(at)
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, Action.EXTEND)
    reason = _need(reason, _("lý do xin lỗi, hẹn lại"))
    local_day = timezone.localtime(at).date()
    rule = in_force(ExtensionRule.objects.all(), local_day)
    if _limit_reached(rule, dossier):
        raise ValidationError(
            _(
                "Hồ sơ đã được hẹn lại ngày trả kết quả %(count)s lần; theo %(basis)s chỉ được hẹn lại "
                "không quá %(limit)s lần. / This dossier has already been given a new date %(count)s "
                "time(s); the law (%(basis)s) allows at most %(limit)s."
            )
            % {"count": dossier.extensions, "limit": rule.max_extensions, "basis": rule.legal_basis},
            code="extension_limit",
        )
    if rule is not None and not rule.after_appointment and at > dossier.due_at:
        raise ValidationError(
            _(
                "Theo %(basis)s chỉ xin lỗi, hẹn lại trước ngày hẹn trả. "
                "/ Under %(basis)s an apology must come before the appointment."
            )
            % {"basis": rule.legal_basis},
            code="extension_after_appointment",
        )
    cal = reference.working_calendar(local_day)
    try:
        promised = deadlines.extension_due(new_due_day, cal)
    except ValueError as error:
        raise ValidationError(str(error)) from None
    # A new DAY: later than the appointment's day, an earlier promise's day and today.
    latest = max(dossier.due_at, dossier.promised_at or dossier.due_at, at)
    if new_due_day <= timezone.localtime(latest).date():
        raise ValidationError(
            _(
                "Ngày hẹn lại phải sau ngày hẹn trả và sau hôm nay. "
                "/ The new date must be after the appointment and after today."
            ),
            code="extension_date",
        )
    before, old_promised = dossier.status, dossier.promised_at
    dossier.status, dossier.promised_at = t.target, promised
    dossier.extensions += 1
    dossier.apologised_at = dossier.apologised_at or at
    _commit(dossier, expected_version, ["status", "promised_at", "extensions", "apologised_at"])
    _record(
        actor,
        dossier,
        action=Action.EXTEND,
        before=before,
        at=at,
        step=dossier.current_step,
        reason=reason,
        changes={
            "promised_at": [old_promised.isoformat() if old_promised else None, promised.isoformat()],
            "appointment": dossier.due_at.isoformat(),
            "after_appointment": at > dossier.due_at,
        },
    )
    notify.tell_applicant(dossier, "extended", reason=reason)
    return dossier
