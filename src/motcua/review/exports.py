"""Papers of the review: the review form as PDF (the form an agency signs and sends with its option) and
the province's summary as Excel, every text cell through core.spreadsheets (no formula from typed text)."""

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from motcua.control.models import Plan
from motcua.core import spreadsheets

from . import costs
from .models import Phase, ProcedureReview
from .papers import render_pdf, titled_sheet
from .selectors import Summary, actions_of


def review_pdf(review: ProcedureReview) -> bytes:
    return render_pdf(
        "review/review_pdf.html",
        {
            "review": review,
            "parts": review.parts.all(),
            "before": _priced(review, Phase.BEFORE),
            "after": _priced(review, Phase.AFTER),
            "percent": costs.saving_percent(review.annual_before, review.annual_after),
            "today": timezone.localdate(),
        },
    )


def _priced(review: ProcedureReview, phase: str) -> list:
    """The phase's actions with the cost of their hours, as the form prints it."""
    rows = list(actions_of(review, phase))
    for action in rows:
        action.time_cost = costs.dong(action.hours * review.hourly_income)  # type: ignore[attr-defined]
    return rows


def _title(plan: Plan | None, year: int | None) -> str:
    if plan is not None:
        return _("Kết quả rà soát, đánh giá thủ tục hành chính theo %(plan)s") % {"plan": str(plan)}
    if year is not None:
        return _("Kết quả rà soát, đánh giá thủ tục hành chính năm %(year)s") % {"year": year}
    return _("Kết quả rà soát, đánh giá thủ tục hành chính")


def summary_xlsx(
    summary: Summary, *, plan: Plan | None, year: int | None, details: Iterable[ProcedureReview] = ()
) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Tổng hợp")[:31]
    titled_sheet(
        sheet,
        _title(plan, year),
        [
            _("STT"),
            _("Cơ quan rà soát"),
            _("Số TTHC đã rà soát"),
            _("Số phương án đơn giản hóa"),
            _("Số phương án được phê duyệt"),
            _("Chi phí tuân thủ hiện tại (đồng/năm)"),
            _("Chi phí tuân thủ sau đơn giản hóa (đồng/năm)"),
            _("Chi phí cắt giảm (đồng/năm)"),
            _("Tỷ lệ cắt giảm (%)"),
        ],
        [6, 45, 14, 14, 14, 22, 22, 22, 12],
        note=_("Chi phí tính theo Thông tư 07/2014/TT-BTP, chỉ cộng các phương án đã được phê duyệt."),
    )
    for index, row in enumerate(summary.rows, start=1):
        sheet.append(_row(index, row.agency, row))
    total = sheet.max_row + 1
    sheet.append(_row("", _("Tổng cộng"), summary.total))
    for cell in sheet[total]:
        cell.font = Font(bold=True)
    _details(book, details)
    return spreadsheets.neutralise(book)  # whoever saves it, typed text stays text


def _row(index, agency: str, row) -> list:
    percent = row.percent
    return [
        index,
        agency,
        row.procedures,
        row.options,
        row.approved,
        int(row.annual_before),
        int(row.annual_after),
        int(row.saving),
        "" if percent is None else float(percent),
    ]


def _details(book: Workbook, reviews: Iterable[ProcedureReview]) -> None:
    sheet = book.create_sheet(_("Phương án")[:31])
    sheet.append(
        [
            _("STT"),
            _("Mã thủ tục"),
            _("Tên thủ tục"),
            _("Cơ quan rà soát"),
            _("Kiến nghị"),
            _("Nội dung phương án"),
            _("Trạng thái"),
            _("Quyết định phê duyệt"),
            _("Chi phí hiện tại (đồng/năm)"),
            _("Chi phí sau đơn giản hóa (đồng/năm)"),
            _("Tỷ lệ cắt giảm (%)"),
        ]
    )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, review in enumerate(reviews, start=1):
        percent = costs.saving_percent(review.annual_before, review.annual_after)
        decision = review.decision
        sheet.append(
            [
                index,
                review.procedure.national_code,
                review.procedure.name,
                review.item.reviewing_agency.name,
                review.get_proposal_display(),
                review.option_text,
                review.get_status_display(),
                f"{decision.number} ({decision.signed_on:%d/%m/%Y})" if decision else "",
                int(review.annual_before),
                int(review.annual_after),
                "" if percent is None else float(percent),
            ]
        )
    for index, width in enumerate([6, 12, 50, 30, 18, 50, 22, 24, 20, 20, 12], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
