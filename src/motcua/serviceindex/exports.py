"""The index tables as an Excel workbook (openpyxl), one sheet per table; text cells never start a formula."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from motcua.core import spreadsheets

from .periods import Period
from .scores import SCORED, Score

# A cell starting with one of these is read as a formula by spreadsheet programs (CSV/formula injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe(value):
    """Text as text: a leading formula character is escaped with an apostrophe; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _points(item) -> float | None:
    return float(item.points) if item.status == SCORED and item.points is not None else None


def _sheet(book: Workbook, title: str, heading: str, rows: list[Score], first: bool) -> None:
    sheet = book.active if first else book.create_sheet()
    sheet.title = title[:31]
    sheet.append([safe(heading)])
    sheet["A1"].font = Font(bold=True)
    indicators = rows[0].indicators if rows else []
    header = [
        _("Hạng"),
        _("Tên"),
        _("Điểm"),
        _("Điểm tối đa được tính"),
        _("Tỷ lệ (%)"),
        _("Thay đổi so với kỳ trước (điểm %)"),
        *[f"{i.indicator.code}" for i in indicators],
    ]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
    for score in rows:
        sheet.append(
            [
                score.rank,
                safe(score.label),
                float(score.points),
                float(score.maximum),
                float(score.percent) if score.percent is not None else None,
                float(score.change) if score.change is not None else None,
                *[
                    float(i.points) if i.status == SCORED and i.points is not None else None
                    for i in score.indicators
                ],
            ]
        )
    sheet.column_dimensions["B"].width = 45


def workbook(period: Period, tables: dict[str, list[Score]]) -> bytes:
    book = Workbook()
    title = _("Chỉ số phục vụ người dân, doanh nghiệp — %(period)s") % {"period": period.label}
    _sheet(book, _("Toàn tỉnh"), title, tables["province"], True)
    _sheet(book, _("Cơ quan"), title, tables["agencies"], False)
    _sheet(book, _("Đơn vị hành chính"), title, tables["units"], False)
    legend = book.create_sheet(_("Chỉ số"))
    legend.append([_("Mã"), _("Chỉ số"), _("Điểm tối đa"), _("Mục tiêu (%)"), _("Căn cứ pháp lý")])
    sample = tables["province"][0] if tables["province"] else None
    for item in sample.indicators if sample else []:
        i = item.indicator
        legend.append([i.code, safe(i.name), float(i.max_points), float(i.target), safe(i.legal_basis)])
    return spreadsheets.to_bytes(book)  # the site-wide guard (core.spreadsheets) on top of safe()
