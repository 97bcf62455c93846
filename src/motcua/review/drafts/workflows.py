"""The status table of a draft regulation sent for opinion (core.workflow).

The control unit (the staff who manage the control plan the draft is registered under) records the draft
when the file arrives and answers it; the drafting agency (or the control unit, from its letter) records its
explanation of what it accepted; either records the issued document.

Roles:
- CONTROL: manages the draft's control plan (control.manage_plan);
- DRAFTER: works at the drafting agency or one of its divisions;
- SYSTEM: `actor=None`, the platform itself (demo loading).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.workflow import NEW, Workflow, system_row

CONTROL = "control_unit"
DRAFTER = "drafting_agency"


class DraftStatus(models.TextChoices):
    REGISTERED = "registered", _("Chờ ý kiến")
    ANSWERED = "answered", _("Đã có ý kiến")
    EXPLAINED = "explained", _("Đã tiếp thu, giải trình")
    ISSUED = "issued", _("Đã ban hành")


class DraftAction(models.TextChoices):
    REGISTER = "register", _("Vào sổ dự thảo")
    ANSWER = "answer", _("Gửi ý kiến")
    EXPLAIN = "explain", _("Ghi nhận tiếp thu, giải trình")
    ISSUE = "issue", _("Ghi nhận văn bản đã ban hành")


DRAFT = Workflow(
    "draft_regulation",
    (
        system_row(NEW, DraftAction.REGISTER, DraftStatus.REGISTERED, {CONTROL}),
        system_row(DraftStatus.REGISTERED, DraftAction.ANSWER, DraftStatus.ANSWERED, {CONTROL}),
        system_row(DraftStatus.ANSWERED, DraftAction.EXPLAIN, DraftStatus.EXPLAINED, {CONTROL, DRAFTER}),
        system_row(DraftStatus.EXPLAINED, DraftAction.ISSUE, DraftStatus.ISSUED, {CONTROL, DRAFTER}),
    ),
    status_field="status",
    statuses=DraftStatus,
    actions=DraftAction,
    subject=_("dự thảo văn bản"),
)
