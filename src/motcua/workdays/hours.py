"""Office hours: the daily periods in which working time runs (pure Python, no Django).

Written as text such as "08:00-12:00,13:00-17:00" so that an administrator can store the hours in force
as data with a legal basis, and the clock can still count in whole periods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

_PERIOD = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


@dataclass(frozen=True, order=True)
class OfficePeriod:
    """One stretch of office time within a day, [begin, end], both in local wall-clock time."""

    begin: time
    end: time

    @property
    def length(self) -> timedelta:
        """Nominal length of the period, as the clock on the wall shows it."""
        return _as_datetime(self.end) - _as_datetime(self.begin)

    def __str__(self) -> str:
        return f"{self.begin:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class OfficeHours:
    """The periods of one working day, in order and without overlap."""

    periods: tuple[OfficePeriod, ...]

    def __post_init__(self) -> None:
        if not self.periods:
            raise ValueError("Cần ít nhất một khoảng giờ làm việc / office hours need at least one period")
        for period in self.periods:
            if period.begin >= period.end:
                raise ValueError(
                    f"Giờ bắt đầu phải trước giờ kết thúc: {period}"
                    f" / a period must begin before it ends: {period}"
                )
        for earlier, later in zip(self.periods, self.periods[1:], strict=False):
            if later.begin < earlier.end:
                raise ValueError(
                    f"Các khoảng giờ phải theo thứ tự, không chồng lấn: {earlier}, {later}"
                    f" / periods must be in order and must not overlap: {earlier}, {later}"
                )

    @classmethod
    def parse(cls, text: str) -> OfficeHours:
        """Read "HH:MM-HH:MM[,HH:MM-HH:MM]…"; raise ValueError with a bilingual message otherwise."""
        parts = [part.strip() for part in (text or "").split(",")]
        return cls(tuple(_parse_period(part) for part in parts))

    @property
    def day_length(self) -> timedelta:
        """Office time in one working day: the length of one working day as a duration unit."""
        return sum((period.length for period in self.periods), timedelta())

    @property
    def closing_time(self) -> time:
        """When the last period of a day ends: where calendar-day deadlines fall."""
        return self.periods[-1].end

    def __str__(self) -> str:
        return ",".join(str(period) for period in self.periods)


def _parse_period(text: str) -> OfficePeriod:
    match = _PERIOD.match(text)
    if not match:
        raise ValueError(
            f"Khoảng giờ không hợp lệ: '{text}' (cần HH:MM-HH:MM)"
            f" / invalid period '{text}' (expected HH:MM-HH:MM)"
        )
    begin_h, begin_m, end_h, end_m = (int(group) for group in match.groups())
    try:
        return OfficePeriod(time(begin_h, begin_m), time(end_h, end_m))
    except ValueError:
        raise ValueError(f"Giờ không tồn tại: '{text}' / no such time of day: '{text}'") from None


def _as_datetime(moment: time) -> datetime:
    return datetime.combine(date(2000, 1, 1), moment)


DEFAULT_OFFICE_HOURS = OfficeHours.parse("08:00-12:00,13:00-17:00")
