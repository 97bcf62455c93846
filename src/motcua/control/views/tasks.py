"""Task pages: creation, acceptance, progress reports and their review, my tasks."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.core.errors import run
from motcua.core.validity import valid_on
from motcua.org.models import Agency
from motcua.org.selectors import visible_agencies

from .. import reminders, selectors, services
from ..deadlines import DeadlineBook
from ..forms import (
    ProgressForm,
    ReviewForm,
    TaskForm,
    UrgeForm,
)
from ..models import PlanStatus, ProgressReport, ReportStatus
from .common import staff_only

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
