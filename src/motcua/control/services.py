"""Every write to plans, targets and tasks: one function per business action, in a transaction, permission
checked, audited. `actor=None` is the system itself (demo loading, data commands)."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core import audit, uploads
from motcua.core.access import require
from motcua.core.audited import audited_save
from motcua.org.models import Agency, User

from . import computations, periods
from .models import (
    Evidence,
    Plan,
    PlanStatus,
    ProgressReport,
    Recurrence,
    Target,
    TargetSource,
    TargetValue,
    Task,
    TaskAcceptance,
    TaskOccurrence,
)
from .workflows import (
    LEAD,
    MANAGER,
    OCCURRENCE,
    PLAN,
    REVIEW,
    SUPPORT,
    OccurrenceAction,
    PlanAction,
    roles,
)

__all__ = ["require"]  # re-exported for callers that imported it from here


def _not_closed(plan: Plan) -> None:
    if plan.status == PlanStatus.CLOSED:
        raise ValidationError(_("Kế hoạch đã kết thúc, không thể thay đổi. / The plan is closed."))


# ---------------------------------------------------------------------------------------------- plans


@transaction.atomic
def create_plan(
    *,
    actor: User | None,
    kind: str,
    title: str,
    issuing_agency: Agency,
    year_from: int,
    year_to: int,
    owner_agency: Agency | None = None,
    number: str = "",
    signer: str = "",
    signed_on: date | None = None,
    purpose: str = "",
    requirements: str = "",
    attachment: UploadedFile | None = None,
    parent: Plan | None = None,
) -> Plan:
    require(actor, "control.issue_plan_for", issuing_agency)
    plan = Plan(
        kind=kind,
        title=title,
        issuing_agency=issuing_agency,
        owner_agency=owner_agency or issuing_agency,
        year_from=year_from,
        year_to=year_to,
        number=number.strip(),
        signer=signer,
        signed_on=signed_on,
        purpose=purpose,
        requirements=requirements,
        parent=parent,
        created_by=actor,
    )
    if attachment is not None:
        plan.attachment = attachment  # checked by the field's upload policy in full_clean
    return audited_save(plan, actor=actor, action="plan.create")


EDITABLE_PLAN_FIELDS = frozenset(
    {
        "kind",
        "title",
        "owner_agency",
        "number",
        "signer",
        "signed_on",
        "year_from",
        "year_to",
        "purpose",
        "requirements",
        "attachment",
    }
)


@transaction.atomic
def update_plan(*, actor: User | None, plan: Plan, **changes: Any) -> Plan:
    require(actor, "control.manage_plan", plan)
    _not_closed(plan)
    unknown = set(changes) - EDITABLE_PLAN_FIELDS
    if unknown:
        raise ValidationError(
            _("Không sửa được các trường: %(f)s / Not editable: %(f)s") % {"f": ", ".join(unknown)}
        )
    for field, value in changes.items():
        if field == "attachment" and value is None:
            continue
        setattr(plan, field, value)
    return audited_save(plan, actor=actor, action="plan.update")


@transaction.atomic
def issue_plan(*, actor: User | None, plan: Plan) -> Plan:
    """A draft becomes the issued plan; it needs its number and signing date, and at least one task."""
    require(actor, "control.manage_plan", plan)
    PLAN.apply(plan, PlanAction.ISSUE, roles(actor, MANAGER))
    if not plan.number or not plan.signed_on:
        raise ValidationError(
            _(
                "Cần nhập số, ký hiệu và ngày ký trước khi ban hành."
                " / Enter the number and signing date first."
            )
        )
    if not plan.tasks.exists():
        raise ValidationError(_("Kế hoạch chưa có nhiệm vụ nào. / The plan has no tasks yet."))
    return audited_save(plan, actor=actor, action="plan.issue")


@transaction.atomic
def close_plan(*, actor: User | None, plan: Plan, reason: str = "") -> Plan:
    require(actor, "control.manage_plan", plan)
    PLAN.apply(plan, PlanAction.CLOSE, roles(actor, MANAGER))
    return audited_save(plan, actor=actor, action="plan.close", reason=reason)


@transaction.atomic
def derive_plan(
    *,
    actor: User | None,
    parent: Plan,
    issuing_agency: Agency,
    title: str,
    number: str = "",
    signer: str = "",
    signed_on: date | None = None,
    tasks: Iterable[Task] | None = None,
) -> Plan:
    """An agency's own plan "based on" a higher plan, with copies of the higher plan's tasks.

    By default the tasks copied are those the agency leads or supports; each copy is led by the agency, keeps
    the deadline, and points to its original, as do the targets linked to the copied tasks.
    """
    if parent.status != PlanStatus.ISSUED:
        raise ValidationError(
            _("Chỉ xây dựng kế hoạch từ kế hoạch đã ban hành. / Derive only from an issued plan.")
        )
    plan = create_plan(
        actor=actor,
        kind=parent.kind,
        title=title,
        issuing_agency=issuing_agency,
        year_from=parent.year_from,
        year_to=parent.year_to,
        number=number,
        signer=signer,
        signed_on=signed_on,
        purpose=parent.purpose,
        requirements=parent.requirements,
        parent=parent,
    )
    if tasks is None:
        tasks = parent.tasks.filter(lead_agency=issuing_agency) | parent.tasks.filter(
            supporting_agencies=issuing_agency
        )
    copied_targets: dict[int, Target] = {}
    for number_in_plan, original in enumerate(sorted(set(tasks), key=lambda t: t.number), start=1):
        if original.plan_id != parent.pk:
            raise ValidationError(
                _("Nhiệm vụ không thuộc kế hoạch cấp trên. / The task is not in that plan.")
            )
        targets = [_copy_target(plan, target, copied_targets) for target in original.targets.all()]
        add_task(
            actor=actor,
            plan=plan,
            number=number_in_plan,
            content=original.content,
            lead_agency=issuing_agency,
            start_on=original.start_on,
            due_on=original.due_on,
            recurrence=original.recurrence,
            due_day=original.due_day,
            end_on=original.end_on,
            expected_output=original.expected_output,
            targets=targets,
            parent=original,
        )
    audit.record(actor=actor, action="plan.derive", target=plan, reason=str(parent))
    return plan


def _copy_target(plan: Plan, original: Target, copied: dict[int, Target]) -> Target:
    if original.pk not in copied:
        copy = Target(
            plan=plan,
            code=original.code,
            name=original.name,
            unit=original.unit,
            target_value=original.target_value,
            source=original.source,
            computation=original.computation,
            params=original.params,
            aggregation=original.aggregation,
            parent=original,
        )
        copy.full_clean()
        copy.save()
        copied[original.pk] = copy
    return copied[original.pk]


# -------------------------------------------------------------------------------------------- targets


@transaction.atomic
def add_target(
    *,
    actor: User | None,
    plan: Plan,
    code: str,
    name: str,
    unit: str,
    target_value: Decimal,
    source: str,
    computation: str = "",
    params: dict | None = None,
    aggregation: str = "sum",
) -> Target:
    require(actor, "control.manage_plan", plan)
    _not_closed(plan)
    if source == TargetSource.COMPUTED and computations.get(computation) is None:
        raise ValidationError(
            _("Phép tính “%(name)s” không có trong danh mục. / Unknown computation “%(name)s”.")
            % {"name": computation}
        )
    target = Target(
        plan=plan,
        code=code,
        name=name,
        unit=unit,
        target_value=target_value,
        source=source,
        computation=computation if source == TargetSource.COMPUTED else "",
        params=params or {},
        aggregation=aggregation,
    )
    return audited_save(target, actor=actor, action="target.create")


@transaction.atomic
def record_target_value(
    *, actor: User | None, target: Target, agency: Agency, value: Decimal, as_of: date, note: str = ""
) -> TargetValue:
    """An agency enters its own current value of an entered target."""
    require(actor, "control.act_for_agency", agency)
    _not_closed(target.plan)
    if target.source != TargetSource.ENTERED:
        raise ValidationError(
            _("Chỉ tiêu này được tính tự động, không nhập tay. / This target is computed, not entered.")
        )
    row = TargetValue.objects.filter(target=target, agency=agency).first() or TargetValue(
        target=target, agency=agency
    )
    row.value, row.as_of, row.note, row.entered_by = value, as_of, note, actor
    return audited_save(row, actor=actor, action="target.value")


# ---------------------------------------------------------------------------------------------- tasks


@transaction.atomic
def add_task(
    *,
    actor: User | None,
    plan: Plan,
    content: str,
    lead_agency: Agency,
    start_on: date,
    supporting_agencies: Sequence[Agency] = (),
    due_on: date | None = None,
    recurrence: str = Recurrence.NONE,
    due_day: int | None = None,
    end_on: date | None = None,
    expected_output: str = "",
    targets: Sequence[Target] = (),
    number: int | None = None,
    parent: Task | None = None,
) -> Task:
    """A task with its occurrences: one for a one-off deadline, one per period for a recurring task."""
    require(actor, "control.manage_plan", plan)
    _not_closed(plan)
    if recurrence != Recurrence.NONE:
        due_on = None
        end_on = end_on or date(plan.year_to, 12, 31)
    else:
        due_day = end_on = None
    if lead_agency in supporting_agencies:
        raise ValidationError(
            _("Cơ quan chủ trì không đồng thời là cơ quan phối hợp. / The lead agency cannot also support.")
        )
    if any(target.plan_id != plan.pk for target in targets):
        raise ValidationError(_("Chỉ tiêu phải thuộc cùng kế hoạch. / Targets must belong to the same plan."))
    if number is None:
        number = (plan.tasks.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    task = Task(
        plan=plan,
        number=number,
        content=content,
        lead_agency=lead_agency,
        start_on=start_on,
        due_on=due_on,
        recurrence=recurrence,
        due_day=due_day,
        end_on=end_on,
        expected_output=expected_output,
        parent=parent,
    )
    task.full_clean()
    task.save()
    task.supporting_agencies.set(supporting_agencies)
    task.targets.set(targets)
    specs = periods.occurrences(
        recurrence=recurrence, start_on=start_on, due_on=due_on, due_day=due_day, end_on=end_on
    )
    TaskOccurrence.objects.bulk_create(
        TaskOccurrence(
            task=task, sequence=s.sequence, label=s.label, period_start=s.period_start, due_on=s.due_on
        )
        for s in specs
    )
    audit.record(actor=actor, action="task.create", target=task)
    return task


def _involved(task: Task, agency: Agency) -> bool:
    return task.lead_agency_id == agency.pk or task.supporting_agencies.filter(pk=agency.pk).exists()


def _require_involved(task: Task, agency: Agency) -> None:
    if not _involved(task, agency):
        raise PermissionDenied(
            _("Cơ quan của bạn không được giao nhiệm vụ này. / Your agency was not given this task.")
        )


def _require_issued(plan: Plan) -> None:
    if plan.status != PlanStatus.ISSUED:
        raise ValidationError(
            _("Kế hoạch chưa ban hành hoặc đã kết thúc. / The plan is not issued or already closed.")
        )


@transaction.atomic
def accept_task(*, actor: User | None, task: Task, agency: Agency) -> TaskAcceptance:
    require(actor, "control.act_for_agency", agency)
    _require_involved(task, agency)
    _require_issued(task.plan)
    acceptance, created = TaskAcceptance.objects.get_or_create(
        task=task, agency=agency, defaults={"accepted_by": actor}
    )
    if created:
        audit.record(actor=actor, action="task.accept", target=acceptance)
    return acceptance


@transaction.atomic
def report_progress(
    *,
    actor: User | None,
    occurrence: TaskOccurrence,
    agency: Agency,
    percent: int,
    text: str,
    output_link: str = "",
    is_completion: bool = False,
    files: Sequence[UploadedFile] = (),
    submitted_at: datetime | None = None,
) -> ProgressReport:
    """An agency reports its own progress; the lead agency's completion report awaits the owner's review."""
    require(actor, "control.act_for_agency", agency)
    task = occurrence.task
    _require_involved(task, agency)
    _require_issued(task.plan)
    occurrence = TaskOccurrence.objects.select_for_update().get(pk=occurrence.pk)
    is_lead = task.lead_agency_id == agency.pk
    acting = roles(actor, LEAD if is_lead else SUPPORT)
    # Reporting is open while the occurrence is neither awaiting review nor done.
    OCCURRENCE.check(occurrence.status, OccurrenceAction.REPORT, acting)
    if is_completion and not is_lead:
        raise ValidationError(
            _("Chỉ cơ quan chủ trì báo cáo hoàn thành nhiệm vụ. / Only the lead agency reports completion.")
        )
    action = OccurrenceAction.REPORT_COMPLETION if is_completion else OccurrenceAction.REPORT
    if is_completion:
        percent = 100
    for upload in files:
        uploads.check_upload(upload, uploads.EVIDENCE)
    accept_task(actor=actor, task=task, agency=agency)  # reporting implies the task was received
    report = ProgressReport(
        occurrence=occurrence,
        agency=agency,
        author=actor,
        submitted_at=submitted_at or timezone.now(),
        percent=percent,
        text=text,
        output_link=output_link,
        is_completion=is_completion,
    )
    REVIEW.start(report, action, acting)
    audited_save(report, actor=actor, action="progress.report")
    for upload in files:
        Evidence.objects.create(report=report, file=upload, name=Path(upload.name or "tep").name[:255])
    if is_lead:
        occurrence.percent = percent
        OCCURRENCE.apply(occurrence, action, acting)
        audited_save(occurrence, actor=actor, action="occurrence.progress")
    return report


@transaction.atomic
def review_progress(
    *, actor: User | None, report: ProgressReport, accept: bool, comment: str = ""
) -> ProgressReport:
    """The plan owner accepts the lead agency's completion report, or sends it back with a comment."""
    plan = report.occurrence.task.plan
    require(actor, "control.manage_plan", plan)
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    action = OccurrenceAction.ACCEPT if accept else OccurrenceAction.SEND_BACK
    acting = roles(actor, MANAGER)
    REVIEW.apply(report, action, acting)
    if not accept and not comment.strip():
        raise ValidationError(_("Cần ghi lý do trả lại. / Say why the report is sent back."))
    report.review_comment = comment.strip()
    report.reviewed_by = actor
    report.reviewed_at = timezone.now()
    audited_save(report, actor=actor, action="progress.review", reason=comment)
    occurrence = report.occurrence
    OCCURRENCE.apply(occurrence, action, acting)
    if accept:
        occurrence.percent = 100
        # On time is judged by when the agency finished, not by when the owner got round to reviewing.
        occurrence.completed_on = timezone.localtime(report.submitted_at).date()
        occurrence.accepted_at = report.reviewed_at
    audited_save(occurrence, actor=actor, action="occurrence.review")
    return report
