"""Spreadsheet exports that never carry a live formula from stored text (CSV/formula injection, OWASP).

A citizen's name, a reason or a procedure title typed as `=HYPERLINK("http://…","Bấm vào đây")` became a
formula in the register's Excel file (openpyxl takes every string starting with "=" for one). Every export
goes through here: a text cell starting with =, +, -, @, a tab or a carriage return is written as text with
Excel's quote prefix (the apostrophe a person would type), so the cell shows and re-imports the same text
and no spreadsheet program evaluates it.

    return spreadsheets.to_bytes(book)                   # a normal workbook, after filling it
    sheet.append(spreadsheets.safe_row(sheet, values))  # a write-only workbook, row by row
"""

from collections.abc import Iterable
from io import BytesIO
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.workbook import Workbook

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_risky(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def _as_text(cell: Any) -> None:
    cell.data_type = "s"
    cell.quotePrefix = True


def neutralise(book: Workbook) -> Workbook:
    """Every risky text cell of a (normal) workbook as quoted text; numbers and dates are untouched."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if is_risky(cell.value):
                    _as_text(cell)
    return book


def safe_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """A row for `sheet.append` (write-only sheets included) with risky texts as quoted text cells."""
    row: list[Any] = []
    for value in values:
        if is_risky(value):
            cell = WriteOnlyCell(sheet, value=value)
            _as_text(cell)
            row.append(cell)
        else:
            row.append(value)
    return row


def to_bytes(book: Workbook) -> bytes:
    buffer = BytesIO()
    neutralise(book).save(buffer)
    return buffer.getvalue()
