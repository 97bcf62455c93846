"""Calendar periods of the index: a month, a quarter, a year or any range of days, and the period before.

The index follows the calendar (the national portal shows months, quarters and years); the TTHC-control
reports keep their own cut-off days (control.periods).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from motcua.core.forms import VietnameseDateField

KINDS = ("month", "quarter", "year", "range")


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date

    @property
    def label(self) -> str:
        if self.kind == "month":
            return _("Tháng %(m)s/%(y)s") % {"m": self.start.month, "y": self.start.year}
        if self.kind == "quarter":
            return _("Quý %(q)s/%(y)s") % {"q": (self.start.month - 1) // 3 + 1, "y": self.start.year}
        if self.kind == "year":
            return _("Năm %(y)s") % {"y": self.start.year}
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    def previous(self) -> Period:
        if self.kind == "month":
            last = self.start - timedelta(days=1)
            return month(last.year, last.month)
        if self.kind == "quarter":
            last = self.start - timedelta(days=1)
            return quarter(last.year, (last.month - 1) // 3 + 1)
        if self.kind == "year":
            return year(self.start.year - 1)
        length = self.end - self.start
        end = self.start - timedelta(days=1)
        return Period("range", end - length, end)


def month(y: int, m: int) -> Period:
    return Period("month", date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]))


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period("quarter", date(y, first, 1), month(y, first + 2).end)


def year(y: int) -> Period:
    return Period("year", date(y, 1, 1), date(y, 12, 31))


INVALID = _  # marker for makemessages: the messages below are translated where raised


def _day(text: str | None) -> date:
    """A day of the range as the page's fields send it (dd/mm/yyyy) or as the API documents it (ISO)."""
    if not (text or "").strip():
        raise ValueError
    try:
        return VietnameseDateField().clean(text)
    except ValidationError:
        raise ValueError from None


def parse(params, *, today: date) -> Period:
    """The period a page or API request names (`ky`=month|quarter|year|range with `nam`, `thang`, `quy`,
    `tu`, `den`); the current month when nothing is given. Bad input is a bilingual ValidationError."""
    kind = params.get("ky") or "month"
    try:
        if kind not in KINDS:
            raise ValueError
        if kind == "range":
            start, end = _day(params.get("tu")), _day(params.get("den"))
            if end < start or (end - start).days > 3660:
                raise ValueError
            return Period("range", start, end)
        y = int(params.get("nam") or today.year)
        if not 2000 <= y <= 2100:
            raise ValueError
        if kind == "year":
            return year(y)
        if kind == "quarter":
            q = int(params.get("quy") or (today.month - 1) // 3 + 1)
            if not 1 <= q <= 4:
                raise ValueError
            return quarter(y, q)
        m = int(params.get("thang") or today.month)
        if not 1 <= m <= 12:
            raise ValueError
        return month(y, m)
    except ValueError:
        raise ValidationError(
            _(
                "Kỳ không hợp lệ: chọn tháng, quý, năm hoặc khoảng ngày (từ ≤ đến, dạng dd/mm/yyyy)."
                " / Invalid period: choose a month, quarter, year or a date range (from ≤ to, dd/mm/yyyy)."
            )
        ) from None
