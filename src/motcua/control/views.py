"""Pages of the control work. Each view reads through a selector, writes through one service, and turns a
refused or invalid action into a Vietnamese message instead of an error page (core.errors.run)."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.core.access import staff_required
from motcua.core.errors import message_of, run
from motcua.core.validity import valid_on
from motcua.org.models import Agency
from motcua.org.selectors import visible_agencies

from . import dashboard as dashboards
from . import exports, reminders, reports, selectors, services
from .deadlines import DeadlineBook
from .forms import (
    DeriveForm,
    PlanEditForm,
    PlanForm,
    ProgressForm,
    ReportRequestForm,
    ReviewForm,
    ScorecardForm,
    TargetForm,
    TargetValueForm,
    TaskForm,
    UrgeForm,
)
from .models import FieldKind, PlanStatus, ProgressReport, ReportStatus, ReportValue, TargetSource
from .rules import managing_agency_ids

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# Citizens have nothing to do here: every page is for logged-in officers.
staff_only = staff_required()


def _managed_agencies(user):
    if user.is_superuser:
        return Agency.objects.order_by("code")
    return Agency.objects.filter(pk__in=managing_agency_ids(user)).order_by("code")


# ---------------------------------------------------------------------------------------------- plans


@staff_only
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = selectors.visible_plans(request.user).order_by("-year_from", "issuing_agency__code", "number")
    year = request.GET.get("nam", "")
    if year.isdigit():
        plans = plans.filter(year_from__lte=int(year), year_to__gte=int(year))
    return render(
        request,
        "control/plan_list.html",
        {"plans": plans, "year": year, "can_create": _managed_agencies(request.user).exists()},
    )


@staff_only
def plan_create(request: HttpRequest) -> HttpResponse:
    issuers = _managed_agencies(request.user)
    form = PlanForm(
        request.POST or None, request.FILES or None, issuers=issuers, owners=visible_agencies(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = run(
            request,
            lambda: services.create_plan(actor=request.user, **data),
            success=_("Đã tạo kế hoạch (dự thảo)."),
            form=form,
        )
        if plan:
            return redirect("control:plan", pk=plan.pk)
    return render(request, "control/form.html", {"form": form, "title": _("Kế hoạch mới"), "multipart": True})


@staff_only
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_for(request.user, pk)
    book = DeadlineBook()
    ancestors, descendants = selectors.plan_lineage(request.user, plan)
    tasks = list(selectors.plan_tasks(plan))
    rows = [(task, [(o, book.state(o)) for o in task.occurrences.all()]) for task in tasks]
    return render(
        request,
        "control/plan_detail.html",
        {
            "plan": plan,
            "ancestors": ancestors,
            "descendants": descendants,
            "task_rows": rows,
            "targets": [
                selectors.target_progress(request.user, t, today=book.today) for t in plan.targets.all()
            ],
            "requests": plan.report_requests.select_related("period"),
            "can_manage": selectors.manages(request.user, plan),
            "can_derive": plan.status == PlanStatus.ISSUED and _managed_agencies(request.user).exists(),
        },
    )


@staff_only
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_for(request.user, pk)
    if not selectors.manages(request.user, plan):
        raise PermissionDenied
    form = PlanEditForm(request.POST or None, request.FILES or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        plan.refresh_from_db()
        if changes.get("attachment") is False:  # "clear" ticked on the file input
            changes["attachment"] = ""
        if run(
            request,
            lambda: services.update_plan(actor=request.user, plan=plan, **changes),
            success=_("Đã lưu kế hoạch."),
            form=form,
        ):
            return redirect("control:plan", pk=plan.pk)
    return render(
        request,
        "control/form.html",
        {"form": form, "title": _("Sửa kế hoạch"), "multipart": True, "back": plan},
    )


@staff_only
@require_POST
def plan_issue(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_for(request.user, pk)
    run(
        request,
        lambda: services.issue_plan(actor=request.user, plan=plan),
        success=_("Đã ban hành kế hoạch."),
    )
    return redirect("control:plan", pk=pk)


@staff_only
@require_POST
def plan_close(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_for(request.user, pk)
    run(
        request,
        lambda: services.close_plan(actor=request.user, plan=plan),
        success=_("Đã kết thúc kế hoạch."),
    )
    return redirect("control:plan", pk=pk)


@staff_only
def plan_derive(request: HttpRequest, pk: int) -> HttpResponse:
    parent = selectors.plan_for(request.user, pk)
    tasks = list(parent.tasks.select_related("lead_agency"))
    form = DeriveForm(
        request.POST or None,
        issuers=_managed_agencies(request.user),
        tasks=tasks,
        initial={"title": _("Kế hoạch thực hiện %(plan)s") % {"plan": parent}},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = [t for t in tasks if str(t.pk) in data["tasks"]] or None
        plan = run(
            request,
            lambda: services.derive_plan(
                actor=request.user,
                parent=parent,
                issuing_agency=data["issuing_agency"],
                title=data["title"],
                number=data["number"],
                tasks=chosen,
            ),
            success=_("Đã xây dựng kế hoạch của cơ quan từ kế hoạch cấp trên."),
            form=form,
        )
        if plan:
            return redirect("control:plan", pk=plan.pk)
    return render(
        request,
        "control/form.html",
        {"form": form, "title": _("Xây dựng kế hoạch của cơ quan"), "back": parent},
    )


# -------------------------------------------------------------------------------------------- targets


@staff_only
def target_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_for(request.user, pk)
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("kinds")
        if run(
            request,
            lambda: services.add_target(actor=request.user, plan=plan, **data),
            success=_("Đã thêm chỉ tiêu."),
            form=form,
        ):
            return redirect("control:plan", pk=plan.pk)
    return render(request, "control/form.html", {"form": form, "title": _("Thêm chỉ tiêu"), "back": plan})


@staff_only
def target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    from .models import Target

    target = get_object_or_404(Target.objects.select_related("plan"), pk=pk)
    selectors.plan_for(request.user, target.plan_id)
    mine = selectors.member_agencies(request.user).filter(
        pk__in=[a.pk for a in selectors.target_agencies(target)]
    )
    form = None
    if target.source == TargetSource.ENTERED and mine.exists():
        form = TargetValueForm(request.POST or None, agencies=mine, initial={"as_of": timezone.localdate()})
        if (
            request.method == "POST"
            and form.is_valid()
            and run(
                request,
                lambda: services.record_target_value(actor=request.user, target=target, **form.cleaned_data),
                success=_("Đã cập nhật số liệu chỉ tiêu."),
                form=form,
            )
        ):
            return redirect("control:target", pk=target.pk)
    return render(
        request,
        "control/target_detail.html",
        {"target": target, "progress": selectors.target_progress(request.user, target), "form": form},
    )


# ---------------------------------------------------------------------------------------------- tasks


@staff_only
def task_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_for(request.user, pk)
    agencies = visible_agencies(request.user).filter(valid_on(timezone.localdate()))
    form = TaskForm(
        request.POST or None,
        agencies=agencies.order_by("code"),
        targets=plan.targets.all(),
        initial={"start_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run(
            request,
            lambda: services.add_task(
                actor=request.user,
                plan=plan,
                content=data["content"],
                lead_agency=data["lead_agency"],
                supporting_agencies=list(data["supporting_agencies"]),
                start_on=data["start_on"],
                due_on=data["due_on"],
                recurrence=data["recurrence"],
                due_day=data["due_day"],
                end_on=data["end_on"],
                expected_output=data["expected_output"],
                targets=list(data["targets"]),
            ),
            success=_("Đã thêm nhiệm vụ."),
            form=form,
        ):
            return redirect("control:plan", pk=plan.pk)
    return render(request, "control/form.html", {"form": form, "title": _("Thêm nhiệm vụ"), "back": plan})


@staff_only
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_for(request.user, pk)
    book = DeadlineBook()
    acting = selectors.acting_agencies(request.user, task)
    reporting = Agency.objects.filter(pk__in=[a.pk for a in acting])
    can_report = bool(acting) and task.plan.status == PlanStatus.ISSUED
    accepted = set(task.acceptances.values_list("agency_id", flat=True))
    occurrences = [
        {
            "occurrence": o,
            "state": book.state(o),
            "reports": selectors.reports_of(request.user, o),
            "reminders": o.reminders.select_related("rule", "sent_by", "agency")[:10],
            # One form per occurrence, with its own element ids, so labels stay tied to their inputs.
            "form": ProgressForm(agencies=reporting, auto_id=f"o{o.pk}_%s")
            if can_report and o.status not in ("done", "submitted")
            else None,
        }
        for o in task.occurrences.all()
    ]
    return render(
        request,
        "control/task_detail.html",
        {
            "task": task,
            "occurrences": occurrences,
            "can_manage": selectors.manages(request.user, task.plan),
            "to_accept": [a for a in acting if a.pk not in accepted]
            if task.plan.status == PlanStatus.ISSUED
            else [],
            "acceptances": task.acceptances.select_related("agency", "accepted_by"),
            "activities": _activities(task),
        },
    )


def _activities(task):
    """Communication activities recorded against the task (the outreach app adds the relation)."""
    related = getattr(task, "activities", None)
    return related.select_related("agency").order_by("-held_on") if related is not None else []


@staff_only
@require_POST
def task_accept(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_for(request.user, pk)
    agency = get_object_or_404(Agency, pk=request.POST.get("agency"))
    run(
        request,
        lambda: services.accept_task(actor=request.user, task=task, agency=agency),
        success=_("Đã tiếp nhận nhiệm vụ."),
    )
    return redirect("control:task", pk=pk)


@staff_only
@require_POST
def occurrence_report(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = selectors.occurrence_for(request.user, pk)
    acting = selectors.acting_agencies(request.user, occurrence.task)
    form = ProgressForm(
        request.POST, request.FILES, agencies=Agency.objects.filter(pk__in=[a.pk for a in acting])
    )
    if not form.is_valid():
        messages.error(request, _("Báo cáo tiến độ chưa hợp lệ: %(e)s") % {"e": _form_errors(form)})
        return redirect("control:task", pk=occurrence.task_id)
    run(
        request,
        lambda: services.report_progress(actor=request.user, occurrence=occurrence, **form.cleaned_data),
        success=_("Đã gửi báo cáo tiến độ."),
    )
    return redirect("control:task", pk=occurrence.task_id)


def _form_errors(form) -> str:
    return "; ".join(
        f"{form.fields[f].label if f in form.fields else ''} {' '.join(e)}".strip()
        for f, e in form.errors.items()
    )


@staff_only
@require_POST
def progress_review(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(ProgressReport.objects.select_related("occurrence__task__plan"), pk=pk)
    selectors.occurrence_for(request.user, report.occurrence_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Chọn chấp nhận hoặc trả lại. / Choose accept or send back."))
    else:
        accept = form.cleaned_data["decision"] == "accept"
        run(
            request,
            lambda: services.review_progress(
                actor=request.user, report=report, accept=accept, comment=form.cleaned_data["comment"]
            ),
            success=_("Đã chấp nhận kết quả.") if accept else _("Đã trả lại báo cáo."),
        )
    return redirect("control:task", pk=report.occurrence.task_id)


@staff_only
@require_POST
def occurrence_urge(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = selectors.occurrence_for(request.user, pk)
    form = UrgeForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    run(
        request,
        lambda: reminders.urge_task(actor=request.user, occurrence=occurrence, message=message),
        success=_("Đã gửi đôn đốc."),
    )
    return redirect("control:task", pk=occurrence.task_id)


@staff_only
def my_tasks(request: HttpRequest) -> HttpResponse:
    book = DeadlineBook()
    return render(
        request,
        "control/my_tasks.html",
        {
            "rows": selectors.my_occurrences(request.user, book),
            "reviews": selectors.pending_reviews(request.user),
            "reports": _my_reports(request.user),
        },
    )


def _my_reports(user):
    mine = selectors.member_agencies(user)
    requests = (
        selectors.visible_requests(user).filter(agencies__in=mine, plan__status=PlanStatus.ISSUED).distinct()
    )
    rows = []
    for request in requests:
        for agency in mine.filter(pk__in=request.agencies.all()):
            report = request.reports.filter(agency=agency).first()
            if report is None or report.status != ReportStatus.SUBMITTED:
                rows.append((request, agency, report))
    return rows


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
            )
        except (ValidationError, PermissionDenied) as exc:
            error = message_of(exc)
            stored = {f.pk: ReportValue(field=f, **_raw(f, values[f.code])) for f in fields}
        else:
            messages.success(request, _("Đã gửi báo cáo.") if submit else _("Đã lưu báo cáo."))
            return redirect("control:request", pk=pk)
    sections: list = []
    for f in fields:
        if not sections or sections[-1][0] != f.section:
            sections.append((f.section, []))
        value = stored.get(f.pk)
        shown = "" if value is None else (value.text if f.kind == FieldKind.TEXT else _number(value.number))
        sections[-1][1].append((f, shown))
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


# -------------------------------------------------------------------------------- dashboard, scorecard


def _year(request) -> int:
    raw = request.GET.get("nam", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2099 else timezone.localdate().year


@staff_only
def dashboard(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    data = dashboards.dashboard(request.user, year=year, book=DeadlineBook())
    chart = {
        "labels": [s.agency.short_name or s.agency.name for s in data.by_agency],
        "on_time": [s.on_time for s in data.by_agency],
        "late": [s.late for s in data.by_agency],
        "overdue": [s.overdue for s in data.by_agency],
        "open": [s.open for s in data.by_agency],
        "targets": [f"{t.target.plan.number} {t.target.code}" for t in data.targets],
        "target_percent": [float(t.percent or 0) for t in data.targets],
        "series": {
            "on_time": _("Đúng hạn"),
            "late": _("Trễ hạn"),
            "overdue": _("Quá hạn, chưa xong"),
            "open": _("Đang thực hiện"),
            "progress": _("Tiến độ chỉ tiêu (%)"),
        },
    }
    return render(
        request,
        "control/dashboard.html",
        {"data": data, "year": year, "chart": chart},
    )


@staff_only
def dashboard_agency(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(visible_agencies(request.user), pk=pk)
    year = _year(request)
    rows = dashboards.agency_occurrences(request.user, agency, year=year, book=DeadlineBook())
    return render(request, "control/dashboard_agency.html", {"agency": agency, "year": year, "rows": rows})


@staff_only
def scorecard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = ScorecardForm(request.GET or None, initial={"start": date(today.year, 1, 1), "end": today})
    start, end = date(today.year, 1, 1), today
    if request.GET and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    rows = dashboards.scorecard(request.user, start=start, end=end)
    if request.GET.get("xuat") == "xlsx" and (not request.GET or form.is_valid()):
        agencies = _managed_agencies(request.user) or selectors.member_agencies(request.user)
        issuer = agencies.first() or Agency.objects.order_by("code").first()
        heading = exports.heading_for(
            issuer,
            number="",
            day=today,
            title=_("Bảng theo dõi kết quả thực hiện nhiệm vụ kiểm soát TTHC"),
            subtitle=_("Từ ngày %(start)s đến ngày %(end)s")
            % {"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"},
        )
        response = HttpResponse(exports.scorecard_workbook(rows, heading=heading), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="thi-dua-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"'
        return response
    query = f"start={start:%Y-%m-%d}&end={end:%Y-%m-%d}"
    return render(request, "control/scorecard.html", {"form": form, "rows": rows, "query": query})


@staff_only
def reminder_log(request: HttpRequest) -> HttpResponse:
    return render(
        request, "control/reminder_log.html", {"reminders": selectors.reminders_for(request.user)[:200]}
    )
