"""The organising officer's set-up pages: create a contest, then (while it is a draft) edit its rules and
phases, lay down the criteria and prizes, appoint the secretariat and the jury, and launch it."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from motcua.core.access import staff_required
from motcua.core.errors import run
from motcua.org.models import Agency

from . import selectors, services, setup
from .forms import ContestSetupForm, CriterionSetupForm, MemberSetupForm, PrizeSetupForm, RemoveForm
from .models import Contest
from .workflows import CONTEST, ContestAction, ContestStatus

SAVED = gettext_lazy("Đã lưu.")


@staff_required
@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    organisers = selectors.organiser_agencies(request.user)
    if not organisers.exists():
        raise Http404
    form = ContestSetupForm(request.POST or None, organisers=organisers)
    if request.method == "POST" and form.is_valid():
        contest = run(
            request,
            lambda: setup.create_contest(actor=request.user, data=form.general(), phases=form.phases()),
            form=form,
            success=_("Đã tạo hội thi; bổ sung tiêu chí, giải thưởng, tổ thư ký và ban giám khảo."),
        )
        if contest is not None:
            return redirect("contest:setup", code=contest.code)
    status = 400 if request.method == "POST" else 200
    return render(request, "contest/setup_new.html", {"form": form}, status=status)


def _page(request: HttpRequest, contest: Contest, status: int = 200, **forms: Any) -> HttpResponse:
    draft = contest.status == ContestStatus.DRAFT
    members_open = contest.status in setup.MEMBERS_OPEN
    organisers = selectors.organiser_agencies(request.user) | _same(contest)
    context = {
        "contest": contest,
        "draft": draft,
        "members_open": members_open,
        "criteria": contest.criteria.all(),
        "prizes": contest.prizes.all(),
        "members": contest.members.select_related("user", "agency"),
        "weights": sum(c.weight for c in contest.criteria.all()),
        "problems": services.launch_problems(contest) if draft else [],
        "launch": CONTEST.action_label(ContestAction.LAUNCH),
        "contest_form": forms.get("contest_form")
        or (ContestSetupForm(instance=contest, organisers=organisers) if draft else None),
        "criterion_form": forms.get("criterion_form") or (CriterionSetupForm() if draft else None),
        "prize_form": forms.get("prize_form") or (PrizeSetupForm() if draft else None),
        "member_form": forms.get("member_form")
        or (MemberSetupForm(candidates=selectors.member_candidates(request.user)) if members_open else None),
    }
    return render(request, "contest/setup.html", context, status=status)


@staff_required
def page(request: HttpRequest, code: str) -> HttpResponse:
    return _page(request, selectors.draft_contest(request.user, code))


def _posted(
    request: HttpRequest, contest: Contest, form: Any, name: str, service: Callable[[], Any]
) -> HttpResponse:
    """One set-up form posted: saved and back to the page, or the page again with the refused form."""
    if form.is_valid() and run(request, service, form=form, success=SAVED) is not None:
        return redirect("contest:setup", code=contest.code)
    contest.refresh_from_db()
    return _page(request, contest, status=400, **{name: form})


@staff_required
@require_POST
def post(request: HttpRequest, code: str, part: str) -> HttpResponse:
    contest = selectors.draft_contest(request.user, code)
    actor = request.user
    if part == "chung":
        organisers = selectors.organiser_agencies(actor)
        form = ContestSetupForm(request.POST, instance=contest, organisers=organisers | _same(contest))
        return _posted(
            request,
            contest,
            form,
            "contest_form",
            lambda: setup.update_contest(
                actor=actor, contest=contest, data=form.general(), phases=form.phases()
            ),
        )
    if part == "tieu-chi":
        criterion = CriterionSetupForm(request.POST)
        return _posted(
            request,
            contest,
            criterion,
            "criterion_form",
            lambda: setup.add_criterion(actor=actor, contest=contest, data=criterion.cleaned_data),
        )
    if part == "giai":
        prize = PrizeSetupForm(request.POST)
        return _posted(
            request,
            contest,
            prize,
            "prize_form",
            lambda: setup.add_prize(actor=actor, contest=contest, data=prize.cleaned_data),
        )
    if part == "thanh-vien":
        member = MemberSetupForm(request.POST, candidates=selectors.member_candidates(actor))
        return _posted(
            request,
            contest,
            member,
            "member_form",
            lambda: setup.add_member(
                actor=actor,
                contest=contest,
                user=member.cleaned_data["user"],
                role=member.cleaned_data["role"],
                is_chair=member.cleaned_data["is_chair"],
            ),
        )
    removals = {
        "xoa-tieu-chi": setup.remove_criterion,
        "xoa-giai": setup.remove_prize,
        "xoa-thanh-vien": setup.remove_member,
    }
    remove = removals.get(part)
    if remove is None:
        raise Http404
    form = RemoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Yêu cầu không hợp lệ. / Invalid request."))
    else:
        run(
            request,
            lambda: remove(actor=actor, contest=contest, pk=form.cleaned_data["pk"]),
            success=_("Đã xóa."),
        )
    return redirect("contest:setup", code=contest.code)


def _same(contest: Contest) -> QuerySet[Agency]:
    """The contest's own organiser stays a valid choice when the editor is not an officer there."""
    return Agency.objects.filter(pk=contest.organiser_id)
