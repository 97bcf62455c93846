"""The deadline clock: add working time to an instant, and measure the working time between two (pure Python).

Working days and working hours run only in office time. A start outside office time counts from the next
office period, as a dossier received online at night counts from the next morning. `add` returns the
earliest instant at which the duration has elapsed, so an amount that ends exactly at the end of a period
returns that end (12:00, not 13:00), and 1 working day from 08:00 ends at 17:00 the same day. A zero
duration returns the start when it lies in a closed office period [begin, end], else the next begin.

Calendar days follow the Civil Code (art. 147–148) adapted to office hours: the start is first moved to the
next office instant if it lies outside office time; the deadline is then the end of office time (17:00 by
default) of the date of that instant plus N days, and when that date is not a working day, the end of
office time of the next working day.

Working days end by the calendar's `period_end` rule: at the same clock time (CLOCK_TIME), or, for a whole
number of days under END_OF_DAY (Civil Code 2015 Art. 147–148), at the close of office of the Nth working
day after the day of the event (that day is not counted, even when the event fell outside office time).
"Same day" (`sd`) ends at the close of office of the day the clock starts, or of the next working day when
the clock starts after the cut-off hour; "immediately" (`im`) at the end of the office period in which the
clock starts.

`elapsed` returns a `timedelta` of office time. Arithmetic runs in UTC, so a zone with daylight-saving time
counts the hours that really passed; Vietnam has none, but callers may pass any aware datetime.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta

from .calendar import LAST_SUPPORTED_DAY, Calendar, PeriodEnd
from .duration import Duration, Unit
from .public_holidays import check_supported_year

Interval = tuple[datetime, datetime]


def add(start: datetime, duration: Duration, calendar: Calendar) -> datetime:
    """The due instant: `duration` after `start` under `calendar`, in the calendar's zone."""
    start_utc = _to_utc(start, calendar)
    if duration.unit is Unit.CALENDAR_DAYS:
        return _add_calendar_days(start_utc, int(duration.amount), calendar)
    if duration.unit is Unit.SAME_DAY:
        return _same_day(start_utc, duration, calendar)
    if duration.unit is Unit.IMMEDIATE:
        return _end_of_period(start_utc, calendar)
    if (
        duration.unit is Unit.WORKING_DAYS
        and calendar.period_end is PeriodEnd.END_OF_DAY
        and duration.amount > 0
        and duration.amount == duration.amount.to_integral_value()
    ):
        return _end_of_nth_working_day(start_utc, int(duration.amount), calendar)
    due = _add_office_time(start_utc, duration.office_time(calendar.day_length), calendar)
    return due.astimezone(calendar.tz)


def elapsed(start: datetime, end: datetime, pauses: Iterable[Interval], calendar: Calendar) -> timedelta:
    """Office time between `start` and `end`, less the time inside `pauses`.

    Pauses may overlap each other or reach outside [start, end]; each office second is counted once.
    """
    start_utc, end_utc = _to_utc(start, calendar), _to_utc(end, calendar)
    if end_utc < start_utc:
        raise ValueError(f"Thời điểm kết thúc trước thời điểm bắt đầu: {end} < {start} / end before start")
    check_supported_year(end_utc.astimezone(calendar.tz).year)
    paused = _merge(_clip(_pause_in_utc(pause, calendar), start_utc, end_utc) for pause in pauses)
    total = timedelta()
    for begin, finish in _periods_from(start_utc, calendar):
        if begin >= end_utc:
            break
        begin, finish = max(begin, start_utc), min(finish, end_utc)
        if finish > begin:
            total += (finish - begin) - _overlap(begin, finish, paused)
    return total


def is_office_time(moment: datetime, calendar: Calendar) -> bool:
    """Whether `moment` lies in an office period of a working day, both ends included."""
    local = calendar.localize(moment)
    return any(begin <= local <= end for begin, end in calendar.office_periods(local.date()))


def next_office_instant(moment: datetime, calendar: Calendar) -> datetime:
    """`moment` itself in office time, else the beginning of the next office period."""
    return add(moment, Duration.working_hours(0), calendar)


def _add_office_time(start_utc: datetime, amount: timedelta, calendar: Calendar) -> datetime:
    remaining = amount
    for begin, end in _periods_from(start_utc, calendar):
        begin = max(begin, start_utc)
        available = end - begin
        if remaining <= available:
            return begin + remaining
        remaining -= available
    raise _beyond_supported_years()


def _add_calendar_days(start_utc: datetime, days: int, calendar: Calendar) -> datetime:
    opened = _add_office_time(start_utc, timedelta(), calendar).astimezone(calendar.tz)
    try:
        target = opened.date() + timedelta(days=days)
    except OverflowError:
        raise _beyond_supported_years() from None
    if target > LAST_SUPPORTED_DAY:
        raise _beyond_supported_years()
    return calendar.closing_time(calendar.next_working_day(target))


def _opening(start_utc: datetime, calendar: Calendar) -> datetime:
    """Where the clock starts, in the calendar's zone: the start in office time, else the next period."""
    return _add_office_time(start_utc, timedelta(), calendar).astimezone(calendar.tz)


def _same_day(start_utc: datetime, duration: Duration, calendar: Calendar) -> datetime:
    opened = _opening(start_utc, calendar)
    day = opened.date()
    if duration.cutoff is not None and opened.timetz().replace(tzinfo=None) > duration.cutoff:
        day = calendar.next_working_day(day + timedelta(days=1))
    return calendar.closing_time(day)


def _end_of_period(start_utc: datetime, calendar: Calendar) -> datetime:
    opened = _opening(start_utc, calendar)
    for begin, end in calendar.office_periods(opened.date()):
        if begin <= opened <= end:
            return end
    raise _beyond_supported_years()  # _opening always lands in a period


def _end_of_nth_working_day(start_utc: datetime, days: int, calendar: Calendar) -> datetime:
    # Art. 147: the day of the event itself is not counted, whenever in that day (or night) it happened.
    event_day = start_utc.astimezone(calendar.tz).date()
    counted = calendar.working_days_from(event_day + timedelta(days=1))
    for index, day in enumerate(counted, start=1):
        if index == days:
            return calendar.closing_time(day)
    raise _beyond_supported_years()


def _periods_from(moment_utc: datetime, calendar: Calendar) -> Iterator[Interval]:
    """Office periods in UTC, in order, from the first one that ends at or after `moment_utc`."""
    first_day: date = moment_utc.astimezone(calendar.tz).date()
    for day in calendar.working_days_from(first_day):
        for begin, end in calendar.office_periods(day):
            begin_utc, end_utc = begin.astimezone(UTC), end.astimezone(UTC)
            if end_utc >= moment_utc:
                yield begin_utc, end_utc


def _to_utc(moment: datetime, calendar: Calendar) -> datetime:
    return calendar.localize(moment).astimezone(UTC)


def _pause_in_utc(pause: Interval, calendar: Calendar) -> Interval:
    begin, end = (_to_utc(moment, calendar) for moment in pause)
    if end < begin:
        raise ValueError(
            f"Khoảng tạm dừng kết thúc trước khi bắt đầu: {pause} / a pause ends before it begins"
        )
    return begin, end


def _clip(interval: Interval, low: datetime, high: datetime) -> Interval | None:
    begin, end = max(interval[0], low), min(interval[1], high)
    return (begin, end) if end > begin else None


def _merge(intervals: Iterable[Interval | None]) -> list[Interval]:
    """Sorted, non-overlapping intervals covering the same time."""
    merged: list[Interval] = []
    for begin, end in sorted(interval for interval in intervals if interval is not None):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((begin, end))
    return merged


def _overlap(begin: datetime, end: datetime, intervals: list[Interval]) -> timedelta:
    total = timedelta()
    for low, high in intervals:
        if low >= end:
            break
        if high > begin:
            total += min(high, end) - max(low, begin)
    return total


def _beyond_supported_years() -> ValueError:
    return ValueError("Thời hạn rơi vào sau năm 2099 / the deadline falls after 2099")
