"""Periodic report pages: requests, filling, exports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.errors import message_of, run
from motcua.org.models import Agency
from motcua.org.selectors import visible_agencies

from .. import exports, reminders, reports, selectors
from ..deadlines import DeadlineBook
from ..forms import (
    ReportRequestForm,
)
from ..models import FieldKind, Frequency, ReportStatus, ReportValue
from .common import XLSX, staff_only

# ----------------------------------------------------------------------------------- periodic reports


@staff_only
def request_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "control/request_list.html",
        {"requests": selectors.visible_requests(request.user).order_by("-period__end", "title")},
    )


@staff_only
def request_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_for(request.user, pk)
    today = timezone.localdate()
    form = ReportRequestForm(
        request.POST or None,
        agencies=visible_agencies(request.user).order_by("code"),
        initial={"year": today.year, "number": (today.month - 1) // 3 + 1, "frequency": "quarter"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def create():
            if data["frequency"] == Frequency.AD_HOC:
                period = reports.ad_hoc_period(start=data["start"], end=data["end"])
            else:
                period = reports.reporting_period(
                    frequency=data["frequency"], year=data["year"], number=data["number"]
                )
            return reports.request_reports(
                actor=request.user,
                plan=plan,
                template=data["template"],
                period=period,
                title=data["title"],
                agencies=list(data["agencies"]),
                due_on=data["due_on"],
            )

        created = run(request, create, success=_("Đã gửi yêu cầu báo cáo."), form=form)
        if created:
            return redirect("control:request", pk=created.pk)
    return render(
        request, "control/form.html", {"form": form, "title": _("Yêu cầu báo cáo định kỳ"), "back": plan}
    )


def _table_for(user, report_request, *, agency: Agency | None = None):
    """The owner's table covers every agency and the tree's total; an agency's table only its own report."""
    if agency is None and selectors.manages(user, report_request.plan):
        agencies = list(selectors.request_agencies(user, report_request))
        # The total is the issuing agency's tree: every commune and department that answered.
        total_for = report_request.plan.issuing_agency
        return exports.request_table(
            report_request, agencies=agencies, total_for=total_for, day=timezone.localdate()
        )
    agencies = [agency] if agency else list(selectors.request_agencies(user, report_request))
    return exports.request_table(report_request, agencies=agencies, total_for=None, day=timezone.localdate())


@staff_only
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report_request = selectors.request_for(request.user, pk)
    can_manage = selectors.manages(request.user, report_request.plan)
    if request.method == "POST":
        agency = get_object_or_404(Agency, pk=request.POST.get("agency"))
        run(
            request,
            lambda: reminders.urge_report(
                actor=request.user,
                request=report_request,
                agency=agency,
                message=request.POST.get("message", ""),
            ),
            success=_("Đã gửi đôn đốc báo cáo."),
        )
        return redirect("control:request", pk=pk)
    rows = selectors.request_overview(request.user, report_request, DeadlineBook())
    mine = set(selectors.member_agencies(request.user).values_list("pk", flat=True))
    return render(
        request,
        "control/request_detail.html",
        {
            "req": report_request,
            "rows": rows,
            "mine": mine,
            "can_manage": can_manage,
            "table": _table_for(request.user, report_request) if rows else None,
        },
    )


@staff_only
def request_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report_request = selectors.request_for(request.user, pk)
    table = _table_for(request.user, report_request)
    return _export(table, fmt, f"bao-cao-{report_request.pk}")


def _export(table, fmt: str, name: str, signer: str = "") -> HttpResponse:
    if fmt == "xlsx":
        response = HttpResponse(exports.table_workbook(table), content_type=XLSX)
    else:
        response = HttpResponse(exports.table_pdf(table, signer=signer), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@staff_only
def report_fill(request: HttpRequest, pk: int, agency_pk: int) -> HttpResponse:
    report_request = selectors.request_for(request.user, pk)
    agency = get_object_or_404(selectors.request_agencies(request.user, report_request), pk=agency_pk)
    report = report_request.reports.filter(agency=agency).first()
    can_edit = request.user.has_perm("control.act_for_agency", agency) and (
        report is None or report.status != ReportStatus.SUBMITTED
    )
    fields = reports.template_fields(report_request.template)
    stored = {v.field_id: v for v in report.values.all()} if report else {}
    error = None
    if request.method == "POST" and "return" in request.POST and report:
        run(
            request,
            lambda: reports.return_report(
                actor=request.user, report=report, reason=request.POST.get("reason", "")
            ),
            success=_("Đã trả lại báo cáo."),
        )
        return redirect("control:request", pk=pk)
    if request.method == "POST" and can_edit:
        values = {f.code: request.POST.get(f"f_{f.code}", "") for f in fields}
        reasons = {f.code: request.POST.get(f"r_{f.code}", "") for f in fields}
        submit = "submit" in request.POST
        try:
            reports.save_report(
                actor=request.user,
                request=report_request,
                agency=agency,
                values=values,
                number=request.POST.get("number", ""),
                signer=request.POST.get("signer", ""),
                submit=submit,
                reasons=reasons,
            )
        except (ValidationError, PermissionDenied) as exc:
            error = message_of(exc)
            stored = {
                f.pk: ReportValue(field=f, correction_reason=reasons[f.code], **_raw(f, values[f.code]))
                for f in fields
            }
        else:
            messages.success(request, _("Đã gửi báo cáo.") if submit else _("Đã lưu báo cáo."))
            return redirect("control:request", pk=pk)
    # The platform's figures for this agency and period: shown beside the field, and as the value until
    # the agency saves its own.
    figures = reports.prefilled_figures(report_request, agency)
    sections: list = []
    for f in fields:
        if not sections or sections[-1][0] != f.section:
            sections.append((f.section, []))
        value = stored.get(f.pk)
        if value is None:
            shown = _number(figures.get(f.code))
        elif f.kind == FieldKind.TEXT or (value.number is None and value.text):
            shown = value.text
        else:
            shown = _number(value.number)
        computed = _number(figures[f.code]) if f.code in figures else None
        reason = value.correction_reason if value is not None else ""
        sections[-1][1].append((f, shown, computed, reason))
    return render(
        request,
        "control/report_fill.html",
        {
            "req": report_request,
            "agency": agency,
            "report": report,
            "sections": sections,
            "can_edit": can_edit,
            "error": error,
            "can_manage": selectors.manages(request.user, report_request.plan),
        },
    )


def _raw(field, raw) -> dict:
    return {"text": str(raw)} if field.kind == FieldKind.TEXT else {"number": None, "text": str(raw)}


def _number(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == value.to_integral_value() else str(value.normalize())


@staff_only
def report_export(request: HttpRequest, pk: int, agency_pk: int, fmt: str) -> HttpResponse:
    report_request = selectors.request_for(request.user, pk)
    agency = get_object_or_404(selectors.request_agencies(request.user, report_request), pk=agency_pk)
    report = report_request.reports.filter(agency=agency).first()
    table = exports.request_table(
        report_request,
        agencies=[agency],
        total_for=None,
        day=timezone.localdate(),
        number=report.number if report else "",
    )
    return _export(
        table, fmt, f"bao-cao-{report_request.pk}-{agency.code}", signer=report.signer if report else ""
    )
