"""Vietnam's public holidays and announced day swaps, read from the `holidays` package (pure Python).

`holidays.VN` computes Tết and the Hùng Kings' day on the lunar calendar for UTC+7 (Chinese-calendar
libraries use UTC+8 and are wrong for Vietnam in some years) and knows the swaps the government announced
up to its release: a weekend day made a working day so that a bridge day is off. Years are read one at a time
and kept, so a deadline that crosses a year end loads the next year only when it gets there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from types import MappingProxyType

import holidays

# The lunar tables of `holidays` were checked against Hồ Ngọc Đức's algorithm for these years; outside them
# the engine refuses to guess.
SUPPORTED_YEARS = range(1901, 2100)

_MAKE_UP_NAME = "Ngày làm việc bù"
# Days the package gives off beyond the Labour Code 2019 Art. 112 and the Government's notices (24/11, Vietnam
# Culture Day, from 2026, citing a Party resolution): off only when an override row with its legal basis
# confirms them, else working days marked as unconfirmed (issue 13, problem 9). Matched by name, so that the
# compensatory day the package may add ("… (nghỉ bù)") follows.
NEEDS_CONFIRMATION = ("Ngày Văn hóa Việt Nam",)
_DATE_FORMAT = "%d/%m/%Y"


@dataclass(frozen=True)
class HolidayYear:
    """What the law and the government's announcements make of one year."""

    year: int
    days_off: Mapping[date, str]
    """Public holidays, compensatory days and announced days off, weekends included, with their names."""
    make_up_days: Mapping[date, str]
    """Weekend days announced as working days, with a name that says which day off they pay for."""
    unconfirmed: Mapping[date, str] = field(default_factory=lambda: MappingProxyType({}))
    """Days the package gives off that need an override row to be off (NEEDS_CONFIRMATION)."""


def check_supported_year(year: int) -> None:
    """Refuse years the lunar tables do not cover, with a message for both languages."""
    if year not in SUPPORTED_YEARS:
        raise ValueError(
            f"Năm {year} nằm ngoài phạm vi 1901–2099 / year {year} is outside the supported range 1901–2099"
        )


@cache
def vietnam_holiday_year(year: int) -> HolidayYear:
    """Days off and make-up working days of `year`, with Vietnamese names (cached: the data never changes)."""
    check_supported_year(year)
    # The neighbouring years are read too: a swap can cross a year end (27/12/2014 worked for 2/1/2015).
    source = holidays.country_holidays("VN", language="vi", years=range(year - 1, year + 2))
    days_off = {day: name for day, name in source.items() if day.year == year}
    unconfirmed = {day: name for day, name in days_off.items() if name.startswith(NEEDS_CONFIRMATION)}
    for day in unconfirmed:
        del days_off[day]
    make_up_days = {
        day: _make_up_name(day, source) for day in sorted(source.weekend_workdays) if day.year == year
    }
    return HolidayYear(
        year, MappingProxyType(days_off), MappingProxyType(make_up_days), MappingProxyType(unconfirmed)
    )


def _make_up_name(work_day: date, source: Mapping[date, str]) -> str:
    """Name a make-up day after the day off it pays for: 26/4/2025 is worked so that 2/5/2025 is off."""
    label = work_day.strftime(_DATE_FORMAT)
    for day_off, name in sorted(source.items()):
        if label in name:
            return f"{_MAKE_UP_NAME} (thay cho ngày {day_off.strftime(_DATE_FORMAT)})"
    return _MAKE_UP_NAME
