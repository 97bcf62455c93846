"""Pages of the review: the review plans, a plan with its items, the approval of options and the summary;
an item with its forms; the review form itself (parts, costs, option), its PDF, and the Excel summary.
They call the same selectors and services as the API."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from motcua.control.models import PlanKind, PlanStatus
from motcua.core import params
from motcua.core.access import staff_required
from motcua.core.errors import run
from motcua.org.selectors import visible_agencies

from . import costs, exports, filters, papers, selectors, services
from .forms import ActionFormSet, ApproveForm, ItemForm, OptionForm, PartFormSet, ReturnForm
from .models import PART_CHOICES, Phase, ProcedureReview
from .rules import reviewing_agency_ids
from .workflows import REVIEW, ReviewStatus


def _manages(request: HttpRequest, plan) -> bool:
    return request.user.has_perm("control.manage_plan", plan)


@staff_required
def plans(request: HttpRequest) -> HttpResponse:
    rows = selectors.review_plans(request.user).order_by("-year_from", "number")
    own = reviewing_agency_ids(request.user)
    mine = (
        selectors.reviews_for(request.user)
        .filter(item__reviewing_agency__in=own, status=ReviewStatus.DRAFT)
        .select_related("procedure", "item")
    )
    items = (
        selectors.items_for(request.user)
        .filter(reviewing_agency__in=own)
        .exclude(plan__status=PlanStatus.DRAFT)
        .select_related("plan", "reviewing_agency")
        .prefetch_related("procedures")
        .order_by("due_on")
    )
    return render(
        request,
        "review/plans.html",
        {"plans": rows, "mine": mine, "items": items, "review_kind": PlanKind.REVIEW},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.plan_for(request.user, pk)
    can_manage = _manages(request, found)
    form = None
    if can_manage and found.status != PlanStatus.CLOSED:
        form = ItemForm(request.POST or None, agencies=visible_agencies(request.user).order_by("name"))
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            item = run(
                request,
                lambda: services.add_item(
                    actor=request.user,
                    plan=found,
                    procedures=data["codes"],
                    reviewing_agency=data["reviewing_agency"],
                    due_on=data["due_on"],
                    group_name=data["group_name"],
                ),
                form=form,
                success=_("Đã thêm nội dung rà soát và giao nhiệm vụ cho cơ quan rà soát."),
            )
            if item is not None:
                return redirect("review:plan", pk=found.pk)
    elif request.method == "POST":
        raise PermissionDenied
    submitted = selectors.reviews_for(request.user).filter(item__plan=found, status=ReviewStatus.SUBMITTED)
    return render(
        request,
        "review/plan.html",
        {
            "plan": found,
            "items": selectors.plan_items(request.user, found),
            "form": form,
            "can_manage": can_manage,
            "summary": selectors.summary(request.user, plan=found),
            "submitted": submitted.exists(),
            "decisions": found.review_decisions.all(),
            "opens_control_plan": selectors.opens_control_plan(request.user, found.pk),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.plan_for(request.user, pk)
    if not _manages(request, found):
        raise PermissionDenied
    waiting = (
        selectors.reviews_for(request.user)
        .filter(item__plan=found, status=ReviewStatus.SUBMITTED)
        .select_related("procedure", "item__reviewing_agency")
    )
    form = ApproveForm(request.POST or None, request.FILES or None, reviews=waiting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        decision = run(
            request,
            lambda: services.approve(
                actor=request.user,
                plan=found,
                number=data["number"],
                signed_on=data["signed_on"],
                signer=data["signer"],
                reviews=list(data["reviews"]),
                file=data["file"],
            ),
            form=form,
            success=_("Đã ghi nhận quyết định phê duyệt phương án."),
        )
        if decision is not None:
            return redirect("review:plan", pk=found.pk)
    return render(request, "review/approve.html", {"plan": found, "form": form})


@staff_required
def item(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.item_for(request.user, pk)
    reviews = {r.procedure_id: r for r in found.reviews.all()}
    rows = [(p, reviews.get(p.pk)) for p in found.procedures.all()]
    return render(
        request,
        "review/item.html",
        {
            "item": found,
            "rows": rows,
            "can_start": request.user.has_perm("review.start_review", found)
            and found.plan.status != PlanStatus.CLOSED,
            "opens_task": found.task_id is not None
            and selectors.opens_control_plan(request.user, found.task.plan_id),
        },
    )


@staff_required
@require_POST
def start(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.item_for(request.user, pk)
    procedure_id = params.integer(request.POST, "procedure")
    procedure = found.procedures.filter(pk=procedure_id).first() if procedure_id else None
    if procedure is None:
        messages.error(request, _("Chọn thủ tục của nội dung rà soát. / Choose a procedure of this item."))
        return redirect("review:item", pk=found.pk)
    review = run(request, lambda: services.start_review(actor=request.user, item=found, procedure=procedure))
    if review is None:
        return redirect("review:item", pk=found.pk)
    return redirect("review:review", pk=review.pk)


def _parts_initial(review: ProcedureReview) -> list[dict[str, Any]]:
    saved = {p.part: p for p in review.parts.all()}
    rows = []
    for code, _label in PART_CHOICES:
        part = saved.get(code)
        rows.append(
            {
                "part": code,
                "necessary": part.necessary if part else "",
                "reasonable": part.reasonable if part else "",
                "lawful": part.lawful if part else "",
                "finding": part.finding if part else "",
                "proposal": part.proposal if part else "keep",
                "reason": part.reason if part else "",
            }
        )
    return rows


def _actions_initial(review: ProcedureReview, phase: str) -> list[dict[str, Any]]:
    return [
        {"kind": a.kind, "description": a.description, "hours": a.hours.normalize(), "money": a.money}
        for a in selectors.actions_of(review, phase)
    ]


def _option_initial(review: ProcedureReview) -> dict[str, Any]:
    return {
        "proposal": review.proposal,
        "option_text": review.option_text,
        "reason": review.reason,
        "implementation": review.implementation,
        "times_before": review.times_before.normalize(),
        "times_after": review.times_after.normalize(),
        "subjects": review.subjects,
    }


@staff_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.review_for(request.user, pk)
    can_fill = request.user.has_perm("review.fill_review", found.item) and found.status == ReviewStatus.DRAFT
    section = params.choice(request.POST, "section", ["option", "parts", *Phase.values, "submit", "return"])
    posted = request.POST if request.method == "POST" else None
    option_form = OptionForm(posted if section == "option" else None, initial=_option_initial(found))
    parts = PartFormSet(posted if section == "parts" else None, initial=_parts_initial(found), prefix="parts")
    before = ActionFormSet(
        posted if section == Phase.BEFORE else None,
        initial=_actions_initial(found, Phase.BEFORE),
        prefix="before",
    )
    after = ActionFormSet(
        posted if section == Phase.AFTER else None,
        initial=_actions_initial(found, Phase.AFTER),
        prefix="after",
    )
    return_form = ReturnForm(posted if section == "return" else None)
    if request.method == "POST":
        done = _handle(request, found, section, option_form, parts, before, after, return_form)
        if done:
            return redirect("review:review", pk=found.pk)
    roles = services.held_roles(request.user, found.item)
    return render(
        request,
        "review/review.html",
        {
            "review": found,
            "can_fill": can_fill,
            "can_return": REVIEW.allowed_actions(found.status, roles).count("return") > 0,
            "option_form": option_form,
            "parts": parts,
            "part_labels": dict(PART_CHOICES),
            "before": before,
            "after": after,
            "return_form": return_form,
            "problems": services.submission_problems(found) if can_fill else [],
            "percent": costs.saving_percent(found.annual_before, found.annual_after),
            "saved_parts": found.parts.all(),
            "actions_before": selectors.actions_of(found, Phase.BEFORE),
            "actions_after": selectors.actions_of(found, Phase.AFTER),
        },
    )


def _handle(request, found, section, option_form, parts, before, after, return_form) -> bool:
    """Run the posted section's service; True when it succeeded (the page reloads)."""
    actor = request.user
    saved = _("Đã lưu.")
    if section == "option" and option_form.is_valid():
        return (
            run(
                request,
                lambda: services.save_form(actor=actor, review=found, data=option_form.cleaned_data),
                form=option_form,
                success=saved,
            )
            is not None
        )
    if section == "parts" and parts.is_valid():
        rows = [f.cleaned_data for f in parts.forms if f.cleaned_data and f.assessed]
        return (
            run(request, lambda: services.save_parts(actor=actor, review=found, parts=rows), success=saved)
            is not None
        )
    if section in Phase.values:
        formset = before if section == Phase.BEFORE else after
        if formset.is_valid():
            rows = [f.cleaned_data for f in formset.forms if f.cleaned_data]
            return (
                run(
                    request,
                    lambda: services.save_actions(actor=actor, review=found, phase=section, actions=rows),
                    success=saved,
                )
                is not None
            )
    if section == "submit":
        return (
            run(
                request,
                lambda: services.submit(actor=actor, review=found),
                success=_("Đã gửi kết quả rà soát."),
            )
            is not None
        )
    if section == "return" and return_form.is_valid():
        comment = return_form.cleaned_data["comment"]
        return (
            run(
                request,
                lambda: services.send_back(actor=actor, review=found, comment=comment),
                form=return_form,
                success=_("Đã trả lại phiếu."),
            )
            is not None
        )
    if not section:
        messages.error(request, _("Không rõ thao tác. / Unknown action."))
    return False


@staff_required
def review_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.review_for(request.user, pk)
    return papers.pdf_response(
        exports.review_pdf(found), f"phieu-ra-soat-{found.procedure.national_code}.pdf"
    )


def _summary_scope(request: HttpRequest):
    plan_id = params.integer(request.GET, "ke-hoach")
    year = filters.year(request.GET, "nam")
    found = selectors.plan_for(request.user, plan_id) if plan_id else None
    return found, year


@staff_required
def summary(request: HttpRequest) -> HttpResponse:
    found, year = _summary_scope(request)
    return render(
        request,
        "review/summary.html",
        {
            "summary": selectors.summary(request.user, plan=found, year=year),
            "plan": found,
            "year": year,
            "plans": selectors.review_plans(request.user).order_by("-year_from"),
            "query": request.GET.urlencode(),
        },
    )


@staff_required
def summary_xlsx(request: HttpRequest) -> HttpResponse:
    found, year = _summary_scope(request)
    book = exports.summary_xlsx(
        selectors.summary(request.user, plan=found, year=year),
        plan=found,
        year=year,
        details=selectors.summary_reviews(request.user, plan=found, year=year),
    )
    return papers.xlsx_response(book, "tong-hop-ra-soat-tthc.xlsx")
