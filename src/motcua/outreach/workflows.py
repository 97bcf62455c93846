"""The status table of a citizen's question on procedures (core.workflow): the Q&A desk routes it to the
competent agency, the agency's staff answer, its leader approves, the desk publishes it into the public Q&A.

Roles are what the actor is to one question (qa_rules.roles_on):
- DESK: a communication officer (or administrator) of the province, who keeps the public Q&A;
- ANSWERER: a specialist, division head or leader of the agency the question is routed to;
- APPROVER: a leader of that agency;
- SYSTEM: `actor=None`, the platform itself (the portal's anonymous intake, data loading).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.workflow import NEW, Workflow, system_row

ASKER = "asker"
DESK = "desk"
ANSWERER = "answerer"
APPROVER = "approver"


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", _("Chờ chuyển cơ quan trả lời")
    ROUTED = "routed", _("Cơ quan đang trả lời")
    AWAITING_APPROVAL = "awaiting_approval", _("Chờ lãnh đạo duyệt")
    APPROVED = "approved", _("Đã duyệt, chờ công khai")
    PUBLISHED = "published", _("Đã công khai")
    DECLINED = "declined", _("Không trả lời (không thuộc phạm vi)")


class QuestionAction(models.TextChoices):
    ASK = "ask", _("Gửi câu hỏi")
    ROUTE = "route", _("Chuyển cơ quan trả lời")
    DECLINE = "decline", _("Không trả lời")
    RETURN_TO_DESK = "return_to_desk", _("Trả lại bộ phận hỏi đáp")
    DRAFT_ANSWER = "draft_answer", _("Trình dự thảo trả lời")
    APPROVE = "approve", _("Duyệt trả lời")
    SEND_BACK = "send_back", _("Trả lại dự thảo")
    PUBLISH = "publish", _("Công khai câu hỏi và trả lời")


_S, _A = QuestionStatus, QuestionAction
QUESTION = Workflow(
    "question",
    (
        system_row(NEW, _A.ASK, _S.RECEIVED, {ASKER, DESK}),
        system_row(_S.RECEIVED, _A.ROUTE, _S.ROUTED, {DESK}),
        system_row(_S.RECEIVED, _A.DECLINE, _S.DECLINED, {DESK}),
        system_row(_S.ROUTED, _A.ROUTE, _S.ROUTED, {DESK}),
        system_row(_S.ROUTED, _A.RETURN_TO_DESK, _S.RECEIVED, {ANSWERER, APPROVER}),
        system_row(_S.ROUTED, _A.DRAFT_ANSWER, _S.AWAITING_APPROVAL, {ANSWERER, APPROVER}),
        system_row(_S.AWAITING_APPROVAL, _A.APPROVE, _S.APPROVED, {APPROVER}),
        system_row(_S.AWAITING_APPROVAL, _A.SEND_BACK, _S.ROUTED, {APPROVER}),
        system_row(_S.APPROVED, _A.PUBLISH, _S.PUBLISHED, {DESK}),
    ),
    status_field="status",
    statuses=QuestionStatus,
    actions=QuestionAction,
    subject=_("câu hỏi"),
)

OPEN_STATUSES = (_S.RECEIVED, _S.ROUTED, _S.AWAITING_APPROVAL, _S.APPROVED)


# ------------------------------------------------------------------------------------------- bulletin

AUTHOR = "author"
EDITOR = "editor"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Chờ biên tập duyệt")
    SCHEDULED = "scheduled", _("Đã duyệt, chờ đến giờ đăng")
    PUBLISHED = "published", _("Đã đăng")
    WITHDRAWN = "withdrawn", _("Đã gỡ")


class ArticleAction(models.TextChoices):
    WRITE = "write", _("Viết bài")
    SUBMIT = "submit", _("Gửi biên tập duyệt")
    RETURN = "return", _("Trả lại tác giả")
    SCHEDULE = "schedule", _("Duyệt, hẹn giờ đăng")
    PUBLISH = "publish", _("Đăng bài")
    WITHDRAW = "withdraw", _("Gỡ bài")


_AS, _AA = ArticleStatus, ArticleAction
ARTICLE = Workflow(
    "article",
    (
        system_row(NEW, _AA.WRITE, _AS.DRAFT, {AUTHOR, EDITOR}),
        system_row(_AS.DRAFT, _AA.SUBMIT, _AS.SUBMITTED, {AUTHOR, EDITOR}),
        system_row(_AS.SUBMITTED, _AA.RETURN, _AS.DRAFT, {EDITOR}),
        system_row(_AS.SUBMITTED, _AA.SCHEDULE, _AS.SCHEDULED, {EDITOR}),
        system_row(_AS.SUBMITTED, _AA.PUBLISH, _AS.PUBLISHED, {EDITOR}),
        system_row(_AS.SCHEDULED, _AA.PUBLISH, _AS.PUBLISHED, {EDITOR}),
        system_row(_AS.SCHEDULED, _AA.RETURN, _AS.DRAFT, {EDITOR}),
        system_row(_AS.PUBLISHED, _AA.WITHDRAW, _AS.WITHDRAWN, {EDITOR}),
    ),
    status_field="status",
    statuses=ArticleStatus,
    actions=ArticleAction,
    subject=_("bài viết"),
)
