"""Pages of inspections and of the misconduct register; same selectors and services as the API."""

from collections.abc import Callable
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from motcua.control.models import Plan, PlanStatus
from motcua.control.selectors import visible_plans
from motcua.core import params
from motcua.core.access import staff_required
from motcua.core.actions import action_forms, post_action
from motcua.core.errors import run
from motcua.core.forms import BootstrapForm
from motcua.feedback.models import Feedback
from motcua.org.models import Agency
from motcua.org.selectors import visible_agencies

from .. import filters, papers
from . import access, exports, selectors, services
from .forms import (
    AcceptForm,
    CaseForm,
    DoneForm,
    InspectionForm,
    MeasuresForm,
    MinutesForm,
    RecommendationForm,
    SendBackForm,
)
from .models import Inspection, Recommendation, Source
from .workflows import FOLLOW_UP, FollowUpAction


@staff_required
@require_http_methods(["GET", "POST"])
def inspections(request: HttpRequest) -> HttpResponse:
    plans = [
        p
        for p in visible_plans(request.user).exclude(status=PlanStatus.CLOSED).order_by("-year_from")
        if request.user.has_perm("control.manage_plan", p)
    ]
    form = None
    if plans:
        form = InspectionForm(
            request.POST or None,
            plans=Plan.objects.filter(pk__in=[p.pk for p in plans]),
            agencies=visible_agencies(request.user).order_by("name"),
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            done = run(
                request,
                lambda: services.plan_inspection(
                    actor=request.user,
                    plan=data["plan"],
                    agencies=list(data["agencies"]),
                    subject=data["subject"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                ),
                form=form,
                success=_("Đã lập kế hoạch kiểm tra."),
            )
            if done is not None:
                return redirect("review:inspection", pk=done.pk)
    elif request.method == "POST":
        raise PermissionDenied
    year = filters.year(request.GET, "nam")
    return render(
        request,
        "review/inspections/list.html",
        {
            "form": form,
            "inspections": selectors.inspections_for(request.user)
            .select_related("plan", "inspecting_agency")
            .prefetch_related("agencies"),
            "counts": selectors.counts(request.user, year=year),
            "year": year,
            "keeps_register": bool(access.register_agency_ids(request.user)),
        },
    )


# follow-up action → (form, the service call given the request, the recommendation and the form's data)
Call = Callable[[HttpRequest, Recommendation, dict[str, Any]], Recommendation]
FOLLOW_UP_ACTIONS: dict[str, tuple[type[BootstrapForm], Call]] = {
    FollowUpAction.REPORT: (
        DoneForm,
        lambda r, rec, d: services.report_done(
            actor=r.user, recommendation=rec, done_on=d["done_on"], evidence=d["evidence"], files=d["files"]
        ),
    ),
    FollowUpAction.ACCEPT: (
        AcceptForm,
        lambda r, rec, d: services.accept_report(actor=r.user, recommendation=rec),
    ),
    FollowUpAction.SEND_BACK: (
        SendBackForm,
        lambda r, rec, d: services.send_back(actor=r.user, recommendation=rec, reason=d["reason"]),
    ),
}


def _follow_up_form(action: str, row: Recommendation, data: Any = None, files: Any = None) -> BootstrapForm:
    initial = {"done_on": timezone.localdate()} if action == FollowUpAction.REPORT else {}
    return FOLLOW_UP_ACTIONS[action][0](data, files, initial=initial, prefix=f"{action}-{row.pk}")


@staff_required
@require_http_methods(["GET", "POST"])
def inspection(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.inspection_for(request.user, pk)
    section = params.choice(request.POST, "section", ["minutes", "recommendation"])
    posted = request.POST if request.method == "POST" else None
    today = {"minutes_on": timezone.localdate()}
    minutes = MinutesForm(posted if section == "minutes" else None, initial=today)
    recommendation = RecommendationForm(
        posted if section == "recommendation" else None, agencies=found.agencies.order_by("name")
    )
    if request.method == "POST" and _record(request, found, section, minutes, recommendation) is not None:
        return redirect("review:inspection", pk=found.pk)
    return _inspection_page(request, found, minutes=minutes, recommendation=recommendation)


def _inspection_page(
    request: HttpRequest,
    found: Inspection,
    *,
    minutes: MinutesForm | None = None,
    recommendation: RecommendationForm | None = None,
    failed: tuple[int, str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The inspection with its minutes, and each recommendation with the follow-up actions the actor may
    take on it (core.actions); a follow-up form that failed comes back with its data and errors."""
    manages = request.user.has_perm("control.manage_plan", found.plan)
    rows = []
    for row in found.recommendations.select_related("agency", "inspection__plan").prefetch_related("files"):
        allowed = FOLLOW_UP.allowed_actions(row.status, services.follow_up_roles(request.user, row))
        mine = (failed[1], failed[2]) if failed and failed[0] == row.pk else None
        make = partial(_follow_up_form, row=row)
        rows.append((row, action_forms(FOLLOW_UP, allowed, FOLLOW_UP_ACTIONS, make, mine)))
    return render(
        request,
        "review/inspections/inspection.html",
        {
            "inspection": found,
            "manages": manages,
            "minutes": (minutes or MinutesForm()) if manages and found.minutes_on is None else None,
            "recommendation": (recommendation or RecommendationForm(agencies=found.agencies.order_by("name")))
            if manages and found.minutes_on is not None
            else None,
            "rows": rows,
            "today": timezone.localdate(),
        },
        status=status,
    )


def _record(request, found, section, minutes, recommendation):
    actor = request.user
    saved = _("Đã lưu.")
    if section == "minutes" and minutes.is_valid():
        data = minutes.cleaned_data
        return run(
            request,
            lambda: services.record_minutes(
                actor=actor,
                inspection=found,
                number=data["number"],
                minutes_on=data["minutes_on"],
                findings=data["findings"],
                recommendations=[],
            ),
            form=minutes,
            success=saved,
        )
    if section == "recommendation" and recommendation.is_valid():
        data = recommendation.cleaned_data
        return run(
            request,
            lambda: services.add_recommendation(
                actor=actor, inspection=found, agency=data["agency"], text=data["text"], due_on=data["due_on"]
            ),
            form=recommendation,
            success=saved,
        )
    return None


@staff_required
@require_POST
def follow_up(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """POST /ra-soat/kiem-tra/kien-nghi/<pk>/<action>/: report done (with files), accept, send back."""
    row = selectors.recommendation_for(request.user, pk)
    return post_action(
        request,
        row,
        action,
        FOLLOW_UP,
        FOLLOW_UP_ACTIONS,
        form=lambda: _follow_up_form(action, row, request.POST, request.FILES),
        done=lambda: redirect("review:inspection", pk=row.inspection_id),
        again=lambda request, item, failed, status: _inspection_page(
            request,
            selectors.inspection_for(request.user, item.inspection_id),
            failed=(item.pk, *failed),
            status=status,
        ),
    )


@staff_required
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    found = _with_minutes(request, pk)
    return papers.pdf_response(exports.minutes_pdf(found), f"bien-ban-kiem-tra-{found.pk}.pdf")


@staff_required
def minutes_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    found = _with_minutes(request, pk)
    return papers.xlsx_response(exports.minutes_xlsx(found), f"bien-ban-kiem-tra-{found.pk}.xlsx")


def _with_minutes(request: HttpRequest, pk: int) -> Inspection:
    found = selectors.inspection_for(request.user, pk)
    if found.minutes_on is None:
        raise Http404(_("Cuộc kiểm tra chưa có biên bản. / The inspection has no minutes yet."))
    return found


@staff_required
@require_http_methods(["GET", "POST"])
def misconduct(request: HttpRequest) -> HttpResponse:
    ids = access.register_agency_ids(request.user)
    if not ids:
        raise PermissionDenied(
            _(
                "Sổ vi phạm chỉ dành cho lãnh đạo cơ quan và công chức kiểm soát TTHC. / The register is for "
                "agency leaders and TTHC control officers only."
            )
        )
    section = params.choice(request.POST, "section", ["case", "measures"])
    posted = request.POST if request.method == "POST" else None
    case_form = CaseForm(
        posted if section == "case" else None, agencies=Agency.objects.filter(pk__in=ids).order_by("name")
    )
    measures = MeasuresForm(
        posted if section == "measures" else None, initial={"measures_on": timezone.localdate()}
    )
    if request.method == "POST":
        result = None
        if section == "case" and case_form.is_valid():
            data = case_form.cleaned_data
            feedback = None
            if data["source"] == Source.FEEDBACK and data["feedback_code"]:
                feedback = Feedback.objects.filter(code=data["feedback_code"], agency__in=ids).first()
            result = run(
                request,
                lambda: services.record_case(
                    actor=request.user,
                    agency=data["agency"],
                    official=data["official"],
                    source=data["source"],
                    occurred_on=data["occurred_on"],
                    description=data["description"],
                    feedback=feedback,
                ),
                form=case_form,
                success=_("Đã ghi sổ."),
            )
        elif section == "measures" and measures.is_valid():
            data = measures.cleaned_data
            case = selectors.case_for(request.user, data["case"])
            result = run(
                request,
                lambda: services.record_measures(
                    actor=request.user, case=case, measures=data["measures"], measures_on=data["measures_on"]
                ),
                form=measures,
                success=_("Đã lưu."),
            )
        if result is not None:
            return redirect("review:misconduct")
    return render(
        request,
        "review/inspections/misconduct.html",
        {
            "cases": access.misconduct_for(request.user).select_related("agency", "feedback", "inspection"),
            "case_form": case_form,
            "measures": measures,
        },
    )
