"""A year of the calendar laid out as twelve Monday-first month grids, for the public page (pure Python)."""

from __future__ import annotations

import calendar as gregorian
from dataclasses import dataclass
from datetime import date

from .calendar import Calendar, DayInfo

_WEEKS = gregorian.Calendar(firstweekday=gregorian.MONDAY)


@dataclass(frozen=True)
class MonthGrid:
    year: int
    month: int
    weeks: list[list[DayInfo | None]]
    """Rows of seven cells, Monday first; None where the day belongs to the previous or next month."""
    notable: list[DayInfo]
    """Days off and make-up days of the month, weekends included, so the page can name them below the grid."""


def year_grid(calendar: Calendar, year: int) -> list[MonthGrid]:
    """Every day of `year` described by `calendar`, month by month."""
    notable = calendar.notable_days(year)
    return [
        MonthGrid(
            year=year,
            month=month,
            weeks=[
                [calendar.describe(date(year, month, day)) if day else None for day in week]
                for week in _WEEKS.monthdayscalendar(year, month)
            ],
            notable=[info for info in notable if info.day.month == month],
        )
        for month in range(1, 13)
    ]


def working_day_count(grid: list[MonthGrid]) -> int:
    """How many working days the year has, make-up days included."""
    return sum(
        1 for month in grid for week in month.weeks for info in week if info is not None and info.is_working
    )
