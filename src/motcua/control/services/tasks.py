"""Writes to tasks: creation, acceptance, progress reports and their review."""

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core import audit, uploads
from motcua.core.access import require
from motcua.core.audited import audited_save
from motcua.core.workflow import acting_roles
from motcua.org.models import Agency, User

from .. import periods
from ..models import (
    Evidence,
    Plan,
    PlanStatus,
    ProgressReport,
    Recurrence,
    Target,
    Task,
    TaskAcceptance,
    TaskOccurrence,
)
from ..workflows import (
    LEAD,
    MANAGER,
    OCCURRENCE,
    REVIEW,
    SUPPORT,
    OccurrenceAction,
)
from .guards import require_open_plan

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
    require_open_plan(plan)
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
    acting = acting_roles(actor, LEAD if is_lead else SUPPORT)
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
    acting = acting_roles(actor, MANAGER)
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
