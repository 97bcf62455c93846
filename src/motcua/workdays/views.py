"""The public year calendar: which days the offices work, and why a day is off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .calendar import DayInfo, DayStatus
from .labels import STATUS_LABELS, STATUS_MARKS, WEEKDAYS, month_title
from .loader import calendar_for, find_province
from .public_holidays import SUPPORTED_YEARS
from .yeargrid import MonthGrid, working_day_count, year_grid


@dataclass(frozen=True)
class DayCell:
    """One day as the page shows it: number, colour class, visible mark and the words behind them."""

    day: date
    status: str
    name: str
    label: str
    mark: str
    is_today: bool


def year_calendar(request: HttpRequest, year: int | None = None) -> HttpResponse:
    """Twelve month grids of working days, weekends, holidays and make-up days, with prev/next year."""
    today = timezone.localdate()
    year = today.year if year is None else year
    if year not in SUPPORTED_YEARS:
        raise Http404
    province = find_province(settings.MOTCUA_PROVINCE_CODE) if settings.MOTCUA_PROVINCE_CODE else None
    calendar = calendar_for(province, on=today if year == today.year else date(year, 1, 1))
    grid = year_grid(calendar, year)
    context = {
        "year": year,
        "province": province,
        "office_hours": ", ".join(f"{p.begin:%H:%M}–{p.end:%H:%M}" for p in calendar.office_hours.periods),
        "weekdays": WEEKDAYS,
        "months": [_month(month, today) for month in grid],
        "working_days": working_day_count(grid),
        "legend": [(status.value, STATUS_LABELS[status], STATUS_MARKS[status]) for status in DayStatus],
        "previous_year": year - 1 if year - 1 in SUPPORTED_YEARS else None,
        "next_year": year + 1 if year + 1 in SUPPORTED_YEARS else None,
    }
    return render(request, "workdays/year.html", context)


def _month(month: MonthGrid, today: date) -> dict:
    return {
        "title": month_title(month.month, month.year),
        "id": f"thang-{month.month}",
        "weeks": [[_cell(info, today) if info else None for info in week] for week in month.weeks],
        "notable": [_cell(info, today) for info in month.notable],
    }


def _cell(info: DayInfo, today: date) -> DayCell:
    return DayCell(
        day=info.day,
        status=info.status.value,
        name=info.name,
        label=str(STATUS_LABELS[info.status]),
        mark=str(STATUS_MARKS[info.status]),
        is_today=info.day == today,
    )
