"""Pages: the sender's (send, track, supplement, vote, their list), the public published answers, and the
officers' queue and item with its actions. They call the same selectors and services as the API."""

from collections.abc import Callable
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from motcua.catalog.models import Sector
from motcua.core.access import citizen_required, staff_required
from motcua.core.actions import action_forms, post_action
from motcua.core.errors import run
from motcua.dossiers import tracking as dossier_tracking
from motcua.dossiers.models import Dossier
from motcua.org.models import Agency
from motcua.org.selectors import public_agency_tree

from . import masking, rules, selectors, services
from .forms import (
    AcceptForm,
    AgencyForm,
    AnswerForm,
    AskForm,
    FeedbackForm,
    NoteForm,
    OfficerSupplementForm,
    PublicFilterForm,
    RecordForm,
    RefuseForm,
    SupplementForm,
    TrackForm,
    VersionedForm,
    VoteForm,
)
from .models import Feedback
from .workflows import FEEDBACK, OPEN_STATUSES, SENDER, Action, Status

TRACKED = "feedback_tracked"  # session: the items this visitor proved they sent
SENT = "feedback_sent_code"
NOT_FOUND = _(
    "Không tìm thấy phản ánh với mã và thông tin đã nhập. / No feedback matches this code and check."
)


# ------------------------------------------------------------------------------------------- sender


def _tracked(request: HttpRequest, feedback: Feedback) -> bool:
    return feedback.pk in request.session.get(TRACKED, [])


def _remember(request: HttpRequest, feedback: Feedback) -> None:
    request.session[TRACKED] = [*request.session.get(TRACKED, [])[-19:], feedback.pk]


@require_http_methods(["GET", "POST"])
def send(request: HttpRequest) -> HttpResponse:
    """With or without an account; from "my dossiers" (?ho-so=) or about a published answer (?ve=)."""
    user = request.user
    if user.is_authenticated and not user.is_citizen:
        return redirect("feedback:record")
    dossier = _own_dossier(request)
    follow_up = _published_or_none(request.GET.get("ve", ""))
    initial: dict[str, Any] = {}
    if user.is_authenticated:
        initial = {"name": user.get_full_name(), "email": user.email, "phone": getattr(user, "phone", "")}
    if follow_up is not None:
        initial["title"] = _("Về kết quả trả lời phản ánh %(code)s") % {"code": follow_up.code}
    form = FeedbackForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        item = run(
            request,
            lambda: services.send(
                actor=user,
                sender=form.sender_data(),
                content=form.content_data(),
                files=form.cleaned_data["files"],
                dossier=dossier,
                follow_up_of=follow_up,
            ),
            form=form,
        )
        if item is not None:
            _remember(request, item)
            request.session[SENT] = item.code
            return redirect("feedback:sent")
    return render(request, "feedback/send.html", {"form": form, "dossier": dossier, "follow_up": follow_up})


def _own_dossier(request: HttpRequest) -> Dossier | None:
    pk = request.GET.get("ho-so", "")
    if not pk:
        return None
    if not pk.isdigit() or not request.user.is_authenticated or not request.user.is_citizen:
        raise Http404
    found = Dossier.objects.filter(pk=int(pk), applicant_user=request.user).first()
    if found is None:
        raise Http404
    return found


def _published_or_none(pk: str) -> Feedback | None:
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404
    return selectors.published_item(int(pk))


def sent(request: HttpRequest) -> HttpResponse:
    code = request.session.get(SENT)
    if not code:
        return redirect("feedback:send")
    return render(request, "feedback/sent.html", {"code": code})


@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    """Code plus verification, rate-limited with dossier tracking; a POST so nothing lands in the logs."""
    form = TrackForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    status = 200
    if request.method == "POST":
        if not dossier_tracking.allow(request):
            form.add_error(None, dossier_tracking.LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            found = selectors.track(form.cleaned_data["code"], form.cleaned_data["secret"])
            if found is None:
                form.add_error(None, NOT_FOUND)
                status = 404
            else:
                _remember(request, found)
                return redirect("feedback:tracked", pk=found.pk)
    return render(request, "feedback/track.html", {"form": form}, status=status)


def _sender_item(request: HttpRequest, pk: int) -> tuple[Feedback, bool]:
    """An item this visitor sent: tracked in this session, or sent from their account."""
    found = Feedback.objects.select_related("agency", "sector").filter(pk=pk).first()
    if found is None:
        raise Http404
    tracked = _tracked(request, found)
    if not tracked and SENDER not in rules.roles_on(request.user, found):
        raise Http404
    return found, tracked


def tracked(request: HttpRequest, pk: int) -> HttpResponse:
    item, _is_tracked = _sender_item(request, pk)
    voted = item.votes.filter(by_sender=True).exists()
    return render(
        request,
        "feedback/tracked.html",
        {
            "item": item,
            "events": list(selectors.timeline(item)),
            "supplement_form": SupplementForm() if item.status == Status.INCOMPLETE else None,
            "can_vote": item.status == Status.PUBLISHED and not voted,
        },
    )


@require_POST
def supplement(request: HttpRequest, pk: int) -> HttpResponse:
    item, is_tracked = _sender_item(request, pk)
    form = SupplementForm(request.POST, request.FILES)
    if form.is_valid():
        done = run(
            request,
            lambda: services.supplement(
                actor=request.user,
                feedback=item,
                expected_version=item.version,
                text=form.cleaned_data["text"],
                files=form.cleaned_data["files"],
                tracked=is_tracked,
            ),
            form=form,
            success=_("Đã gửi nội dung bổ sung."),
        )
        if done:
            return redirect("feedback:tracked", pk=item.pk)
    events = list(selectors.timeline(item))
    return render(
        request,
        "feedback/tracked.html",
        {"item": item, "events": events, "supplement_form": form, "can_vote": False},
        status=400,
    )


@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    """From the tracking page (the sender) or the public page (a citizen account)."""
    item = Feedback.objects.filter(pk=pk).first()
    if item is None:
        raise Http404
    form = VoteForm(request.POST)
    if form.is_valid():
        run(
            request,
            lambda: services.vote(
                actor=request.user,
                feedback=item,
                agrees=form.cleaned_data["agrees"],
                tracked=_tracked(request, item),
            ),
            success=_("Cảm ơn bạn đã cho ý kiến."),
        )
    if _tracked(request, item):
        return redirect("feedback:tracked", pk=item.pk)
    return redirect("feedback:public_item", pk=item.pk)


@citizen_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(request, "feedback/mine.html", {"items": selectors.sent_by(request.user)[:200]})


# ------------------------------------------------------------------------------------------- public


def _public_row(item: Feedback) -> dict[str, Any]:
    names = (item.sender_name,)
    return {
        "item": item,
        "sender": masking.mask_name(item.sender_name),
        "title": masking.mask_text(item.title, names=names),
        "content": masking.mask_text(item.content, names=names),
        "answer": masking.mask_text(item.answer, names=names),
    }


def public_list(request: HttpRequest) -> HttpResponse:
    shown = Feedback.objects.filter(status=Status.PUBLISHED)
    form = PublicFilterForm(
        request.GET or None,
        sectors=Sector.objects.filter(pk__in=shown.values("sector")),
        agencies=Agency.objects.filter(pk__in=shown.values("agency")),
    )
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.published(
        text=filters.get("q", ""),
        sector=filters["sector"].pk if filters.get("sector") else None,
        agency=filters["agency"].pk if filters.get("agency") else None,
    )
    page = Paginator(rows, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "feedback/public_list.html",
        {"form": form, "page": page, "rows": [_public_row(i) for i in page], "query": query.urlencode()},
    )


def public_item(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.published_item(pk)
    user = request.user
    can_vote = bool(user.is_authenticated and user.is_citizen and not item.votes.filter(user=user).exists())
    return render(request, "feedback/public_item.html", {"row": _public_row(item), "can_vote": can_vote})


# ------------------------------------------------------------------------------------------ officers


QUEUE_PAGE = 50
MAX_PAGE = 1000  # an offset past 50,000 items is no one's work list: search or filter instead


def _page_number(raw: str | None) -> int:
    try:
        return min(max(int(raw or 1), 1), MAX_PAGE)
    except ValueError:
        return 1


# The queue page's columns: read as plain values (no model instances, no select_related of whole rows).
QUEUE_COLUMNS = ("pk", "code", "title", "status", "due_at", "agency__name")


def _queue_rows(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row ready to print: status label, overdue flag, due time and link computed once per page, not
    by the template per row (reverse, get_FOO_display and the date filter were most of the page's CPU)."""
    now = timezone.now()
    labels = {value: str(label) for value, label in Status.choices}
    open_statuses = set(OPEN_STATUSES)
    link = reverse("feedback:item", args=[0]).removesuffix("0/")
    rows = []
    for f in found:
        due = f["due_at"]
        rows.append(
            {
                "url": f"{link}{f['pk']}/",
                "code": f["code"],
                "title": f["title"],
                "status": labels.get(f["status"], f["status"]),
                "agency": f["agency__name"] or "",
                "due": timezone.localtime(due).strftime("%H:%M %d/%m/%Y") if due else "",
                "late": f["status"] in open_statuses and due is not None and due < now,
            }
        )
    return rows


@staff_required
def queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("trang-thai", "")
    if status and status not in Status.values:
        raise Http404
    overdue = request.GET.get("qua-han") == "1"
    rows = selectors.queue(request.user, status=status, overdue=overdue)
    number = _page_number(request.GET.get("page"))
    # No exact count over the whole scope: the page's rows plus one says whether a next page exists.
    found = list(rows.values(*QUEUE_COLUMNS)[(number - 1) * QUEUE_PAGE : number * QUEUE_PAGE + 1])
    total, more_than = selectors.capped_count(rows)
    return render(
        request,
        "feedback/queue.html",
        {
            "number": number,
            "has_next": len(found) > QUEUE_PAGE,
            "total": total,
            "more_than": more_than,
            "rows": _queue_rows(found[:QUEUE_PAGE]),
            "statuses": Status.choices,
            "current": status,
            "overdue": overdue,
            "can_record": bool(rules.receiving_desks(request.user)),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def record(request: HttpRequest) -> HttpResponse:
    desks = rules.receiving_desks(request.user)
    if not desks:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(
            _("Bạn không thuộc bộ phận tiếp nhận phản ánh. / You do not work at a feedback desk.")
        )
    form = RecordForm(request.POST or None, request.FILES or None, desks=desks)
    if request.method == "POST" and form.is_valid():
        item = run(
            request,
            lambda: services.record(
                actor=request.user,
                channel=form.cleaned_data["channel"],
                receiving_agency=form.cleaned_data["receiving_agency"],
                sender=form.sender_data(),
                content=form.content_data(),
                files=form.cleaned_data["files"],
            ),
            form=form,
            success=_("Đã nhập phản ánh."),
        )
        if item is not None:
            return redirect("feedback:item", pk=item.pk)
    return render(request, "feedback/record.html", {"form": form})


def _agencies() -> Any:
    return public_agency_tree()


# action → (form, the service call given the request, the item and the form's data)
Call = Callable[[HttpRequest, Feedback, dict[str, Any]], Feedback]
ACTIONS: dict[str, tuple[type[VersionedForm], Call]] = {
    Action.REFUSE: (
        RefuseForm,
        lambda r, f, d: services.refuse(
            actor=r.user, feedback=f, expected_version=d["version"], reason=d["reason"]
        ),
    ),
    Action.ASK_TO_COMPLETE: (
        AskForm,
        lambda r, f, d: services.ask_to_complete(
            actor=r.user, feedback=f, expected_version=d["version"], missing=d["missing"]
        ),
    ),
    Action.SUPPLEMENT: (
        OfficerSupplementForm,
        lambda r, f, d: services.supplement(
            actor=r.user, feedback=f, expected_version=d["version"], text=d["text"]
        ),
    ),
    Action.ACCEPT: (
        AcceptForm,
        lambda r, f, d: services.accept(
            actor=r.user,
            feedback=f,
            expected_version=d["version"],
            category=d["category"],
            kind=d["kind"],
            sector=d["sector"],
        ),
    ),
    Action.ROUTE: (
        AgencyForm,
        lambda r, f, d: services.route(
            actor=r.user, feedback=f, expected_version=d["version"], agency=d["agency"], note=d["note"]
        ),
    ),
    Action.TRANSFER: (
        AgencyForm,
        lambda r, f, d: services.transfer(
            actor=r.user, feedback=f, expected_version=d["version"], agency=d["agency"], note=d["note"]
        ),
    ),
    Action.RETURN_TO_DESK: (
        NoteForm,
        lambda r, f, d: services.return_to_desk(
            actor=r.user, feedback=f, expected_version=d["version"], note=d["note"]
        ),
    ),
    Action.DRAFT_ANSWER: (
        AnswerForm,
        lambda r, f, d: services.draft_answer(
            actor=r.user, feedback=f, expected_version=d["version"], answer=d["answer"]
        ),
    ),
    Action.APPROVE: (
        VersionedForm,
        lambda r, f, d: services.approve(actor=r.user, feedback=f, expected_version=d["version"]),
    ),
    Action.SEND_BACK: (
        NoteForm,
        lambda r, f, d: services.send_back(
            actor=r.user, feedback=f, expected_version=d["version"], note=d["note"]
        ),
    ),
    Action.PUBLISH: (
        VersionedForm,
        lambda r, f, d: services.publish(actor=r.user, feedback=f, expected_version=d["version"]),
    ),
}


def _action_form(action: str, item: Feedback, data: Any = None) -> VersionedForm:
    form_class = ACTIONS[action][0]
    initial: dict[str, Any] = {"version": item.version}
    if action == Action.DRAFT_ANSWER:
        initial["answer"] = item.answer
    if action == Action.ACCEPT:
        initial.update(category=item.category or None, kind=item.kind, sector=item.sector_id)
    kwargs: dict[str, Any] = {"initial": initial, "prefix": action}
    if form_class is AgencyForm:
        kwargs["agencies"] = _agencies()
    return form_class(data, **kwargs)


def _detail(request: HttpRequest, item: Feedback, failed: tuple[str, Any] | None = None, status: int = 200):
    actions = FEEDBACK.allowed_actions(item.status, rules.roles_on(request.user, item))
    forms = action_forms(FEEDBACK, actions, ACTIONS, lambda a: _action_form(a, item), failed)
    now = timezone.now()
    return render(
        request,
        "feedback/item.html",
        {
            "item": item,
            "handles": rules.handles(request.user, item),
            "masked_sender": masking.mask_name(item.sender_name),
            "events": list(selectors.timeline(item)),
            "attachments": list(item.attachments.all()),
            "forms": forms,
            "overdue": item.status in OPEN_STATUSES and item.due_at is not None and item.due_at < now,
        },
        status=status,
    )


@staff_required
def item(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, selectors.get_for(request.user, pk))


@staff_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    found = selectors.get_for(request.user, pk)
    return post_action(
        request,
        found,
        action,
        FEEDBACK,
        ACTIONS,
        form=lambda: _action_form(action, found, request.POST),
        done=lambda: redirect("feedback:item", pk=found.pk),
        again=_detail,
    )
