"""TTHC-control and communication plans: plans, targets, tasks and their occurrences, progress reports,
reminders (sent through integrations.notifications), and periodic reports with their templates and
cut-off rules.

Legal parameters (reporting cut-offs, reminder lead times, the due-soon window) are rows with
`valid_from`, `valid_to` and `legal_basis`, edited in the admin; nothing here holds business logic.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.models import LegalParameter
from motcua.core.uploads import PolicyValidator
from motcua.org.models import Agency

from .workflows import (
    OCCURRENCE,
    PLAN,
    REPORT,
    REVIEW,
    OccurrenceStatus,
    PlanStatus,
    ReportStatus,
    ReviewStatus,
)

__all__ = ["LegalParameter", "OccurrenceStatus", "PlanStatus", "ReportStatus", "ReviewStatus"]


# ---------------------------------------------------------------------------------------------- plans


class PlanKind(models.TextChoices):
    TTHC_CONTROL = "tthc_control", _("Kiểm soát thủ tục hành chính")
    COMMUNICATION = "communication", _("Tuyên truyền cải cách hành chính")
    REVIEW = "review", _("Rà soát, đơn giản hóa thủ tục hành chính")
    OTHER = "other", _("Khác")


class Plan(models.Model):
    """A plan as issued (e.g. 1739/KH-UBND); an agency's own plan points to the higher plan it implements."""

    kind = models.CharField(_("loại kế hoạch"), max_length=20, choices=PlanKind.choices)
    number = models.CharField(
        _("số, ký hiệu"), max_length=50, blank=True, help_text=_("Ví dụ 1739/KH-UBND; bắt buộc khi ban hành")
    )
    title = models.CharField(_("tên kế hoạch"), max_length=255)
    issuing_agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="plans_issued"
    )
    owner_agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan theo dõi, đôn đốc"),
        on_delete=models.PROTECT,
        related_name="plans_followed",
        help_text=_("Cơ quan tham mưu theo dõi, duyệt báo cáo, ví dụ Văn phòng UBND tỉnh"),
    )
    signer = models.CharField(_("người ký"), max_length=150, blank=True)
    signed_on = models.DateField(_("ngày ký"), null=True, blank=True)
    year_from = models.PositiveSmallIntegerField(_("từ năm"))
    year_to = models.PositiveSmallIntegerField(_("đến năm"))
    purpose = models.TextField(_("mục đích"), blank=True)
    requirements = models.TextField(_("yêu cầu"), blank=True)
    attachment = models.FileField(
        _("văn bản đính kèm"),
        upload_to="control/plans/%Y/",
        blank=True,
        validators=[PolicyValidator("plan_attachment")],
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("căn cứ kế hoạch cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-year_from", "issuing_agency__code", "number"]
        constraints = [
            models.CheckConstraint(condition=Q(year_to__gte=F("year_from")), name="control_plan_years"),
            models.CheckConstraint(
                condition=Q(status=PlanStatus.DRAFT) | (~Q(number="") & Q(signed_on__isnull=False)),
                name="control_plan_issued_has_number",
            ),
            models.UniqueConstraint(
                fields=["issuing_agency", "number"], condition=~Q(number=""), name="control_plan_number_uniq"
            ),
            PLAN.check_constraint("control_plan_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()

    @property
    def period_label(self) -> str:
        return str(self.year_from) if self.year_from == self.year_to else f"{self.year_from}–{self.year_to}"


# -------------------------------------------------------------------------------------------- targets


class TargetSource(models.TextChoices):
    ENTERED = "entered", _("Cơ quan nhập số liệu")
    COMPUTED = "computed", _("Tính từ dữ liệu trên hệ thống")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng các cơ quan")
    MEAN = "mean", _("Trung bình các cơ quan")


class Target(models.Model):
    """A measurable goal of a plan ("100% cổng thông tin có chuyên mục CCHC")."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="targets"
    )
    code = models.CharField(_("mã chỉ tiêu"), max_length=20)
    name = models.CharField(_("chỉ tiêu"), max_length=255)
    unit = models.CharField(_("đơn vị tính"), max_length=50)
    target_value = models.DecimalField(_("giá trị phải đạt"), max_digits=14, decimal_places=2)
    source = models.CharField(_("cách lấy số liệu"), max_length=10, choices=TargetSource.choices)
    computation = models.CharField(_("phép tính"), max_length=80, blank=True)
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    aggregation = models.CharField(
        _("tổng hợp"), max_length=10, choices=Aggregation.choices, default=Aggregation.SUM
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("chỉ tiêu cấp trên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["plan", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="control_target_code_uniq"),
            models.CheckConstraint(
                condition=Q(source=TargetSource.ENTERED) | ~Q(computation=""),
                name="control_target_computed_has_computation",
            ),
            models.CheckConstraint(condition=Q(target_value__gte=0), name="control_target_value_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class TargetValue(models.Model):
    """The value an agency reports for an entered target (the latest one; the audit trail keeps the rest)."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="values")
    agency = models.ForeignKey(Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("giá trị"), max_digits=14, decimal_places=2)
    as_of = models.DateField(_("số liệu đến ngày"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(_("nhập lúc"), auto_now=True)

    class Meta:
        verbose_name = _("số liệu chỉ tiêu")
        verbose_name_plural = _("số liệu chỉ tiêu")
        constraints = [
            models.UniqueConstraint(fields=["target", "agency"], name="control_target_value_uniq"),
            models.CheckConstraint(condition=Q(value__gte=0), name="control_target_value_nonnegative"),
        ]

    def __str__(self) -> str:
        return f"{self.target.code} — {self.agency}: {self.value}"


# ---------------------------------------------------------------------------------------------- tasks


class Recurrence(models.TextChoices):
    NONE = "none", _("Một lần")
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    HALF_YEARLY = "half_yearly", _("6 tháng")
    YEARLY = "yearly", _("Hằng năm")


class Task(models.Model):
    """A row of the plan's task table: what, who leads, who supports, by when, with what output."""

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="tasks")
    number = models.PositiveSmallIntegerField(_("STT"))
    content = models.TextField(_("nội dung nhiệm vụ"))
    lead_agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan chủ trì"), on_delete=models.PROTECT, related_name="led_tasks"
    )
    supporting_agencies = models.ManyToManyField(
        Agency, verbose_name=_("cơ quan phối hợp"), blank=True, related_name="supported_tasks"
    )
    start_on = models.DateField(_("ngày bắt đầu"))
    recurrence = models.CharField(
        _("thời hạn"), max_length=12, choices=Recurrence.choices, default=Recurrence.NONE
    )
    due_on = models.DateField(_("hạn hoàn thành"), null=True, blank=True, help_text=_("Nhiệm vụ một lần"))
    due_day = models.PositiveSmallIntegerField(
        _("hạn trong kỳ (ngày của tháng cuối kỳ)"),
        null=True,
        blank=True,
        help_text=_("Nhiệm vụ định kỳ: ví dụ 25 là ngày 25 của tháng cuối mỗi kỳ"),
    )
    end_on = models.DateField(_("kết thúc định kỳ"), null=True, blank=True)
    expected_output = models.TextField(_("sản phẩm"), blank=True)
    targets = models.ManyToManyField(
        Target, verbose_name=_("chỉ tiêu liên quan"), blank=True, related_name="tasks"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("nhiệm vụ cấp trên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="control_task_number_uniq"),
            models.CheckConstraint(
                condition=(
                    Q(recurrence=Recurrence.NONE, due_on__isnull=False, due_on__gte=F("start_on"))
                    | (
                        ~Q(recurrence=Recurrence.NONE)
                        & Q(due_day__gte=1, due_day__lte=31, end_on__isnull=False, end_on__gte=F("start_on"))
                    )
                ),
                name="control_task_deadline_shape",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.content[:80]}"

    @property
    def is_recurring(self) -> bool:
        return self.recurrence != Recurrence.NONE


class TaskAcceptance(models.Model):
    """An agency (lead or supporting) acknowledges the task it was given."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="acceptances")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(_("tiếp nhận lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("tiếp nhận nhiệm vụ")
        verbose_name_plural = _("tiếp nhận nhiệm vụ")
        constraints = [models.UniqueConstraint(fields=["task", "agency"], name="control_acceptance_uniq")]

    def __str__(self) -> str:
        return f"{self.agency} — {self.task}"


class TaskOccurrence(models.Model):
    """One deadline of a task: the only one of a one-off task, or one period of a recurring task."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="occurrences")
    sequence = models.PositiveSmallIntegerField(_("kỳ"))
    label = models.CharField(_("kỳ thực hiện"), max_length=60)
    period_start = models.DateField(_("từ ngày"))
    due_on = models.DateField(_("hạn"), db_index=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=OccurrenceStatus.choices, default=OccurrenceStatus.OPEN
    )
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("kỳ thực hiện nhiệm vụ")
        verbose_name_plural = _("kỳ thực hiện nhiệm vụ")
        ordering = ["task", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["task", "sequence"], name="control_occurrence_uniq"),
            models.CheckConstraint(condition=Q(percent__lte=100), name="control_occurrence_percent"),
            models.CheckConstraint(
                condition=~Q(status=OccurrenceStatus.DONE) | Q(completed_on__isnull=False),
                name="control_occurrence_done_has_date",
            ),
            OCCURRENCE.check_constraint("control_occurrence_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.task} — {self.label}"


class ProgressReport(models.Model):
    """What an agency reports on an occurrence; the lead agency's completion report is reviewed."""

    occurrence = models.ForeignKey(TaskOccurrence, on_delete=models.CASCADE, related_name="reports")
    agency = models.ForeignKey(Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("gửi lúc"), default=timezone.now)
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"))
    text = models.TextField(_("kết quả thực hiện"))
    output_link = models.URLField(_("đường dẫn sản phẩm"), blank=True)
    is_completion = models.BooleanField(_("báo cáo hoàn thành"), default=False)
    review_status = models.CharField(
        _("duyệt"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.NONE, blank=True
    )
    review_comment = models.TextField(_("ý kiến duyệt"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        ordering = ["occurrence", "-submitted_at"]
        constraints = [
            models.CheckConstraint(condition=Q(percent__lte=100), name="control_progress_percent"),
            REVIEW.check_constraint("control_progress_review_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.occurrence.label}: {self.percent}%"


class Evidence(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(
        _("tệp minh chứng"), upload_to="control/evidence/%Y/%m/", validators=[PolicyValidator("evidence")]
    )
    name = models.CharField(_("tên tệp"), max_length=255)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")

    def __str__(self) -> str:
        return self.name


# ------------------------------------------------------------------------------------------- reminders


class ParameterKey(models.TextChoices):
    DUE_SOON_WORKING_DAYS = "due_soon_working_days", _("Số ngày làm việc coi là sắp đến hạn")


class ControlParameter(LegalParameter):
    """A numeric parameter of the control work, in force over a period."""

    key = models.CharField(_("tham số"), max_length=40, choices=ParameterKey.choices)
    value = models.PositiveIntegerField(_("giá trị"))

    class Meta(LegalParameter.Meta):
        verbose_name = _("tham số kiểm soát")
        verbose_name_plural = _("tham số kiểm soát")
        ordering = ["key", "-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.UniqueConstraint(fields=["key", "valid_from"], name="control_parameter_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.get_key_display()}: {self.value}"


class ScorecardWeight(LegalParameter):
    """How many points one measure weighs in the emulation score (the province's emulation regulation)."""

    measure = models.CharField(
        _("tiêu chí"),
        max_length=60,
        help_text=_("control.tasks, control.reports, control.targets hoặc tiêu chí do phân hệ khác đăng ký"),
    )
    points = models.DecimalField(_("số điểm"), max_digits=5, decimal_places=2)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta(LegalParameter.Meta):
        verbose_name = _("trọng số chấm điểm thi đua")
        verbose_name_plural = _("trọng số chấm điểm thi đua")
        ordering = ["-valid_from", "position", "measure"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.UniqueConstraint(fields=["measure", "valid_from"], name="control_score_weight_from_uniq"),
            models.CheckConstraint(condition=Q(points__gt=0), name="control_score_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.measure}: {self.points}"

    def clean(self) -> None:
        from .scoring import check_measure

        super().clean()
        check_measure(self.measure)


class ReminderKind(models.TextChoices):
    BEFORE_DUE = "before_due", _("Nhắc trước hạn")
    OVERDUE = "overdue", _("Nhắc quá hạn")
    REPORT_MISSING = "report_missing", _("Nhắc gửi báo cáo định kỳ")


class ReminderRule(LegalParameter):
    """When to remind automatically: N working days before a deadline, or once a deadline is N days past."""

    name = models.CharField(_("tên quy tắc"), max_length=150)
    kind = models.CharField(_("loại nhắc"), max_length=20, choices=ReminderKind.choices)
    working_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc"),
        help_text=_("Trước hạn: còn tối đa N ngày; quá hạn/báo cáo: trễ ít nhất N ngày"),
    )
    repeat_daily = models.BooleanField(_("nhắc lại hằng ngày"), default=False)

    class Meta(LegalParameter.Meta):
        verbose_name = _("quy tắc đôn đốc")
        verbose_name_plural = _("quy tắc đôn đốc")
        ordering = ["kind", "working_days"]

    def __str__(self) -> str:
        return self.name


class Reminder(models.Model):
    """A reminder sent to an agency, automatic (with its rule) or by hand (with its sender)."""

    rule = models.ForeignKey(
        ReminderRule,
        verbose_name=_("quy tắc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    occurrence = models.ForeignKey(
        TaskOccurrence, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    report_request = models.ForeignKey(
        "ReportRequest", null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan được nhắc"), on_delete=models.PROTECT, related_name="+"
    )
    # "occurrence:12" or "request:3": what the reminder is about, so one rule fires once per subject and day.
    subject_key = models.CharField(max_length=60)
    day = models.DateField(_("ngày nhắc"))
    message = models.TextField(_("nội dung"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recipients = models.PositiveSmallIntegerField(_("số người nhận"), default=0)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("đôn đốc")
        verbose_name_plural = _("nhật ký đôn đốc")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "subject_key", "agency", "day"],
                condition=Q(rule__isnull=False),
                name="control_reminder_once_per_rule_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.agency}: {self.message[:60]}"


# ------------------------------------------------------------------------------------ periodic reports


class Frequency(models.TextChoices):
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    HALF_YEAR = "half_year", _("6 tháng")
    YEAR = "year", _("Năm")
    # Đột xuất: any date range the requesting agency names; no cut-off rule, the request states its due date.
    AD_HOC = "ad_hoc", _("Đột xuất")


class ReportingCutoff(LegalParameter):
    """How a reporting period is cut: from `start_day` of the last month of the previous period to
    `end_day` of the period's last month (NĐ 09/2019: 15th to 14th)."""

    frequency = models.CharField(_("kỳ báo cáo"), max_length=10, choices=Frequency.choices)
    months = models.PositiveSmallIntegerField(_("số tháng mỗi kỳ"))
    start_day = models.PositiveSmallIntegerField(_("ngày bắt đầu (tháng cuối kỳ trước)"))
    end_day = models.PositiveSmallIntegerField(_("ngày chốt số liệu (tháng cuối kỳ)"))
    submit_within_working_days = models.PositiveSmallIntegerField(_("gửi báo cáo trong (ngày làm việc)"))

    class Meta(LegalParameter.Meta):
        verbose_name = _("quy định kỳ báo cáo")
        verbose_name_plural = _("quy định kỳ báo cáo")
        ordering = ["frequency", "-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.CheckConstraint(condition=Q(months__in=[1, 2, 3, 4, 6, 12]), name="control_cutoff_months"),
            models.CheckConstraint(
                condition=Q(start_day__gte=1, start_day__lte=28, end_day__gte=1, end_day__lte=28),
                name="control_cutoff_days",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_frequency_display()}: {self.start_day} → {self.end_day} ({self.legal_basis})"


class ReportingPeriod(models.Model):
    frequency = models.CharField(_("kỳ báo cáo"), max_length=10, choices=Frequency.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveSmallIntegerField(_("kỳ số"))
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    label = models.CharField(_("tên kỳ"), max_length=60)

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["-year", "frequency", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["frequency", "year", "number"], name="control_period_uniq"),
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="control_period_range"),
        ]

    def __str__(self) -> str:
        return self.label


class ReportTemplate(LegalParameter):
    code = models.CharField(_("mã mẫu"), max_length=30, unique=True)
    name = models.CharField(_("tên mẫu báo cáo"), max_length=255)

    class Meta(LegalParameter.Meta):
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = _("mẫu báo cáo")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class TemplateSection(models.Model):
    template = models.ForeignKey(ReportTemplate, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("tên phần"), max_length=255)

    class Meta:
        verbose_name = _("phần của mẫu báo cáo")
        verbose_name_plural = _("phần của mẫu báo cáo")
        ordering = ["template", "order"]

    def __str__(self) -> str:
        return self.title


class FieldKind(models.TextChoices):
    NUMBER = "number", _("Số liệu")
    TEXT = "text", _("Nội dung")


class TemplateField(models.Model):
    section = models.ForeignKey(TemplateSection, on_delete=models.CASCADE, related_name="fields")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    code = models.CharField(_("mã"), max_length=30)
    label = models.CharField(_("chỉ tiêu báo cáo"), max_length=255)
    kind = models.CharField(_("loại"), max_length=10, choices=FieldKind.choices, default=FieldKind.NUMBER)
    unit = models.CharField(_("đơn vị tính"), max_length=30, blank=True)
    # A figure the platform holds (control.computations): the report opens with it, and a different figure
    # needs a reason that is kept.
    computation = models.CharField(
        _("phép tính điền sẵn"),
        max_length=80,
        blank=True,
        help_text=_("Tên phép tính đã đăng ký; để trống nếu cơ quan tự nhập"),
    )

    class Meta:
        verbose_name = _("chỉ tiêu của mẫu báo cáo")
        verbose_name_plural = _("chỉ tiêu của mẫu báo cáo")
        ordering = ["section", "order"]
        constraints = [models.UniqueConstraint(fields=["section", "code"], name="control_field_code_uniq")]

    def __str__(self) -> str:
        return self.label


class ReportRequest(models.Model):
    """The plan owner asks agencies for a report on a template for a period, by a due date."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="report_requests"
    )
    template = models.ForeignKey(ReportTemplate, verbose_name=_("mẫu báo cáo"), on_delete=models.PROTECT)
    period = models.ForeignKey(ReportingPeriod, verbose_name=_("kỳ báo cáo"), on_delete=models.PROTECT)
    title = models.CharField(_("tên báo cáo"), max_length=255)
    due_on = models.DateField(_("hạn gửi"))
    agencies = models.ManyToManyField(Agency, verbose_name=_("cơ quan phải báo cáo"), related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("yêu cầu báo cáo")
        verbose_name_plural = _("yêu cầu báo cáo")
        ordering = ["-period__end", "title"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "template", "period"], name="control_request_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.title} — {self.period}"


class Report(models.Model):
    request = models.ForeignKey(ReportRequest, on_delete=models.CASCADE, related_name="reports")
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan báo cáo"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    number = models.CharField(_("số, ký hiệu"), max_length=50, blank=True)
    signer = models.CharField(_("người ký"), max_length=150, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = _("báo cáo định kỳ")
        ordering = ["request", "agency__code"]
        constraints = [
            models.UniqueConstraint(fields=["request", "agency"], name="control_report_uniq"),
            models.CheckConstraint(
                condition=~Q(status=ReportStatus.SUBMITTED) | Q(submitted_at__isnull=False),
                name="control_report_submitted_has_time",
            ),
            REPORT.check_constraint("control_report_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.request}"


class ReportValue(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="values")
    field = models.ForeignKey(TemplateField, on_delete=models.PROTECT, related_name="+")
    number = models.DecimalField(_("số liệu"), max_digits=16, decimal_places=2, null=True, blank=True)
    text = models.TextField(_("nội dung"), blank=True)
    # The figure the platform computed when the value was saved, and why the agency reported another one.
    prefilled = models.DecimalField(
        _("số liệu hệ thống"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    correction_reason = models.TextField(_("lý do điều chỉnh"), blank=True)

    class Meta:
        verbose_name = _("số liệu báo cáo")
        verbose_name_plural = _("số liệu báo cáo")
        constraints = [models.UniqueConstraint(fields=["report", "field"], name="control_report_value_uniq")]

    def __str__(self) -> str:
        return f"{self.field.code}: {self.number if self.number is not None else self.text[:40]}"
