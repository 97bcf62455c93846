"""Calendar arithmetic of plans: the occurrences of a recurring task and the dates of a reporting period.

Pure functions over dates; the rules they apply (cut-off days, months per period) come from the caller,
which reads them from the rows in force.
"""

import calendar as month_calendar
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from .models import Frequency, Recurrence

MONTHS_PER = {
    Recurrence.MONTHLY: 1,
    Recurrence.QUARTERLY: 3,
    Recurrence.HALF_YEARLY: 6,
    Recurrence.YEARLY: 12,
}


@dataclass(frozen=True)
class OccurrenceSpec:
    sequence: int
    label: str
    period_start: date
    due_on: date


def clamp_day(year: int, month: int, day: int) -> date:
    """`day` of the month, or the month's last day when the month is shorter (31 → 28/2)."""
    return date(year, month, min(day, month_calendar.monthrange(year, month)[1]))


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def occurrences(
    *, recurrence: str, start_on: date, due_on: date | None, due_day: int | None, end_on: date | None
) -> list[OccurrenceSpec]:
    """One occurrence for a one-off task; for a recurring task one per calendar period (month, quarter,
    half-year, year) that overlaps [start_on, end_on], due on `due_day` of the period's last month."""
    if recurrence == Recurrence.NONE:
        return [OccurrenceSpec(1, _("Một lần"), start_on, due_on)]
    months = MONTHS_PER[Recurrence(recurrence)]
    # Periods are aligned on the calendar year: quarters start in January, April, July, October.
    year, month = start_on.year, ((start_on.month - 1) // months) * months + 1
    specs: list[OccurrenceSpec] = []
    while date(year, month, 1) <= end_on:
        last_year, last_month = add_months(year, month, months - 1)
        specs.append(
            OccurrenceSpec(
                sequence=len(specs) + 1,
                label=_period_label(recurrence, year, month, months),
                period_start=max(start_on, date(year, month, 1)),
                due_on=clamp_day(last_year, last_month, due_day),
            )
        )
        year, month = add_months(year, month, months)
    return specs


def _period_label(recurrence: str, year: int, month: int, months: int) -> str:
    number = (month - 1) // months + 1
    if recurrence == Recurrence.MONTHLY:
        return _("Tháng %(number)s/%(year)s") % {"number": number, "year": year}
    if recurrence == Recurrence.QUARTERLY:
        return _("Quý %(number)s/%(year)s") % {"number": number, "year": year}
    if recurrence == Recurrence.HALF_YEARLY:
        return _("6 tháng %(half)s/%(year)s") % {
            "half": _("đầu năm") if number == 1 else _("cuối năm"),
            "year": year,
        }
    return _("Năm %(year)s") % {"year": year}


@dataclass(frozen=True)
class PeriodDates:
    start: date
    end: date
    label: str


def reporting_period(
    *, frequency: str, year: int, number: int, months: int, start_day: int, end_day: int
) -> PeriodDates:
    """Dates of report period `number` of `year`: from `start_day` of the last month of the previous period to
    `end_day` of this period's last month. With 15/14: Q1 2026 = 15/12/2025–14/3/2026, year = 15/12–14/12."""
    count = 12 // months
    if not 1 <= number <= count:
        raise ValueError(
            _(
                "Kỳ báo cáo số %(number)s không hợp lệ (1–%(count)s)."
                " / Period %(number)s is not in 1–%(count)s."
            )
            % {"number": number, "count": count}
        )
    last_month = number * months
    previous_year, previous_last_month = add_months(year, last_month, -months)
    start = clamp_day(previous_year, previous_last_month, start_day)
    end = clamp_day(year, last_month, end_day)
    return PeriodDates(start, end, _report_label(frequency, year, number))


def _report_label(frequency: str, year: int, number: int) -> str:
    if frequency == Frequency.MONTH:
        return _("Tháng %(number)s năm %(year)s") % {"number": number, "year": year}
    if frequency == Frequency.QUARTER:
        return _("Quý %(number)s năm %(year)s") % {
            "number": ["I", "II", "III", "IV"][number - 1],
            "year": year,
        }
    if frequency == Frequency.HALF_YEAR:
        return (_("6 tháng đầu năm %(year)s") if number == 1 else _("6 tháng cuối năm %(year)s")) % {
            "year": year
        }
    return _("Năm %(year)s") % {"year": year}
