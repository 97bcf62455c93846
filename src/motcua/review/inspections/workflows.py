"""The status table of a recommendation's follow-up (core.workflow).

The inspected agency reports the recommendation carried out, with its evidence; the control officers who
manage the plan accept the report, or send it back with the reason (the agency reports again).

Roles:
- AGENCY: works at the agency the recommendation is addressed to (or one of its divisions);
- MANAGER: manages the inspection's control plan (control.manage_plan);
- SYSTEM: `actor=None`, the platform itself (demo loading).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.workflow import Workflow, system_row

AGENCY = "inspected_agency"
MANAGER = "plan_manager"


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Chưa thực hiện")
    REPORTED = "reported", _("Chờ chấp nhận kết quả")
    ACCEPTED = "accepted", _("Đã chấp nhận kết quả")


class FollowUpAction(models.TextChoices):
    REPORT = "report", _("Báo cáo hoàn thành")
    ACCEPT = "accept", _("Chấp nhận kết quả")
    SEND_BACK = "send_back", _("Trả lại, yêu cầu bổ sung")


FOLLOW_UP = Workflow(
    "recommendation_follow_up",
    (
        system_row(FollowUpStatus.OPEN, FollowUpAction.REPORT, FollowUpStatus.REPORTED, {AGENCY, MANAGER}),
        system_row(FollowUpStatus.REPORTED, FollowUpAction.ACCEPT, FollowUpStatus.ACCEPTED, {MANAGER}),
        system_row(FollowUpStatus.REPORTED, FollowUpAction.SEND_BACK, FollowUpStatus.OPEN, {MANAGER}),
    ),
    status_field="status",
    statuses=FollowUpStatus,
    actions=FollowUpAction,
    subject=_("kiến nghị"),
)
