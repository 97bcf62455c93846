"""Papers of the control of drafts: the impact assessment of a procedure as PDF (the form the drafting agency
sends with its file, TT 07/2014/TT-BTP) and the register of drafts as Excel, every text cell through
core.spreadsheets (no formula from typed text)."""

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from motcua.core import spreadsheets

from .. import costs
from ..models import Phase
from ..papers import day, render_pdf, titled_sheet
from .models import DraftProcedure, DraftRegulation


def assessment_pdf(row: DraftProcedure) -> bytes:
    def priced(phase: str) -> list:
        actions = list(row.actions.filter(phase=phase).order_by("pk"))
        for action in actions:
            action.time_cost = costs.dong(action.hours * row.hourly_income)
        return actions

    return render_pdf(
        "review/drafts/assessment_pdf.html",
        {
            "row": row,
            "draft": row.draft,
            "before": priced(Phase.BEFORE),
            "after": priced(Phase.AFTER),
            "percent": costs.saving_percent(row.annual_before, row.annual_after),
            "today": timezone.localdate(),
        },
    )


def register_xlsx(drafts: Iterable[DraftRegulation], *, year: int | None) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Sổ theo dõi")[:31]
    title = _("Sổ theo dõi kiểm soát quy định TTHC trong dự thảo văn bản QPPL")
    titled_sheet(
        sheet,
        title if year is None else f"{title} {year}",
        [
            _("STT"),
            _("Tên dự thảo"),
            _("Cơ quan ban hành"),
            _("Cơ quan chủ trì soạn thảo"),
            _("Ngày gửi lấy ý kiến"),
            _("Ngày nhận hồ sơ"),
            _("Hạn có ý kiến"),
            _("Số văn bản góp ý"),
            _("Ngày góp ý"),
            _("Đúng hạn"),
            _("Số TTHC trong dự thảo"),
            _("Số ý kiến được tiếp thu"),
            _("Văn bản ban hành"),
            _("Quyết định công bố"),
            _("Trạng thái"),
        ],
        [6, 50, 22, 30, 12, 12, 12, 16, 12, 10, 10, 10, 26, 18, 20],
    )
    for index, draft in enumerate(drafts, start=1):
        rows = list(draft.procedures.all())
        late = draft.answered_late
        sheet.append(
            [
                index,
                draft.title,
                draft.issuing_body,
                draft.drafting_agency.name,
                day(draft.sent_on),
                day(draft.received_on),
                day(draft.opinion_due_on),
                draft.opinion_number,
                day(draft.opinion_on),
                "" if late is None else (_("Quá hạn") if late else _("Đúng hạn")),
                len(rows),
                sum(1 for r in rows if r.acceptance in ("accepted", "partly")),
                f"{draft.issued_number} ({day(draft.issued_on)})" if draft.issued_number else "",
                draft.publication_decision.number if draft.publication_decision else "",
                draft.get_status_display(),
            ]
        )
    return spreadsheets.neutralise(book)  # whoever saves it, typed text stays text
