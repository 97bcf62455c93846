"""Papers of the training: the attendee's certificate as PDF (always in Vietnamese: it is an official
paper), the course's attendance list and the coverage table as Excel, every text cell through
core.spreadsheets (a name typed as "=cmd" stays text)."""

from collections.abc import Iterable

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from motcua.core import spreadsheets

from .models import Attendance, TrainingCourse
from .selectors import CoverageRow


def certificate_pdf(attendance: Attendance) -> bytes:
    from weasyprint import HTML  # imported here: it loads pango, which only the PDF export needs

    with translation.override("vi"):
        html = render_to_string(
            "outreach/training/certificate_pdf.html",
            {
                "a": attendance,
                "course": attendance.course,
                "issued_on": timezone.localdate(attendance.certificate_issued_at),
            },
        )
    return HTML(string=html).write_pdf()


def _attended_label(value: bool | None) -> str:
    return {True: _("Có mặt"), False: _("Vắng")}.get(value, _("Chưa điểm danh"))  # type: ignore[arg-type]


def _sheet(book: Workbook, title: str, header: list[str], rows: Iterable[list]) -> None:
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(spreadsheets.safe_row(sheet, header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(spreadsheets.safe_row(sheet, row))
    for letter, width in zip("ABCDEFGH", (6, 30, 40, 30, 14, 22), strict=False):
        sheet.column_dimensions[letter].width = width


def attendance_xlsx(course: TrainingCourse, attendees: Iterable[Attendance]) -> bytes:
    book = Workbook()
    header = [
        _("STT"),
        _("Họ và tên"),
        _("Cơ quan, đơn vị"),
        _("Vai trò"),
        _("Điểm danh"),
        _("Số giấy chứng nhận"),
    ]
    rows = [
        [
            i,
            a.name,
            a.unit,
            a.get_role_display() or _("Khách mời"),
            _attended_label(a.attended),
            a.certificate_number,
        ]
        for i, a in enumerate(attendees, start=1)
    ]
    _sheet(book, _("Danh sách học viên"), header, rows)
    return spreadsheets.to_bytes(book)


def coverage_xlsx(rows: Iterable[CoverageRow], *, year: int) -> bytes:
    book = Workbook()
    header = [_("STT"), _("Cơ quan"), _("Mã cơ quan"), _("Số công chức"), _("Đã tập huấn"), _("Tỷ lệ (%)")]
    data = [
        [i, r.agency.name, r.agency.code, r.officials, r.trained, float(r.rate)]
        for i, r in enumerate(rows, 1)
    ]
    _sheet(book, _("Tập huấn năm %(year)s") % {"year": year}, header, data)
    return spreadsheets.to_bytes(book)
