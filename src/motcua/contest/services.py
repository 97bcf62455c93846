"""Every write of the contest: one function per business action, in one transaction, with an audit event.

Status changes go through the tables in workflows.py. The audit trail of an entry never holds the
entrant's contacts, nor a juror's marks (the marks stay blind until the round closes, for administrators
reading the trail too): only the fact that a sheet was scored, by whom, in which round.
"""

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.core.access import require
from motcua.core.audited import audited_save
from motcua.core.text import required_text
from motcua.core.uploads import PLAN_ATTACHMENT, check_upload
from motcua.core.workflow import acting_roles
from motcua.org.models import Agency, User
from motcua.org.selectors import active_roles

from . import results, scoring
from .models import (
    PHASE_ORDER,
    ConflictOfInterest,
    Contest,
    EntrantKind,
    Entry,
    EntryFile,
    GoodModel,
    GoodModelKind,
    GoodModelLink,
    MemberRole,
    Phase,
    PhaseKind,
    Prize,
    Score,
    ScoreSheet,
)
from .rules import conflict_reason, juror_of, roles_on
from .workflows import (
    CONTEST,
    ENTRANT,
    ENTRY,
    SCORING_STATUS,
    ContestAction,
    ContestStatus,
    EntryAction,
    EntryStatus,
    Round,
)

Actor = User | None
MAX_FILES = 5
ENTRY_AUDITED = (
    "status",
    "eligibility_note",
    "preliminary_score",
    "preliminary_rank",
    "final_score",
    "final_rank",
    "prize",
)
CONTEST_AUDITED = ("status", "launched_at", "awarded_at")


def _now(at: datetime | None) -> datetime:
    return at or timezone.now()


def _locked(contest: Contest) -> Contest:
    return Contest.objects.select_for_update().get(pk=contest.pk)


def _move_contest(actor: Actor, contest: Contest, action: str) -> Contest:
    before = audit.snapshot(contest, CONTEST_AUDITED)
    CONTEST.apply(contest, action, roles_on(actor, contest))
    contest.save()
    audit.record(
        actor=actor,
        action=f"contest.{action}",
        target=contest,
        before=before,
        after=audit.snapshot(contest, CONTEST_AUDITED),
    )
    return contest


# ------------------------------------------------------------------------------------------------ launch


def launch_problems(contest: Contest) -> list[str]:
    """What keeps a draft from being launched, in words for the secretariat."""
    problems = []
    if scoring.weights_problem(results.scheme(contest)):
        problems.append(
            _("Tổng trọng số các tiêu chí phải bằng 100%. / The criteria weights must add up to 100%.")
        )
    phases = {p.kind: p for p in Phase.objects.filter(contest=contest)}
    if set(phases) != set(PHASE_ORDER):
        problems.append(
            _(
                "Cần đủ 5 giai đoạn: phát động, nhận bài, sơ khảo, chung khảo, trao giải. "
                "/ All five phases are needed."
            )
        )
    else:
        starts = [phases[k].starts_on for k in PHASE_ORDER]
        if starts != sorted(starts):
            problems.append(
                _("Các giai đoạn phải nối tiếp nhau theo thứ tự. / The phases must follow in order.")
            )
    held = set(contest.members.values_list("role", flat=True))
    if held != {MemberRole.SECRETARIAT, MemberRole.JUROR}:
        problems.append(_("Cần có tổ thư ký và ban giám khảo. / A secretariat and a jury are needed."))
    if not contest.prizes.exists():
        problems.append(_("Chưa có cơ cấu giải thưởng. / No prizes yet."))
    if not (
        contest.for_citizens or contest.for_organisations or contest.for_agencies or contest.for_communes
    ):
        problems.append(_("Chưa chọn đối tượng dự thi. / No audience chosen."))
    return problems


@transaction.atomic
def launch(*, actor: Actor, contest: Contest, at: datetime | None = None) -> Contest:
    contest = _locked(contest)
    CONTEST.check(contest.status, ContestAction.LAUNCH, roles_on(actor, contest))
    problems = launch_problems(contest)
    if problems:
        raise ValidationError(problems)
    contest.launched_at = _now(at)
    return _move_contest(actor, contest, ContestAction.LAUNCH)


# ------------------------------------------------------------------------------------------------ entries


def entries_open(contest: Contest, day: date) -> bool:
    phase = Phase.objects.filter(contest=contest, kind=PhaseKind.ENTRIES).first()
    return (
        contest.status == ContestStatus.OPEN and phase is not None and phase.starts_on <= day <= phase.ends_on
    )


def _entrant(actor: User, contest: Contest, data: Mapping[str, Any], agency: Agency | None) -> dict[str, Any]:
    """Who enters, checked against the contest's audience."""
    if actor.is_citizen:
        organisation = str(data.get("organisation_name") or "").strip()
        kind = EntrantKind.ORGANISATION if organisation else EntrantKind.CITIZEN
        allowed = contest.for_organisations if organisation else contest.for_citizens
        if not allowed:
            raise ValidationError(
                _("Hội thi không dành cho đối tượng này. / This contest is not open to you.")
            )
        return {"entrant_kind": kind, "organisation_name": organisation, "agency": None}
    mine = {a.agency_id: a.agency for a in active_roles(actor)}
    if agency is None or agency.pk not in mine:
        raise ValidationError(
            {"agency": _("Chọn cơ quan nơi bạn công tác. / Choose the agency you work for.")}
        )
    commune = agency.administrative_unit.parent_id is not None
    if not (contest.for_communes if commune else contest.for_agencies):
        raise ValidationError(_("Hội thi không dành cho đối tượng này. / This contest is not open to you."))
    return {"entrant_kind": EntrantKind.AGENCY, "organisation_name": "", "agency": agency}


def _checked_files(files: Sequence[UploadedFile]) -> list[UploadedFile]:
    if len(files) > MAX_FILES:
        raise ValidationError({"files": _("Tối đa %(n)s tệp. / At most %(n)s files.") % {"n": MAX_FILES}})
    for upload in files:
        try:
            check_upload(upload, PLAN_ATTACHMENT)
        except ValidationError as error:
            raise ValidationError({"files": error.messages}) from None
    return list(files)


@transaction.atomic
def submit_entry(
    *,
    actor: User,
    contest: Contest,
    data: Mapping[str, Any],
    files: Sequence[UploadedFile] = (),
    agency: Agency | None = None,
    at: datetime | None = None,
) -> Entry:
    """From the portal (a citizen or organisation account) or by an officer for their agency. The receipt
    number is the contest's code and the entry's number in order of arrival."""
    if not isinstance(actor, User) or not actor.is_authenticated:
        raise PermissionDenied(_("Vui lòng đăng nhập để gửi bài dự thi. / Please log in to enter."))
    at = _now(at)
    contest = _locked(contest)
    if not entries_open(contest, timezone.localdate(at)):
        raise ValidationError(
            _("Hội thi không trong thời gian nhận bài. / The contest is not taking entries now.")
        )
    if roles_on(actor, contest):
        raise ValidationError(
            _(
                "Thành viên tổ thư ký, ban giám khảo không dự thi. "
                "/ Secretariat and jury members cannot enter."
            )
        )
    checked = _checked_files(files)
    contest.entry_count += 1
    contest.save(update_fields=["entry_count"])
    entry = Entry(
        contest=contest,
        code=f"{contest.code}-{contest.entry_count:04d}",
        category=required_text(data.get("category"), _("loại")),
        title=required_text(data.get("title"), _("tên sáng kiến")),
        summary=required_text(data.get("summary"), _("tóm tắt")),
        description=required_text(data.get("description"), _("nội dung")),
        author_name=required_text(data.get("author_name") or actor.get_full_name(), _("tác giả")),
        phone=str(data.get("phone") or "").strip(),
        email=str(data.get("email") or "").strip(),
        submitted_by=actor,
        submitted_at=at,
        **_entrant(actor, contest, data, agency),
    )
    ENTRY.start(entry, EntryAction.SUBMIT, acting_roles(actor, ENTRANT))
    audited_save(
        entry, actor=actor, action="contest.entry.submit", fields=ENTRY_AUDITED, extra={"files": len(checked)}
    )
    for upload in checked:
        EntryFile.objects.create(entry=entry, file=upload, name=(upload.name or "")[:255])
    return entry


def _move_entry(actor: Actor, entry: Entry, action: str, held: frozenset[str], **changes: Any) -> Entry:
    before = audit.snapshot(entry, ENTRY_AUDITED)
    ENTRY.apply(entry, action, held)
    for name, value in changes.items():
        setattr(entry, name, value)
    entry.save()
    audit.record(
        actor=actor,
        action=f"contest.entry.{action}",
        target=entry,
        before=before,
        after=audit.snapshot(entry, ENTRY_AUDITED),
    )
    return entry


CHECKING = (ContestStatus.OPEN, ContestStatus.PRELIMINARY)


@transaction.atomic
def check_entry(
    *, actor: Actor, entry: Entry, eligible: bool, note: str = "", at: datetime | None = None
) -> Entry:
    """The secretariat's eligibility check, while entries come in and during the preliminary round."""
    entry = Entry.objects.select_for_update().select_related("contest").get(pk=entry.pk)
    if entry.contest.status not in CHECKING:
        raise ValidationError(_("Đã hết thời gian kiểm tra bài dự thi. / Entries can no longer be checked."))
    note = (note or "").strip()
    if not eligible and not note:
        raise ValidationError({"note": _("Cần nêu lý do không hợp lệ. / Give the reason.")})
    action = EntryAction.ACCEPT if eligible else EntryAction.REJECT
    return _move_entry(
        actor, entry, action, roles_on(actor, entry.contest), eligibility_note=note, checked_at=_now(at)
    )


@transaction.atomic
def reconsider_entry(*, actor: Actor, entry: Entry) -> Entry:
    entry = Entry.objects.select_for_update().select_related("contest").get(pk=entry.pk)
    if entry.contest.status not in CHECKING:
        raise ValidationError(_("Đã hết thời gian kiểm tra bài dự thi. / Entries can no longer be checked."))
    return _move_entry(actor, entry, EntryAction.RECONSIDER, roles_on(actor, entry.contest), checked_at=None)


# ------------------------------------------------------------------------------------------------ scoring


def _mark(raw: Any, maximum: Decimal, name: str) -> Decimal:
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        value = Decimal("NaN")
    if not value.is_finite() or value < 0 or value > maximum or value != value.quantize(scoring.CENT):
        raise ValidationError(
            _(
                "Điểm “%(name)s” phải từ 0 đến %(max)s (tối đa 2 chữ số thập phân). "
                "/ The mark must be between 0 and %(max)s."
            )
            % {"name": name, "max": maximum.normalize()}
        )
    return value


@transaction.atomic
def score_entry(
    *, actor: User, entry: Entry, round: str, marks: Mapping[int, Any], comment: str = ""
) -> ScoreSheet:
    """A juror marks every criterion of an entry in the open round; they may revise until it closes."""
    entry = Entry.objects.select_related("contest").get(pk=entry.pk)
    contest = entry.contest
    juror = juror_of(actor, contest)
    if juror is None:
        raise PermissionDenied(_("Chỉ giám khảo của hội thi chấm điểm. / Only the contest's jurors score."))
    if round not in Round.values or contest.status != SCORING_STATUS[Round(round)]:
        raise ValidationError(_("Vòng thi này không mở để chấm. / This round is not open for scoring."))
    wanted = EntryStatus.ELIGIBLE if round == Round.PRELIMINARY else EntryStatus.FINALIST
    if entry.status != wanted:
        raise ValidationError(_("Bài không thuộc vòng thi này. / This entry is not in this round."))
    reason = conflict_reason(juror, entry)
    if reason:
        raise PermissionDenied(reason)
    criteria = list(contest.criteria.order_by("order", "pk"))
    unknown = set(marks) - {c.pk for c in criteria}
    if unknown or len(marks) != len(criteria):
        raise ValidationError(_("Cần chấm đủ mọi tiêu chí. / Every criterion must be marked."))
    for criterion in criteria:
        value = _mark(marks[criterion.pk], criterion.max_score, criterion.name)
        Score.objects.update_or_create(
            entry=entry, juror=juror, criterion=criterion, round=round, defaults={"value": value}
        )
    sheet, _created = ScoreSheet.objects.update_or_create(
        entry=entry, juror=juror, round=round, defaults={"comment": (comment or "").strip()[:4000]}
    )
    audit.record(
        actor=actor,
        action="contest.entry.score",
        target=entry,
        changes={"round": [None, round], "juror": [None, juror.pk], "criteria": [None, len(criteria)]},
    )
    return sheet


@transaction.atomic
def declare_conflict(
    *, actor: User, entry: Entry, reason: str, juror_id: int | None = None
) -> ConflictOfInterest:
    """A juror declares a conflict on an entry (or the secretariat records one for a juror); any marks the
    juror already gave it are withdrawn."""
    entry = Entry.objects.select_related("contest").get(pk=entry.pk)
    reason = required_text(reason, _("lý do"))[:500]
    held = roles_on(actor, entry.contest)
    if juror_id is None:
        juror = juror_of(actor, entry.contest)
        if juror is None:
            raise PermissionDenied(_("Chỉ giám khảo khai báo. / Only jurors declare."))
    else:
        require_secretariat(held)
        juror = entry.contest.members.filter(pk=juror_id, role=MemberRole.JUROR).first()
        if juror is None:
            raise ValidationError({"juror": _("Không có giám khảo này. / No such juror.")})
    if entry.contest.status not in (ContestStatus.OPEN, ContestStatus.PRELIMINARY, ContestStatus.FINAL):
        raise ValidationError(_("Hội thi đã kết thúc chấm. / Scoring has ended."))
    conflict, _created = ConflictOfInterest.objects.update_or_create(
        juror=juror, entry=entry, defaults={"reason": reason}
    )
    withdrawn, _kinds = Score.objects.filter(entry=entry, juror=juror).delete()
    ScoreSheet.objects.filter(entry=entry, juror=juror).delete()
    audit.record(
        actor=actor,
        action="contest.conflict.declare",
        target=entry,
        changes={"juror": [None, juror.pk], "marks_withdrawn": [None, withdrawn]},
        reason=reason,
    )
    return conflict


def require_secretariat(held: frozenset[str]) -> None:
    from motcua.core.workflow import SYSTEM

    from .workflows import SECRETARIAT

    if not held & {SECRETARIAT, SYSTEM}:
        raise PermissionDenied(_("Chỉ tổ thư ký thực hiện. / For the secretariat only."))


# ------------------------------------------------------------------------------------------ rounds


@transaction.atomic
def close_entries(*, actor: Actor, contest: Contest) -> Contest:
    contest = _locked(contest)
    return _move_contest(actor, contest, ContestAction.CLOSE_ENTRIES)


def _complete(contest: Contest, round_: str) -> None:
    """Closing a round waits for every sheet; an entry no juror may score needs another juror."""
    missing = results.missing_sheets(contest, round_)
    if missing:
        raise ValidationError(
            _(
                "Còn %(n)s phiếu chấm chưa hoàn thành (ví dụ: %(who)s, bài %(code)s). "
                "/ %(n)s score sheets are not complete yet."
            )
            % {"n": len(missing), "who": missing[0][0].user, "code": missing[0][1].code}
        )
    orphans = [r for r in results.standings(contest, round_) if r.score is None]
    if orphans:
        code = Entry.objects.get(pk=orphans[0].key).code
        raise ValidationError(
            _(
                "Bài %(code)s không có giám khảo nào được chấm (xung đột lợi ích); cần bổ sung giám khảo. "
                "/ No juror may score entry %(code)s; add a juror."
            )
            % {"code": code}
        )


@transaction.atomic
def close_preliminary(*, actor: Actor, contest: Contest) -> Contest:
    """Records each eligible entry's preliminary score and rank and sends the best to the final."""
    contest = _locked(contest)
    held = roles_on(actor, contest)
    CONTEST.check(contest.status, ContestAction.CLOSE_PRELIMINARY, held)
    if contest.entries.filter(status=EntryStatus.SUBMITTED).exists():
        raise ValidationError(_("Còn bài chưa kiểm tra tính hợp lệ. / Some entries are not checked yet."))
    _complete(contest, Round.PRELIMINARY)
    ranked = results.standings(contest, Round.PRELIMINARY)
    going = set(scoring.finalists(ranked, contest.finalists))
    entries = {e.pk: e for e in contest.entries.filter(pk__in=[r.key for r in ranked])}
    for r in ranked:
        entry = entries[r.key]
        changes = {"preliminary_score": r.score, "preliminary_rank": r.rank}
        if r.key in going:
            _move_entry(actor, entry, EntryAction.ADVANCE, held, **changes)
        else:
            before = audit.snapshot(entry, ENTRY_AUDITED)
            entry.preliminary_score, entry.preliminary_rank = r.score, r.rank
            entry.save(update_fields=["preliminary_score", "preliminary_rank"])
            audit.record(
                actor=actor,
                action="contest.entry.rank",
                target=entry,
                before=before,
                after=audit.snapshot(entry, ENTRY_AUDITED),
            )
    return _move_contest(actor, contest, ContestAction.CLOSE_PRELIMINARY)


@transaction.atomic
def close_final(*, actor: Actor, contest: Contest) -> Contest:
    """Records the final scores and ranks and the prize each finalist wins (scoring.allocate)."""
    contest = _locked(contest)
    held = roles_on(actor, contest)
    CONTEST.check(contest.status, ContestAction.CLOSE_FINAL, held)
    _complete(contest, Round.FINAL)
    ranked = results.standings(contest, Round.FINAL)
    laid = scoring.places((p, p.count) for p in Prize.objects.filter(contest=contest).order_by("order", "pk"))
    won = scoring.allocate(ranked, laid, contest.min_award_score)
    for r in ranked:
        entry = Entry.objects.get(pk=r.key)
        before = audit.snapshot(entry, ENTRY_AUDITED)
        entry.final_score, entry.final_rank, entry.prize = r.score, r.rank, won.get(r.key)
        entry.save(update_fields=["final_score", "final_rank", "prize"])
        audit.record(
            actor=actor,
            action="contest.entry.award",
            target=entry,
            before=before,
            after=audit.snapshot(entry, ENTRY_AUDITED),
        )
    return _move_contest(actor, contest, ContestAction.CLOSE_FINAL)


@transaction.atomic
def announce(*, actor: Actor, contest: Contest, at: datetime | None = None) -> Contest:
    """The winners become public (the winners page and the API)."""
    contest = _locked(contest)
    CONTEST.check(contest.status, ContestAction.ANNOUNCE, roles_on(actor, contest))
    contest.awarded_at = _now(at)
    return _move_contest(actor, contest, ContestAction.ANNOUNCE)


# ------------------------------------------------------------------------------------------ register


@transaction.atomic
def register_winner(*, actor: Actor, entry: Entry, at: datetime | None = None) -> GoodModel:
    """An awarded entry goes into the register of good models and initiatives, published."""
    entry = Entry.objects.select_related("contest", "agency", "prize").get(pk=entry.pk)
    require_secretariat(roles_on(actor, entry.contest))
    if entry.contest.status != ContestStatus.AWARDED or entry.prize is None:
        raise ValidationError(
            _("Chỉ bài đã đạt giải được đưa vào sổ. / Only awarded entries are registered.")
        )
    found = GoodModel.objects.filter(entry=entry).first()
    if found is not None:
        return found
    good = GoodModel(
        kind=GoodModelKind.MODEL if entry.category == "model" else GoodModelKind.INITIATIVE,
        title=entry.title,
        agency=entry.agency or entry.contest.organiser,
        summary=entry.summary,
        recognised_on=timezone.localdate(_now(at)),
        basis=f"{entry.prize.name} — {entry.contest.title}"[:255],
        entry=entry,
        published=True,
        recorded_by=actor,
    )
    good.full_clean()
    good.save()
    audit.record(actor=actor, action="contest.goodmodel.register", target=good)
    return good


@transaction.atomic
def record_good_model(*, actor: User, data: Mapping[str, Any]) -> GoodModel:
    """A model, an initiative or a unit doing poorly, recorded by a communication or control officer."""
    agency = data.get("agency")
    require(actor, "contest.keep_register", agency)
    good = GoodModel(
        kind=data.get("kind") or "",
        title=str(data.get("title") or "").strip(),
        agency=agency,
        summary=str(data.get("summary") or "").strip(),
        recognised_on=data.get("recognised_on") or timezone.localdate(),
        basis=str(data.get("basis") or "").strip(),
        published=bool(data.get("published")),
        recorded_by=actor,
    )
    good.full_clean()
    good.save()
    audit.record(actor=actor, action="contest.goodmodel.record", target=good)
    return good


@transaction.atomic
def link_good_model(*, actor: Actor, good_model: GoodModel, target: Model) -> GoodModelLink:
    """Tie an activity, an article or another record to a registered model (idempotent)."""
    if actor is not None:
        require(actor, "contest.keep_register", good_model.agency)
    from django.contrib.contenttypes.models import ContentType

    link, created = GoodModelLink.objects.get_or_create(
        good_model=good_model, target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    )
    if created:
        audit.record(
            actor=actor,
            action="contest.goodmodel.link",
            target=good_model,
            changes={"link": [None, f"{target._meta.label_lower}:{target.pk}"]},
        )
    return link
