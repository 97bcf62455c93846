"""Dossiers (hồ sơ) and their history: documents, steps with deadlines, pauses, events; codes and forms.

`status` is written only by services through the lifecycle table. `version` is the optimistic lock: each
action states the version it saw, and the update filters on it, so two officers never overwrite each other.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import FeeItem, LimitCase, Procedure, ProcedureVersion, RequiredDocument
from motcua.core.models import LegalParameter
from motcua.core.workflow import status_constraint
from motcua.org.models import AdministrativeUnit, Agency, Role

from .lifecycle import DOSSIER, Action, Status


class SubmissionChannel(models.IntegerChoices):
    DIRECT = 1, _("Trực tiếp")
    ONLINE = 2, _("Trực tuyến")
    POSTAL = 3, _("Bưu chính")


# The catalog names channels by words; dossiers use the national portal's numbers.
CATALOG_CHANNEL = {
    SubmissionChannel.DIRECT: "direct",
    SubmissionChannel.ONLINE: "online",
    SubmissionChannel.POSTAL: "postal",
}


class ReturnMethod(models.TextChoices):
    COUNTER = "counter", _("Tại quầy")
    POST = "post", _("Qua bưu chính")
    ELECTRONIC = "electronic", _("Bản điện tử")


class Timeliness(models.TextChoices):
    EARLY = "early", _("Trước hạn")
    ON_TIME = "on_time", _("Đúng hạn")
    LATE = "late", _("Quá hạn")
    # Late against the appointment, with an apology and a new date (form 04): still late in every count,
    # and counted apart so that a report can say how many late dossiers were apologised for.
    LATE_APOLOGISED = "late_apologised", _("Quá hạn, đã xin lỗi")


class TimelinessRule(LegalParameter):
    """The version of the on-time rule that grades a dossier; each stored verdict names the row that made it.

    The appointment (the due date on the receipt) is what a dossier is graded against; these are the rule's
    other choices, dated so that a report can say which rule counted a dossier."""

    code = models.CharField(_("mã phiên bản quy tắc"), max_length=40, unique=True)
    max_supplement_requests = models.PositiveSmallIntegerField(
        _("số lần yêu cầu bổ sung tối đa vẫn tính đúng hạn"), default=1
    )
    apology_counted_apart = models.BooleanField(
        _("hồ sơ quá hạn có xin lỗi được đếm riêng"),
        default=True,
        help_text=_("Quá hạn có phiếu xin lỗi là 'quá hạn, đã xin lỗi' thay vì 'quá hạn'."),
    )

    class Meta(LegalParameter.Meta):
        verbose_name = _("quy tắc đánh giá thời hạn")
        verbose_name_plural = _("quy tắc đánh giá thời hạn")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.code} ({self.legal_basis})"


class ExtensionRule(LegalParameter):
    """How often an apology may promise a new date (form 04), and whether it may follow the appointment."""

    max_extensions = models.PositiveSmallIntegerField(
        _("số lần hẹn lại tối đa"), null=True, blank=True, help_text=_("Để trống: không giới hạn.")
    )
    after_appointment = models.BooleanField(_("được xin lỗi, hẹn lại sau ngày hẹn trả"), default=True)

    class Meta(LegalParameter.Meta):
        verbose_name = _("quy định hẹn lại ngày trả kết quả")
        verbose_name_plural = _("quy định hẹn lại ngày trả kết quả")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.max_extensions or '∞'} ({self.legal_basis})"


class Dossier(models.Model):
    code = models.CharField(_("mã hồ sơ"), max_length=40, unique=True)
    status = models.CharField(_("trạng thái"), max_length=24, choices=Status.choices, db_index=True)
    # Where a supplement request was made from, so that the supplement resumes there.
    paused_status = models.CharField(max_length=24, choices=Status.choices, blank=True, editable=False)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    channel = models.PositiveSmallIntegerField(_("kênh nộp"), choices=SubmissionChannel.choices)

    procedure = models.ForeignKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.PROTECT, related_name="+"
    )
    procedure_version = models.ForeignKey(
        ProcedureVersion, verbose_name=_("phiên bản thủ tục"), on_delete=models.PROTECT, related_name="+"
    )
    # The named case of the channel's time limit picked at reception ("trường hợp phải xác minh"); empty:
    # the channel's default case. The due date was counted from it.
    limit_case = models.ForeignKey(
        LimitCase,
        verbose_name=_("trường hợp thời hạn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # NĐ 118/2025: where it was received, who decides, and where the applicant lives are three things.
    receiving_agency = models.ForeignKey(
        Agency, verbose_name=_("nơi tiếp nhận"), on_delete=models.PROTECT, related_name="+"
    )
    competent_agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan có thẩm quyền"), on_delete=models.PROTECT, related_name="+"
    )
    current_agency = models.ForeignKey(
        Agency, verbose_name=_("đang ở cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    current_step = models.ForeignKey(
        "DossierStep",
        verbose_name=_("bước hiện tại"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    applicant_name = models.CharField(_("họ tên người nộp"), max_length=200)
    applicant_id_number = models.CharField(_("số định danh cá nhân"), max_length=12)
    applicant_phone = models.CharField(_("điện thoại"), max_length=15)
    applicant_email = models.EmailField(_("thư điện tử"), blank=True)
    applicant_address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    applicant_commune = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("xã, phường nơi cư trú"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    applicant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản người nộp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dossiers",
    )
    result_by_post = models.BooleanField(_("nhận kết quả qua bưu chính"), default=False)

    submitted_at = models.DateTimeField(_("nộp lúc"))
    received_at = models.DateTimeField(_("tiếp nhận lúc"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tiếp nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    clock_started_at = models.DateTimeField(_("bắt đầu tính thời hạn"), null=True, blank=True)
    # The APPOINTMENT printed on the receipt: moved only by lawful pauses (waiting for a supplement), never by
    # an apology. The verdict, the overdue flag and the queues follow it.
    # No index of its own: alone it tempts PostgreSQL to walk every dossier in due order for a queue page;
    # the queue indexes below lead with the agency and status.
    due_at = models.DateTimeField(_("hẹn trả kết quả"), null=True, blank=True)
    # The new date promised by an apology (form 04), beside the appointment.
    promised_at = models.DateTimeField(_("ngày hẹn lại (phiếu xin lỗi)"), null=True, blank=True)
    apologised_at = models.DateTimeField(_("xin lỗi, hẹn lại lúc"), null=True, blank=True)
    extensions = models.PositiveSmallIntegerField(_("số lần hẹn lại"), default=0)
    supplement_requests = models.PositiveSmallIntegerField(_("số lần yêu cầu bổ sung"), default=0)
    missing_documents = models.TextField(_("cần bổ sung"), blank=True)
    processing_ended_at = models.DateTimeField(_("kết thúc giải quyết lúc"), null=True, blank=True)
    timeliness = models.CharField(
        _("kết quả về thời hạn"), max_length=20, choices=Timeliness.choices, blank=True
    )
    # The rule version that produced `timeliness` (recompute_verdicts rewrites both).
    timeliness_rule = models.ForeignKey(
        TimelinessRule,
        verbose_name=_("quy tắc đánh giá"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    result_number = models.CharField(_("số văn bản kết quả"), max_length=60, blank=True)
    result_date = models.DateField(_("ngày ký kết quả"), null=True, blank=True)
    result_signer = models.CharField(_("người ký kết quả"), max_length=150, blank=True)
    # The account that approved and signed (the signer's name above is its name at the time, never typed).
    result_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản ký kết quả"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    result_file = models.FileField(_("tệp kết quả"), upload_to="dossiers/results/%Y/%m/", blank=True)
    return_method = models.CharField(
        _("hình thức trả kết quả"), max_length=12, choices=ReturnMethod.choices, blank=True
    )

    # Payment and digitisation flags (domain §5, §7): they feed the service index (QĐ 766 groups 4 and 5).
    fee_due = models.PositiveBigIntegerField(_("phí, lệ phí phải nộp (đồng)"), default=0)
    paid = models.BooleanField(_("đã nộp phí, lệ phí"), default=False)
    paid_online = models.BooleanField(_("đã thanh toán trực tuyến"), default=False)
    paid_at = models.DateTimeField(_("nộp phí lúc"), null=True, blank=True)
    reused_data = models.BooleanField(_("có tái sử dụng dữ liệu, giấy tờ đã số hóa"), default=False)
    identity_verified = models.BooleanField(_("tài khoản đã xác thực định danh điện tử"), default=False)

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        ordering = ["-submitted_at", "-id"]
        indexes = [
            # assignee rides along (as the last key column: SQLite has no INCLUDE) so that queue counts and
            # pages are answered from the index alone.
            models.Index(
                fields=["current_agency", "status", "due_at", "id", "assignee"],
                name="dossier_queue_idx",
            ),
            models.Index(fields=["receiving_agency", "status", "due_at", "id"], name="dossier_desk_idx"),
            models.Index(fields=["competent_agency", "status"], name="dossier_competent_idx"),
            models.Index(fields=["receiving_agency", "received_at"], name="dossier_register_idx"),
            # The officers' search finds a dossier by the applicant's ID number or phone (exact).
            models.Index(fields=["applicant_id_number"], name="dossier_applicant_id_idx"),
            models.Index(fields=["applicant_phone"], name="dossier_applicant_phone_idx"),
            # The sort key of the dossier list, the API's cursor and the search: a page is read from here
            # (backwards) instead of sorting every dossier in scope.
            models.Index(fields=["submitted_at", "id"], name="dossier_submitted_idx"),
        ]
        constraints = [
            DOSSIER.check_constraint("dossier_status_valid"),
            models.CheckConstraint(condition=Q(version__gte=1), name="dossier_version_positive"),
            models.CheckConstraint(
                condition=Q(received_at__isnull=True) | Q(due_at__isnull=False),
                name="dossier_received_has_due_date",
            ),
        ]

    def __str__(self) -> str:
        return self.code


class DossierDocument(models.Model):
    """One line of the checklist: a required document (or another paper) with originals and copies."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="documents")
    required_document = models.ForeignKey(
        RequiredDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("tên giấy tờ"), max_length=500)
    originals = models.PositiveSmallIntegerField(_("bản chính"), default=0)
    copies = models.PositiveSmallIntegerField(_("bản sao"), default=0)
    file = models.FileField(_("tệp"), upload_to="dossiers/documents/%Y/%m/", blank=True)
    supplemented = models.BooleanField(_("nộp bổ sung"), default=False)
    # Picked from the citizen's document store (an earlier dossier's paper or result) instead of uploaded.
    reused = models.BooleanField(_("tái sử dụng từ kho dữ liệu"), default=False)
    # The declaration form filled in online: the submitted answers are the paper (issue 17).
    declared_online = models.BooleanField(_("tờ khai điện tử"), default=False)

    class Meta:
        verbose_name = _("giấy tờ trong hồ sơ")
        verbose_name_plural = _("giấy tờ trong hồ sơ")
        ordering = ["dossier", "id"]

    def __str__(self) -> str:
        return self.name


class DossierFee(models.Model):
    """A row of the procedure's fee table chosen at reception and what it came to; `fee_due` is their sum."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="fee_lines")
    item = models.ForeignKey(
        FeeItem, verbose_name=_("mức phí, lệ phí"), on_delete=models.PROTECT, related_name="+"
    )
    quantity = models.PositiveIntegerField(_("số lượng"), default=1)
    declared_value = models.PositiveBigIntegerField(_("giá trị tính phí (đồng)"), null=True, blank=True)
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    # As printed on the receipt, so that the paper reads the same whatever the catalog later says.
    wording = models.CharField(_("nội dung"), max_length=1000)

    class Meta:
        verbose_name = _("phí, lệ phí của hồ sơ")
        verbose_name_plural = _("phí, lệ phí của hồ sơ")
        ordering = ["dossier", "id"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "item"], name="dossier_fee_item_once"),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="dossier_fee_quantity_positive"),
        ]

    def __str__(self) -> str:
        return self.wording


class DossierStep(models.Model):
    """A step of the dossier's own copy of the process: who handles it and by when."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("bước"))
    name = models.CharField(_("nội dung công việc"), max_length=255)
    agency = models.ForeignKey(Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("vai trò"), max_length=30, choices=Role.choices)
    duration = models.DecimalField(_("thời gian"), max_digits=6, decimal_places=2)
    duration_unit = models.CharField(_("đơn vị"), max_length=2, default="h")
    # Copied from the process at reception: only this step may attach the result (its holder signs it).
    signs_result = models.BooleanField(_("ký duyệt kết quả"), default=False)
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    due_at = models.DateTimeField(_("hạn bước"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    timeliness = models.CharField(_("tiến độ"), max_length=20, choices=Timeliness.choices, blank=True)

    class Meta:
        verbose_name = _("bước xử lý")
        verbose_name_plural = _("bước xử lý")
        ordering = ["dossier", "position"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "position"], name="dossier_step_position_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"


class DossierPause(models.Model):
    """Time waiting for the applicant's supplement: excluded from the legal time."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="pauses")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["dossier", "started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"], condition=Q(ended_at__isnull=True), name="dossier_one_open_pause"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.started_at:%Y-%m-%d %H:%M} → {self.ended_at or '…'}"


class DossierEvent(models.Model):
    """The timeline: one row per action, what the applicant sees in plain words and officers in full."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(_("thời điểm"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(_("người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("thao tác"), max_length=24, choices=Action.choices)
    from_status = models.CharField(_("từ trạng thái"), max_length=24, choices=Status.choices, blank=True)
    to_status = models.CharField(_("sang trạng thái"), max_length=24, choices=Status.choices)
    step = models.ForeignKey(DossierStep, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    from_agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    to_agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    timeliness = models.CharField(_("tiến độ"), max_length=20, choices=Timeliness.choices, blank=True)
    reason = models.TextField(_("lý do, ghi chú"), blank=True)

    class Meta:
        verbose_name = _("sự kiện hồ sơ")
        verbose_name_plural = _("tiến trình hồ sơ")
        ordering = ["dossier", "occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.action} {self.occurred_at:%Y-%m-%d %H:%M}"


class DailyCounter(models.Model):
    """The last sequence number issued by an agency on a day; locked in the reception transaction."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "day"], name="dossier_counter_uniq")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.day}: {self.last}"


class FormKind(models.TextChoices):
    RECEIPT = "receipt", _("Giấy tiếp nhận hồ sơ và hẹn trả kết quả")
    SUPPLEMENT = "supplement", _("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ")
    REFUSAL = "refusal", _("Phiếu từ chối tiếp nhận, giải quyết hồ sơ")
    APOLOGY = "apology", _("Phiếu xin lỗi và hẹn lại ngày trả kết quả")
    STOP = "stop", _("Thông báo dừng giải quyết hồ sơ")
    CONTROL_SHEET = "control_sheet", _("Phiếu kiểm soát quá trình giải quyết hồ sơ")
    REGISTER = "register", _("Sổ theo dõi hồ sơ")


class FormTemplate(LegalParameter):
    """A legal form as data: HTML (Django template language), chosen by the dossier's reception date."""

    code = models.CharField(_("mã mẫu"), max_length=30, unique=True, help_text=_("Ví dụ TT03-2025-01"))
    kind = models.CharField(_("loại mẫu"), max_length=20, choices=FormKind.choices)
    number = models.CharField(_("số hiệu mẫu"), max_length=20, help_text=_("Ví dụ Mẫu số 01"))
    title = models.CharField(_("tên mẫu"), max_length=255)
    body = models.TextField(_("nội dung (HTML)"))

    class Meta(LegalParameter.Meta):
        verbose_name = _("mẫu phiếu, sổ")
        verbose_name_plural = _("mẫu phiếu, sổ")
        ordering = ["kind", "-valid_from"]

    def __str__(self) -> str:
        return f"{self.number} — {self.title} ({self.legal_basis})"


class IssuedPaper(models.Model):
    """A paper as it was issued: rendered once from the template in force on the day of the event it records
    (the reception, the supplement request, the refusal …) and kept, so that every later print is the same
    document; a reprint adds only the "bản in lại" mark with its own date (documents.paper_pdf)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="papers")
    kind = models.CharField(_("loại mẫu"), max_length=20, choices=FormKind.choices)
    event = models.ForeignKey(
        DossierEvent, verbose_name=_("sự kiện ghi nhận"), on_delete=models.PROTECT, related_name="+"
    )
    template = models.ForeignKey(
        FormTemplate, verbose_name=_("mẫu áp dụng"), on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(_("ngày của phiếu"), help_text=_("Thời điểm của sự kiện phiếu ghi nhận"))
    body = models.TextField(_("nội dung đã phát hành (HTML)"))
    created_at = models.DateTimeField(_("in lần đầu lúc"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người in lần đầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("phiếu đã phát hành")
        verbose_name_plural = _("phiếu đã phát hành")
        ordering = ["dossier", "issued_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "kind"], name="dossier_paper_one_per_event"),
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.kind} {self.issued_at:%Y-%m-%d %H:%M}"


class SupplementRequest(models.Model):
    """What a request to complete or supplement asked for (form 02): the reason, the papers, and who asked,
    tied to the timeline event of the request."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="supplement_requests_made")
    event = models.OneToOneField(DossierEvent, on_delete=models.CASCADE, related_name="supplement_request")
    requested_at = models.DateTimeField(_("yêu cầu lúc"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_as = models.CharField(_("với vai trò"), max_length=30, choices=Role.choices, blank=True)
    reason = models.TextField(_("lý do"))

    class Meta:
        verbose_name = _("yêu cầu bổ sung, hoàn thiện hồ sơ")
        verbose_name_plural = _("yêu cầu bổ sung, hoàn thiện hồ sơ")
        ordering = ["dossier", "requested_at", "id"]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.requested_at:%Y-%m-%d %H:%M}"


class SupplementPaper(models.Model):
    """One paper the applicant must add or correct."""

    request = models.ForeignKey(SupplementRequest, on_delete=models.CASCADE, related_name="papers")
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    name = models.CharField(_("tên giấy tờ"), max_length=500)
    detail = models.CharField(_("nội dung cần bổ sung, hoàn thiện"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("giấy tờ cần bổ sung")
        verbose_name_plural = _("giấy tờ cần bổ sung")
        ordering = ["request", "position"]
        constraints = [
            models.UniqueConstraint(fields=["request", "position"], name="dossier_supplement_paper_uniq"),
        ]

    def __str__(self) -> str:
        return self.name


class PaymentMethod(models.TextChoices):
    COUNTER = "counter", _("Nộp tại quầy")
    BANK_TRANSFER = "bank_transfer", _("Chuyển khoản ngân hàng")
    ONLINE = "online", _("Thanh toán trực tuyến")


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xác nhận")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    CANCELLED = "cancelled", _("Đã hủy")


class Payment(models.Model):
    """A fee payment of a dossier: declared by the applicant (a transfer) or recorded by the officer; the
    dossier counts as paid once one is confirmed (dossiers.payments)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="payments")
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    method = models.CharField(_("hình thức"), max_length=16, choices=PaymentMethod.choices)
    reference = models.CharField(_("mã giao dịch, số chứng từ"), max_length=100, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.PENDING
    )
    requested_at = models.DateTimeField(_("khai báo lúc"))
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xác nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    plugin = models.CharField(_("bộ xử lý thanh toán"), max_length=30)

    class Meta:
        verbose_name = _("khoản nộp phí, lệ phí")
        verbose_name_plural = _("khoản nộp phí, lệ phí")
        ordering = ["dossier", "requested_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
            # dossiers.payments.PAYMENT is the only code that changes it (core.workflow); the table
            # imports this module, so the check is built from the statuses, as PAYMENT's would be.
            status_constraint("payment_status_valid", PaymentStatus),
            # A dossier is paid once, and waits on at most one declaration at a time.
            models.UniqueConstraint(
                fields=["dossier"], condition=Q(status="confirmed"), name="payment_one_confirmed"
            ),
            models.UniqueConstraint(
                fields=["dossier"], condition=Q(status="pending"), name="payment_one_pending"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.amount} {self.method} {self.status}"


class CertifiedCopy(models.Model):
    """An electronic copy certified from the original (bản sao điện tử được chứng thực từ bản chính).

    A one-stop officer compares the original the holder presents at the counter with its scan and certifies
    the copy (Decree 23/2015/ND-CP, Art. 2(2) and Art. 20; Decree 45/2020/ND-CP, Art. 10): the copy is
    stored as a PDF carrying the certification statement and the officer's digital signature, under the next
    number of the centre's certification register for the year (sổ chứng thực, Art. 13). The holder's
    identity-verified account finds it in its data store for later dossiers (portal.store)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan chứng thực"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số chứng thực"))
    title = models.CharField(_("tên giấy tờ"), max_length=255)
    issuer = models.CharField(_("cơ quan cấp bản chính"), max_length=255, blank=True)
    pages = models.PositiveSmallIntegerField(_("số trang"), default=1)
    holder_name = models.CharField(_("người yêu cầu chứng thực"), max_length=200)
    holder_id_number = models.CharField(_("số định danh cá nhân"), max_length=12)
    certified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người chứng thực"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    certified_at = models.DateTimeField(_("chứng thực lúc"))
    file = models.FileField(_("bản sao điện tử"), upload_to="dossiers/certified/%Y/%m/")
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("bản sao điện tử được chứng thực")
        verbose_name_plural = _("sổ chứng thực bản sao điện tử")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "number"], name="certified_copy_number_uniq")
        ]
        indexes = [models.Index(fields=["holder_id_number"], name="certified_copy_holder_idx")]

    def __str__(self) -> str:
        return self.register_number

    @property
    def register_number(self) -> str:
        """How the copy cites its register entry: "12/2026/SCT-BSĐT"."""
        return f"{self.number}/{self.year}/SCT-BSĐT"


class CertificationCounter(models.Model):
    """The last number a centre's certification register gave in a year; locked while a copy is certified,
    so that two counters never give the same number and none is skipped."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="certification_counter_uniq")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.year}: {self.last}"
