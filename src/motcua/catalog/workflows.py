"""The publication status of a procedure (core.workflow): only a publication decision moves it.

Services move `Procedure.status` only through `PROCEDURE.apply` (catalog.services); the model keeps the column
valid with the table's check constraint. Roles:
- ISSUER: an officer holding `catalog.issue_decision` (the service checked it before the table is asked);
- SYSTEM: `actor=None`, the platform itself (the catalog import, demo data).

A procedure abolished or replaced may be brought back by a later decision publishing a new draft of it: the
catalog has always taken that as an amendment (a new version after the ending one), and the table keeps it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.workflow import Workflow, system_row

ISSUER = "decision_issuer"


class ProcedureStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo, chưa công bố")
    PUBLISHED = "published", _("Đã công bố")
    AMENDED = "amended", _("Đã công bố sửa đổi, bổ sung")
    ABOLISHED = "abolished", _("Đã bãi bỏ")


class ProcedureAction(models.TextChoices):
    PUBLISH = "publish", _("Công bố")
    AMEND = "amend", _("Công bố sửa đổi, bổ sung")
    END = "end", _("Bãi bỏ hoặc thay thế")


_S, _A = ProcedureStatus, ProcedureAction
PROCEDURE = Workflow(
    "procedure",
    (
        system_row(_S.DRAFT, _A.PUBLISH, _S.PUBLISHED, {ISSUER}),
        system_row(_S.PUBLISHED, _A.AMEND, _S.AMENDED, {ISSUER}),
        system_row(_S.AMENDED, _A.AMEND, _S.AMENDED, {ISSUER}),
        system_row(_S.ABOLISHED, _A.AMEND, _S.AMENDED, {ISSUER}),
        system_row(_S.PUBLISHED, _A.END, _S.ABOLISHED, {ISSUER}),
        system_row(_S.AMENDED, _A.END, _S.ABOLISHED, {ISSUER}),
    ),
    statuses=ProcedureStatus,
    actions=ProcedureAction,
    subject=_("thủ tục hành chính"),
)
