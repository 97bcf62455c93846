"""Feedback on administrative regulations (PAKN, NĐ 20/2008 as amended by NĐ 92/2017).

`status` is written only by services through the table in workflows.py; `version` is the optimistic lock
(each action states the version it saw, as dossiers do). A sender's contacts are personal data: pages show
them only to the officers handling the item, public pages mask them, and the audit trail never holds them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.core.models import AttachedFile, LegalParameter, private_file_field
from motcua.org.models import Agency, Role

from .workflows import FEEDBACK, OPEN_STATUSES, Status

OPEN_STATUS_VALUES = [str(s.value) for s in OPEN_STATUSES]


class Stage(models.TextChoices):
    """The stages that run on a legal clock (domain.md §8)."""

    REFUSE = "refuse", _("Từ chối phản ánh không thuộc phạm vi")
    COMPLETE = "complete", _("Đề nghị bổ sung nội dung")
    HANDLE = "handle", _("Xử lý phản ánh")
    PUBLISH = "publish", _("Công khai kết quả sau khi duyệt")


class FeedbackLimit(LegalParameter):
    """The working-day limit of one stage, in force over a period."""

    stage = models.CharField(_("giai đoạn"), max_length=20, choices=Stage.choices)
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"))

    class Meta(LegalParameter.Meta):
        verbose_name = _("thời hạn xử lý phản ánh")
        verbose_name_plural = _("thời hạn xử lý phản ánh")
        ordering = ["stage", "-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.UniqueConstraint(fields=["stage", "valid_from"], name="feedback_limit_stage_from_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.working_days}"


class FeedbackDesk(models.Model):
    """Which role at which agency receives feedback (the TTHC-control unit, a service centre): data, so a
    province names its own desks. The default desk receives what the portal and the national portal send."""

    agency = models.OneToOneField(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="feedback_desk"
    )
    role = models.CharField(
        _("vai trò tiếp nhận"), max_length=30, choices=Role.choices, default=Role.CONTROL_OFFICER
    )
    is_default = models.BooleanField(_("nơi tiếp nhận mặc định"), default=False)

    class Meta:
        verbose_name = _("bộ phận tiếp nhận phản ánh")
        verbose_name_plural = _("bộ phận tiếp nhận phản ánh")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="feedback_desk_one_default"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.get_role_display()}"


class Kind(models.TextChoices):
    REPORT = "report", _("Phản ánh")
    PROPOSAL = "proposal", _("Kiến nghị")


class Channel(models.TextChoices):
    PORTAL = "portal", _("Cổng dịch vụ công của tỉnh")
    NATIONAL_PORTAL = "national_portal", _("Cổng Dịch vụ công quốc gia")
    LETTER = "letter", _("Văn bản, thư")
    PHONE = "phone", _("Điện thoại")
    EMAIL = "email", _("Thư điện tử")
    IN_PERSON = "in_person", _("Trực tiếp")


class SenderKind(models.TextChoices):
    PERSON = "person", _("Cá nhân")
    ORGANISATION = "organisation", _("Tổ chức, doanh nghiệp")


class Category(models.TextChoices):
    REGULATION = "regulation", _("Quy định, chính sách, thủ tục hành chính")
    CONDUCT = "conduct", _("Hành vi của cán bộ, công chức")


class Feedback(models.Model):
    code = models.CharField(_("mã phản ánh"), max_length=20, unique=True)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.REPORT)
    channel = models.CharField(_("kênh tiếp nhận"), max_length=20, choices=Channel.choices)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    external_id = models.CharField(_("mã trên hệ thống nguồn"), max_length=60, blank=True)

    sender_kind = models.CharField(
        _("người gửi là"), max_length=15, choices=SenderKind.choices, default=SenderKind.PERSON
    )
    sender_name = models.CharField(_("họ tên, tên tổ chức"), max_length=200)
    sender_address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    sender_phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    sender_email = models.EmailField(_("thư điện tử"), blank=True)
    sender_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản người gửi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_sent",
    )

    title = models.CharField(_("tiêu đề"), max_length=255)
    content = models.TextField(_("nội dung phản ánh, kiến nghị"), max_length=10000)
    proposal = models.TextField(_("đề xuất, kiến nghị"), max_length=5000, blank=True)
    regulation = models.CharField(_("văn bản quy định"), max_length=255, blank=True)
    regulation_article = models.CharField(_("điều, khoản"), max_length=100, blank=True)
    procedure = models.ForeignKey(
        "catalog.Procedure",
        verbose_name=_("thủ tục hành chính"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("hồ sơ liên quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback",
    )
    follow_up_of = models.ForeignKey(
        "self",
        verbose_name=_("phản ánh về kết quả trả lời của"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )

    category = models.CharField(_("phân loại"), max_length=15, choices=Category.choices, blank=True)
    sector = models.ForeignKey(
        "catalog.Sector",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    receiving_agency = models.ForeignKey(
        Agency, verbose_name=_("nơi tiếp nhận"), on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan đang xử lý"), on_delete=models.PROTECT, related_name="feedback"
    )

    received_at = models.DateTimeField(_("tiếp nhận lúc"), db_index=True)
    due_at = models.DateTimeField(_("hạn của giai đoạn"), null=True, blank=True)
    handle_due_at = models.DateTimeField(_("hạn xử lý"), null=True, blank=True)
    missing_content = models.TextField(_("nội dung cần bổ sung"), blank=True)
    refusal_reason = models.TextField(_("lý do từ chối, nơi có thẩm quyền"), blank=True)

    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_late = models.BooleanField(_("xử lý quá hạn"), default=False)
    published_at = models.DateTimeField(_("công khai lúc"), null=True, blank=True, db_index=True)
    agree_count = models.PositiveIntegerField(_("số lượt đồng ý"), default=0)
    disagree_count = models.PositiveIntegerField(_("số lượt không đồng ý"), default=0)

    class Meta:
        verbose_name = _("phản ánh, kiến nghị")
        verbose_name_plural = _("phản ánh, kiến nghị")
        ordering = ["-received_at", "-id"]
        constraints = [
            FEEDBACK.check_constraint("feedback_status_valid"),
            models.CheckConstraint(condition=Q(version__gte=1), name="feedback_version_positive"),
            models.UniqueConstraint(
                fields=["channel", "external_id"],
                condition=~Q(external_id=""),
                name="feedback_external_id_uniq",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "status", "due_at"], name="feedback_queue_idx"),
            models.Index(fields=["status", "sector", "published_at"], name="feedback_public_idx"),
            # The officers' queue: open items by due date, walked in order and stopped after one page
            # (a third of the items are open; the closed two thirds stay out of it).
            models.Index(
                fields=["due_at", "id"],
                condition=Q(status__in=OPEN_STATUS_VALUES),
                name="feedback_open_due_idx",
            ),
            # The service index's "handled on time" (5.1) counts the items due in a period.
            models.Index(fields=["handle_due_at"], name="feedback_handle_due_idx"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def unsatisfied(self) -> bool:
        """As the national portal counts it: more disagree than agree, or handled late. A follow-up
        feedback about the answer also counts; selectors.unsatisfied adds it in one query."""
        return self.disagree_count > self.agree_count or self.handled_late


class FeedbackEvent(models.Model):
    """The timeline: each action, who, from which agency to which, and the note the sender may read."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(_("thời điểm"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(_("người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=30)
    from_status = models.CharField(_("từ trạng thái"), max_length=20, blank=True)
    to_status = models.CharField(_("sang trạng thái"), max_length=20)
    from_agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    to_agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("ghi chú"), blank=True)
    late = models.BooleanField(_("quá hạn"), default=False)

    class Meta:
        verbose_name = _("diễn biến xử lý phản ánh")
        verbose_name_plural = _("diễn biến xử lý phản ánh")
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.feedback_id} {self.action}"


class Attachment(AttachedFile):
    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="attachments")
    file = private_file_field("feedback/%Y/%m/", "dossier_document")

    class Meta(AttachedFile.Meta):
        verbose_name = _("tệp đính kèm phản ánh")
        verbose_name_plural = _("tệp đính kèm phản ánh")


class Vote(models.Model):
    """Agree or disagree with a published answer: one per account, one for the sender."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    by_sender = models.BooleanField(_("của người gửi"), default=False)
    agrees = models.BooleanField(_("đồng ý"))
    voted_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến về kết quả trả lời")
        verbose_name_plural = _("ý kiến về kết quả trả lời")
        constraints = [
            models.UniqueConstraint(
                fields=["feedback", "user"], condition=Q(user__isnull=False), name="feedback_vote_user_uniq"
            ),
            models.UniqueConstraint(
                fields=["feedback"], condition=Q(by_sender=True), name="feedback_vote_sender_uniq"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.feedback_id} {'+' if self.agrees else '-'}"
