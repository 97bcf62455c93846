"""The minutes of an inspection (biên bản kiểm tra) as the paper both sides sign (PDF) and as Excel with the
recommendations and their follow-up (core.spreadsheets through review.papers: no formula from typed text)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from motcua.core import spreadsheets

from ..papers import day, render_pdf, titled_sheet
from .models import Inspection


def _context(inspection: Inspection) -> dict:
    return {
        "inspection": inspection,
        "agencies": list(inspection.agencies.order_by("name")),
        "rows": list(inspection.recommendations.select_related("agency").prefetch_related("files")),
        "today": timezone.localdate(),
    }


def minutes_pdf(inspection: Inspection) -> bytes:
    return render_pdf("review/inspections/minutes_pdf.html", _context(inspection))


def minutes_xlsx(inspection: Inspection) -> Workbook:
    context = _context(inspection)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Biên bản")[:31]
    sheet.append([_("BIÊN BẢN KIỂM TRA")])
    for label, value in (
        (_("Số biên bản"), inspection.minutes_number),
        (_("Ngày lập biên bản"), day(inspection.minutes_on)),
        (_("Kế hoạch"), str(inspection.plan)),
        (_("Cơ quan kiểm tra"), inspection.inspecting_agency.name),
        (_("Cơ quan được kiểm tra"), "; ".join(a.name for a in context["agencies"])),
        (_("Nội dung kiểm tra"), inspection.subject),
        (_("Thời gian"), f"{day(inspection.starts_on)}–{day(inspection.ends_on)}"),
        (_("Kết quả kiểm tra, tồn tại"), inspection.findings),
    ):
        sheet.append([label, value])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 90
    rows = book.create_sheet(_("Kiến nghị")[:31])
    titled_sheet(
        rows,
        _("Kiến nghị sau kiểm tra và kết quả thực hiện — biên bản %(number)s ngày %(day)s")
        % {"number": inspection.minutes_number, "day": day(inspection.minutes_on)},
        [
            _("STT"),
            _("Kiến nghị"),
            _("Cơ quan thực hiện"),
            _("Hạn thực hiện"),
            _("Tình trạng"),
            _("Ngày hoàn thành"),
            _("Kết quả, tài liệu chứng minh"),
            _("Tệp chứng minh"),
            _("Ngày chấp nhận kết quả"),
            _("Đúng hạn"),
        ],
        [6, 50, 30, 12, 20, 12, 50, 30, 14, 10],
    )
    for index, row in enumerate(context["rows"], start=1):
        rows.append(
            [
                index,
                row.text,
                row.agency.name,
                day(row.due_on),
                row.get_status_display(),
                day(row.done_on),
                row.evidence,
                "; ".join(f.name for f in row.files.all()),
                day(row.accepted_on),
                "" if row.done_on is None else (_("Quá hạn") if row.done_on > row.due_on else _("Đúng hạn")),
            ]
        )
    return spreadsheets.neutralise(book)  # whoever saves it, typed text stays text
