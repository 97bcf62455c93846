"""Inspections under a control plan, recommendations followed up with deadline and evidence, and the
misconduct register (from conduct feedback, unsatisfied ratings or inspections) with the measures taken."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.control.models import Plan
from motcua.core.models import AttachedFile, private_file_field
from motcua.feedback.models import Feedback
from motcua.org.models import Agency

from .workflows import FOLLOW_UP, FollowUpStatus


class Inspection(models.Model):
    """One inspection of the plan: which agencies, when, about what; then its minutes and findings."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="inspections"
    )
    inspecting_agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan kiểm tra"), on_delete=models.PROTECT, related_name="+"
    )
    agencies = models.ManyToManyField(
        Agency, verbose_name=_("cơ quan được kiểm tra"), related_name="inspections"
    )
    subject = models.TextField(_("nội dung kiểm tra"))
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    minutes_number = models.CharField(_("số biên bản"), max_length=60, blank=True)
    minutes_on = models.DateField(_("ngày lập biên bản"), null=True, blank=True)
    findings = models.TextField(_("kết quả kiểm tra, tồn tại"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("cuộc kiểm tra")
        verbose_name_plural = _("cuộc kiểm tra")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="review_inspection_dates"
            ),
            models.CheckConstraint(
                condition=Q(minutes_on__isnull=True) | ~Q(minutes_number=""), name="review_inspection_minutes"
            ),
        ]

    def __str__(self) -> str:
        return self.subject[:120]


class Recommendation(models.Model):
    """A recommendation of the minutes to one inspected agency, with its deadline and the evidence; the
    agency's report of it done waits for the plan manager to accept it (workflows.FOLLOW_UP)."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="recommendations")
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("kiến nghị"))
    due_on = models.DateField(_("hạn thực hiện"))
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    evidence = models.TextField(_("kết quả, tài liệu chứng minh"), blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    accepted_on = models.DateField(_("ngày chấp nhận kết quả"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    returned_reason = models.TextField(_("lý do trả lại"), blank=True)

    class Meta:
        verbose_name = _("kiến nghị sau kiểm tra")
        verbose_name_plural = _("kiến nghị sau kiểm tra")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(done_on__isnull=True) | ~Q(evidence=""),
                name="review_recommendation_done_has_evidence",
            ),
            FOLLOW_UP.check_constraint("review_recommendation_status_valid"),
            models.CheckConstraint(
                condition=Q(status="open", done_on__isnull=True)
                | Q(status="reported", done_on__isnull=False, accepted_on__isnull=True)
                | Q(status="accepted", done_on__isnull=False, accepted_on__isnull=False),
                name="review_recommendation_status_dates",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:120]


class EvidenceFile(AttachedFile):
    """A file proving a recommendation carried out (the agency's letter, photos of the notice board)."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="files")
    file = private_file_field("review/inspections/%Y/%m/", "evidence")

    class Meta(AttachedFile.Meta):
        verbose_name = _("tệp chứng minh thực hiện kiến nghị")
        verbose_name_plural = _("tệp chứng minh thực hiện kiến nghị")


class Source(models.TextChoices):
    FEEDBACK = "feedback", _("Phản ánh về hành vi của cán bộ, công chức")
    RATING = "rating", _("Đánh giá không hài lòng")
    INSPECTION = "inspection", _("Kiểm tra")
    OTHER = "other", _("Nguồn khác")


class MisconductCase(models.Model):
    """A case of misconduct by an official in handling procedures, and the measures taken."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan của cán bộ"), on_delete=models.PROTECT, related_name="+"
    )
    official = models.CharField(_("cán bộ, công chức"), max_length=150)
    source = models.CharField(_("nguồn phát hiện"), max_length=12, choices=Source.choices)
    feedback = models.ForeignKey(
        Feedback,
        verbose_name=_("phản ánh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    inspection = models.ForeignKey(
        Inspection,
        verbose_name=_("cuộc kiểm tra"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    occurred_on = models.DateField(_("ngày xảy ra"))
    description = models.TextField(_("hành vi"))
    measures = models.TextField(_("biện pháp xử lý"), blank=True)
    measures_on = models.DateField(_("ngày xử lý"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("vụ việc vi phạm của cán bộ")
        verbose_name_plural = _("sổ theo dõi vi phạm của cán bộ trong giải quyết TTHC")
        ordering = ["-occurred_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(measures_on__isnull=True) | ~Q(measures=""),
                name="review_misconduct_measures_dated",
            ),
            models.CheckConstraint(
                condition=~Q(source="feedback") | Q(feedback__isnull=False),
                name="review_misconduct_feedback_linked",
            ),
            models.CheckConstraint(
                condition=~Q(source="inspection") | Q(inspection__isnull=False),
                name="review_misconduct_inspection_linked",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.official} — {self.occurred_on:%d/%m/%Y}"
