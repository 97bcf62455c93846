"""Does an internal process fit within the legal time limit? Compared in office time (working hours).

One working day is the calendar's office time of a day (8 hours with the default hours). Calendar days and
months are not office time; a process is refused only when it surely exceeds them, so N calendar days count
as at most N working days and a month as at most 31 of them.
"""

from collections.abc import Iterable, Mapping
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from motcua.workdays.calendar import Calendar
from motcua.workdays.duration import Duration, Unit

from .models import Channel, TimeUnit, VersionChannel

MONTH_UPPER_BOUND_DAYS = 31


def step_office_time(amount: Decimal, unit: str, calendar: Calendar) -> timedelta:
    return Duration(Decimal(amount), Unit(unit)).office_time(calendar.day_length)


def limit_office_time(channel: VersionChannel, calendar: Calendar) -> timedelta:
    amount = Decimal(channel.time_limit)
    if channel.time_unit == TimeUnit.WORKING_HOURS:
        return Duration.working_hours(amount).office_time(calendar.day_length)
    if channel.time_unit == TimeUnit.MONTHS:
        amount *= MONTH_UPPER_BOUND_DAYS
    return Duration.working_days(amount).office_time(calendar.day_length)


def hours(span: timedelta) -> str:
    value = Decimal(span.total_seconds()) / 3600
    return f"{value.quantize(Decimal('0.01')).normalize():f}"


def process_overruns(
    *,
    channels: Iterable[VersionChannel],
    channel: str,
    steps: Iterable[Mapping[str, Any]],
    calendar: Calendar,
) -> list[str]:
    """A message for every channel whose legal limit the steps exceed; empty when the process fits."""
    total = sum((step_office_time(s["duration"], s["duration_unit"], calendar) for s in steps), timedelta())
    problems = []
    for limit in channels:
        if channel and limit.channel != channel:
            continue
        allowed = limit_office_time(limit, calendar)
        if total > allowed:
            problems.append(
                _(
                    "Tổng thời gian các bước là %(total)s giờ làm việc, vượt thời hạn giải quyết "
                    "của cách thức %(channel)s (%(limit)s %(unit)s = %(allowed)s giờ làm việc). "
                    "/ The steps add up to %(total)s working hours, more than the legal time limit "
                    "of the %(channel_en)s channel (%(allowed)s working hours)."
                )
                % {
                    "total": hours(total),
                    "channel": limit.get_channel_display(),
                    "limit": f"{Decimal(limit.time_limit).normalize():f}",
                    "unit": limit.get_time_unit_display(),
                    "allowed": hours(allowed),
                    "channel_en": Channel(limit.channel).name.lower(),
                }
            )
    return problems
