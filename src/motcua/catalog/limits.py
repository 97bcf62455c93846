"""Does an internal process fit within the legal time limit? Compared in office time (working hours).

One working day is the calendar's office time of a day (8 hours with the default hours). Calendar days and
months are not office time; a process is refused only when it surely exceeds them, so N calendar days count
as at most N working days and a month as at most 31 of them.
"""

from collections.abc import Iterable, Mapping
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from motcua.workdays.calendar import Calendar
from motcua.workdays.duration import Duration, Unit

from .models import Channel, LimitCase, TimeUnit, VersionChannel

MONTH_UPPER_BOUND_DAYS = 31
# A time limit the clock counts: a channel's default case, or one of its named cases.
Limit = VersionChannel | LimitCase


def step_office_time(amount: Decimal, unit: str, calendar: Calendar) -> timedelta:
    return Duration(Decimal(amount), Unit(unit)).office_time(calendar.day_length)


def limit_office_time(channel: Limit, calendar: Calendar) -> timedelta:
    amount = Decimal(channel.time_limit)
    if channel.time_unit == TimeUnit.WORKING_HOURS:
        return Duration.working_hours(amount).office_time(calendar.day_length)
    if channel.time_unit == TimeUnit.MONTHS:
        amount *= MONTH_UPPER_BOUND_DAYS
    return Duration.working_days(amount).office_time(calendar.day_length)


def chosen_limit(channel: VersionChannel, case_id: int | None) -> Limit:
    """The limit a dossier counts: the channel's default case, or the named case picked at reception."""
    if case_id is None:
        return channel
    case = channel.cases.filter(pk=case_id).first()
    if case is None:
        raise ValidationError(
            {
                "limit_case": _(
                    "Trường hợp thời hạn đã chọn không thuộc thủ tục, cách thức này. "
                    "/ The chosen time-limit case is not one of this procedure's channel."
                )
            }
        )
    return case


def _amount(value: Decimal) -> str:
    return f"{Decimal(value).normalize():f}".replace(".", ",")


def limit_wording(limit: Limit) -> str:
    """The limit as a receipt prints it: "trường hợp phải xác minh: 20 ngày", "từ 3 đến 5 ngày làm việc"."""
    unit = TimeUnit(limit.time_unit)
    if unit == TimeUnit.SAME_DAY:
        amount = str(unit.label)
        if limit.cutoff is not None:
            amount += _(" (nhận sau %(hour)s thì trả trong ngày làm việc tiếp theo)") % {
                "hour": f"{limit.cutoff:%H:%M}"
            }
    elif unit == TimeUnit.IMMEDIATE:
        amount = str(unit.label)
    elif limit.time_limit_min is not None:
        amount = _("từ %(low)s đến %(high)s %(unit)s") % {
            "low": _amount(limit.time_limit_min),
            "high": _amount(limit.time_limit),
            "unit": unit.label,
        }
    else:
        amount = f"{_amount(limit.time_limit)} {unit.label}"
    if limit.at_most:
        amount = _("không quá %(amount)s") % {"amount": amount}
    condition = limit.condition if isinstance(limit, LimitCase) else ""
    return f"{condition}: {amount}" if condition else amount


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
