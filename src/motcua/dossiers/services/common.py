"""The shared machinery of every dossier action: the errors, the optimistic lock, the timeline and audit
events, and the step and pause bookkeeping."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core import audit, rows
from motcua.core.errors import Conflict
from motcua.core.models import AuditEvent
from motcua.core.versioning import commit_versioned, locked
from motcua.integrations.portal import sync as portal_sync
from motcua.org.models import Agency

from .. import deadlines, timeliness
from ..lifecycle import Transition, TransitionRefused, transition
from ..models import Dossier, DossierEvent, DossierPause, DossierStep
from ..rules import roles_on
from ..timeliness import grade


class DossierConflict(Conflict):
    """Someone else changed the dossier since the actor loaded it: reload, nothing was overwritten."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Hồ sơ vừa được người khác cập nhật; vui lòng tải lại trang và thực hiện lại. "
                "/ Someone else has just updated this dossier; reload it and try again."
            )
        )


# ------------------------------------------------------------------------------------------------ helpers


def _now(at: datetime | None) -> datetime:
    return at or timezone.now()


def _refused(error: TransitionRefused) -> Exception:
    return error.as_error()


def _authorise(actor, dossier: Dossier, action: str) -> Transition:
    try:
        return transition(dossier.status, action, roles_on(actor, dossier))
    except TransitionRefused as error:
        raise _refused(error) from None


def _fresh(dossier: Dossier | int, expected_version: int) -> Dossier:
    """The dossier to act on. A row the caller has just read at the version the actor saw is used as it is:
    the write filters on that version (`_commit`), so a change made in between is still refused, and the
    action does not read the dossier a second time. Anything else is read again. The action changes a copy:
    the caller's object stays as it was read if the action fails and its transaction is rolled back."""
    if isinstance(dossier, Dossier) and dossier.version == expected_version and not dossier._state.adding:
        row = copy.copy(dossier)  # Django copies the cache of related rows with it
        if Dossier.current_step.is_cached(dossier) and dossier.current_step is not None:
            row.current_step = copy.copy(dossier.current_step)  # a pause moves the step's due date
        return row
    pk = dossier.pk if isinstance(dossier, Dossier) else dossier
    related = Dossier.objects.select_related(
        "procedure",
        "procedure_version",
        "current_step",
        "receiving_agency",
        "current_agency",
        "competent_agency",
    )
    return locked(related, pk, expected_version, DossierConflict)


def _commit(dossier: Dossier, expected_version: int, fields: Sequence[str]) -> None:
    """Write `fields` only if nobody changed the row since `expected_version` was read."""
    commit_versioned(dossier, expected_version, fields, DossierConflict)


def _record(actor, dossier: Dossier, *, changes: dict | None = None, **event) -> DossierEvent:
    """The action's timeline event (`event`: the arguments of `_timeline_event`), its audit event and the
    national portal's outbox row, written in one round trip."""
    timeline = _timeline_event(actor, dossier, **event)
    entry = _audit_entry(
        actor,
        dossier,
        action=event["action"],
        before=event["before"],
        reason=event.get("reason", ""),
        changes=changes,
    )
    sync = portal_sync.change_row(
        dossier, event=event["action"], at=event["at"], reason=event.get("reason", "")
    )
    rows.insert([timeline, entry, sync])
    portal_sync.send_after_commit(sync)
    return timeline


def _timeline_event(
    actor,
    dossier: Dossier,
    *,
    action: str,
    before: str,
    at: datetime,
    step: DossierStep | None = None,
    from_agency: Agency | None = None,
    to_agency: Agency | None = None,
    timeliness: str = "",
    reason: str = "",
) -> DossierEvent:
    user = actor if getattr(actor, "is_authenticated", False) else None
    return DossierEvent(
        dossier=dossier,
        occurred_at=at,
        actor=user,
        actor_label=str(user) if user else "",
        action=action,
        from_status=before,
        to_status=dossier.status,
        step=step,
        from_agency=from_agency,
        to_agency=to_agency,
        timeliness=timeliness,
        reason=reason,
    )


def _audit_entry(
    actor, dossier: Dossier, *, action: str, before: str, reason: str = "", changes: dict | None = None
) -> AuditEvent:
    return audit.entry(
        actor=actor,
        action=f"dossier.{action}",
        target=dossier,
        changes={
            "status": [before, dossier.status],
            "version": [dossier.version - 1, dossier.version],
            **(changes or {}),
        },
        reason=reason,
    )


def _need(text: str, label: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Cần nhập %(what)s. / %(what)s is required.") % {"what": label})
    return text


def _step_list(dossier: Dossier) -> list[DossierStep]:
    return list(dossier.steps.select_related("agency").order_by("position"))


def _is_return_step(step: DossierStep, steps: list[DossierStep]) -> bool:
    return step is steps[-1] and step.position > 1 and step.role == "one_stop_officer"


def _start_step(step: DossierStep, at: datetime, cal) -> None:
    step.started_at = at
    step.due_at = deadlines.step_due(at, step.duration, step.duration_unit, cal)
    step.finished_at = None
    step.timeliness = ""
    step.save(update_fields=["started_at", "due_at", "finished_at", "timeliness", "agency"])


def _finish_step(step: DossierStep | None, actor, at: datetime, cal) -> str:
    if step is None or step.started_at is None:
        return ""
    step.finished_at = at
    step.handled_by = actor if getattr(actor, "is_authenticated", False) else None
    step.timeliness = grade(finished=at, due=step.due_at, tz=cal.tz)
    step.save(update_fields=["finished_at", "handled_by", "timeliness"])
    return step.timeliness


def _end_processing(dossier: Dossier, at: datetime, cal) -> None:
    """Processing ended (result ready, stop or refusal after reception): the verdict is fixed against the
    appointment, with the rule version that produced it."""
    if dossier.received_at is None:
        return
    dossier.processing_ended_at = at
    timeliness.judge(dossier, cal.tz, strict=True)


def _close_pause(dossier: Dossier, at: datetime, cal) -> None:
    pause = DossierPause.objects.filter(dossier=dossier, ended_at__isnull=True).first()
    if pause is None:
        return
    pause.ended_at = at
    pause.save(update_fields=["ended_at"])
    # A lawful pause is the one thing that moves the appointment; a promised date moves with it.
    dossier.due_at = deadlines.shift_for_pause(dossier.due_at, pause.started_at, at, cal)
    if dossier.promised_at is not None:
        dossier.promised_at = deadlines.shift_for_pause(dossier.promised_at, pause.started_at, at, cal)
    step = dossier.current_step
    if step is not None and step.due_at is not None and step.finished_at is None:
        step.due_at = deadlines.shift_for_pause(step.due_at, pause.started_at, at, cal)
        step.save(update_fields=["due_at"])
