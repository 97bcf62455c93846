"""The dossier lifecycle as one table: (state, action) → next state, and who may do it.

Services look every action up here (a core.workflow table, like every stateful model's); no other code
assigns `Dossier.status`, and a database constraint keeps the column to the statuses below. Overdue is not
a state: it is computed from the due date (selectors.overdue). An apology with extension keeps the state
and moves the due date. `RESUME` means "back to the state the dossier was in when the supplement was
requested": before reception the applicant completes a submission that is checked again, after it
processing continues.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.workflow import NEW, Transition, Workflow, row
from motcua.core.workflow import TransitionRefused as TransitionRefused  # services catch it from here
from motcua.org.models import Role


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Chờ kiểm tra, tiếp nhận")
    RECEIVED = "received", _("Đã tiếp nhận")
    PROCESSING = "processing", _("Đang giải quyết")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("Chờ bổ sung hồ sơ")
    STOPPED = "stopped", _("Dừng giải quyết")
    RESULT_READY = "result_ready", _("Có kết quả, chờ trả")
    RETURNED = "returned", _("Đã trả kết quả")
    REFUSED = "refused", _("Từ chối")
    WITHDRAWN = "withdrawn", _("Đã rút hồ sơ")


class Action(models.TextChoices):
    SUBMIT = "submit", _("Nộp hồ sơ trực tuyến hoặc qua bưu chính")
    RECEIVE_AT_COUNTER = "receive_at_counter", _("Tiếp nhận tại quầy")
    RECEIVE = "receive", _("Tiếp nhận hồ sơ đã nộp")
    REQUEST_COMPLETION = "request_completion", _("Hướng dẫn hoàn thiện hồ sơ")
    REFUSE = "refuse", _("Từ chối")
    HAND_OVER = "hand_over", _("Chuyển bước tiếp theo")
    SEND_BACK = "send_back", _("Trả lại bước trước")
    REQUEST_SUPPLEMENT = "request_supplement", _("Yêu cầu bổ sung")
    SUPPLEMENT = "supplement", _("Ghi nhận hồ sơ bổ sung")
    STOP = "stop", _("Dừng giải quyết")
    EXTEND = "extend", _("Xin lỗi và gia hạn")
    WITHDRAW = "withdraw", _("Rút hồ sơ")
    ATTACH_RESULT = "attach_result", _("Cập nhật kết quả")
    RETURN_RESULT = "return_result", _("Trả kết quả")


APPLICANT = "applicant"  # the citizen account that submitted the dossier; not an org role
RESUME = "resume"

ONE_STOP = Role.ONE_STOP_OFFICER.value
SPECIALIST = Role.SPECIALIST.value
HEAD = Role.DIVISION_HEAD.value
LEADER = Role.AGENCY_LEADER.value
PROCESSORS = frozenset({SPECIALIST, HEAD, LEADER})
DECIDERS = frozenset({HEAD, LEADER})
ACTING_ROLES = (APPLICANT, ONE_STOP, SPECIALIST, HEAD, LEADER)

S = Status
A = Action


_t = row

TABLE: tuple[Transition, ...] = (
    _t(NEW, A.SUBMIT, S.SUBMITTED, {APPLICANT, ONE_STOP}),  # the officer registers a postal envelope
    _t(NEW, A.RECEIVE_AT_COUNTER, S.RECEIVED, {ONE_STOP}),
    _t(S.SUBMITTED, A.RECEIVE, S.RECEIVED, {ONE_STOP}),
    _t(S.SUBMITTED, A.REQUEST_COMPLETION, S.SUPPLEMENT_REQUESTED, {ONE_STOP}),
    _t(S.SUBMITTED, A.REFUSE, S.REFUSED, {ONE_STOP}),
    _t(S.SUBMITTED, A.WITHDRAW, S.WITHDRAWN, {APPLICANT, ONE_STOP}),
    _t(S.RECEIVED, A.HAND_OVER, S.PROCESSING, {ONE_STOP}),
    _t(S.RECEIVED, A.REQUEST_SUPPLEMENT, S.SUPPLEMENT_REQUESTED, {ONE_STOP, *PROCESSORS}),
    _t(S.RECEIVED, A.EXTEND, S.RECEIVED, DECIDERS),
    _t(S.RECEIVED, A.STOP, S.STOPPED, DECIDERS),
    _t(S.RECEIVED, A.REFUSE, S.REFUSED, DECIDERS),
    _t(S.RECEIVED, A.WITHDRAW, S.WITHDRAWN, {APPLICANT, ONE_STOP}),
    _t(S.PROCESSING, A.HAND_OVER, S.PROCESSING, PROCESSORS),
    _t(S.PROCESSING, A.SEND_BACK, S.PROCESSING, PROCESSORS),
    _t(S.PROCESSING, A.REQUEST_SUPPLEMENT, S.SUPPLEMENT_REQUESTED, PROCESSORS),
    _t(S.PROCESSING, A.EXTEND, S.PROCESSING, DECIDERS),
    _t(S.PROCESSING, A.STOP, S.STOPPED, DECIDERS),
    _t(S.PROCESSING, A.REFUSE, S.REFUSED, DECIDERS),
    _t(S.PROCESSING, A.ATTACH_RESULT, S.RESULT_READY, PROCESSORS),
    _t(S.PROCESSING, A.WITHDRAW, S.WITHDRAWN, {APPLICANT, ONE_STOP}),
    _t(S.SUPPLEMENT_REQUESTED, A.SUPPLEMENT, RESUME, {APPLICANT, ONE_STOP}),
    _t(S.SUPPLEMENT_REQUESTED, A.STOP, S.STOPPED, DECIDERS),
    _t(S.SUPPLEMENT_REQUESTED, A.WITHDRAW, S.WITHDRAWN, {APPLICANT, ONE_STOP}),
    _t(S.RESULT_READY, A.RETURN_RESULT, S.RETURNED, {ONE_STOP}),
)

# The table as core.workflow's mechanism: one implementation of lookups, refusals and the DB constraint.
DOSSIER = Workflow(
    "dossier",
    TABLE,
    status_field="status",
    statuses=Status,
    actions=Action,
    subject=_("hồ sơ"),
    pseudo_targets={RESUME},
)
transition = DOSSIER.transition
allowed_actions = DOSSIER.allowed_actions

# States in which the legal clock runs (a supplement request pauses it).
CLOCK_RUNNING = frozenset({S.RECEIVED, S.PROCESSING})
# States after which nothing happens any more.
FINAL = frozenset({S.RETURNED, S.REFUSED, S.WITHDRAWN, S.STOPPED})
