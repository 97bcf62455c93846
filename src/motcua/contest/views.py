"""Pages: the public ones (contests, entering, receipts, winners, the register of good models) and the
members' (the secretariat's board, the entry page with the check, the jurors' sheets, the rounds)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from motcua.core.access import staff_required
from motcua.core.actions import done_message
from motcua.core.errors import run
from motcua.org.selectors import active_roles

from . import exports, papers, selectors, services
from .forms import CheckForm, ConflictForm, EntryForm, RegisterFilterForm, ScoreForm
from .models import Contest, Entry, PhaseKind
from .rules import conflict_reason, juror_of, roles_on
from .workflows import CONTEST, SECRETARIAT, ContestAction, ContestStatus, EntryStatus, Round

DONE = gettext_lazy("Đã thực hiện.")


# ------------------------------------------------------------------------------------------------ public


def contest_list(request: HttpRequest) -> HttpResponse:
    contests = list(selectors.public_contests().prefetch_related("phases"))
    managed = (
        selectors.managed_contests(request.user).exists()
        or selectors.organiser_agencies(request.user).exists()
    )
    return render(request, "contest/list.html", {"contests": contests, "managed": managed})


def contest_detail(request: HttpRequest, code: str) -> HttpResponse:
    contest = selectors.public_contest(code)
    today = timezone.localdate()
    phases = list(contest.phases.all())
    mine = (
        selectors.own_entries(request.user).filter(contest=contest) if request.user.is_authenticated else []
    )
    return render(
        request,
        "contest/detail.html",
        {
            "contest": contest,
            "phases": phases,
            "criteria": contest.criteria.all(),
            "prizes": contest.prizes.all(),
            "open": services.entries_open(contest, today),
            "current": next((p for p in phases if p.starts_on <= today <= p.ends_on), None),
            "next_phase": next((p for p in phases if p.starts_on > today), None),
            "mine": mine,
            "is_member": bool(roles_on(request.user, contest)) if request.user.is_authenticated else False,
        },
    )


def _own_agencies(request: HttpRequest) -> list[Any]:
    if request.user.is_citizen:
        return []
    return list({a.agency_id: a.agency for a in active_roles(request.user)}.values())


@login_required
@require_http_methods(["GET", "POST"])
def enter(request: HttpRequest, code: str) -> HttpResponse:
    """Citizens and organisations from their portal account; officers for the agency where they work."""
    contest = selectors.public_contest(code)
    user = request.user
    agencies = _own_agencies(request)
    if not user.is_citizen and not agencies:
        raise Http404
    initial = {"author_name": user.get_full_name(), "email": user.email, "phone": getattr(user, "phone", "")}
    form = EntryForm(request.POST or None, request.FILES or None, initial=initial, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        entry = run(
            request,
            lambda: services.submit_entry(
                actor=user,
                contest=contest,
                data=form.data_for_service(),
                files=form.cleaned_data["files"],
                agency=form.cleaned_data.get("agency"),
            ),
            form=form,
        )
        if entry is not None:
            messages.success(request, _("Đã nhận bài dự thi %(code)s.") % {"code": entry.code})
            return redirect("contest:receipt", code=entry.code)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "contest/enter.html",
        {"contest": contest, "form": form, "open": services.entries_open(contest, timezone.localdate())},
        status=status,
    )


@login_required
def receipt(request: HttpRequest, code: str) -> HttpResponse:
    entry = selectors.own_entry(request.user, code)
    phases = {p.kind: p for p in entry.contest.phases.all()}
    return render(
        request,
        "contest/receipt.html",
        {
            "entry": entry,
            "files": entry.files.all(),
            "review": phases.get(PhaseKind.PRELIMINARY),
            "awards": phases.get(PhaseKind.AWARDS),
        },
    )


@login_required
def receipt_pdf(request: HttpRequest, code: str) -> HttpResponse:
    """The receipt as a paper: for the entrant, and for the contest's secretariat."""
    entry = selectors.own_entries(request.user).filter(code=code).first()
    if entry is None:
        found = Entry.objects.select_related("contest").filter(code=code).first()
        if found is None or SECRETARIAT not in roles_on(request.user, found.contest):
            raise Http404
        entry = found
    reply = HttpResponse(papers.receipt_pdf(entry), content_type="application/pdf")
    reply["Content-Disposition"] = f'inline; filename="bien-nhan-{entry.code}.pdf"'
    return reply


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(
        request, "contest/mine.html", {"entries": selectors.own_entries(request.user).order_by("-pk")}
    )


def winners(request: HttpRequest, code: str) -> HttpResponse:
    contest = selectors.public_contest(code)
    if contest.status != ContestStatus.AWARDED:
        raise Http404
    return render(
        request, "contest/winners.html", {"contest": contest, "winners": selectors.winners(contest)}
    )


def register(request: HttpRequest) -> HttpResponse:
    form = RegisterFilterForm(request.GET or None)
    rows = selectors.published_models()
    if form.is_valid():
        rows = selectors.published_models(kind=form.cleaned_data["kind"], text=form.cleaned_data["q"])
    rows = rows.exclude(kind="poor")
    return render(request, "contest/register.html", {"form": form, "rows": rows[:200]})


def good_model(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.published_model(pk)
    if found.kind == "poor":
        raise Http404
    return render(request, "contest/good_model.html", {"item": found, "links": selectors.links_of(found)})


# ------------------------------------------------------------------------------------------------ members


@staff_required
def manage(request: HttpRequest) -> HttpResponse:
    contests = list(selectors.managed_contests(request.user))
    setting_up = selectors.secretariat_of(request.user)
    return render(
        request,
        "contest/manage.html",
        {
            "contests": contests,
            "setting_up": setting_up,
            "organiser": selectors.organiser_agencies(request.user).exists(),
        },
    )


def _standings_rows(request: HttpRequest, contest: Contest, round_: str) -> list[dict[str, Any]]:
    ranked = selectors.standings(request.user, contest, round_)
    entries = {e.pk: e for e in selectors.entries_for(request.user, contest)}
    return [{"result": r, "entry": entries[r.key]} for r in ranked if r.key in entries]


@staff_required
def board(request: HttpRequest, code: str) -> HttpResponse:
    contest = selectors.managed_contest(request.user, code)
    held = roles_on(request.user, contest)
    actions = [(a, CONTEST.action_label(a)) for a in CONTEST.allowed_actions(contest.status, held)]
    context: dict[str, Any] = {
        "contest": contest,
        "is_secretariat": SECRETARIAT in held,
        "actions": actions,
        "problems": services.launch_problems(contest) if contest.status == ContestStatus.DRAFT else [],
        "entries": selectors.entries_for(request.user, contest) if SECRETARIAT in held else [],
        "progress": selectors.progress(request.user, contest),
        "worklist": selectors.juror_worklist(request.user, contest),
        "round": selectors.current_round(contest),
        "preliminary": _standings_rows(request, contest, Round.PRELIMINARY),
        "final": _standings_rows(request, contest, Round.FINAL),
        "exportable": selectors.round_closed(contest, Round.PRELIMINARY),
    }
    for row in context["entries"]:
        row.progress = context["progress"].get(row.pk)
    return render(request, "contest/board.html", context)


@staff_required
@require_POST
def act(request: HttpRequest, code: str, action: str) -> HttpResponse:
    contest = selectors.managed_contest(request.user, code)
    handlers = {
        ContestAction.LAUNCH: services.launch,
        ContestAction.CLOSE_ENTRIES: services.close_entries,
        ContestAction.CLOSE_PRELIMINARY: services.close_preliminary,
        ContestAction.CLOSE_FINAL: services.close_final,
        ContestAction.ANNOUNCE: services.announce,
    }
    handler = handlers.get(action)  # type: ignore[call-overload]
    if handler is None:
        raise Http404
    run(
        request,
        lambda: handler(actor=request.user, contest=contest),
        success=done_message(CONTEST, action),
    )
    return redirect("contest:board", code=contest.code)


def _entry_context(request: HttpRequest, contest: Contest, entry: Entry, **forms: Any) -> dict[str, Any]:
    held = roles_on(request.user, contest)
    round_ = selectors.current_round(contest)
    juror = juror_of(request.user, contest)
    conflict = conflict_reason(juror, entry) if juror is not None else ""
    wanted = {Round.PRELIMINARY: EntryStatus.ELIGIBLE, Round.FINAL: EntryStatus.FINALIST}.get(round_ or "")
    scoring = juror is not None and round_ is not None and entry.status == wanted and not conflict
    score_form = forms.get("score_form")
    if scoring and score_form is None:
        own, comment = selectors.own_marks(request.user, entry, round_ or "")
        initial = {f"c{pk}": value for pk, value in own.items()} | {"comment": comment}
        score_form = ScoreForm(initial=initial, criteria=list(contest.criteria.all()))
    checking = SECRETARIAT in held and contest.status in services.CHECKING
    closed_marks = {
        r: list(selectors.all_marks(request.user, contest, r).filter(entry=entry)) for r in Round.values
    }
    return {
        "contest": contest,
        "entry": entry,
        "files": entry.files.all(),
        "is_secretariat": SECRETARIAT in held,
        "check_form": forms.get("check_form")
        or (CheckForm() if checking and entry.status == "submitted" else None),
        "can_reconsider": checking and entry.status in (EntryStatus.ELIGIBLE, EntryStatus.INELIGIBLE),
        "score_form": score_form if scoring else None,
        "round": round_,
        "conflict": conflict,
        "conflict_form": forms.get("conflict_form")
        or (ConflictForm() if juror is not None and not conflict and round_ is not None else None),
        "marks": {Round(r).label: rows for r, rows in closed_marks.items() if rows},
    }


@staff_required
def entry(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    contest = selectors.managed_contest(request.user, code)
    found = selectors.entry_for(request.user, contest, pk)
    return render(request, "contest/entry.html", _entry_context(request, contest, found))


@staff_required
@require_POST
def entry_act(request: HttpRequest, code: str, pk: int, action: str) -> HttpResponse:
    contest = selectors.managed_contest(request.user, code)
    found = selectors.entry_for(request.user, contest, pk)
    back = redirect("contest:entry", code=contest.code, pk=found.pk)
    if action == "kiem-tra":
        form = CheckForm(request.POST)
        if form.is_valid() and run(
            request,
            lambda: services.check_entry(
                actor=request.user,
                entry=found,
                eligible=form.cleaned_data["eligible"],
                note=form.cleaned_data["note"],
            ),
            form=form,
            success=DONE,
        ):
            return back
        return _invalid(request, contest, found, check_form=form)
    if action == "kiem-tra-lai":
        run(request, lambda: services.reconsider_entry(actor=request.user, entry=found), success=DONE)
        return back
    if action == "cham-diem":
        round_ = selectors.current_round(contest) or ""
        form = ScoreForm(request.POST, criteria=list(contest.criteria.all()))
        if form.is_valid() and run(
            request,
            lambda: services.score_entry(
                actor=request.user,
                entry=found,
                round=round_,
                marks=form.marks(),
                comment=form.cleaned_data["comment"],
            ),
            form=form,
            success=_("Đã lưu phiếu chấm."),
        ):
            return back
        return _invalid(request, contest, found, score_form=form)
    if action == "xung-dot":
        form = ConflictForm(request.POST)
        if form.is_valid() and run(
            request,
            lambda: services.declare_conflict(
                actor=request.user, entry=found, reason=form.cleaned_data["reason"]
            ),
            form=form,
            success=_("Đã ghi nhận khai báo xung đột lợi ích; bạn không chấm bài này."),
        ):
            return back
        return _invalid(request, contest, found, conflict_form=form)
    if action == "so-mo-hinh":
        good = run(
            request,
            lambda: services.register_winner(actor=request.user, entry=found),
            success=_("Đã đưa vào sổ mô hình hay, sáng kiến."),
        )
        return redirect("contest:good_model", pk=good.pk) if good is not None else back
    raise Http404


def _invalid(request: HttpRequest, contest: Contest, found: Entry, **forms: Any) -> HttpResponse:
    return render(request, "contest/entry.html", _entry_context(request, contest, found, **forms), status=400)


@staff_required
def export(request: HttpRequest, code: str) -> HttpResponse:
    contest = selectors.managed_contest(request.user, code)
    if not selectors.round_closed(contest, Round.PRELIMINARY):
        messages.error(
            request, _("Điểm được xuất khi vòng sơ khảo đã kết thúc. / Scores export after the round closes.")
        )
        return redirect("contest:board", code=contest.code)
    return exports.response(request.user, contest)


@staff_required
def register_export(request: HttpRequest, code: str) -> HttpResponse:
    """The secretariat's register of entries as Excel (contacts included: the secretariat holds them)."""
    contest = selectors.managed_contest(request.user, code)
    if SECRETARIAT not in roles_on(request.user, contest):
        raise Http404
    entries = selectors.entries_for(request.user, contest).annotate(file_count=Count("files"))
    return exports.register_response(contest, entries)
