"""Due dates through the working-time engine: the legal limit per channel, step deadlines, pauses, extensions.

All arithmetic is `workdays.clock`; this module only chooses the durations. Months (a catalog unit the
engine does not have) become the calendar days to the same day of the month N months later. Supplement
time is excluded by moving the due date forward by the office time the dossier waited.
"""

from __future__ import annotations

import calendar as month_calendar
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _

from motcua.catalog.limits import Limit
from motcua.catalog.models import TimeUnit
from motcua.workdays import clock
from motcua.workdays.calendar import Calendar
from motcua.workdays.duration import Duration, Unit
from motcua.workdays.loader import installation_calendar

_MICROS_PER_HOUR = Decimal(3_600_000_000)


def working_calendar(on: date | None = None) -> Calendar:
    """The province's calendar (holidays.VN plus the administrator's overrides)."""
    return installation_calendar(on)


def legal_duration(limit: Limit, start: datetime) -> Duration:
    if limit.time_unit == TimeUnit.MONTHS:
        return Duration.calendar_days(_days_in_months(start.date(), int(limit.time_limit)))
    if limit.time_unit == TimeUnit.SAME_DAY:
        # "Trong ngày; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo"; cut-off on the channel.
        return Duration.same_day(limit.cutoff)
    if limit.time_unit == TimeUnit.IMMEDIATE:
        return Duration.immediate()
    return Duration(Decimal(limit.time_limit), Unit(limit.time_unit))


def due_date(start: datetime, limit: Limit, cal: Calendar) -> datetime:
    """Due instant of a dossier whose clock starts at `start` (outside office time: the next period)."""
    return clock.add(start, legal_duration(limit, start), cal)


def step_due(start: datetime, amount: Decimal, unit: str, cal: Calendar) -> datetime:
    return clock.add(start, Duration(Decimal(amount), Unit(unit)), cal)


def clock_start(moment: datetime, cal: Calendar) -> datetime:
    """Where the legal time begins: the moment itself in office time, else the next office period."""
    return clock.next_office_instant(moment, cal)


def shift_for_pause(due: datetime, paused_from: datetime, paused_to: datetime, cal: Calendar) -> datetime:
    """The due date moved by the office time spent waiting for a supplement."""
    waited = clock.elapsed(paused_from, paused_to, (), cal)
    if not waited:
        return due
    hours = Decimal(waited // timedelta(microseconds=1)) / _MICROS_PER_HOUR
    return clock.add(due, Duration.working_hours(hours), cal)


def extension_due(new_day: date, cal: Calendar) -> datetime:
    """An extension names a day; the dossier is due at the close of office on it."""
    if not cal.is_working_day(new_day):
        raise ValueError(
            _("Ngày hẹn mới %(day)s không phải ngày làm việc. / The new due day is not a working day.")
            % {"day": new_day.strftime("%d/%m/%Y")}
        )
    return cal.closing_time(new_day)


def _days_in_months(start: date, months: int) -> int:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, month_calendar.monthrange(year, month)[1])
    return (date(year, month, day) - start).days
