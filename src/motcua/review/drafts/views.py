"""Pages of the control of draft regulations: the register with the queue of opinions due, a draft with
its procedures, opinion, explanation, issue and publication; the impact assessment of one procedure, its
PDF; the register as Excel. They call the same selectors and services as the API."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from motcua.control.models import Plan
from motcua.core import params
from motcua.core.access import staff_required
from motcua.core.errors import run
from motcua.org.selectors import visible_agencies

from .. import costs, filters, papers
from .. import selectors as review_selectors
from ..forms import ActionFormSet
from ..models import Phase
from . import exports, selectors, services
from .forms import (
    AddProcedureForm,
    AnswerForm,
    AssessmentForm,
    ExplainForm,
    IssueForm,
    PublicationForm,
    RegisterForm,
)
from .models import DraftProcedure
from .workflows import DraftStatus


@staff_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    plans = selectors.registering_plans(request.user)
    form = None
    if plans:
        form = RegisterForm(
            request.POST or None,
            plans=Plan.objects.filter(pk__in=[p.pk for p in plans]),
            agencies=visible_agencies(request.user).order_by("name"),
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            draft = run(
                request,
                lambda: services.register_draft(
                    actor=request.user,
                    plan=data["plan"],
                    kind=data["kind"],
                    title=data["title"],
                    issuing_body=data["issuing_body"],
                    drafting_agency=data["drafting_agency"],
                    sent_on=data["sent_on"],
                    received_on=data["received_on"],
                    procedures=form.procedures(),
                ),
                form=form,
                success=_("Đã vào sổ dự thảo và giao nhiệm vụ góp ý."),
            )
            if draft is not None:
                return redirect("review:draft", pk=draft.pk)
    elif request.method == "POST":
        raise PermissionDenied
    year = filters.year(request.GET, "nam")
    drafts = selectors.drafts_for(request.user).select_related("drafting_agency", "publication_decision")
    if year is not None:
        drafts = drafts.filter(received_on__year=year)
    return render(
        request,
        "review/drafts/list.html",
        {
            "form": form,
            "queue": selectors.opinion_queue(request.user),
            "drafts": drafts.order_by("-received_on", "-pk"),
            "counts": selectors.counts(request.user, year=year),
            "year": year,
            "query": request.GET.urlencode(),
        },
    )


def _forms(request: HttpRequest, draft, rows: list[DraftProcedure], section: str) -> dict[str, Any]:
    posted = request.POST if request.method == "POST" else None
    today = timezone.localdate()
    return {
        "add": AddProcedureForm(posted if section == "add" else None),
        "answer": AnswerForm(
            posted if section == "answer" else None,
            rows=rows,
            initial={"answered_on": today, **{f"opinion-{r.pk}": r.opinion for r in rows}},
        ),
        "explain": ExplainForm(
            posted if section == "explain" else None,
            rows=rows,
            initial={"received_on": today}
            | {f"acceptance-{r.pk}": r.acceptance for r in rows}
            | {f"explanation-{r.pk}": r.explanation for r in rows},
        ),
        "issue": IssueForm(posted if section == "issue" else None, initial={"issued_on": today}),
        "publication": PublicationForm(posted if section == "publication" else None),
    }


@staff_required
@require_http_methods(["GET", "POST"])
def draft(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.draft_for(request.user, pk)
    rows = list(selectors.rows_of(found))
    section = params.choice(request.POST, "section", ["add", "answer", "explain", "issue", "publication"])
    forms = _forms(request, found, rows, section)
    if request.method == "POST" and _handle(request, found, section, forms):
        return redirect("review:draft", pk=found.pk)
    controls = request.user.has_perm("review.control_draft", found)
    party = request.user.has_perm("review.draft_party", found)
    status = found.status
    return render(
        request,
        "review/drafts/draft.html",
        {
            "draft": found,
            "rows": rows,
            "forms": forms,
            "can_add": party and status == DraftStatus.REGISTERED,
            "can_answer": controls and status == DraftStatus.REGISTERED,
            "can_explain": party and status == DraftStatus.ANSWERED,
            "can_issue": party and status == DraftStatus.EXPLAINED,
            "can_link": controls and status == DraftStatus.ISSUED,
            "left": _left(found),
            "opens_task": found.task_id is not None
            and review_selectors.opens_control_plan(request.user, found.task.plan_id),
        },
    )


def _left(found) -> int | None:
    if found.status != DraftStatus.REGISTERED:
        return None
    rows = list(selectors.opinion_queue_of([found]))
    return rows[0].working_days_left if rows else None


def _handle(request: HttpRequest, found, section: str, forms: dict[str, Any]) -> bool:
    actor = request.user
    form = forms.get(section)
    if form is None:
        messages.error(request, _("Không rõ thao tác. / Unknown action."))
        return False
    if not form.is_valid():
        return False
    data = form.cleaned_data
    saved = _("Đã lưu.")
    calls = {
        "add": lambda: services.add_procedure(
            actor=actor, draft=found, change=data["change"], name=data["name"], procedure=data["procedure"]
        ),
        "answer": lambda: services.answer(
            actor=actor,
            draft=found,
            number=data["number"],
            answered_on=data["answered_on"],
            text=data["text"],
            opinions=form.opinions(),
        ),
        "explain": lambda: services.explain(
            actor=actor,
            draft=found,
            received_on=data["received_on"],
            text=data["text"],
            answers=form.answers(),
        ),
        "issue": lambda: services.record_issue(
            actor=actor, draft=found, number=data["number"], issued_on=data["issued_on"]
        ),
        "publication": lambda: services.link_publication(actor=actor, draft=found, decision=data["number"]),
    }
    return run(request, calls[section], form=form, success=saved) is not None


def _assessment_initial(row: DraftProcedure) -> dict[str, Any]:
    return {
        "necessity": row.necessity,
        "reasonableness": row.reasonableness,
        "legality": row.legality,
        "times_before": row.times_before.normalize(),
        "times_after": row.times_after.normalize(),
        "subjects": row.subjects,
    }


def _actions_initial(row: DraftProcedure, phase: str) -> list[dict[str, Any]]:
    return [
        {"kind": a.kind, "description": a.description, "hours": a.hours.normalize(), "money": a.money}
        for a in row.actions.filter(phase=phase).order_by("pk")
    ]


@staff_required
@require_http_methods(["GET", "POST"])
def assessment(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.row_for(request.user, pk)
    can_fill = (
        request.user.has_perm("review.draft_party", row.draft) and row.draft.status == DraftStatus.REGISTERED
    )
    section = params.choice(request.POST, "section", ["assessment", *Phase.values])
    posted = request.POST if request.method == "POST" else None
    form = AssessmentForm(posted if section == "assessment" else None, initial=_assessment_initial(row))
    before = ActionFormSet(
        posted if section == Phase.BEFORE else None,
        initial=_actions_initial(row, Phase.BEFORE),
        prefix="before",
    )
    after = ActionFormSet(
        posted if section == Phase.AFTER else None, initial=_actions_initial(row, Phase.AFTER), prefix="after"
    )
    if request.method == "POST":
        if not can_fill:
            raise PermissionDenied
        done = None
        if section == "assessment" and form.is_valid():
            data = form.cleaned_data
            done = run(
                request,
                lambda: services.save_assessment(actor=request.user, row=row, data=data),
                form=form,
                success=_("Đã lưu."),
            )
        elif section in Phase.values:
            formset = before if section == Phase.BEFORE else after
            if formset.is_valid():
                entries = [f.cleaned_data for f in formset.forms if f.cleaned_data]
                done = run(
                    request,
                    lambda: services.save_assessment_actions(
                        actor=request.user, row=row, phase=section, actions=entries
                    ),
                    success=_("Đã lưu."),
                )
        if done is not None:
            return redirect("review:draft_assessment", pk=row.pk)
    return render(
        request,
        "review/drafts/assessment.html",
        {
            "row": row,
            "draft": row.draft,
            "can_fill": can_fill,
            "form": form,
            "before": before,
            "after": after,
            "actions_before": row.actions.filter(phase=Phase.BEFORE).order_by("pk"),
            "actions_after": row.actions.filter(phase=Phase.AFTER).order_by("pk"),
            "percent": costs.saving_percent(row.annual_before, row.annual_after),
        },
    )


@staff_required
def assessment_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.row_for(request.user, pk)
    return papers.pdf_response(exports.assessment_pdf(row), f"danh-gia-tac-dong-{row.pk}.pdf")


@staff_required
def register_xlsx(request: HttpRequest) -> HttpResponse:
    year = filters.year(request.GET, "nam")
    drafts = selectors.drafts_for(request.user).select_related("drafting_agency", "publication_decision")
    if year is not None:
        drafts = drafts.filter(received_on__year=year)
    book = exports.register_xlsx(
        drafts.prefetch_related("procedures").order_by("received_on", "pk"), year=year
    )
    return papers.xlsx_response(book, "so-theo-doi-du-thao-tthc.xlsx")
