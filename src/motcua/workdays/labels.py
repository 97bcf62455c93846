"""Words the pages and the admin use for days, translated through gettext (Vietnamese source strings)."""

from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .calendar import DayStatus

# (abbreviation shown in the grid header, full name for screen readers and tooltips), Monday first.
WEEKDAYS = [
    (pgettext_lazy("thứ viết tắt", "T2"), _("Thứ hai")),
    (pgettext_lazy("thứ viết tắt", "T3"), _("Thứ ba")),
    (pgettext_lazy("thứ viết tắt", "T4"), _("Thứ tư")),
    (pgettext_lazy("thứ viết tắt", "T5"), _("Thứ năm")),
    (pgettext_lazy("thứ viết tắt", "T6"), _("Thứ sáu")),
    (pgettext_lazy("thứ viết tắt", "T7"), _("Thứ bảy")),
    (pgettext_lazy("thứ viết tắt", "CN"), _("Chủ nhật")),
]

STATUS_LABELS = {
    DayStatus.WORKING: _("Ngày làm việc"),
    DayStatus.WEEKEND: _("Ngày nghỉ hằng tuần"),
    DayStatus.HOLIDAY: _("Ngày nghỉ lễ, tết, nghỉ bù"),
    DayStatus.MAKE_UP: _("Ngày làm việc bù"),
}

# A visible letter next to the colour, so the status never depends on colour alone.
STATUS_MARKS = {
    DayStatus.WORKING: "",
    DayStatus.WEEKEND: "",
    DayStatus.HOLIDAY: pgettext_lazy("ký hiệu trên lịch: ngày nghỉ", "N"),
    DayStatus.MAKE_UP: pgettext_lazy("ký hiệu trên lịch: ngày làm bù", "LB"),
}


def month_title(month: int, year: int) -> str:
    """'Tháng 3 năm 2026' in Vietnamese, 'March 2026' in English: Django's month names are translated."""
    return _("%(month_name)s năm %(year)d") % {"month_name": MONTHS[month], "year": year}
