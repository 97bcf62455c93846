"""The feedback (PAKN) status table (core.workflow): intake check, routing, answer, approval, publication.

Services move `Feedback.status` only through `FEEDBACK.apply`; the model keeps the column valid with the
table's check constraint. Roles are what the actor is to one feedback item (rules.roles_on):
- SENDER: the citizen or business who sent it (their account, or the tracking code plus verification);
- RECEIVER: an officer of the receiving desk (the TTHC-control unit or the service centre; a desk row says
  which role at which agency receives, see models.FeedbackDesk);
- HANDLER: a specialist or division head at the agency the item is routed to;
- LEADER: a leader of that agency, who approves the answer;
- SYSTEM: `actor=None`, the platform itself (imports from the national portal, data loading).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.workflow import NEW, Workflow, system_row

SENDER = "sender"
RECEIVER = "receiver"
HANDLER = "handler"
LEADER = "leader"


class Status(models.TextChoices):
    RECEIVED = "received", _("Chờ kiểm tra, phân loại")
    INCOMPLETE = "incomplete", _("Chờ người gửi bổ sung")
    REFUSED = "refused", _("Không thuộc phạm vi, đã từ chối")
    ACCEPTED = "accepted", _("Đã phân loại, chờ chuyển xử lý")
    PROCESSING = "processing", _("Đang xử lý")
    AWAITING_APPROVAL = "awaiting_approval", _("Chờ lãnh đạo duyệt")
    APPROVED = "approved", _("Đã duyệt, chờ công khai")
    PUBLISHED = "published", _("Đã công khai kết quả")


class Action(models.TextChoices):
    SEND = "send", _("Gửi phản ánh, kiến nghị")
    RECORD = "record", _("Nhập phản ánh nhận qua thư, điện thoại, thư điện tử, trực tiếp")
    IMPORT = "import", _("Nhận từ Cổng Dịch vụ công quốc gia")
    REFUSE = "refuse", _("Từ chối (không thuộc phạm vi)")
    ASK_TO_COMPLETE = "ask_to_complete", _("Đề nghị bổ sung nội dung")
    SUPPLEMENT = "supplement", _("Bổ sung nội dung")
    ACCEPT = "accept", _("Tiếp nhận và phân loại")
    ROUTE = "route", _("Chuyển cơ quan có thẩm quyền")
    TRANSFER = "transfer", _("Chuyển cơ quan khác")
    RETURN_TO_DESK = "return_to_desk", _("Trả lại bộ phận tiếp nhận")
    DRAFT_ANSWER = "draft_answer", _("Trình dự thảo trả lời")
    APPROVE = "approve", _("Duyệt trả lời")
    SEND_BACK = "send_back", _("Trả lại dự thảo")
    PUBLISH = "publish", _("Công khai kết quả")


_S, _A = Status, Action
FEEDBACK = Workflow(
    "feedback",
    (
        system_row(NEW, _A.SEND, _S.RECEIVED, {SENDER}),
        system_row(NEW, _A.RECORD, _S.RECEIVED, {RECEIVER}),
        system_row(NEW, _A.IMPORT, _S.RECEIVED, {RECEIVER}),
        system_row(_S.RECEIVED, _A.REFUSE, _S.REFUSED, {RECEIVER}),
        system_row(_S.RECEIVED, _A.ASK_TO_COMPLETE, _S.INCOMPLETE, {RECEIVER}),
        system_row(_S.RECEIVED, _A.ACCEPT, _S.ACCEPTED, {RECEIVER}),
        system_row(_S.INCOMPLETE, _A.SUPPLEMENT, _S.RECEIVED, {SENDER, RECEIVER}),
        system_row(_S.ACCEPTED, _A.ROUTE, _S.PROCESSING, {RECEIVER}),
        system_row(_S.PROCESSING, _A.TRANSFER, _S.PROCESSING, {RECEIVER, HANDLER, LEADER}),
        system_row(_S.PROCESSING, _A.RETURN_TO_DESK, _S.ACCEPTED, {HANDLER, LEADER}),
        system_row(_S.PROCESSING, _A.DRAFT_ANSWER, _S.AWAITING_APPROVAL, {HANDLER, LEADER}),
        system_row(_S.AWAITING_APPROVAL, _A.APPROVE, _S.APPROVED, {LEADER}),
        system_row(_S.AWAITING_APPROVAL, _A.SEND_BACK, _S.PROCESSING, {LEADER}),
        system_row(_S.APPROVED, _A.PUBLISH, _S.PUBLISHED, {RECEIVER, LEADER}),
    ),
    status_field="status",
    statuses=Status,
    actions=Action,
    subject=_("phản ánh, kiến nghị"),
)

# Stages with a legal time limit (models.FeedbackLimit.stage) and the status whose clock each one runs.
OPEN_STATUSES = (
    Status.RECEIVED,
    Status.ACCEPTED,
    Status.PROCESSING,
    Status.AWAITING_APPROVAL,
    Status.APPROVED,
)
