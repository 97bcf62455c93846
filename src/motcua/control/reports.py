"""Periodic and ad-hoc reports: periods cut by the rule in force, requests to agencies, filling in and
submitting, and the roll-up of figures up the organisation tree (commune → province)."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.core.access import require
from motcua.core.audited import audited_save
from motcua.core.trees import closure
from motcua.core.validity import in_force
from motcua.core.workflow import acting_roles
from motcua.org.models import Agency, User
from motcua.workdays import clock
from motcua.workdays.duration import Duration

from . import computations, periods
from .deadlines import DeadlineBook
from .models import (
    FieldKind,
    Frequency,
    Plan,
    Report,
    ReportingCutoff,
    ReportingPeriod,
    ReportRequest,
    ReportStatus,
    ReportTemplate,
    ReportValue,
    TemplateField,
)
from .workflows import AGENCY, MANAGER, REPORT, ReportAction


def cutoff_in_force(frequency: str, *, on: date) -> ReportingCutoff:
    row = in_force(ReportingCutoff.objects.filter(frequency=frequency), on)
    if row is None:
        raise ValidationError(
            _(
                "Chưa có quy định kỳ báo cáo hiệu lực ngày %(day)s."
                " / No reporting cut-off in force on %(day)s."
            )
            % {"day": on.strftime("%d/%m/%Y")}
        )
    return row


@transaction.atomic
def reporting_period(*, frequency: str, year: int, number: int) -> ReportingPeriod:
    """The period row, created from the cut-off rule in force the first time the period is used."""
    existing = ReportingPeriod.objects.filter(frequency=frequency, year=year, number=number).first()
    if existing:
        return existing
    probe = date(year, 12, 1)
    cutoff = cutoff_in_force(frequency, on=probe)
    dates = periods.reporting_period(
        frequency=frequency,
        year=year,
        number=number,
        months=cutoff.months,
        start_day=cutoff.start_day,
        end_day=cutoff.end_day,
    )
    period = ReportingPeriod(
        frequency=frequency, year=year, number=number, start=dates.start, end=dates.end, label=dates.label
    )
    period.full_clean()
    period.save()
    return period


@transaction.atomic
def ad_hoc_period(*, start: date, end: date) -> ReportingPeriod:
    """An ad-hoc (đột xuất) period over any date range: numbered within the year of its start."""
    if end < start:
        raise ValidationError(
            _("Ngày kết thúc phải không trước ngày bắt đầu. / The end cannot be before the start.")
        )
    existing = ReportingPeriod.objects.filter(frequency=Frequency.AD_HOC, start=start, end=end).first()
    if existing:
        return existing
    taken = ReportingPeriod.objects.select_for_update().filter(frequency=Frequency.AD_HOC, year=start.year)
    period = ReportingPeriod(
        frequency=Frequency.AD_HOC,
        year=start.year,
        number=(max(taken.values_list("number", flat=True), default=0) or 0) + 1,
        start=start,
        end=end,
        label=_("Đột xuất từ %(start)s đến %(end)s")
        % {"start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y")},
    )
    period.full_clean()
    period.save()
    return period


def default_due_on(period: ReportingPeriod, owner: Agency) -> date:
    """The cut-off day plus the working days the rule allows for sending, on the owner's calendar."""
    cutoff = cutoff_in_force(period.frequency, on=period.end)
    calendar = DeadlineBook(today=period.end).calendar(owner)
    start = datetime.combine(period.end, calendar.office_hours.closing_time, calendar.tz)
    due = clock.add(start, Duration.working_days(cutoff.submit_within_working_days), calendar)
    return due.date()


@transaction.atomic
def request_reports(
    *,
    actor: User | None,
    plan: Plan,
    template: ReportTemplate,
    period: ReportingPeriod,
    title: str,
    agencies: Iterable[Agency],
    due_on: date | None = None,
) -> ReportRequest:
    require(actor, "control.manage_plan", plan)
    if period.frequency == Frequency.AD_HOC and due_on is None:
        raise ValidationError(
            {"due_on": _("Báo cáo đột xuất cần hạn gửi. / An ad-hoc report needs a due date.")}
        )
    agencies = list(agencies)
    if not agencies:
        raise ValidationError(_("Chọn ít nhất một cơ quan phải báo cáo. / Choose at least one agency."))
    request = ReportRequest(
        plan=plan,
        template=template,
        period=period,
        title=title,
        due_on=due_on or default_due_on(period, plan.owner_agency),
        created_by=actor,
    )
    request.full_clean()
    request.save()
    request.agencies.set(agencies)
    audit.record(actor=actor, action="report_request.create", target=request)
    return request


def template_fields(template: ReportTemplate) -> list[TemplateField]:
    return list(
        TemplateField.objects.filter(section__template=template)
        .select_related("section")
        .order_by("section__order", "order")
    )


def prefilled_figures(request: ReportRequest, agency: Agency) -> dict[str, Decimal]:
    """The figures the platform holds for the agency (and the agencies below it) over the request's period,
    by field code: the fields whose template names a registered computation."""
    group = frozenset(closure(Agency, {agency.pk}, link="parent"))
    figures: dict[str, Decimal] = {}
    for field in template_fields(request.template):
        entry = computations.get(field.computation) if field.computation else None
        if field.kind == FieldKind.NUMBER and entry is not None:
            figures[field.code] = entry.compute([group], request.period.start, request.period.end, {})
    return figures


def _parse_number(field: TemplateField, raw) -> Decimal | None:
    if raw in (None, ""):
        return None
    try:
        value = Decimal(str(raw).strip().replace(" ", "").replace(",", "."))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < 0:
        raise ValidationError(
            _("“%(label)s”: cần một số không âm. / “%(label)s”: enter a non-negative number.")
            % {"label": field.label}
        )
    return value


@transaction.atomic
def save_report(
    *,
    actor: User | None,
    request: ReportRequest,
    agency: Agency,
    values: Mapping[str, object],
    number: str = "",
    signer: str = "",
    submit: bool = False,
    submitted_at=None,
    reasons: Mapping[str, str] | None = None,
) -> Report:
    """The agency fills in its report (values by field code) and, when `submit`, sends it to the owner.

    A figure the platform pre-fills may be corrected only with a reason (`reasons` by field code); the
    computed figure and the reason are kept with the value and the correction is audited."""
    require(actor, "control.act_for_agency", agency)
    if not request.agencies.filter(pk=agency.pk).exists():
        raise ValidationError(
            _("Cơ quan này không phải gửi báo cáo này. / This agency does not owe this report.")
        )
    report = Report.objects.select_for_update().filter(request=request, agency=agency).first()
    report = report or Report(request=request, agency=agency)
    action = ReportAction.SUBMIT if submit else ReportAction.SAVE
    REPORT.apply(report, action, acting_roles(actor, AGENCY))  # a submitted report is no longer edited
    report.number, report.signer = number.strip(), signer.strip()
    if submit:
        report.submitted_at = submitted_at or timezone.now()
        report.submitted_by = actor
    audited_save(report, actor=actor, action=f"report.{action}")
    figures = prefilled_figures(request, agency)
    unexplained = []
    for field in template_fields(request.template):
        raw = values.get(field.code)
        row, _created = ReportValue.objects.get_or_create(report=report, field=field)
        if field.kind == FieldKind.NUMBER:
            row.number = _parse_number(field, raw)
        else:
            row.text = str(raw or "").strip()
        if field.code in figures:
            _keep_correction(
                actor, report, field, row, figures[field.code], (reasons or {}).get(field.code, "")
            )
            if row.number is not None and row.number != row.prefilled and not row.correction_reason:
                unexplained.append(field.label)
        row.save()
    if unexplained:
        raise ValidationError(
            _(
                "Số liệu khác số liệu hệ thống cần ghi lý do: %(fields)s."
                " / A figure other than the platform's needs a reason: %(fields)s."
            )
            % {"fields": "; ".join(unexplained)}
        )
    if submit:
        missing = [
            f.label
            for f in template_fields(request.template)
            if f.kind == FieldKind.NUMBER and values.get(f.code) in (None, "")
        ]
        if missing:
            raise ValidationError(
                _("Chưa nhập số liệu: %(fields)s. / Missing figures: %(fields)s.")
                % {"fields": "; ".join(missing)}
            )
    return report


def _keep_correction(
    actor: User | None, report: Report, field: TemplateField, row: ReportValue, computed: Decimal, reason: str
) -> None:
    """Keep the platform's figure beside the reported one; a different figure keeps its reason (audited)."""
    reason = reason.strip()
    before = (row.prefilled, row.correction_reason)
    row.prefilled = computed
    row.correction_reason = reason if row.number is not None and row.number != computed else ""
    if row.correction_reason and before != (row.prefilled, row.correction_reason):
        audit.record(
            actor=actor,
            action="report.correct_figure",
            target=report,
            changes={field.code: [str(computed), str(row.number)]},
            reason=row.correction_reason,
        )


@transaction.atomic
def return_report(*, actor: User | None, report: Report, reason: str) -> Report:
    """The owner sends a submitted report back for correction; the agency then submits it again."""
    require(actor, "control.manage_plan", report.request.plan)
    REPORT.apply(report, ReportAction.SEND_BACK, acting_roles(actor, MANAGER))
    if not reason.strip():
        raise ValidationError(_("Cần ghi lý do trả lại. / Say why the report is sent back."))
    report.submitted_at, report.submitted_by = None, None
    return audited_save(report, actor=actor, action="report.return", reason=reason)


def submitted_on_time(report: Report, book: DeadlineBook) -> bool:
    return report.submitted_at is not None and timezone.localtime(
        report.submitted_at
    ).date() <= book.effective_due(report.request.due_on, report.agency)


def rollup(request: ReportRequest, agency: Agency) -> dict[int, Decimal]:
    """Figures of `agency` and every agency below it that submitted: {field id: sum}.

    The organisation tree decides the roll-up, so a commune's divisions add into the commune and the
    communes and departments add into the province.
    """
    subtree = closure(Agency, {agency.pk}, link="parent")
    totals: dict[int, Decimal] = defaultdict(Decimal)
    rows = ReportValue.objects.filter(
        report__request=request,
        report__status=ReportStatus.SUBMITTED,
        report__agency__in=subtree,
        number__isnull=False,
        field__kind=FieldKind.NUMBER,
    ).values_list("field_id", "number")
    for field_id, number in rows:
        totals[field_id] += number or Decimal(0)  # never None: filtered above
    return dict(totals)
