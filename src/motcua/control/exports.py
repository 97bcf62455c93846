"""Report tables and their exports: Excel (openpyxl) and PDF (WeasyPrint), in the Vietnamese administrative
layout: the issuing agency and its superior on the left, the national motto on the right, then the number,
the place and date, and the title."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from motcua.core import spreadsheets
from motcua.org.models import Agency

from .dashboard import ScoreRow
from .deadlines import province_of
from .models import FieldKind, Report, ReportRequest, ReportStatus
from .reports import rollup, template_fields

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@dataclass
class Heading:
    superior: str
    agency: str
    number: str
    place_date: str
    title: str
    subtitle: str


@dataclass
class TableRow:
    is_section: bool
    number: str
    label: str
    unit: str = ""
    values: list = field(default_factory=list)
    total: Decimal | str | None = None


@dataclass
class ReportTable:
    heading: Heading
    columns: list[str]
    total_label: str
    rows: list[TableRow]


def place_and_date(agency: Agency, day: date) -> str:
    place = province_of(agency.administrative_unit).name
    for prefix in ("Tỉnh ", "Thành phố "):
        place = place.removeprefix(prefix)
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def heading_for(agency: Agency, *, number: str, day: date, title: str, subtitle: str) -> Heading:
    return Heading(
        superior=agency.parent.name.upper() if agency.parent_id else "",
        agency=agency.name.upper(),
        number=f"Số: {number}" if number else "Số:        /BC",
        place_date=place_and_date(agency, day),
        title=title.upper(),
        subtitle=subtitle,
    )


def request_table(
    request: ReportRequest, *, agencies: list[Agency], total_for: Agency | None, day: date, number: str = ""
) -> ReportTable:
    """Figures per agency (each with what rolls up into it) and, for the owner, the total of the tree."""
    issuer = total_for or agencies[0]
    period = request.period
    heading = heading_for(
        issuer,
        number=number,
        day=day,
        title=request.title,
        subtitle=_("Kỳ báo cáo: %(label)s (từ %(start)s đến %(end)s)")
        % {"label": period.label, "start": f"{period.start:%d/%m/%Y}", "end": f"{period.end:%d/%m/%Y}"},
    )
    per_agency = [rollup(request, agency) for agency in agencies]
    totals = rollup(request, total_for) if total_for else None
    texts = _texts(request, agencies)
    rows: list[TableRow] = []
    section_id, section_index, field_index = None, 0, 0
    for template_field in template_fields(request.template):
        if template_field.section_id != section_id:
            section_id, field_index = template_field.section_id, 0
            rows.append(TableRow(True, ROMAN[section_index % 12], template_field.section.title))
            section_index += 1
        field_index += 1
        if template_field.kind == FieldKind.NUMBER:
            values = [figures.get(template_field.pk) for figures in per_agency]
            total = totals.get(template_field.pk) if totals is not None else None
        else:
            values = [texts.get((agency.pk, template_field.pk), "") for agency in agencies]
            total = ""
        rows.append(
            TableRow(False, str(field_index), template_field.label, template_field.unit, values, total)
        )
    return ReportTable(
        heading=heading,
        columns=[agency.short_name or agency.name for agency in agencies],
        total_label=_("Tổng cộng") if total_for else "",
        rows=rows,
    )


def _texts(request: ReportRequest, agencies: list[Agency]) -> dict[tuple[int, int], str]:
    reports = Report.objects.filter(request=request, agency__in=agencies, status=ReportStatus.SUBMITTED)
    return {
        (value.report.agency_id, value.field_id): value.text
        for report in reports.prefetch_related("values__report")
        for value in report.values.all()
        if value.text
    }


# --------------------------------------------------------------------------------------------- Excel

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
FONT = "Times New Roman"


def _write_heading(sheet, heading: Heading, width: int) -> int:
    """Rows 1–6: agency and motto blocks, number and date, title; returns the next free row."""
    half = max(2, width // 2)
    cells = [
        (1, 1, half, heading.superior, False),
        (2, 1, half, heading.agency, True),
        (1, half + 1, width, NATION, True),
        (2, half + 1, width, MOTTO, True),
        (3, 1, half, heading.number, False),
        (3, half + 1, width, heading.place_date, False),
        (5, 1, width, heading.title, True),
        (6, 1, width, heading.subtitle, False),
    ]
    for row, first, last, text, bold in cells:
        sheet.cell(row=row, column=first, value=text)
        sheet.cell(row=row, column=first).font = Font(name=FONT, bold=bold, size=13 if row == 5 else 12)
        sheet.cell(row=row, column=first).alignment = CENTER
        if last > first:
            sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    sheet.cell(row=3, column=half + 1).font = Font(name=FONT, italic=True, size=12)
    return 8


def _write_table(sheet, start_row: int, header: list[str], body: list[list], bold_rows: set[int]) -> None:
    for column, text in enumerate(header, start=1):
        cell = sheet.cell(row=start_row, column=column, value=text)
        cell.font, cell.alignment, cell.border = Font(name=FONT, bold=True), CENTER, BOX
    for offset, values in enumerate(body, start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=start_row + offset, column=column, value=_cell_value(value))
            cell.font = Font(name=FONT, bold=(offset - 1) in bold_rows)
            cell.alignment = LEFT if column == 2 else CENTER
            cell.border = BOX


def _cell_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def table_workbook(table: ReportTable) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Báo cáo")[:31]
    header = [_("STT"), _("Chỉ tiêu"), _("Đơn vị tính"), *table.columns]
    if table.total_label:
        header.append(table.total_label)
    body, bold = [], set()
    for index, row in enumerate(table.rows):
        if row.is_section:
            bold.add(index)
            body.append(
                [
                    row.number,
                    row.label,
                    "",
                    *([""] * len(table.columns)),
                    *([""] if table.total_label else []),
                ]
            )
        else:
            values = ["" if v is None else v for v in row.values]
            total = ["" if row.total is None else row.total] if table.total_label else []
            body.append([row.number, row.label, row.unit, *values, *total])
    next_row = _write_heading(sheet, table.heading, len(header))
    _write_table(sheet, next_row, header, body, bold)
    _widths(sheet, [6, 50, 12, *([18] * (len(header) - 3))])
    return _save(book)


def scorecard_workbook(rows: list[ScoreRow], *, heading: Heading, weighting=None) -> bytes:
    """The scorecard table; with a weighting, one column per weighted measure and the score on 100."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Thi đua")[:31]
    header = [
        _("STT"),
        _("Cơ quan, đơn vị"),
        _("Nhiệm vụ đến hạn"),
        _("Đúng hạn"),
        _("Trễ hạn"),
        _("Chưa hoàn thành"),
        _("Tỷ lệ đúng hạn (%)"),
        _("Báo cáo phải gửi"),
        _("Gửi đúng hạn"),
        _("Gửi trễ"),
        _("Chưa gửi"),
        _("Tỷ lệ báo cáo đúng hạn (%)"),
        _("Chỉ tiêu đạt"),
        _("Chỉ tiêu được giao"),
        _("Tỷ lệ chỉ tiêu đạt (%)"),
    ]
    columns = weighting.columns if weighting is not None else []
    header += [f"{label} (%) — {points} {_('điểm')}" for _measure, label, points in columns]
    if columns:
        header.append(_("Điểm (thang 100)"))
    body = [
        [
            index,
            row.agency.name,
            row.tasks_due,
            row.tasks_on_time,
            row.tasks_late,
            row.tasks_not_done,
            "" if row.task_rate is None else row.task_rate,
            row.reports_due,
            row.reports_on_time,
            row.reports_late,
            row.reports_missing,
            "" if row.report_rate is None else row.report_rate,
            row.targets_met,
            row.targets_total,
            "" if row.target_rate is None else row.target_rate,
            *_score_cells(weighting, row),
        ]
        for index, row in enumerate(rows, start=1)
    ]
    next_row = _write_heading(sheet, heading, len(header))
    _write_table(sheet, next_row, header, body, set())
    _widths(sheet, [6, 45, *([12] * (len(header) - 2))])
    return _save(book)


def _score_cells(weighting, row: ScoreRow) -> list:
    if weighting is None or not weighting.weights:
        return []
    score = weighting.scores[row.agency.pk]
    cells = ["" if rate is None else rate for rate in score.rates.values()]
    return [*cells, "" if score.on_100 is None else score.on_100]


def _widths(sheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _save(book: Workbook) -> bytes:
    return spreadsheets.to_bytes(book)  # typed text never becomes a formula


# ----------------------------------------------------------------------------------------------- PDF


def table_pdf(table: ReportTable, *, signer: str = "") -> bytes:
    from weasyprint import HTML  # imported here: it loads pango, which only the PDF export needs

    html = render_to_string("control/report_pdf.html", {"table": table, "signer": signer})
    return HTML(string=html).write_pdf()
