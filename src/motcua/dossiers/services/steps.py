"""Processing steps: handover to the next step (or another agency) and sending back."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.org.models import Agency, RoleAssignment

from .. import reference
from ..lifecycle import Action
from ..models import Dossier
from .common import (
    _authorise,
    _commit,
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
def hand_over(
    *,
    actor,
    dossier: Dossier,
    expected_version: int,
    to_agency: Agency | None = None,
    assignee=None,
    note: str = "",
    at: datetime | None = None,
) -> Dossier:
    """Pass the dossier to the next step of its process, or to another agency for that step (liên thông)."""
    at = _now(at)
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, Action.HAND_OVER)
    steps = _step_list(dossier)
    index = next(i for i, s in enumerate(steps) if s.pk == dossier.current_step_id)
    if index + 1 >= len(steps) or _is_return_step(steps[index + 1], steps):
        raise ValidationError(
            _(
                "Đây là bước giải quyết cuối cùng: hãy cập nhật kết quả. "
                "/ This is the last step: attach the result."
            )
        )
    current, following = steps[index], steps[index + 1]
    if to_agency is not None:
        following.agency = to_agency
    if (
        assignee is not None
        and not RoleAssignment.objects.filter(
            user=assignee, agency=following.agency, role=following.role
        ).exists()
    ):
        raise ValidationError(
            _(
                "Người được giao không giữ vai trò của bước này tại %(agency)s. "
                "/ The assignee cannot do this step there."
            )
            % {"agency": following.agency.name}
        )
    return _move(
        actor, dossier, expected_version, t, current, following, at, Action.HAND_OVER, note, assignee
    )


@transaction.atomic
def send_back(
    *, actor, dossier: Dossier, expected_version: int, reason: str, at: datetime | None = None
) -> Dossier:
    """Return the dossier to the previous processing step, with the reason."""
    at = _now(at)
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, Action.SEND_BACK)
    reason = _need(reason, _("lý do trả lại"))
    steps = _step_list(dossier)
    index = next(i for i, s in enumerate(steps) if s.pk == dossier.current_step_id)
    if index <= 1:
        raise ValidationError(
            _("Không có bước giải quyết nào trước bước này. / There is no earlier processing step.")
        )
    return _move(
        actor,
        dossier,
        expected_version,
        t,
        steps[index],
        steps[index - 1],
        at,
        Action.SEND_BACK,
        reason,
        None,
    )


def _move(actor, dossier, expected_version, t, current, following, at, action, reason, assignee) -> Dossier:
    cal = reference.working_calendar(timezone.localtime(at).date())
    verdict = _finish_step(current, actor, at, cal)
    _start_step(following, at, cal)
    before, from_agency = dossier.status, dossier.current_agency
    dossier.status = t.target
    dossier.current_step, dossier.current_agency, dossier.assignee = following, following.agency, assignee
    _commit(dossier, expected_version, ["status", "current_step", "current_agency", "assignee"])
    _record(
        actor,
        dossier,
        action=action,
        before=before,
        at=at,
        step=current,
        from_agency=from_agency,
        to_agency=following.agency,
        timeliness=verdict,
        reason=reason,
    )
    return dossier
