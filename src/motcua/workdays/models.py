"""Calendar data an administrator keeps: day overrides and the office hours in force.

Both are legal parameters, so they carry a legal basis and keep their configuration history
(django-simple-history); business events go to the audit trail through the services and the admin.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from motcua.core.models import LegalParameter
from motcua.org.models import AdministrativeUnit

from .calendar import PeriodEnd
from .hours import OfficeHours as OfficeHoursValue

# Provinces are the top of the administrative tree; overrides and office hours are national or provincial.
PROVINCE_CHOICES = {"parent__isnull": True}


def validate_office_periods(text: str) -> None:
    """Office hours as "08:00-12:00,13:00-17:00": ordered, non-overlapping periods."""
    try:
        OfficeHoursValue.parse(text)
    except ValueError as error:
        raise ValidationError(str(error), code="invalid_office_hours") from error


class DayOverride(models.Model):
    """An extra day off or make-up working day, nationwide or for one province; wins over holidays.VN."""

    class Kind(models.TextChoices):
        OFF = "off", _("Ngày nghỉ")
        WORK = "work", _("Ngày làm việc bù")

    date = models.DateField(pgettext_lazy("calendar date", "ngày"), db_index=True)
    kind = models.CharField(_("loại"), max_length=4, choices=Kind.choices)
    province = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("tỉnh, thành phố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="day_overrides",
        limit_choices_to=PROVINCE_CHOICES,
        help_text=_("Để trống nếu áp dụng toàn quốc"),
    )
    name = models.CharField(
        _("tên ngày"), max_length=200, help_text=_("Ví dụ: Nghỉ Tết Nguyên đán (hoán đổi)")
    )
    legal_basis = models.CharField(
        _("căn cứ pháp lý"), max_length=255, help_text=_("Văn bản công bố, ví dụ Thông báo số …/TB-BNV")
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    history = HistoricalRecords(
        verbose_name=_("lịch sử điều chỉnh ngày"), verbose_name_plural=_("lịch sử điều chỉnh ngày")
    )

    class Meta:
        verbose_name = _("điều chỉnh ngày làm việc")
        verbose_name_plural = _("điều chỉnh ngày làm việc")
        ordering = ["-date", "province__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["date", "province"],
                name="workdays_override_date_province_uniq",
                violation_error_message=_(
                    "Ngày này đã có điều chỉnh cho tỉnh này"
                    " / this day already has an override for this province"
                ),
            ),
            # NULL never equals NULL in a unique index, so national rows need their own constraint.
            models.UniqueConstraint(
                fields=["date"],
                condition=Q(province__isnull=True),
                name="workdays_override_date_national_uniq",
                violation_error_message=_(
                    "Ngày này đã có điều chỉnh toàn quốc / this day already has a national override"
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["off", "work"]), name="workdays_override_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}: {self.name}"


class OfficeHours(LegalParameter):
    """The office periods in force from a date, nationwide or for one province."""

    periods = models.CharField(
        _("giờ làm việc"),
        max_length=100,
        validators=[validate_office_periods],
        help_text=_("Các khoảng giờ, cách nhau bằng dấu phẩy, ví dụ 08:00-12:00,13:00-17:00"),
    )
    saturday_periods = models.CharField(
        _("giờ làm việc sáng thứ Bảy"),
        max_length=100,
        blank=True,
        validators=[validate_office_periods],
        help_text=_(
            "Giờ tiếp nhận, trả kết quả ngày thứ Bảy, ví dụ 07:30-11:30; để trống nếu "
            "không làm việc thứ Bảy. Thứ Bảy không tính vào thời hạn giải quyết."
        ),
    )
    province = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("tỉnh, thành phố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="office_hours",
        limit_choices_to=PROVINCE_CHOICES,
        help_text=_("Để trống nếu áp dụng toàn quốc"),
    )

    history = HistoricalRecords(
        verbose_name=_("lịch sử giờ làm việc"), verbose_name_plural=_("lịch sử giờ làm việc")
    )

    class Meta(LegalParameter.Meta):
        verbose_name = _("giờ làm việc")
        verbose_name_plural = _("giờ làm việc")
        ordering = ["province__code", "-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.UniqueConstraint(
                fields=["province", "valid_from"], name="workdays_hours_province_from_uniq"
            ),
            models.UniqueConstraint(
                fields=["valid_from"],
                condition=Q(province__isnull=True),
                name="workdays_hours_national_from_uniq",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.periods} ({self.valid_from:%d/%m/%Y})"

    def clean(self) -> None:
        """Two rows of the same scope may not be in force on the same day."""
        if self.valid_from is None or (self.valid_to is not None and self.valid_to < self.valid_from):
            return
        overlapping = OfficeHours.objects.filter(province=self.province).exclude(pk=self.pk)
        overlapping = overlapping.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        if self.valid_to is not None:
            overlapping = overlapping.filter(valid_from__lte=self.valid_to)
        if overlapping.exists():
            raise ValidationError(
                _(
                    "Thời gian hiệu lực trùng với giờ làm việc khác cùng phạm vi"
                    " / the validity overlaps other office hours of the same scope"
                ),
                code="overlap",
            )

    def as_value(self) -> OfficeHoursValue:
        """The pure-Python office hours the clock uses."""
        return OfficeHoursValue.parse(self.periods)

    def saturday_value(self) -> OfficeHoursValue | None:
        """The Saturday reception hours, None when the centres are closed on Saturdays."""
        return OfficeHoursValue.parse(self.saturday_periods) if self.saturday_periods.strip() else None


class PeriodEndRule(LegalParameter):
    """Where a period of N working days ends, in force from a date (workdays.calendar.PeriodEnd).

    The appointment of every dossier received while a row is in force is computed by it, and the verdict
    compares with that appointment, so both follow the same rule."""

    rule = models.CharField(
        _("cách tính ngày cuối thời hạn"),
        max_length=12,
        choices=[
            (PeriodEnd.CLOCK_TIME.value, _("cùng giờ với thời điểm bắt đầu")),
            (PeriodEnd.END_OF_DAY.value, _("hết giờ làm việc của ngày cuối cùng (BLDS 2015 Điều 147–148)")),
        ],
    )

    class Meta(LegalParameter.Meta):
        verbose_name = _("quy tắc ngày cuối thời hạn")
        verbose_name_plural = _("quy tắc ngày cuối thời hạn")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.get_rule_display()} ({self.valid_from:%d/%m/%Y}, {self.legal_basis})"
