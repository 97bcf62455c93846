"""Review and simplification of procedures (rà soát, đánh giá TTHC): the items of a review plan, the
official review form of each procedure with its compliance cost, and the chairman's decisions approving
the simplification options.

A review plan is a control plan of kind "review" (control.Plan); each item carries a control task, so the
deadline, the reminders and the progress reports are the control module's. The hourly income that prices
the applicant's time is a dated legal parameter with its statistical source.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.catalog.completeness import PARTS
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.control.models import Plan, Task
from motcua.core.models import LegalParameter
from motcua.core.uploads import PolicyValidator
from motcua.org.models import Agency

from .workflows import REVIEW, ReviewStatus

__all__ = ["ReviewStatus"]

ZERO = Decimal(0)
NOT_NEGATIVE = [MinValueValidator(ZERO)]


class IncomeRate(LegalParameter):
    """The average income that prices one hour of an applicant's time (TT 07/2014/TT-BTP; Điều 27
    TT 02/2017/TT-VPCP): monthly income ÷ working days a month ÷ working hours a day."""

    monthly_income = models.DecimalField(
        _("thu nhập bình quân tháng (đồng)"), max_digits=14, decimal_places=0, validators=NOT_NEGATIVE
    )
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc trong tháng"), default=22)
    working_hours = models.PositiveSmallIntegerField(_("số giờ làm việc trong ngày"), default=8)
    statistical_source = models.CharField(
        _("nguồn số liệu thống kê"),
        max_length=255,
        help_text=_("Ví dụ: Tổng cục Thống kê, thu nhập bình quân tháng của lao động năm 2024"),
    )

    class Meta(LegalParameter.Meta):
        verbose_name = _("mức thu nhập bình quân tính chi phí tuân thủ")
        verbose_name_plural = _("mức thu nhập bình quân tính chi phí tuân thủ")
        ordering = ["-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.UniqueConstraint(fields=["valid_from"], name="review_income_rate_uniq"),
            models.CheckConstraint(
                condition=Q(working_days__gte=1, working_hours__gte=1), name="review_income_rate_divisors"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.monthly_income:,.0f} đ/tháng — {self.statistical_source}"

    @property
    def hourly_income(self) -> Decimal:
        """Đồng per hour, to the đồng (half up)."""
        hours = Decimal(self.working_days) * Decimal(self.working_hours)
        return (Decimal(self.monthly_income) / hours).quantize(Decimal(1), rounding=ROUND_HALF_UP)


class ReviewItem(models.Model):
    """A row of the review plan: which procedures (one, or a group), which agency reviews, by when."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch rà soát"), on_delete=models.CASCADE, related_name="review_items"
    )
    group_name = models.CharField(
        _("nhóm thủ tục"), max_length=255, blank=True, help_text=_("Để trống khi rà soát một thủ tục")
    )
    procedures = models.ManyToManyField(
        Procedure, verbose_name=_("thủ tục được rà soát"), related_name="review_items"
    )
    reviewing_agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan rà soát"), on_delete=models.PROTECT, related_name="review_items"
    )
    due_on = models.DateField(_("thời hạn hoàn thành"))
    task = models.OneToOneField(
        Task,
        verbose_name=_("nhiệm vụ trong kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_item",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("nội dung rà soát")
        verbose_name_plural = _("nội dung rà soát")
        ordering = ["plan", "due_on", "pk"]

    def __str__(self) -> str:
        return self.group_name or ", ".join(p.national_code for p in self.procedures.all())


class ApprovalDecision(models.Model):
    """The chairman's decision approving simplification options (quyết định phê duyệt phương án)."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch rà soát"), on_delete=models.PROTECT, related_name="review_decisions"
    )
    number = models.CharField(_("số quyết định"), max_length=60)
    signed_on = models.DateField(_("ngày ký"))
    signer = models.CharField(_("người ký"), max_length=150)
    issuer = models.ForeignKey(
        Agency, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(
        _("tệp quyết định"),
        upload_to="review/decisions/%Y/",
        blank=True,
        validators=[PolicyValidator("plan_attachment")],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định phê duyệt phương án đơn giản hóa")
        verbose_name_plural = _("quyết định phê duyệt phương án đơn giản hóa")
        ordering = ["-signed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "number"], name="review_decision_number_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.signed_on:%d/%m/%Y})"


class Proposal(models.TextChoices):
    KEEP = "keep", _("Giữ nguyên")
    AMEND = "amend", _("Sửa đổi, bổ sung")
    REPLACE = "replace", _("Thay thế")
    ABOLISH = "abolish", _("Bãi bỏ")
    SIMPLIFY = "simplify", _("Đơn giản hóa bộ phận")


# A proposal that changes the procedure's content needs a draft of its next version in the catalog.
AMENDING = (Proposal.AMEND, Proposal.SIMPLIFY)


class ComplianceCost(models.Model):
    """The standard-cost figures of one procedure (TT 07/2014/TT-BTP): times a year, subjects, the hourly
    income in force, and the costs before and after, kept with the form so an approved option (or an
    assessment sent with an opinion) keeps the numbers it was judged on. The actions are CostAction rows.
    Shared by the review form and the impact assessment of a procedure in a draft regulation."""

    times_before = models.DecimalField(
        _("số lần thực hiện trong 01 năm (hiện tại)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal(1),
        validators=NOT_NEGATIVE,
    )
    times_after = models.DecimalField(
        _("số lần thực hiện trong 01 năm (sau đơn giản hóa)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal(1),
        validators=NOT_NEGATIVE,
    )
    subjects = models.PositiveIntegerField(_("số đối tượng tuân thủ trong 01 năm"), default=0)
    income_rate = models.ForeignKey(
        IncomeRate,
        verbose_name=_("mức thu nhập bình quân áp dụng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    hourly_income = models.DecimalField(
        _("thu nhập bình quân 01 giờ (đồng)"), max_digits=12, decimal_places=0, default=ZERO
    )
    cost_before = models.DecimalField(
        _("chi phí 01 lần (hiện tại)"), max_digits=16, decimal_places=0, default=ZERO
    )
    cost_after = models.DecimalField(
        _("chi phí 01 lần (sau đơn giản hóa)"), max_digits=16, decimal_places=0, default=ZERO
    )
    annual_before = models.DecimalField(
        _("chi phí 01 năm (hiện tại)"), max_digits=20, decimal_places=0, default=ZERO
    )
    annual_after = models.DecimalField(
        _("chi phí 01 năm (sau đơn giản hóa)"), max_digits=20, decimal_places=0, default=ZERO
    )

    class Meta:
        abstract = True

    @property
    def saving(self) -> Decimal:
        return self.annual_before - self.annual_after


class ProcedureReview(ComplianceCost):
    """The review form (biểu mẫu rà soát, đánh giá) of one procedure of an item, with its option."""

    item = models.ForeignKey(ReviewItem, on_delete=models.CASCADE, related_name="reviews")
    procedure = models.ForeignKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.PROTECT, related_name="reviews"
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    proposal = models.CharField(
        _("kiến nghị"), max_length=10, choices=Proposal.choices, default=Proposal.KEEP
    )
    option_text = models.TextField(_("nội dung phương án đơn giản hóa"), blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    implementation = models.TextField(
        _("kiến nghị thực thi"), blank=True, help_text=_("Văn bản, điều khoản cần sửa đổi, bổ sung")
    )
    dossiers_counted = models.PositiveIntegerField(
        _("số hồ sơ trên hệ thống trong 12 tháng"), null=True, blank=True
    )
    return_comment = models.TextField(_("ý kiến trả lại"), blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision = models.ForeignKey(
        ApprovalDecision,
        verbose_name=_("quyết định phê duyệt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    catalog_draft = models.ForeignKey(
        ProcedureVersion,
        verbose_name=_("dự thảo phiên bản thủ tục"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_requests",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("phiếu rà soát thủ tục")
        verbose_name_plural = _("phiếu rà soát thủ tục")
        ordering = ["item", "procedure__national_code"]
        constraints = [
            models.UniqueConstraint(fields=["item", "procedure"], name="review_once_per_item"),
            models.CheckConstraint(
                condition=~Q(status=ReviewStatus.APPROVED) | Q(decision__isnull=False),
                name="review_approved_has_decision",
            ),
            REVIEW.check_constraint("review_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.procedure.national_code} — {self.item.plan}"


# The constituent parts reviewed one by one: those of Art. 8 NĐ 63/2010 (catalog.completeness) and the
# requirements and forms, which the review form asks about too.
PART_CHOICES = [
    *((part.code, part.label) for part in PARTS.values()),
    ("requirements", _("yêu cầu, điều kiện thực hiện")),
    ("forms", _("mẫu đơn, mẫu tờ khai")),
]


class Assessment(models.TextChoices):
    YES = "yes", _("Có")
    NO = "no", _("Không")


class ReviewPart(models.Model):
    """One constituent part on the review form: is it necessary, reasonable, lawful, and what to do."""

    review = models.ForeignKey(ProcedureReview, on_delete=models.CASCADE, related_name="parts")
    part = models.CharField(_("bộ phận tạo thành"), max_length=20, choices=PART_CHOICES)
    necessary = models.CharField(_("cần thiết"), max_length=3, choices=Assessment.choices)
    reasonable = models.CharField(_("hợp lý"), max_length=3, choices=Assessment.choices)
    lawful = models.CharField(_("hợp pháp"), max_length=3, choices=Assessment.choices)
    finding = models.TextField(_("nhận xét"), blank=True)
    proposal = models.CharField(_("kiến nghị"), max_length=10, choices=Proposal.choices)
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("đánh giá bộ phận tạo thành")
        verbose_name_plural = _("đánh giá bộ phận tạo thành")
        ordering = ["review", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "part"], name="review_part_once"),
            models.CheckConstraint(
                condition=Q(proposal="keep") | ~Q(reason=""), name="review_part_change_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_part_display()}: {self.get_proposal_display()}"


class Phase(models.TextChoices):
    BEFORE = "before", _("Hiện tại")
    AFTER = "after", _("Sau đơn giản hóa")


class ActionKind(models.TextChoices):
    PAPERS = "papers", _("Chuẩn bị hồ sơ, giấy tờ")
    TRAVEL = "travel", _("Đi lại nộp hồ sơ, nhận kết quả")
    WAITING = "waiting", _("Chờ đợi")
    FEES = "fees", _("Phí, lệ phí")
    OUTSOURCED = "outsourced", _("Thuê dịch vụ, tư vấn")
    OTHER = "other", _("Chi phí khác")


class CostAction(models.Model):
    """One action of the applicant in the standard-cost model: its hours and its money costs; it belongs
    to a review form or to the impact assessment of a procedure in a draft regulation, never both."""

    review = models.ForeignKey(
        ProcedureReview, null=True, blank=True, on_delete=models.CASCADE, related_name="actions"
    )
    draft_procedure = models.ForeignKey(
        "review.DraftProcedure", null=True, blank=True, on_delete=models.CASCADE, related_name="actions"
    )
    phase = models.CharField(_("thời điểm"), max_length=6, choices=Phase.choices)
    kind = models.CharField(_("loại công việc"), max_length=12, choices=ActionKind.choices)
    description = models.CharField(_("công việc"), max_length=500)
    hours = models.DecimalField(
        _("số giờ thực hiện"), max_digits=8, decimal_places=2, default=ZERO, validators=NOT_NEGATIVE
    )
    money = models.DecimalField(
        _("chi phí bằng tiền (đồng)"),
        max_digits=14,
        decimal_places=0,
        default=ZERO,
        validators=NOT_NEGATIVE,
        help_text=_("Phí, lệ phí, sao chụp, công chứng, đi lại, thuê dịch vụ"),
    )

    class Meta:
        verbose_name = _("công việc tính chi phí")
        verbose_name_plural = _("công việc tính chi phí")
        ordering = ["review", "phase", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gte=0, money__gte=0), name="review_action_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(review__isnull=True, draft_procedure__isnull=False)
                | Q(review__isnull=False, draft_procedure__isnull=True),
                name="review_action_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.description


# The control of draft regulations and the inspections live in their own modules of this app.
from .drafts.models import DraftProcedure, DraftRegulation, OpinionTimeLimit  # noqa: E402

__all__ += ["DraftProcedure", "DraftRegulation", "OpinionTimeLimit"]
from .inspections.models import Inspection, MisconductCase, Recommendation  # noqa: E402

__all__ += ["Inspection", "MisconductCase", "Recommendation"]
