"""Every write to inspections and the misconduct register: permission checked, one transaction, audited."""

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import PurePath
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.control.models import Plan, PlanStatus
from motcua.core.access import require
from motcua.core.audited import audited_save
from motcua.core.uploads import EVIDENCE, check_upload
from motcua.core.workflow import SYSTEM
from motcua.feedback.models import Category, Feedback
from motcua.org.models import Agency, User

from ..rules import reviewing_agency_ids
from .access import register_agency_ids
from .models import EvidenceFile, Inspection, MisconductCase, Recommendation, Source
from .workflows import AGENCY, FOLLOW_UP, MANAGER, FollowUpAction

MAX_RECOMMENDATIONS = 100
MAX_EVIDENCE_FILES = 10


def _not_future(day: date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("Ngày không thể ở tương lai. / The day cannot be in the future.")})


@transaction.atomic
def plan_inspection(
    *,
    actor: User | None,
    plan: Plan,
    agencies: Sequence[Agency],
    subject: str,
    starts_on: date,
    ends_on: date,
) -> Inspection:
    """An inspection of the plan by its following agency: which agencies, when, about what."""
    require(actor, "control.manage_plan", plan)
    if plan.status == PlanStatus.CLOSED:
        raise ValidationError(_("Kế hoạch đã kết thúc, không thể thay đổi. / The plan is closed."))
    if not agencies:
        raise ValidationError({"agencies": _("Chọn cơ quan được kiểm tra. / Choose the agencies inspected.")})
    inspection = Inspection(
        plan=plan,
        inspecting_agency=plan.owner_agency,
        subject=subject.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=actor,
    )
    audited_save(inspection, actor=actor, action="inspection.plan")
    inspection.agencies.set(agencies)
    return inspection


@transaction.atomic
def record_minutes(
    *,
    actor: User | None,
    inspection: Inspection,
    number: str,
    minutes_on: date,
    findings: str,
    recommendations: Sequence[Mapping[str, Any]],
) -> Inspection:
    """The minutes: their number and day, the findings, and each recommendation to an inspected agency
    with its deadline."""
    require(actor, "control.manage_plan", inspection.plan)
    _not_future(minutes_on, "minutes_on")
    if minutes_on < inspection.starts_on:
        raise ValidationError(
            {
                "minutes_on": _(
                    "Biên bản không thể trước ngày kiểm tra. / The minutes cannot predate the inspection."
                )
            }
        )
    if inspection.minutes_on is not None:
        raise ValidationError(_("Cuộc kiểm tra đã có biên bản. / The inspection already has its minutes."))
    inspection.minutes_number, inspection.minutes_on = number.strip(), minutes_on
    inspection.findings = findings.strip()
    audited_save(inspection, actor=actor, action="inspection.minutes")
    for entry in recommendations:
        add_recommendation(actor=actor, inspection=inspection, **entry)
    return inspection


@transaction.atomic
def add_recommendation(
    *, actor: User | None, inspection: Inspection, agency: Agency, text: str, due_on: date
) -> Recommendation:
    """A recommendation of the minutes to one inspected agency, due on a day after the minutes."""
    require(actor, "control.manage_plan", inspection.plan)
    if inspection.minutes_on is None:
        raise ValidationError(_("Lập biên bản trước. / Record the minutes first."))
    if not inspection.agencies.filter(pk=agency.pk).exists():
        raise ValidationError(
            _("Kiến nghị chỉ gửi cơ quan được kiểm tra. / Recommendations go to inspected agencies only.")
        )
    if due_on < inspection.minutes_on:
        raise ValidationError(_("Hạn thực hiện phải sau biên bản. / The deadline must follow the minutes."))
    if not text.strip():
        raise ValidationError({"text": _("Nhập nội dung kiến nghị. / Enter the recommendation.")})
    if inspection.recommendations.count() >= MAX_RECOMMENDATIONS:
        raise ValidationError(_("Quá nhiều kiến nghị. / Too many recommendations."))
    row = Recommendation(inspection=inspection, agency=agency, text=text.strip(), due_on=due_on)
    return audited_save(row, actor=actor, action="recommendation.create")


def follow_up_roles(actor: User | None, recommendation: Recommendation) -> frozenset[str]:
    """The roles the actor holds on the recommendation's follow-up (workflows.FOLLOW_UP)."""
    if actor is None:
        return frozenset({SYSTEM})
    held = set()
    if recommendation.agency_id in reviewing_agency_ids(actor):
        held.add(AGENCY)
    if actor.has_perm("control.manage_plan", recommendation.inspection.plan):
        held.add(MANAGER)
    return frozenset(held)


def _locked(recommendation: Recommendation) -> Recommendation:
    rows = Recommendation.objects.select_for_update(of=("self",)).select_related("inspection__plan")
    return rows.get(pk=recommendation.pk)


@transaction.atomic
def report_done(
    *,
    actor: User | None,
    recommendation: Recommendation,
    done_on: date,
    evidence: str,
    files: Sequence[UploadedFile] = (),
) -> Recommendation:
    """The inspected agency (or the plan's manager) reports the recommendation carried out, with the
    evidence in words and its files; the plan's manager then accepts it or sends it back."""
    recommendation = _locked(recommendation)
    roles = follow_up_roles(actor, recommendation)
    if not roles:
        raise PermissionDenied(_("Chỉ cơ quan được kiến nghị báo cáo. / Only the agency concerned reports."))
    _not_future(done_on, "done_on")
    if done_on < recommendation.inspection.minutes_on:
        raise ValidationError(
            {"done_on": _("Ngày hoàn thành không thể trước biên bản. / Cannot predate the minutes.")}
        )
    if not evidence.strip():
        raise ValidationError({"evidence": _("Nêu kết quả, tài liệu chứng minh. / Give the evidence.")})
    if len(files) > MAX_EVIDENCE_FILES:
        raise ValidationError(
            {"files": _("Tối đa %(n)s tệp. / At most %(n)s files.") % {"n": MAX_EVIDENCE_FILES}}
        )
    for upload in files:
        check_upload(upload, EVIDENCE)
    FOLLOW_UP.apply(recommendation, FollowUpAction.REPORT, roles)
    recommendation.done_on, recommendation.evidence = done_on, evidence.strip()
    audited_save(recommendation, actor=actor, action="recommendation.done")
    for upload in files:
        EvidenceFile.objects.create(
            recommendation=recommendation, file=upload, name=PurePath(upload.name or "tep").name[:255]
        )
    return recommendation


@transaction.atomic
def accept_report(
    *, actor: User | None, recommendation: Recommendation, accepted_on: date | None = None
) -> Recommendation:
    """The plan's manager accepts the reported result: the recommendation is closed."""
    recommendation = _locked(recommendation)
    accepted_on = accepted_on or timezone.localdate()
    FOLLOW_UP.apply(recommendation, FollowUpAction.ACCEPT, follow_up_roles(actor, recommendation))
    if recommendation.done_on is not None and accepted_on < recommendation.done_on:
        raise ValidationError(_("Không thể chấp nhận trước ngày báo cáo. / Cannot predate the report."))
    recommendation.accepted_on, recommendation.accepted_by = accepted_on, actor
    return audited_save(recommendation, actor=actor, action="recommendation.accept")


@transaction.atomic
def send_back(*, actor: User | None, recommendation: Recommendation, reason: str) -> Recommendation:
    """The plan's manager does not accept the result: the agency reports again, told why."""
    recommendation = _locked(recommendation)
    FOLLOW_UP.apply(recommendation, FollowUpAction.SEND_BACK, follow_up_roles(actor, recommendation))
    if not reason.strip():
        raise ValidationError({"reason": _("Nêu lý do trả lại. / Give the reason.")})
    recommendation.done_on, recommendation.returned_reason = None, reason.strip()
    return audited_save(recommendation, actor=actor, action="recommendation.send_back")


def _require_register(actor: User | None, agency: Agency) -> None:
    if actor is not None and agency.pk not in register_agency_ids(actor):
        raise PermissionDenied(
            _("Bạn không được ghi sổ vi phạm của cơ quan này. / You may not keep this agency's register.")
        )


@transaction.atomic
def record_case(
    *,
    actor: User | None,
    agency: Agency,
    official: str,
    source: str,
    occurred_on: date,
    description: str,
    feedback: Feedback | None = None,
    inspection: Inspection | None = None,
) -> MisconductCase:
    """A case of misconduct and where it came from: conduct feedback, an unsatisfied rating, an inspection."""
    _require_register(actor, agency)
    _not_future(occurred_on, "occurred_on")
    if source not in Source.values:
        raise ValidationError({"source": _("Nguồn không hợp lệ. / Invalid source.")})
    if source == Source.FEEDBACK and (feedback is None or feedback.category != Category.CONDUCT):
        raise ValidationError(
            {
                "feedback": _(
                    "Chọn phản ánh được phân loại về hành vi cán bộ. / Choose feedback classified as conduct."
                )
            }
        )
    case = MisconductCase(
        agency=agency,
        official=official.strip(),
        source=source,
        feedback=feedback if source == Source.FEEDBACK else None,
        inspection=inspection if source == Source.INSPECTION else None,
        occurred_on=occurred_on,
        description=description.strip(),
        created_by=actor,
    )
    return audited_save(case, actor=actor, action="misconduct.record")


@transaction.atomic
def record_measures(
    *, actor: User | None, case: MisconductCase, measures: str, measures_on: date
) -> MisconductCase:
    _require_register(actor, case.agency)
    _not_future(measures_on, "measures_on")
    if measures_on < case.occurred_on:
        raise ValidationError(
            {"measures_on": _("Ngày xử lý không thể trước vụ việc. / Cannot predate the case.")}
        )
    if not measures.strip():
        raise ValidationError({"measures": _("Nêu biện pháp xử lý. / Give the measures taken.")})
    case.measures, case.measures_on = measures.strip(), measures_on
    return audited_save(case, actor=actor, action="misconduct.measures")
