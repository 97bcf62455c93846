"""The status table of a review form (core.workflow).

A reviewing agency fills the form (draft) and sends it to the office that follows the review plan
(submitted); the office sends it back with a comment (back to draft) or records the chairman's decision
approving its option (approved). An approved form no longer changes: its figures are the ones the decision
approved and the province's report sums.

Roles:
- REVIEWER: works at the item's reviewing agency;
- MANAGER: manages the review plan (control.manage_plan);
- SYSTEM: `actor=None`, the platform itself (demo loading).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.workflow import NEW, Workflow, system_row

REVIEWER = "reviewing_agency"
MANAGER = "plan_manager"


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Đang rà soát")
    SUBMITTED = "submitted", _("Đã gửi, chờ phê duyệt")
    APPROVED = "approved", _("Phương án đã được phê duyệt")


class ReviewAction(models.TextChoices):
    START = "start", _("Bắt đầu rà soát")
    SUBMIT = "submit", _("Gửi kết quả rà soát")
    RETURN = "return", _("Trả lại để rà soát tiếp")
    APPROVE = "approve", _("Phê duyệt phương án")


REVIEW = Workflow(
    "review",
    (
        system_row(NEW, ReviewAction.START, ReviewStatus.DRAFT, {REVIEWER, MANAGER}),
        system_row(ReviewStatus.DRAFT, ReviewAction.SUBMIT, ReviewStatus.SUBMITTED, {REVIEWER}),
        system_row(ReviewStatus.SUBMITTED, ReviewAction.RETURN, ReviewStatus.DRAFT, {MANAGER}),
        system_row(ReviewStatus.SUBMITTED, ReviewAction.APPROVE, ReviewStatus.APPROVED, {MANAGER}),
    ),
    status_field="status",
    statuses=ReviewStatus,
    actions=ReviewAction,
    subject=_("phiếu rà soát"),
)
