"""The status tables of the control work (core.workflow): plans, task occurrences, the review of a
completion report, periodic reports. Services move a status only through `apply`; the models keep every
status column valid with the table's check constraint.

Roles are what the actor is to the record, established by the service's permission check first:
- MANAGER: manages the plan (control.manage_plan): issues and closes it, reviews, sends reports back;
- LEAD: works at the task's lead agency: reports progress and completion of an occurrence;
- SUPPORT: works at a supporting agency: reports progress, never completion;
- AGENCY: works at an agency that owes a periodic report: fills it in and submits it;
- SYSTEM: `actor=None`, the platform itself (data loading, commands).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.workflow import NEW, Workflow, system_row

MANAGER = "plan_manager"
LEAD = "lead_agency"
SUPPORT = "supporting_agency"
AGENCY = "reporting_agency"


# ---------------------------------------------------------------------------------------------- plans


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
    CLOSED = "closed", _("Đã kết thúc")


class PlanAction(models.TextChoices):
    ISSUE = "issue", _("Ban hành")
    CLOSE = "close", _("Kết thúc")


PLAN = Workflow(
    "plan",
    (
        system_row(PlanStatus.DRAFT, PlanAction.ISSUE, PlanStatus.ISSUED, {MANAGER}),
        system_row(PlanStatus.ISSUED, PlanAction.CLOSE, PlanStatus.CLOSED, {MANAGER}),
    ),
    status_field="status",
    statuses=PlanStatus,
    actions=PlanAction,
    subject=_("kế hoạch"),
)

# ------------------------------------------------------------------------------------ task occurrences


class OccurrenceStatus(models.TextChoices):
    OPEN = "open", _("Đang thực hiện")
    SUBMITTED = "submitted", _("Chờ duyệt kết quả")
    RETURNED = "returned", _("Bị trả lại")
    DONE = "done", _("Hoàn thành")


class OccurrenceAction(models.TextChoices):
    REPORT = "report", _("Báo cáo tiến độ")
    REPORT_COMPLETION = "report_completion", _("Báo cáo hoàn thành")
    ACCEPT = "accept", _("Chấp nhận kết quả")
    SEND_BACK = "send_back", _("Trả lại")


_O, _OA = OccurrenceStatus, OccurrenceAction
# A supporting agency's report leaves the occurrence as it is: for it the table only says when reporting
# is still open (`transition`); the lead agency's report moves the occurrence (`apply`).
OCCURRENCE = Workflow(
    "task_occurrence",
    (
        system_row(_O.OPEN, _OA.REPORT, _O.OPEN, {LEAD, SUPPORT}),
        system_row(_O.OPEN, _OA.REPORT_COMPLETION, _O.SUBMITTED, {LEAD}),
        system_row(_O.RETURNED, _OA.REPORT, _O.OPEN, {LEAD, SUPPORT}),
        system_row(_O.RETURNED, _OA.REPORT_COMPLETION, _O.SUBMITTED, {LEAD}),
        system_row(_O.SUBMITTED, _OA.ACCEPT, _O.DONE, {MANAGER}),
        system_row(_O.SUBMITTED, _OA.SEND_BACK, _O.RETURNED, {MANAGER}),
    ),
    status_field="status",
    statuses=OccurrenceStatus,
    actions=OccurrenceAction,
    subject=_("kỳ nhiệm vụ"),
)

# ------------------------------------------------------------------------------ completion report review


class ReviewStatus(models.TextChoices):
    NONE = "", _("Không cần duyệt")
    PENDING = "pending", _("Chờ duyệt")
    ACCEPTED = "accepted", _("Đã chấp nhận")
    RETURNED = "returned", _("Trả lại")


# A progress report starts reviewed-or-not (NEW → NONE or PENDING) and only a pending one is reviewed.
# NONE is the empty value, like NEW: a report that needs no review has no review action.
REVIEW = Workflow(
    "progress_review",
    (
        system_row(NEW, _OA.REPORT, ReviewStatus.NONE, {LEAD, SUPPORT}),
        system_row(NEW, _OA.REPORT_COMPLETION, ReviewStatus.PENDING, {LEAD}),
        system_row(ReviewStatus.PENDING, _OA.ACCEPT, ReviewStatus.ACCEPTED, {MANAGER}),
        system_row(ReviewStatus.PENDING, _OA.SEND_BACK, ReviewStatus.RETURNED, {MANAGER}),
    ),
    status_field="review_status",
    statuses=ReviewStatus,
    actions=OccurrenceAction,
    subject=_("báo cáo tiến độ"),
)

# ----------------------------------------------------------------------------------- periodic reports


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")


class ReportAction(models.TextChoices):
    SAVE = "save", _("Lưu báo cáo")
    SUBMIT = "submit", _("Gửi báo cáo")
    SEND_BACK = "send_back", _("Trả lại báo cáo")


REPORT = Workflow(
    "periodic_report",
    (
        system_row(NEW, ReportAction.SAVE, ReportStatus.DRAFT, {AGENCY}),
        system_row(NEW, ReportAction.SUBMIT, ReportStatus.SUBMITTED, {AGENCY}),
        system_row(ReportStatus.DRAFT, ReportAction.SAVE, ReportStatus.DRAFT, {AGENCY}),
        system_row(ReportStatus.DRAFT, ReportAction.SUBMIT, ReportStatus.SUBMITTED, {AGENCY}),
        system_row(ReportStatus.SUBMITTED, ReportAction.SEND_BACK, ReportStatus.DRAFT, {MANAGER}),
    ),
    status_field="status",
    statuses=ReportStatus,
    actions=ReportAction,
    subject=_("báo cáo định kỳ"),
)
