"""The working calendar: which days are working days and when the office is open (pure Python, no Django).

A day's status is decided in this order, the first rule that applies wins:

1. an override (a row an administrator entered: an extra day off or a make-up working day), because the
   government announces Tết bridge days and swaps every year and the `holidays` package only knows them
   once a release includes them; a province's overrides are passed after the national ones and win;
2. `holidays.VN`: public holidays, compensatory days and announced days off are off, announced make-up
   weekend days are working days;
3. the weekly rule: Monday to Friday are working days.

A service centre may also open on Saturday mornings (`saturday_hours`, a dated row like the office hours) to
receive dossiers and return results. Saturday is still not a working day: time limits count Monday to
Friday (the 40-hour week), so a dossier received on Saturday counts from Monday's opening, exactly as one
received on Sunday would; `reception_periods` is what the centre's posted hours show.

Datetimes are aware and shown in the calendar's zone (Asia/Ho_Chi_Minh); office periods are wall-clock times
of that zone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from types import MappingProxyType
from zoneinfo import ZoneInfo

from .hours import DEFAULT_OFFICE_HOURS, OfficeHours
from .public_holidays import SUPPORTED_YEARS, HolidayYear, check_supported_year, vietnam_holiday_year

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MONDAY_TO_FRIDAY = frozenset(range(5))
LAST_SUPPORTED_DAY = date(SUPPORTED_YEARS[-1], 12, 31)
# No real calendar goes a year without a working day; stop rather than search forever.
_MAX_DAYS_WITHOUT_WORK = 366

HolidaySource = Callable[[int], HolidayYear]


class DayKind(StrEnum):
    OFF = "off"
    WORK = "work"


class PeriodEnd(StrEnum):
    """Where a period of N working days ends (a dated parameter, `workdays.models.PeriodEndRule`).

    CLOCK_TIME: N days of office time after the start, at the same clock time (what many provincial systems
    do). END_OF_DAY: Civil Code 2015 Art. 147–148: the day of the event is not counted, and a period in days
    ends at the end of its last day, for an office the close of office hours."""

    CLOCK_TIME = "clock_time"
    END_OF_DAY = "end_of_day"


class DayStatus(StrEnum):
    WORKING = "working"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    MAKE_UP = "make_up"


@dataclass(frozen=True)
class Override:
    """An administrator's decision about one day, stronger than the holidays package."""

    day: date
    kind: DayKind
    name: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", DayKind(self.kind))


FORECAST_MARK = " (dự báo)"
UNCONFIRMED_MARK = " (chưa xác nhận là ngày nghỉ)"


def is_tet(name: str) -> bool:
    """A day of the Lunar New Year holiday, as the package names them ("29 Tết", "Mùng hai Tết …")."""
    return "Tết" in name and "Dương lịch" not in name


@dataclass(frozen=True)
class DayInfo:
    day: date
    status: DayStatus
    name: str = ""
    # A Tết placement not yet announced for that year (the Prime Minister's notice): shown as a forecast.
    forecast: bool = False
    # A day the package gives off that no override row confirmed: a working day until one does.
    unconfirmed: bool = False

    @property
    def is_working(self) -> bool:
        return self.status in (DayStatus.WORKING, DayStatus.MAKE_UP)

    @property
    def kind(self) -> DayKind:
        return DayKind.WORK if self.is_working else DayKind.OFF


class Calendar:
    """Weekly working days + office hours + public holidays + overrides, with years read as needed."""

    def __init__(
        self,
        *,
        office_hours: OfficeHours = DEFAULT_OFFICE_HOURS,
        saturday_hours: OfficeHours | None = None,
        overrides: Iterable[Override] = (),
        working_weekdays: Iterable[int] = MONDAY_TO_FRIDAY,
        tz: tzinfo = VIETNAM_TZ,
        public_holidays: HolidaySource = vietnam_holiday_year,
        period_end: PeriodEnd = PeriodEnd.CLOCK_TIME,
        announced_through: int | None = None,
        announced_years: Iterable[int] = (),
    ) -> None:
        self.office_hours = office_hours
        self.saturday_hours = saturday_hours
        self.period_end = PeriodEnd(period_end)
        # Tết of a year after `announced_through` is a forecast unless an override row confirmed that year's.
        self.announced_through = announced_through
        self.announced_years = frozenset(announced_years)
        self.working_weekdays = frozenset(working_weekdays)
        if not self.working_weekdays or not self.working_weekdays <= set(range(7)):
            raise ValueError(
                "Ngày làm việc trong tuần phải là 0–6 (thứ hai = 0) / weekdays are 0–6 (Monday = 0)"
            )
        self.tz = tz
        self.public_holidays = public_holidays
        # Later rows for the same day win: national overrides first, then the province's.
        self.overrides: Mapping[date, Override] = MappingProxyType({o.day: o for o in overrides})

    def with_overrides(self, overrides: Iterable[Override]) -> Calendar:
        """A copy with more overrides on top (the CLI's --off and --work)."""
        return self._copy(overrides=[*self.overrides.values(), *overrides])

    def with_office_hours(self, office_hours: OfficeHours) -> Calendar:
        """A copy with other office hours (the CLI's --hours)."""
        return self._copy(office_hours=office_hours)

    def with_period_end(self, period_end: PeriodEnd) -> Calendar:
        """A copy that ends periods in days by another rule (the CLI's --period-end)."""
        return self._copy(period_end=PeriodEnd(period_end))

    @property
    def day_length(self) -> timedelta:
        """Office time of one working day: what "1 working day" means."""
        return self.office_hours.day_length

    def describe(self, day: date) -> DayInfo:
        """Working day, weekend, holiday or make-up day, with the name of the holiday or swap."""
        check_supported_year(day.year)
        override = self.overrides.get(day)
        if override is not None:
            if override.kind is DayKind.OFF:
                return DayInfo(day, DayStatus.HOLIDAY, override.name or "Ngày nghỉ")
            return DayInfo(day, DayStatus.MAKE_UP, override.name or "Ngày làm việc bù")
        year = self.public_holidays(day.year)
        if day in year.days_off:
            name = year.days_off[day]
            if self._is_forecast(day, name):
                return DayInfo(day, DayStatus.HOLIDAY, name + FORECAST_MARK, forecast=True)
            return DayInfo(day, DayStatus.HOLIDAY, name)
        if day in year.make_up_days:
            return DayInfo(day, DayStatus.MAKE_UP, year.make_up_days[day])
        status = DayStatus.WORKING if day.weekday() in self.working_weekdays else DayStatus.WEEKEND
        if day in year.unconfirmed:
            return DayInfo(day, status, year.unconfirmed[day] + UNCONFIRMED_MARK, unconfirmed=True)
        return DayInfo(day, status)

    def _is_forecast(self, day: date, name: str) -> bool:
        return (
            self.announced_through is not None
            and day.year > self.announced_through
            and day.year not in self.announced_years
            and is_tet(name)
        )

    def is_working_day(self, day: date) -> bool:
        return self.describe(day).is_working

    def notable_days(self, year: int) -> list[DayInfo]:
        """Every day off and make-up working day of a year, weekends included, in date order."""
        holiday_year = self.public_holidays(year)
        days = {*holiday_year.days_off, *holiday_year.make_up_days, *holiday_year.unconfirmed}
        days.update(day for day in self.overrides if day.year == year)
        return [self.describe(day) for day in sorted(days)]

    def working_days_from(self, day: date) -> Iterator[date]:
        """Working days from `day` (included) to the end of the supported years."""
        idle = 0
        while day <= LAST_SUPPORTED_DAY:
            if self.is_working_day(day):
                idle = 0
                yield day
            else:
                idle += 1
                if idle > _MAX_DAYS_WITHOUT_WORK:
                    raise ValueError(
                        f"Không có ngày làm việc nào trong một năm kể từ {day}"
                        f" / no working day for a year before {day}"
                    )
            day += timedelta(days=1)

    def next_working_day(self, day: date) -> date:
        """`day` itself if it is a working day, else the first working day after it."""
        for working_day in self.working_days_from(day):
            return working_day
        raise ValueError(
            f"Không có ngày làm việc sau {day} trước năm 2100 / no working day after {day} before 2100"
        )

    def office_periods(self, day: date) -> list[tuple[datetime, datetime]]:
        """The office periods of a day as aware datetimes; none on a day off."""
        if not self.is_working_day(day):
            return []
        return [
            (datetime.combine(day, period.begin, self.tz), datetime.combine(day, period.end, self.tz))
            for period in self.office_hours.periods
        ]

    def reception_periods(self, day: date) -> list[tuple[datetime, datetime]]:
        """When the centre is open to the public on `day`: the office periods of a working day, the Saturday
        hours on a Saturday that is not a holiday, else none. The clock never counts the Saturday hours."""
        if self.is_working_day(day):
            return self.office_periods(day)
        if self.saturday_hours is None or day.weekday() != 5:
            return []
        if self.describe(day).status is not DayStatus.WEEKEND:
            return []  # a holiday or an announced day off closes the Saturday session too
        return [
            (datetime.combine(day, period.begin, self.tz), datetime.combine(day, period.end, self.tz))
            for period in self.saturday_hours.periods
        ]

    def closing_time(self, day: date) -> datetime:
        """End of office time on `day`: where a deadline counted in calendar days falls."""
        return datetime.combine(day, self.office_hours.closing_time, self.tz)

    def localize(self, moment: datetime) -> datetime:
        """The same instant in the calendar's zone; naive datetimes are refused, their zone is a guess."""
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(
                f"Thời điểm phải có múi giờ: {moment} / datetime must be timezone-aware: {moment}"
            )
        return moment.astimezone(self.tz)

    def _copy(self, **changes: object) -> Calendar:
        arguments: dict[str, object] = {
            "office_hours": self.office_hours,
            "saturday_hours": self.saturday_hours,
            "overrides": list(self.overrides.values()),
            "working_weekdays": self.working_weekdays,
            "tz": self.tz,
            "public_holidays": self.public_holidays,
            "period_end": self.period_end,
            "announced_through": self.announced_through,
            "announced_years": self.announced_years,
        }
        arguments.update(changes)
        return Calendar(**arguments)  # type: ignore[arg-type]
