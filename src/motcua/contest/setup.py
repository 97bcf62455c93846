"""Setting a contest up from the staff pages: the organising officer creates the contest (rules, audience,
the five phases) and becomes the head of its secretariat; while it is a draft the secretariat edits it and
lays down the criteria and prizes; members (secretariat and jury) may be added until the results are
decided. Launching is `services.launch` (which checks that the set-up is complete).

Each write is one transaction with an audit event on the contest. Once launched, the rules, phases,
criteria and prizes entrants relied on are fixed (as in the admin).
"""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.org.models import Agency, User

from . import selectors
from .models import Contest, Criterion, Member, MemberRole, Phase, Prize
from .rules import roles_on
from .workflows import SECRETARIAT, ContestStatus

Phases = Mapping[str, tuple[date, date]]
GENERAL = (
    "code",
    "title",
    "organiser",
    "legal_basis",
    "rules",
    "for_citizens",
    "for_organisations",
    "for_agencies",
    "for_communes",
    "finalists",
    "min_award_score",
)
MEMBERS_OPEN = (
    ContestStatus.DRAFT,
    ContestStatus.OPEN,
    ContestStatus.PRELIMINARY,
    ContestStatus.FINAL,
)


def _phase_snapshot(contest: Contest) -> dict[str, str]:
    return {
        f"phase.{p.kind}": f"{p.starts_on:%d/%m/%Y}–{p.ends_on:%d/%m/%Y}"
        for p in Phase.objects.filter(contest=contest)
    }


def _snapshot(contest: Contest) -> dict[str, Any]:
    return {**audit.snapshot(contest, GENERAL), **_phase_snapshot(contest)}


def _write_phases(contest: Contest, phases: Phases) -> None:
    for kind, (starts_on, ends_on) in phases.items():
        if ends_on < starts_on:
            raise ValidationError(
                _("Ngày kết thúc giai đoạn phải sau ngày bắt đầu. / A phase must end after it starts.")
            )
        Phase.objects.update_or_create(
            contest=contest, kind=kind, defaults={"starts_on": starts_on, "ends_on": ends_on}
        )


def _apply(contest: Contest, data: Mapping[str, Any]) -> None:
    for name in GENERAL:
        if name in data and name != "code":
            value = data[name]
            setattr(contest, name, value.strip() if isinstance(value, str) else value)


def _require_organiser(actor: User, agency: Agency | None) -> None:
    if agency is None or not selectors.organiser_agencies(actor).filter(pk=agency.pk).exists():
        raise ValidationError(
            {
                "organiser": _(
                    "Chọn cơ quan nơi bạn là cán bộ tuyên truyền, kiểm soát TTHC hoặc quản trị. "
                    "/ Choose an agency where you organise."
                )
            }
        )


@transaction.atomic
def create_contest(*, actor: User, data: Mapping[str, Any], phases: Phases) -> Contest:
    """A draft contest; its creator heads the secretariat (so they can complete and launch it)."""
    if not selectors.organiser_agencies(actor).exists():
        raise PermissionDenied(_("Bạn không tổ chức hội thi. / You do not organise contests."))
    organiser = data.get("organiser")
    _require_organiser(actor, organiser)
    contest = Contest(code=str(data.get("code") or "").strip().upper())
    _apply(contest, data)
    contest.full_clean()
    contest.save()
    _write_phases(contest, phases)
    Member.objects.create(
        contest=contest, user=actor, role=MemberRole.SECRETARIAT, agency=organiser, is_chair=True
    )
    audit.record(actor=actor, action="contest.create", target=contest, after=_snapshot(contest))
    return contest


def _editable(actor: User, contest: Contest, statuses: tuple[str, ...] = (ContestStatus.DRAFT,)) -> Contest:
    contest = Contest.objects.select_for_update().get(pk=contest.pk)
    if SECRETARIAT not in roles_on(actor, contest):
        raise PermissionDenied(_("Chỉ tổ thư ký thực hiện. / For the secretariat only."))
    if contest.status not in statuses:
        raise ValidationError(
            _(
                "Hội thi đã phát động: thể lệ, giai đoạn, tiêu chí và giải thưởng không còn sửa được. "
                "/ The contest is launched; its set-up is fixed."
            )
            if statuses == (ContestStatus.DRAFT,)
            else _("Hội thi đã có kết quả. / The contest's results are decided.")
        )
    return contest


@transaction.atomic
def update_contest(*, actor: User, contest: Contest, data: Mapping[str, Any], phases: Phases) -> Contest:
    contest = _editable(actor, contest)
    before = _snapshot(contest)
    if data.get("organiser") is not None and data["organiser"] != contest.organiser:
        _require_organiser(actor, data["organiser"])
    _apply(contest, data)
    contest.full_clean()
    contest.save()
    _write_phases(contest, phases)
    audit.record(
        actor=actor, action="contest.update", target=contest, before=before, after=_snapshot(contest)
    )
    return contest


def _changed(actor: User, contest: Contest, action: str, what: str, old: str | None, new: str | None) -> None:
    audit.record(actor=actor, action=action, target=contest, changes={what: [old, new]})


@transaction.atomic
def add_criterion(*, actor: User, contest: Contest, data: Mapping[str, Any]) -> Criterion:
    """A line of the marking scheme; the weights may not pass 100% (launch wants exactly 100%)."""
    contest = _editable(actor, contest)
    weight = Decimal(data.get("weight") or 0)
    used = contest.criteria.aggregate(total=Sum("weight"))["total"] or Decimal(0)
    if used + weight > 100:
        raise ValidationError(
            {
                "weight": _("Tổng trọng số sẽ vượt 100%% (đã có %(used)s%%). / The weights would pass 100%%.")
                % {"used": used.normalize()}
            }
        )
    criterion = Criterion(
        contest=contest,
        name=str(data.get("name") or "").strip(),
        description=str(data.get("description") or "").strip(),
        weight=weight,
        max_score=data.get("max_score") or Decimal(10),
        order=contest.criteria.count() + 1,
    )
    criterion.full_clean()
    criterion.save()
    _changed(actor, contest, "contest.criterion.add", "criterion", None, str(criterion))
    return criterion


@transaction.atomic
def remove_criterion(*, actor: User, contest: Contest, pk: int) -> None:
    contest = _editable(actor, contest)
    criterion = contest.criteria.filter(pk=pk).first()
    if criterion is None:
        raise ValidationError(_("Không có tiêu chí này. / No such criterion."))
    label = str(criterion)
    criterion.delete()
    _changed(actor, contest, "contest.criterion.remove", "criterion", label, None)


@transaction.atomic
def add_prize(*, actor: User, contest: Contest, data: Mapping[str, Any]) -> Prize:
    contest = _editable(actor, contest)
    prize = Prize(
        contest=contest,
        name=str(data.get("name") or "").strip(),
        count=data.get("count") or 1,
        amount=data.get("amount") or 0,
        order=contest.prizes.count() + 1,
    )
    prize.full_clean()
    prize.save()
    _changed(actor, contest, "contest.prize.add", "prize", None, f"{prize.name} × {prize.count}")
    return prize


@transaction.atomic
def remove_prize(*, actor: User, contest: Contest, pk: int) -> None:
    contest = _editable(actor, contest)
    prize = contest.prizes.filter(pk=pk).first()
    if prize is None:
        raise ValidationError(_("Không có giải này. / No such prize."))
    label = f"{prize.name} × {prize.count}"
    prize.delete()
    _changed(actor, contest, "contest.prize.remove", "prize", label, None)


@transaction.atomic
def add_member(*, actor: User, contest: Contest, user: User, role: str, is_chair: bool = False) -> Member:
    """A secretary or a juror, chosen among the officers the organiser sees; they sit for the agency
    where they hold a role (a juror never scores that agency's entries)."""
    contest = _editable(actor, contest, MEMBERS_OPEN)
    if role not in MemberRole.values:
        raise ValidationError({"role": _("Chọn vai trò. / Choose a role.")})
    agency = selectors.home_agency(actor, user)
    if agency is None:
        raise ValidationError(
            {"user": _("Cán bộ này không thuộc cơ quan bạn quản lý. / Not an officer you can appoint.")}
        )
    if Member.objects.filter(contest=contest, user=user, role=role).exists():
        raise ValidationError({"user": _("Cán bộ này đã có trong danh sách. / Already a member.")})
    if role == MemberRole.JUROR and contest.entries.filter(submitted_by=user).exists():
        raise ValidationError({"user": _("Người dự thi không làm giám khảo. / An entrant cannot judge.")})
    member = Member.objects.create(
        contest=contest, user=user, role=role, agency=agency, is_chair=bool(is_chair)
    )
    _changed(actor, contest, "contest.member.add", role, None, f"{user.get_full_name()} ({agency})")
    return member


@transaction.atomic
def remove_member(*, actor: User, contest: Contest, pk: int) -> None:
    """A member who already scored stays (the marks are theirs); the last secretary stays too."""
    contest = _editable(actor, contest, MEMBERS_OPEN)
    member = contest.members.select_related("user").filter(pk=pk).first()
    if member is None:
        raise ValidationError(_("Không có thành viên này. / No such member."))
    if member.scores.exists():
        raise ValidationError(_("Giám khảo đã chấm điểm, không xóa được. / This juror has scored and stays."))
    if (
        member.role == MemberRole.SECRETARIAT
        and contest.members.filter(role=MemberRole.SECRETARIAT).count() == 1
    ):
        raise ValidationError(
            _("Hội thi cần ít nhất một thành viên tổ thư ký. / The contest needs a secretary.")
        )
    label = f"{member.user.get_full_name()} ({member.agency})"
    role = member.role
    member.delete()
    _changed(actor, contest, "contest.member.remove", role, label, None)
