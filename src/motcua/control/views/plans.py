"""Plan and target pages."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.core.errors import run
from motcua.org.selectors import visible_agencies

from .. import selectors, services
from ..deadlines import DeadlineBook
from ..forms import (
    DeriveForm,
    PlanEditForm,
    PlanForm,
    TargetForm,
    TargetValueForm,
)
from ..models import PlanStatus, Target, TargetSource
from .common import _managed_agencies, staff_only

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
