"""Time limits as values: an amount and a unit, as procedures state them (pure Python, no Django).

"3 ngày làm việc", "0,5 ngày làm việc", "4 giờ làm việc" and "15 ngày" are four different rules, so the
unit travels with the amount. Working-time units become office time: one working day is the office time of
one day (8 hours with the default hours), so half a day is half of that, not half of 24 hours.

Two units have no amount: "trong ngày" (`sd`, same day; with a cut-off hour, "nếu nhận sau 15 giờ thì trả
trong ngày làm việc tiếp theo": `sd@15:00`) and "giải quyết ngay" (`im`, immediately: by the end of the
office period in which the clock starts). `clock.add` gives their due instants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time, timedelta
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from enum import StrEnum

_TEXT = re.compile(
    r"^(?P<sign>[+-]?)(?P<amount>\d+(?:\.\d+)?)?(?P<unit>[A-Za-z]*)(?:@(?P<cutoff>\d{1,2}:\d{2}))?$"
)
_MICROSECOND = timedelta(microseconds=1)


class Unit(StrEnum):
    WORKING_DAYS = "d"
    WORKING_HOURS = "h"
    CALENDAR_DAYS = "cd"
    SAME_DAY = "sd"
    IMMEDIATE = "im"


# Units that name a moment of the day rather than an amount of time.
WITHOUT_AMOUNT = frozenset({Unit.SAME_DAY, Unit.IMMEDIATE})


@dataclass(frozen=True)
class Duration:
    """A non-negative amount of one unit; calendar days come whole. `cutoff` only with "same day"."""

    amount: Decimal
    unit: Unit
    cutoff: time | None = None

    def __post_init__(self) -> None:
        amount = _as_decimal(self.amount)
        if amount < 0:
            raise ValueError(f"Thời hạn không được âm: {amount} / a duration must not be negative: {amount}")
        if self.unit is Unit.CALENDAR_DAYS and amount != amount.to_integral_value():
            raise ValueError(
                f"Số ngày theo lịch phải là số nguyên: {amount}"
                f" / calendar days must be a whole number: {amount}"
            )
        object.__setattr__(self, "amount", amount)
        object.__setattr__(self, "unit", Unit(self.unit))
        if self.cutoff is not None and self.unit is not Unit.SAME_DAY:
            raise ValueError(
                "Giờ chốt chỉ dùng với thời hạn trong ngày (sd) / a cut-off hour goes with same-day (sd) only"
            )

    @classmethod
    def same_day(cls, cutoff: time | None = None) -> Duration:
        return cls(Decimal(0), Unit.SAME_DAY, cutoff)

    @classmethod
    def immediate(cls) -> Duration:
        return cls(Decimal(0), Unit.IMMEDIATE)

    @classmethod
    def working_days(cls, amount: Decimal | int | str) -> Duration:
        return cls(_as_decimal(amount), Unit.WORKING_DAYS)

    @classmethod
    def working_hours(cls, amount: Decimal | int | str) -> Duration:
        return cls(_as_decimal(amount), Unit.WORKING_HOURS)

    @classmethod
    def calendar_days(cls, amount: Decimal | int | str) -> Duration:
        return cls(_as_decimal(amount), Unit.CALENDAR_DAYS)

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read "3d", "0.5d", "4h", "15cd", "sd", "sd@15:00" or "im"; raise ValueError saying what is wrong,
        in both languages."""
        match = _TEXT.match(text.strip())
        if not match or (match["amount"] is None and match["unit"].lower() not in WITHOUT_AMOUNT):
            raise ValueError(
                f"Thời hạn không hợp lệ: '{text}' (ví dụ 3d, 0.5d, 4h, 15cd, sd@15:00, im)"
                f" / invalid duration '{text}' (e.g. 3d, 0.5d, 4h, 15cd, sd@15:00, im)"
            )
        if match["sign"] == "-":
            raise ValueError(f"Thời hạn không được âm: '{text}' / a duration must not be negative: '{text}'")
        if not match["unit"]:
            raise ValueError(
                f"Thiếu đơn vị thời hạn: '{text}' (dùng d, h, cd, sd hoặc im)"
                f" / missing unit in '{text}' (use d, h, cd, sd or im)"
            )
        try:
            unit = Unit(match["unit"].lower())
        except ValueError:
            raise ValueError(
                f"Đơn vị thời hạn không hợp lệ: '{match['unit']}' (dùng d, h, cd, sd hoặc im)"
                f" / unknown unit '{match['unit']}' (use d, h, cd, sd or im)"
            ) from None
        cutoff = None
        if match["cutoff"]:
            hour, minute = (int(part) for part in match["cutoff"].split(":"))
            if hour > 23 or minute > 59:
                raise ValueError(f"Giờ chốt không hợp lệ: '{text}' / invalid cut-off hour '{text}'")
            cutoff = time(hour, minute)
        return cls(Decimal(match["amount"] or 0), unit, cutoff)

    @property
    def is_working_time(self) -> bool:
        """Working days and hours run only in office time; calendar days, same day and immediately are
        moments of the calendar, not amounts of office time."""
        return self.unit in (Unit.WORKING_DAYS, Unit.WORKING_HOURS)

    def office_time(self, day_length: timedelta) -> timedelta:
        """The office time this duration stands for, given the office time of one working day.

        Rounded up to the microsecond, so a deadline is never earlier than the law allows; amounts with
        up to six decimals convert exactly, which keeps `add` additive.
        """
        if self.unit is Unit.WORKING_DAYS:
            unit = day_length
        elif self.unit is Unit.WORKING_HOURS:
            unit = timedelta(hours=1)
        else:
            raise ValueError(
                "Ngày theo lịch, trong ngày và giải quyết ngay không quy đổi ra giờ làm việc"
                " / calendar days, same day and immediately are not office time"
            )
        micros = (self.amount * (unit // _MICROSECOND)).to_integral_value(rounding=ROUND_CEILING)
        return timedelta(microseconds=int(micros))

    def __add__(self, other: object) -> Duration:
        if not isinstance(other, Duration) or other.unit is not self.unit or self.unit in WITHOUT_AMOUNT:
            return NotImplemented
        return Duration(self.amount + other.amount, self.unit)

    def __str__(self) -> str:
        if self.unit in WITHOUT_AMOUNT:
            return self.unit.value + (f"@{self.cutoff:%H:%M}" if self.cutoff else "")
        return f"{self.amount.normalize():f}{self.unit.value}"


def _as_decimal(value: Decimal | int | str) -> Decimal:
    if isinstance(value, float | bool):
        raise TypeError("Dùng Decimal, int hoặc str cho thời hạn / use Decimal, int or str for an amount")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"Số lượng không hợp lệ: '{value}' / invalid amount '{value}'") from None
    if not amount.is_finite():
        raise ValueError(f"Số lượng không hợp lệ: '{value}' / invalid amount '{value}'")
    return amount
