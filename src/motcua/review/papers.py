"""How the review's papers leave the platform, in one place: a PDF rendered from a template (WeasyPrint,
loaded only when printing), an Excel book with the title row and header of the official layouts (every text
cell through core.spreadsheets, so no typed text becomes a formula), and the responses that carry them."""

from collections.abc import Sequence
from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from motcua.core import spreadsheets

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    from weasyprint import HTML  # imported here: it loads pango, which only the PDF export needs

    return HTML(string=render_to_string(template, context)).write_pdf()


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response


def xlsx_response(book: Workbook, filename: str) -> HttpResponse:
    response = HttpResponse(spreadsheets.to_bytes(book), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def titled_sheet(
    sheet: Worksheet, title: str, header: Sequence[Any], widths: Sequence[int], *, note: str = ""
) -> None:
    """The layout of an official table: the title across the columns, an optional note, a blank line,
    then the bold wrapped header; the columns as wide as `widths`."""
    sheet.append([title])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    if note:
        sheet.append([note])
    sheet.append([])
    sheet.append(list(header))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def day(value) -> str:
    return f"{value:%d/%m/%Y}" if value else ""
