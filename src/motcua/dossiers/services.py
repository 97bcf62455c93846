"""Every write to a dossier: one function per business action (Zulip's do_* style).

Each one runs in a transaction, asks the lifecycle table whether the actor's roles allow the action in the
dossier's state, changes the row under an optimistic lock (`expected_version`), writes a timeline event and
a core audit event, and queues what the applicant must be told. `at` exists for tests, the demo data and
the benchmarks (past dates); pages and the API never pass it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog.models import Procedure, RequiredDocument
from motcua.core import audit, rows
from motcua.core.models import AuditEvent
from motcua.integrations import notifications
from motcua.org.models import AdministrativeUnit, Agency, RoleAssignment

from . import codes, deadlines, notify, reference
from .lifecycle import NEW, RESUME, Action, Status, Transition, TransitionRefused, transition
from .models import (
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierPause,
    DossierStep,
    ReturnMethod,
    SubmissionChannel,
)
from .rules import roles_at, roles_on
from .timeliness import dossier_verdict, grade
from .uploads import check_upload

ID_NUMBER = re.compile(r"^(\d{9}|\d{12})$")
PHONE = re.compile(r"^0\d{9,10}$")


class DossierConflict(Exception):
    """Someone else changed the dossier since the actor loaded it: reload, nothing was overwritten."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Hồ sơ vừa được người khác cập nhật; vui lòng tải lại trang và thực hiện lại. "
                "/ Someone else has just updated this dossier; reload it and try again."
            )
        )


class ActionNotAllowed(PermissionDenied):
    """The lifecycle table does not give the actor's roles this action on this dossier."""


class ActionNotPossible(ValidationError):
    """The lifecycle table has no such action from the dossier's state."""


@dataclass(frozen=True)
class Applicant:
    name: str
    id_number: str
    phone: str
    email: str = ""
    address: str = ""
    commune: AdministrativeUnit | None = None
    user: object | None = None

    def cleaned(self) -> Applicant:
        errors: dict[str, str] = {}
        phone = re.sub(r"[\s.\-]", "", self.phone).replace("+84", "0", 1)
        if not self.name.strip():
            errors["applicant_name"] = _("Nhập họ tên người nộp. / Enter the applicant's name.")
        if not ID_NUMBER.match(self.id_number.strip()):
            errors["applicant_id_number"] = _(
                "Số định danh gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND). "
                "/ The ID number has 12 (or 9) digits."
            )
        if not PHONE.match(phone):
            errors["applicant_phone"] = _(
                "Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0. / The phone number has 10 or 11 digits."
            )
        if self.email:
            try:
                validate_email(self.email)
            except ValidationError:
                errors["applicant_email"] = _("Địa chỉ thư điện tử không hợp lệ. / Invalid e-mail address.")
        if errors:
            raise ValidationError(errors)
        return Applicant(
            self.name.strip(),
            self.id_number.strip(),
            phone,
            self.email.strip(),
            self.address.strip(),
            self.commune,
            self.user,
        )


@dataclass(frozen=True)
class DocumentLine:
    name: str
    originals: int = 0
    copies: int = 0
    required_document: RequiredDocument | None = None
    file: object | None = field(default=None, compare=False)
    # Taken from the citizen's document store instead of uploaded again (digitisation: reuse).
    reused: bool = False


# ------------------------------------------------------------------------------------------------ helpers


def _now(at: datetime | None) -> datetime:
    return at or timezone.now()


def _refused(error: TransitionRefused) -> Exception:
    return ActionNotAllowed(str(error)) if error.permission else ActionNotPossible(str(error))


def _authorise(actor, dossier: Dossier, action: str) -> Transition:
    try:
        return transition(dossier.status, action, roles_on(actor, dossier))
    except TransitionRefused as error:
        raise _refused(error) from None


def _fresh(dossier: Dossier | int, expected_version: int) -> Dossier:
    pk = dossier.pk if isinstance(dossier, Dossier) else dossier
    row = Dossier.objects.select_related("procedure_version", "current_step", "receiving_agency").get(pk=pk)
    if row.version != expected_version:
        raise DossierConflict()
    return row


def _commit(dossier: Dossier, expected_version: int, fields: Sequence[str]) -> None:
    """Write `fields` only if nobody changed the row since `expected_version` was read."""
    values = {name: getattr(dossier, name) for name in fields}
    updated = Dossier.objects.filter(pk=dossier.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if updated != 1:
        raise DossierConflict()
    dossier.version = expected_version + 1


def _record(actor, dossier: Dossier, *, changes: dict | None = None, **event) -> DossierEvent:
    """The action's timeline event (`event`: the arguments of `_timeline_event`) and its audit event, written
    in one round trip."""
    timeline = _timeline_event(actor, dossier, **event)
    entry = _audit_entry(
        actor,
        dossier,
        action=event["action"],
        before=event["before"],
        reason=event.get("reason", ""),
        changes=changes,
    )
    rows.insert([timeline, entry])
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
    """Processing ended (result ready, stop or refusal after reception): the on-time verdict is fixed."""
    if dossier.received_at is None:
        return
    dossier.processing_ended_at = at
    dossier.timeliness = dossier_verdict(
        ended_at=at, due_at=dossier.due_at, supplement_requests=dossier.supplement_requests, tz=cal.tz
    )


def _close_pause(dossier: Dossier, at: datetime, cal) -> None:
    pause = DossierPause.objects.filter(dossier=dossier, ended_at__isnull=True).first()
    if pause is None:
        return
    pause.ended_at = at
    pause.save(update_fields=["ended_at"])
    dossier.due_at = deadlines.shift_for_pause(dossier.due_at, pause.started_at, at, cal)
    step = dossier.current_step
    if step is not None and step.due_at is not None and step.finished_at is None:
        step.due_at = deadlines.shift_for_pause(step.due_at, pause.started_at, at, cal)
        step.save(update_fields=["due_at"])


# ------------------------------------------------------------------------------------------------ entry


def _check_documents(mandatory: dict[int, str], lines: Sequence[DocumentLine]) -> None:
    given = {
        line.required_document.pk for line in lines if line.required_document and line.originals + line.copies
    }
    missing = [name for pk, name in mandatory.items() if pk not in given]
    if missing:
        raise ValidationError(
            _("Thiếu thành phần hồ sơ bắt buộc: %(names)s. / Mandatory documents are missing.")
            % {"names": "; ".join(missing)}
        )
    for line in lines:
        if line.file is not None:
            check_upload(line.file)


def _save_documents(dossier: Dossier, lines: Sequence[DocumentLine], *, supplemented: bool = False) -> None:
    DossierDocument.objects.bulk_create(_document_rows(dossier, lines, supplemented=supplemented))


def _document_rows(
    dossier: Dossier, lines: Sequence[DocumentLine], *, supplemented: bool = False
) -> list[DossierDocument]:
    documents = []
    for line in lines:
        document = DossierDocument(
            dossier=dossier,
            required_document=line.required_document,
            name=line.name[:500],
            originals=line.originals,
            copies=line.copies,
            supplemented=supplemented,
            reused=line.reused,
        )
        if line.file is not None:
            document.file.save(line.file.name, line.file, save=False)
        documents.append(document)
    return documents


def _enter(
    *,
    actor,
    action: str,
    centre: Agency,
    procedure: Procedure,
    applicant: Applicant,
    documents: Sequence[DocumentLine],
    channel: int,
    result_by_post: bool,
    competent_agency: Agency | None,
    at: datetime,
    identity_verified: bool = False,
) -> Dossier:
    try:
        target = transition(NEW, action, roles_at(actor, centre)).target
    except TransitionRefused as error:
        raise _refused(error) from None
    if not centre.is_service_centre:
        raise ValidationError(
            _("Chỉ tiếp nhận tại Trung tâm Phục vụ hành chính công. / Only service centres receive dossiers.")
        )
    applicant = applicant.cleaned()
    local_day = timezone.localtime(at).date()
    plan = reference.reception_plan(
        procedure.pk,
        centre.pk,
        getattr(applicant.commune, "pk", None),
        getattr(competent_agency, "pk", None),
        channel,
        local_day,
    )
    _check_documents(plan.mandatory, documents)
    cal = reference.working_calendar(local_day)
    dossier = Dossier(
        status=target,
        channel=channel,
        procedure=procedure,
        procedure_version=plan.version,
        receiving_agency=centre,
        competent_agency=plan.competent,
        current_agency=centre,
        applicant_name=applicant.name,
        applicant_id_number=applicant.id_number,
        applicant_phone=applicant.phone,
        applicant_email=applicant.email,
        applicant_address=applicant.address,
        applicant_commune=applicant.commune,
        applicant_user=applicant.user,
        result_by_post=result_by_post,
        reused_data=any(line.reused for line in documents),
        identity_verified=identity_verified,
        submitted_at=at,
        clock_started_at=deadlines.clock_start(at, cal),
        due_at=deadlines.due_date(at, plan.limit, cal),
        fee_due=plan.fee,
    )
    if target == Status.RECEIVED:
        dossier.received_at, dossier.received_by = at, actor
    # The reception step starts with the clock; the others start when the dossier reaches them.
    head = plan.steps[0]
    first_due = deadlines.step_due(dossier.clock_started_at, head.duration, head.unit, cal)
    steps = [
        DossierStep(
            dossier=dossier,
            position=p.position,
            name=p.name,
            agency=p.agency,
            role=p.role,
            duration=p.duration,
            duration_unit=p.unit,
            started_at=dossier.clock_started_at if p is head else None,
            due_at=first_due if p is head else None,
        )
        for p in plan.steps
    ]
    # Roles and reference data were read before the transaction: it holds only the writes.
    with transaction.atomic():
        _write_entry(actor=actor, action=action, dossier=dossier, steps=steps, lines=documents, at=at)
    return dossier


def _write_entry(
    *,
    actor,
    action: str,
    dossier: Dossier,
    steps: list[DossierStep],
    lines: Sequence[DocumentLine],
    at: datetime,
) -> None:
    """A new dossier's rows in two round trips (`core.rows`) before the commit; the keys were taken ahead."""
    keys = rows.reserve_keys({Dossier: 1, DossierStep: len(steps)})
    (dossier.pk,) = keys[Dossier]
    for step, key in zip(steps, keys[DossierStep], strict=True):
        step.pk = key
    dossier.current_step = steps[0]
    event = _timeline_event(
        actor, dossier, action=action, before=NEW, at=at, step=steps[0], to_agency=dossier.receiving_agency
    )
    batch = rows.Batch()
    batch.add(*steps, *_document_rows(dossier, lines), event)
    # The code's counter row stays locked until commit and every other reception at this centre today waits
    # for it: the number is taken in the same round trip as the rows that do not carry it, and only the rows
    # that do are written after it.
    day = timezone.localtime(at).date()
    ((sequence,),) = batch.insert(then=codes.next_number(dossier.receiving_agency, day))
    dossier.code = codes.format_code(dossier.receiving_agency.code, day, sequence)
    entry = _audit_entry(actor, dossier, action=action, before=NEW, changes={"code": ["", dossier.code]})
    messages = notify.messages_for(dossier, "received" if dossier.status == Status.RECEIVED else "submitted")
    batch.add(dossier, entry, *messages)
    batch.insert()
    notifications.deliver_after_commit(messages)


def receive_at_counter(
    *,
    actor,
    centre: Agency,
    procedure: Procedure,
    applicant: Applicant,
    documents: Sequence[DocumentLine],
    result_by_post: bool = False,
    competent_agency: Agency | None = None,
    at: datetime | None = None,
) -> Dossier:
    """A one-stop officer receives a complete dossier at the counter: code, due date, receipt."""
    return _enter(
        actor=actor,
        action=Action.RECEIVE_AT_COUNTER,
        centre=centre,
        procedure=procedure,
        applicant=applicant,
        documents=documents,
        channel=SubmissionChannel.DIRECT,
        result_by_post=result_by_post,
        competent_agency=competent_agency,
        at=_now(at),
    )


def submit(
    *,
    actor,
    centre: Agency,
    procedure: Procedure,
    applicant: Applicant,
    documents: Sequence[DocumentLine],
    channel: int,
    result_by_post: bool = False,
    competent_agency: Agency | None = None,
    at: datetime | None = None,
    identity_verified: bool = False,
) -> Dossier:
    """An online submission (by the citizen) or a postal one (registered by the officer), to be checked.

    `identity_verified`: the citizen's account is verified by electronic identification (VNeID)."""
    if channel not in (SubmissionChannel.ONLINE, SubmissionChannel.POSTAL):
        raise ValidationError(
            _("Chỉ nộp trực tuyến hoặc qua bưu chính. / Only online or postal submissions.")
        )
    if getattr(actor, "is_citizen", False):
        if channel != SubmissionChannel.ONLINE:
            raise ValidationError(_("Công dân nộp trực tuyến. / Citizens submit online."))
        applicant = Applicant(**{**applicant.__dict__, "user": actor})
    return _enter(
        actor=actor,
        action=Action.SUBMIT,
        centre=centre,
        procedure=procedure,
        applicant=applicant,
        documents=documents,
        channel=channel,
        result_by_post=result_by_post,
        competent_agency=competent_agency,
        at=_now(at),
        identity_verified=identity_verified and getattr(actor, "is_citizen", False),
    )


# ------------------------------------------------------------------------------------------------ check


@transaction.atomic
def receive(*, actor, dossier: Dossier, expected_version: int, at: datetime | None = None) -> Dossier:
    """Accept a checked online or postal submission; time counts from the submission (next office period)."""
    at = _now(at)
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, Action.RECEIVE)
    before = dossier.status
    cal = reference.working_calendar(timezone.localtime(at).date())
    limit = reference.channel_limit(dossier.procedure_version, dossier.channel)
    dossier.status = t.target
    dossier.received_at, dossier.received_by = at, actor
    dossier.clock_started_at = deadlines.clock_start(dossier.submitted_at, cal)
    dossier.due_at = deadlines.due_date(dossier.submitted_at, limit, cal)
    _commit(dossier, expected_version, ["status", "received_at", "received_by", "clock_started_at", "due_at"])
    _record(actor, dossier, action=Action.RECEIVE, before=before, at=at, step=dossier.current_step)
    notify.tell_applicant(dossier, "received")
    return dossier


@transaction.atomic
def request_completion(
    *, actor, dossier: Dossier, expected_version: int, missing: str, at: datetime | None = None
) -> Dossier:
    """Before reception: tell the applicant what to complete (the legal clock has not started)."""
    return _ask_for_documents(actor, dossier, expected_version, missing, Action.REQUEST_COMPLETION, _now(at))


@transaction.atomic
def request_supplement(
    *, actor, dossier: Dossier, expected_version: int, missing: str, at: datetime | None = None
) -> Dossier:
    """After reception: the clock stops until the applicant supplements; the request is counted."""
    return _ask_for_documents(actor, dossier, expected_version, missing, Action.REQUEST_SUPPLEMENT, _now(at))


def _ask_for_documents(
    actor, dossier, expected_version: int, missing: str, action: str, at: datetime
) -> Dossier:
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, action)
    missing = _need(missing, _("nội dung cần bổ sung"))
    before = dossier.status
    dossier.paused_status, dossier.status = before, t.target
    dossier.missing_documents = missing
    fields = ["status", "paused_status", "missing_documents"]
    pausing = dossier.received_at is not None
    if pausing:
        dossier.supplement_requests += 1
        fields.append("supplement_requests")
    # The versioned UPDATE first: it waits for a concurrent request's row lock and then finds the version
    # moved (409). Opening the pause first made that request hit the one-open-pause constraint instead (500).
    _commit(dossier, expected_version, fields)
    if pausing:
        DossierPause.objects.create(dossier=dossier, started_at=at)
    _record(actor, dossier, action=action, before=before, at=at, step=dossier.current_step, reason=missing)
    notify.tell_applicant(dossier, "supplement")
    return dossier


@transaction.atomic
def record_supplement(
    *,
    actor,
    dossier: Dossier,
    expected_version: int,
    documents: Sequence[DocumentLine] = (),
    note: str = "",
    at: datetime | None = None,
) -> Dossier:
    """The applicant's supplement arrived: the clock resumes, with the waiting time added to the due date."""
    at = _now(at)
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, Action.SUPPLEMENT)
    for line in documents:
        if line.file is not None:
            check_upload(line.file)
    before = dossier.status
    cal = reference.working_calendar(timezone.localtime(at).date())
    dossier.status = dossier.paused_status if t.target == RESUME else t.target
    dossier.paused_status = ""
    dossier.missing_documents = ""
    if dossier.received_at is None:
        # A completed submission is a new submission: its time counts from now.
        dossier.submitted_at = at
        dossier.clock_started_at = deadlines.clock_start(at, cal)
        dossier.due_at = deadlines.due_date(
            at, reference.channel_limit(dossier.procedure_version, dossier.channel), cal
        )
    else:
        _close_pause(dossier, at, cal)
    _save_documents(dossier, documents, supplemented=True)
    _commit(
        dossier,
        expected_version,
        ["status", "paused_status", "missing_documents", "submitted_at", "clock_started_at", "due_at"],
    )
    _record(
        actor, dossier, action=Action.SUPPLEMENT, before=before, at=at, step=dossier.current_step, reason=note
    )
    return dossier


# ------------------------------------------------------------------------------------------------ steps


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


# ------------------------------------------------------------------------------------------------ time


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


# ------------------------------------------------------------------------------------------------ endings


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
        ["status", "closed_at", "paused_status", "due_at", "processing_ended_at", "timeliness"],
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
    signed_on: date,
    signer: str,
    file=None,
    at: datetime | None = None,
) -> Dossier:
    """The signed result: processing ends here (the on-time verdict is fixed) and it goes back to the desk."""
    at = _now(at)
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, Action.ATTACH_RESULT)
    number, signer = _need(number, _("số văn bản kết quả")), _need(signer, _("người ký"))
    if file is not None:
        check_upload(file)
        dossier.result_file.save(file.name, file, save=False)
    cal = reference.working_calendar(timezone.localtime(at).date())
    steps = _step_list(dossier)
    current = next(s for s in steps if s.pk == dossier.current_step_id)
    verdict = _finish_step(current, actor, at, cal)
    before, from_agency = dossier.status, dossier.current_agency
    _end_processing(dossier, at, cal)
    dossier.status = t.target
    dossier.result_number, dossier.result_date, dossier.result_signer = number, signed_on, signer
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
            "result_file",
            "processing_ended_at",
            "timeliness",
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
