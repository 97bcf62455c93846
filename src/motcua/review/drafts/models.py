"""The register of draft regulations sent to the TTHC-control unit for opinion, and the procedures in each.

A draft is registered under a control plan (the yearly TTHC-control plan, or a review plan) and carries a
control task for the control unit whose deadline is the opinion's: the control module's queues, reminders
and progress reports follow it as they follow a review item. The time limit is a dated legal parameter.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import Procedure, ProcedureVersion, PublicationDecision
from motcua.control.models import Plan, Task
from motcua.core.models import LegalParameter
from motcua.org.models import Agency

from ..models import ComplianceCost
from .workflows import DRAFT, DraftStatus


class OpinionTimeLimit(LegalParameter):
    """Working days the TTHC-control unit has to give its opinion on the procedures in a draft, counted
    from the day after it receives the file (Điều 9 NĐ 63/2010/NĐ-CP, sửa đổi bởi NĐ 48/2013/NĐ-CP và
    NĐ 92/2017/NĐ-CP: see docs/review.md for what was and was not verified)."""

    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"))

    class Meta(LegalParameter.Meta):
        verbose_name = _("thời hạn góp ý dự thảo có quy định TTHC")
        verbose_name_plural = _("thời hạn góp ý dự thảo có quy định TTHC")
        ordering = ["-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.UniqueConstraint(fields=["valid_from"], name="review_opinion_limit_uniq"),
            models.CheckConstraint(condition=Q(working_days__gte=1), name="review_opinion_limit_positive"),
        ]

    def __str__(self) -> str:
        return _("%(n)s ngày làm việc (%(basis)s)") % {"n": self.working_days, "basis": self.legal_basis}


class DocumentKind(models.TextChoices):
    COUNCIL_RESOLUTION = "council_resolution", _("Nghị quyết của Hội đồng nhân dân")
    COMMITTEE_DECISION = "committee_decision", _("Quyết định của Ủy ban nhân dân")
    OTHER = "other", _("Văn bản khác")


class DraftRegulation(models.Model):
    """A draft legal document containing procedures, as sent to the control unit for opinion."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch kiểm soát"), on_delete=models.PROTECT, related_name="draft_regulations"
    )
    task = models.OneToOneField(
        Task,
        verbose_name=_("nhiệm vụ góp ý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="draft_regulation",
    )
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("tên dự thảo"), max_length=500)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=255)
    drafting_agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan chủ trì soạn thảo"), on_delete=models.PROTECT, related_name="+"
    )
    control_agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan kiểm soát TTHC"), on_delete=models.PROTECT, related_name="+"
    )
    sent_on = models.DateField(_("ngày gửi lấy ý kiến"))
    received_on = models.DateField(_("ngày nhận hồ sơ"))
    time_limit = models.ForeignKey(
        OpinionTimeLimit, verbose_name=_("thời hạn áp dụng"), on_delete=models.PROTECT, related_name="+"
    )
    opinion_due_on = models.DateField(_("hạn có ý kiến"), db_index=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=DraftStatus.choices, default=DraftStatus.REGISTERED
    )
    opinion_number = models.CharField(_("số văn bản góp ý"), max_length=60, blank=True)
    opinion_on = models.DateField(_("ngày góp ý"), null=True, blank=True)
    opinion_text = models.TextField(_("ý kiến chung"), blank=True)
    explanation_on = models.DateField(_("ngày nhận văn bản tiếp thu, giải trình"), null=True, blank=True)
    explanation_text = models.TextField(_("tiếp thu, giải trình chung"), blank=True)
    issued_number = models.CharField(_("số, ký hiệu văn bản ban hành"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    publication_decision = models.ForeignKey(
        PublicationDecision,
        verbose_name=_("quyết định công bố"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="draft_regulations",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("vào sổ lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("dự thảo văn bản có quy định TTHC")
        verbose_name_plural = _("sổ dự thảo văn bản có quy định TTHC")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(received_on__gte=models.F("sent_on")), name="review_draft_received_after_sent"
            ),
            models.CheckConstraint(
                condition=Q(status=DraftStatus.REGISTERED) | Q(opinion_on__isnull=False),
                name="review_draft_answer_dated",
            ),
            models.CheckConstraint(
                condition=~Q(status=DraftStatus.ISSUED) | (~Q(issued_number="") & Q(issued_on__isnull=False)),
                name="review_draft_issued_numbered",
            ),
            DRAFT.check_constraint("review_draft_status_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def answered_late(self) -> bool | None:
        return None if self.opinion_on is None else self.opinion_on > self.opinion_due_on


class ChangeKind(models.TextChoices):
    NEW = "new", _("Quy định mới")
    AMEND = "amend", _("Sửa đổi, bổ sung")
    REPLACE = "replace", _("Thay thế")
    ABOLISH = "abolish", _("Bãi bỏ")


# A change whose procedure already exists in the catalog and goes on to a next version there.
CATALOG_CHANGES = (ChangeKind.AMEND, ChangeKind.REPLACE)


class Acceptance(models.TextChoices):
    ACCEPTED = "accepted", _("Tiếp thu")
    PARTLY = "partly", _("Tiếp thu một phần")
    NOT_ACCEPTED = "not_accepted", _("Không tiếp thu, có giải trình")


class DraftProcedure(ComplianceCost):
    """One procedure the draft creates, amends, replaces or abolishes, with its impact assessment (TT
    07/2014/TT-BTP: necessity, reasonableness, legality, compliance cost), the control unit's opinion on it
    and the drafting agency's answer. "Before" is the procedure in force (nothing for a new one), "after"
    the procedure as drafted (nothing when abolished)."""

    draft = models.ForeignKey(DraftRegulation, on_delete=models.CASCADE, related_name="procedures")
    change = models.CharField(_("nội dung quy định"), max_length=10, choices=ChangeKind.choices)
    procedure = models.ForeignKey(
        Procedure,
        verbose_name=_("thủ tục trong danh mục"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="draft_regulation_rows",
    )
    name = models.CharField(_("tên thủ tục trong dự thảo"), max_length=2000)
    necessity = models.TextField(_("sự cần thiết"), blank=True)
    reasonableness = models.TextField(_("tính hợp lý"), blank=True)
    legality = models.TextField(_("tính hợp pháp"), blank=True)
    opinion = models.TextField(_("ý kiến của cơ quan kiểm soát"), blank=True)
    acceptance = models.CharField(_("tiếp thu"), max_length=12, choices=Acceptance.choices, blank=True)
    explanation = models.TextField(_("giải trình của cơ quan soạn thảo"), blank=True)
    catalog_draft = models.ForeignKey(
        ProcedureVersion,
        verbose_name=_("dự thảo phiên bản thủ tục"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="draft_regulation_requests",
    )

    class Meta:
        verbose_name = _("thủ tục trong dự thảo")
        verbose_name_plural = _("thủ tục trong dự thảo")
        ordering = ["draft", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(change=ChangeKind.NEW) | Q(procedure__isnull=False),
                name="review_draft_procedure_in_catalog",
            ),
            models.UniqueConstraint(
                fields=["draft", "procedure"],
                condition=Q(procedure__isnull=False),
                name="review_draft_procedure_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_change_display()}: {self.name[:120]}"
