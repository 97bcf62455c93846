"""Pages of inspections and of the misconduct register; same selectors and services as the API."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from motcua.control.models import Plan, PlanStatus
from motcua.control.selectors import visible_plans
from motcua.core import params
from motcua.core.access import staff_required
from motcua.core.errors import run
from motcua.feedback.models import Feedback
from motcua.org.models import Agency
from motcua.org.selectors import visible_agencies

from ..rules import reviewing_agency_ids
from . import access, selectors, services
from .forms import CaseForm, DoneForm, InspectionForm, MeasuresForm, MinutesForm, RecommendationForm
from .models import Source

staff_only = staff_required()


@staff_only
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
    year = params.integer(request.GET, "nam")
    if year is not None and not 2000 <= year <= 2100:
        raise params.InvalidParameter("nam")
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


@staff_only
@require_http_methods(["GET", "POST"])
def inspection(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.inspection_for(request.user, pk)
    manages = request.user.has_perm("control.manage_plan", found.plan)
    section = params.choice(request.POST, "section", ["minutes", "recommendation", "done"])
    posted = request.POST if request.method == "POST" else None
    today = timezone.localdate()
    minutes = MinutesForm(posted if section == "minutes" else None, initial={"minutes_on": today})
    recommendation = RecommendationForm(
        posted if section == "recommendation" else None, agencies=found.agencies.order_by("name")
    )
    done = DoneForm(posted if section == "done" else None, initial={"done_on": today})
    if request.method == "POST":
        result = _handle(request, found, section, minutes, recommendation, done)
        if result is not None:
            return redirect("review:inspection", pk=found.pk)
    own = reviewing_agency_ids(request.user)
    rows = list(found.recommendations.select_related("agency"))
    return render(
        request,
        "review/inspections/inspection.html",
        {
            "inspection": found,
            "manages": manages,
            "minutes": minutes if manages and found.minutes_on is None else None,
            "recommendation": recommendation if manages and found.minutes_on is not None else None,
            "done": done,
            "rows": [(r, r.done_on is None and (manages or r.agency_id in own)) for r in rows],
            "today": today,
        },
    )


def _handle(request, found, section, minutes, recommendation, done):
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
    if section == "done" and done.is_valid():
        data = done.cleaned_data
        row = selectors.recommendation_for(actor, data["recommendation"])
        if row.inspection_id != found.pk:
            raise PermissionDenied
        return run(
            request,
            lambda: services.report_done(
                actor=actor, recommendation=row, done_on=data["done_on"], evidence=data["evidence"]
            ),
            form=done,
            success=saved,
        )
    return None


@staff_only
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
