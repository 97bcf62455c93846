"""Pages of the Q&A on procedures: the public asks (from a procedure's page or the Q&A page), the desk
routes, the agency answers and approves, the desk publishes into the public Q&A."""

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from motcua.catalog.selectors import public_procedure
from motcua.core.access import staff_required
from motcua.core.actions import action_forms, post_action
from motcua.core.errors import run
from motcua.org.selectors import visible_agencies

from . import questions, selectors
from .models import Question
from .qa_forms import AnswerForm, ApproveForm, AskForm, PublishForm, ReasonForm, RouteForm, SendBackForm
from .qa_rules import handles, roles_on
from .workflows import OPEN_STATUSES, QUESTION, QuestionAction, QuestionStatus

ASKED = "outreach.asked_question"


def _procedure(request: HttpRequest):
    code = request.GET.get("thu-tuc", "").strip()
    if not code:
        return None
    procedure = public_procedure(code[:30])
    if procedure is None:
        raise Http404
    return procedure


def ask(request: HttpRequest) -> HttpResponse:
    """With or without an account; `?thu-tuc=` ties the question to a published procedure."""
    user = request.user
    procedure = _procedure(request)
    initial: dict[str, Any] = {}
    if user.is_authenticated and user.is_citizen:
        initial = {"name": user.get_full_name(), "email": user.email, "phone": getattr(user, "phone", "")}
    form = AskForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        asked = run(
            request,
            lambda: questions.ask(
                actor=user if user.is_authenticated else None, procedure=procedure, **form.cleaned_data
            ),
            form=form,
        )
        if asked is not None:
            request.session[ASKED] = asked.code
            return redirect("outreach:question_sent")
    return render(
        request,
        "outreach/qa/ask.html",
        {
            "form": form,
            "procedure": procedure,
            "answered": selectors.procedure_questions(procedure) if procedure else [],
        },
    )


def sent(request: HttpRequest) -> HttpResponse:
    code = request.session.get(ASKED)
    if not code:
        return redirect("outreach:ask")
    return render(request, "outreach/qa/sent.html", {"code": code})


@staff_required
def queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("trang-thai", "")
    if status not in QuestionStatus.values:
        status = ""
    overdue = request.GET.get("qua-han") == "1"
    rows = selectors.questions_for(request.user, status=status, overdue=overdue)
    if not status and not overdue:
        rows = rows.filter(status__in=OPEN_STATUSES)
    return render(
        request,
        "outreach/qa/queue.html",
        {
            "questions": rows.order_by("due_at", "id")[:300],
            "status": status,
            "overdue": overdue,
            "statuses": QuestionStatus.choices,
            "counts": selectors.question_counts(request.user),
            "now": timezone.now(),
        },
    )


Handler = Callable[[HttpRequest, Question, dict[str, Any]], Question]


def _publish_initial(item: Question) -> dict[str, Any]:
    return {
        "published_question": questions.masked(item, item.title),
        "published_answer": questions.masked(item, item.answer),
    }


ACTIONS: dict[str, tuple[type, Handler]] = {
    QuestionAction.ROUTE: (
        RouteForm,
        lambda r, q, d: questions.route(
            actor=r.user, question=q, expected_version=d["version"], agency=d["agency"]
        ),
    ),
    QuestionAction.DECLINE: (
        ReasonForm,
        lambda r, q, d: questions.decline(
            actor=r.user, question=q, expected_version=d["version"], reason=d["reason"]
        ),
    ),
    QuestionAction.RETURN_TO_DESK: (
        ReasonForm,
        lambda r, q, d: questions.return_to_desk(
            actor=r.user, question=q, expected_version=d["version"], reason=d["reason"]
        ),
    ),
    QuestionAction.DRAFT_ANSWER: (
        AnswerForm,
        lambda r, q, d: questions.draft_answer(
            actor=r.user, question=q, expected_version=d["version"], answer=d["answer"]
        ),
    ),
    QuestionAction.APPROVE: (
        ApproveForm,
        lambda r, q, d: questions.approve(actor=r.user, question=q, expected_version=d["version"]),
    ),
    QuestionAction.SEND_BACK: (
        SendBackForm,
        lambda r, q, d: questions.send_back(
            actor=r.user, question=q, expected_version=d["version"], note=d["note"]
        ),
    ),
    QuestionAction.PUBLISH: (
        PublishForm,
        lambda r, q, d: questions.publish(
            actor=r.user,
            question=q,
            expected_version=d["version"],
            **{k: d[k] for k in ("topic", "published_question", "published_answer")},
        ),
    ),
}


def _action_form(request: HttpRequest, action: str, item: Question, data: Any = None):
    form_class = ACTIONS[action][0]
    initial: dict[str, Any] = {"version": item.version}
    if action == QuestionAction.DRAFT_ANSWER:
        initial["answer"] = item.answer
    if action == QuestionAction.PUBLISH:
        initial.update(_publish_initial(item))
    kwargs: dict[str, Any] = {"initial": initial, "prefix": action}
    if form_class is RouteForm:
        kwargs["agencies"] = visible_agencies(request.user).order_by("name")
    return form_class(data, **kwargs)


def _overdue(item: Question) -> bool:
    return item.status in OPEN_STATUSES and item.due_at is not None and item.due_at < timezone.now()


def _detail(request: HttpRequest, item: Question, failed=None, status: int = 200) -> HttpResponse:
    actions = QUESTION.allowed_actions(item.status, roles_on(request.user, item))
    forms = action_forms(QUESTION, actions, ACTIONS, lambda a: _action_form(request, a, item), failed)
    return render(
        request,
        "outreach/qa/item.html",
        {
            "item": item,
            "handles": handles(request.user, item),
            "masked_name": questions.masked(item, item.asker_name),
            "forms": forms,
            "overdue": item.status in OPEN_STATUSES
            and item.due_at is not None
            and item.due_at < timezone.now(),
        },
        status=status,
    )


@staff_required
def item(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, selectors.question_for(request.user, pk))


@staff_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    found = selectors.question_for(request.user, pk)
    return post_action(
        request,
        found,
        action,
        QUESTION,
        ACTIONS,
        form=lambda: _action_form(request, action, found, request.POST),
        done=lambda: redirect("outreach:question", pk=found.pk),
        again=_detail,
    )
