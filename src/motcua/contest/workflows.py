"""The two status tables of a contest (core.workflow).

A contest moves through its rounds: draft → open for entries → preliminary round (eligibility check and
scoring) → final round → decided (ranks and prizes recorded) → awarded (winners public). An entry is
submitted, checked by the secretariat (eligible or not), and the eligible ones that the preliminary round
ranks high enough become finalists.

Roles are what the actor is to the contest (rules.roles_on): SECRETARIAT and JUROR are members of the
contest (models.Member); ENTRANT is whoever submits; SYSTEM is `actor=None` (data loading).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.workflow import NEW, Workflow, system_row

SECRETARIAT = "secretariat"
JUROR = "juror"
ENTRANT = "entrant"


class ContestStatus(models.TextChoices):
    DRAFT = "draft", _("Đang chuẩn bị")
    OPEN = "open", _("Đang nhận bài dự thi")
    PRELIMINARY = "preliminary", _("Vòng sơ khảo")
    FINAL = "final", _("Vòng chung khảo")
    DECIDED = "decided", _("Đã có kết quả, chờ công bố")
    AWARDED = "awarded", _("Đã trao giải")


class ContestAction(models.TextChoices):
    LAUNCH = "launch", _("Phát động hội thi")
    CLOSE_ENTRIES = "close_entries", _("Kết thúc nhận bài, bắt đầu sơ khảo")
    CLOSE_PRELIMINARY = "close_preliminary", _("Kết thúc sơ khảo, chọn bài vào chung khảo")
    CLOSE_FINAL = "close_final", _("Kết thúc chung khảo, xếp hạng và xét giải")
    ANNOUNCE = "announce", _("Công bố kết quả, trao giải")


class EntryStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Đã nộp, chờ kiểm tra")
    ELIGIBLE = "eligible", _("Hợp lệ, dự vòng sơ khảo")
    INELIGIBLE = "ineligible", _("Không hợp lệ")
    FINALIST = "finalist", _("Vào vòng chung khảo")


class EntryAction(models.TextChoices):
    SUBMIT = "submit", _("Nộp bài dự thi")
    ACCEPT = "accept", _("Xác nhận hợp lệ")
    REJECT = "reject", _("Không hợp lệ")
    RECONSIDER = "reconsider", _("Kiểm tra lại")
    ADVANCE = "advance", _("Vào vòng chung khảo")


_C, _CA = ContestStatus, ContestAction
CONTEST = Workflow(
    "contest",
    (
        system_row(_C.DRAFT, _CA.LAUNCH, _C.OPEN, {SECRETARIAT}),
        system_row(_C.OPEN, _CA.CLOSE_ENTRIES, _C.PRELIMINARY, {SECRETARIAT}),
        system_row(_C.PRELIMINARY, _CA.CLOSE_PRELIMINARY, _C.FINAL, {SECRETARIAT}),
        system_row(_C.FINAL, _CA.CLOSE_FINAL, _C.DECIDED, {SECRETARIAT}),
        system_row(_C.DECIDED, _CA.ANNOUNCE, _C.AWARDED, {SECRETARIAT}),
    ),
    statuses=ContestStatus,
    actions=ContestAction,
    subject=_("hội thi"),
)

_E, _EA = EntryStatus, EntryAction
ENTRY = Workflow(
    "contest_entry",
    (
        system_row(NEW, _EA.SUBMIT, _E.SUBMITTED, {ENTRANT}),
        system_row(_E.SUBMITTED, _EA.ACCEPT, _E.ELIGIBLE, {SECRETARIAT}),
        system_row(_E.SUBMITTED, _EA.REJECT, _E.INELIGIBLE, {SECRETARIAT}),
        system_row(_E.INELIGIBLE, _EA.RECONSIDER, _E.SUBMITTED, {SECRETARIAT}),
        system_row(_E.ELIGIBLE, _EA.RECONSIDER, _E.SUBMITTED, {SECRETARIAT}),
        system_row(_E.ELIGIBLE, _EA.ADVANCE, _E.FINALIST, {SECRETARIAT}),
    ),
    statuses=EntryStatus,
    actions=EntryAction,
    subject=_("bài dự thi"),
)


class Round(models.TextChoices):
    PRELIMINARY = "preliminary", _("Sơ khảo")
    FINAL = "final", _("Chung khảo")


# The contest status during which each round is scored, and the statuses in which it is closed (its scores
# and ranking visible to the secretariat and the jury).
SCORING_STATUS = {Round.PRELIMINARY: ContestStatus.PRELIMINARY, Round.FINAL: ContestStatus.FINAL}
CLOSED_AFTER = {
    Round.PRELIMINARY: (ContestStatus.FINAL, ContestStatus.DECIDED, ContestStatus.AWARDED),
    Round.FINAL: (ContestStatus.DECIDED, ContestStatus.AWARDED),
}
# The entries each round scores.
ROUND_ENTRIES = {
    Round.PRELIMINARY: (EntryStatus.ELIGIBLE, EntryStatus.FINALIST),
    Round.FINAL: (EntryStatus.FINALIST,),
}
