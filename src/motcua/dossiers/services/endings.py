"""How processing ends: refusal, stop, withdrawal, the result and its return."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.uploads import DOSSIER_DOCUMENT, check_upload

from .. import notify, reference, signing
from ..lifecycle import Action
from ..models import Dossier, ReturnMethod
from .common import (
    _authorise,
    _close_pause,
    _commit,
    _end_processing,
    _finish_step,
    _fresh,
    _is_return_step,
    _need,
    _now,
    _record,
    _start_step,
    _step_list,
)


@transaction.atomic
def refuse(
    *, actor, dossier: Dossier, expected_version: int, reason: str, at: datetime | None = None
) -> Dossier:
    """Refuse at the check (Form 03) or, after reception, refuse to decide with the reason."""
    return _close(actor, dossier, expected_version, Action.REFUSE, reason, _now(at), "refused")


@transaction.atomic
def stop(
    *, actor, dossier: Dossier, expected_version: int, reason: str, at: datetime | None = None
) -> Dossier:
    """Stop processing with a notice (Form 05)."""
    return _close(actor, dossier, expected_version, Action.STOP, reason, _now(at), "stopped")


@transaction.atomic
def withdraw(
    *, actor, dossier: Dossier, expected_version: int, reason: str, at: datetime | None = None
) -> Dossier:
    """The applicant withdraws (online, or in writing recorded by the officer)."""
    return _close(actor, dossier, expected_version, Action.WITHDRAW, reason, _now(at), "")


def _close(
    actor, dossier, expected_version: int, action: str, reason: str, at: datetime, message: str
) -> Dossier:
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, action)
    reason = _need(reason, _("lý do"))
    cal = reference.working_calendar(timezone.localtime(at).date())
    before = dossier.status
    _close_pause(dossier, at, cal)
    step = dossier.current_step
    _finish_step(step, actor, at, cal)
    if action != Action.WITHDRAW:
        _end_processing(dossier, at, cal)
    dossier.status, dossier.closed_at, dossier.paused_status = t.target, at, ""
    _commit(
        dossier,
        expected_version,
        [
            "status",
            "closed_at",
            "paused_status",
            "due_at",
            "promised_at",
            "processing_ended_at",
            "timeliness",
            "timeliness_rule",
        ],
    )
    _record(actor, dossier, action=action, before=before, at=at, step=step, reason=reason)
    if message:
        notify.tell_applicant(dossier, message, reason=reason)
    return dossier


@transaction.atomic
def attach_result(
    *,
    actor,
    dossier: Dossier,
    expected_version: int,
    number: str,
    signed_on: date | None,
    file=None,
    at: datetime | None = None,
) -> Dossier:
    """The signed result: processing ends here (the on-time verdict is fixed) and it goes back to the desk.

    Only at the process's signing step and by its holder, who is the signer (dossiers.signing)."""
    at = _now(at)
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, Action.ATTACH_RESULT)
    steps = _step_list(dossier)
    signing.check(actor, dossier, steps, signed_on, at)
    number, signer = _need(number, _("số văn bản kết quả")), signing.signer_name(actor)
    current = next(s for s in steps if s.pk == dossier.current_step_id)
    if file is not None:
        check_upload(file, DOSSIER_DOCUMENT)
        file = signing.signed_result(actor, dossier, current, file, number)
        dossier.result_file.save(file.name, file, save=False)
    cal = reference.working_calendar(timezone.localtime(at).date())
    verdict = _finish_step(current, actor, at, cal)
    before, from_agency = dossier.status, dossier.current_agency
    _end_processing(dossier, at, cal)
    dossier.status = t.target
    dossier.result_number, dossier.result_date, dossier.result_signer = number, signed_on, signer
    dossier.result_signed_by = actor
    last = steps[-1]
    if _is_return_step(last, steps):
        last.agency = dossier.receiving_agency
        _start_step(last, at, cal)
        dossier.current_step = last
    else:
        dossier.current_step = None
    dossier.current_agency, dossier.assignee = dossier.receiving_agency, None
    _commit(
        dossier,
        expected_version,
        [
            "status",
            "result_number",
            "result_date",
            "result_signer",
            "result_signed_by",
            "result_file",
            "processing_ended_at",
            "timeliness",
            "timeliness_rule",
            "current_step",
            "current_agency",
            "assignee",
        ],
    )
    _record(
        actor,
        dossier,
        action=Action.ATTACH_RESULT,
        before=before,
        at=at,
        step=current,
        from_agency=from_agency,
        to_agency=dossier.receiving_agency,
        timeliness=verdict,
        reason=f"{number} ({signed_on:%d/%m/%Y}, {signer})",
    )
    notify.tell_applicant(dossier, "result_ready")
    return dossier


@transaction.atomic
def return_result(
    *, actor, dossier: Dossier, expected_version: int, method: str, at: datetime | None = None
) -> Dossier:
    """Hand the result to the applicant at the counter, by post or electronically."""
    at = _now(at)
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, Action.RETURN_RESULT)
    if method not in ReturnMethod.values:
        raise ValidationError(_("Hình thức trả kết quả không hợp lệ. / Unknown return method."))
    cal = reference.working_calendar(timezone.localtime(at).date())
    step = dossier.current_step
    verdict = _finish_step(step, actor, at, cal)
    before = dossier.status
    dossier.status, dossier.return_method, dossier.closed_at = t.target, method, at
    dossier.current_step = None
    _commit(dossier, expected_version, ["status", "return_method", "closed_at", "current_step"])
    _record(
        actor,
        dossier,
        action=Action.RETURN_RESULT,
        before=before,
        at=at,
        step=step,
        timeliness=verdict,
        reason=ReturnMethod(method).label,
    )
    notify.tell_applicant(dossier, "returned")
    return dossier
