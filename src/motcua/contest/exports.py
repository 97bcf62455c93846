"""The Excel file of a contest's closed rounds: the ranking of each round and every juror's marks, through
core.spreadsheets (text that looks like a formula stays text)."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from motcua.core import spreadsheets
from motcua.org.models import User

from . import selectors
from .models import Contest, Criterion
from .workflows import Round

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(actor: User, contest: Contest) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    criteria = list(Criterion.objects.filter(contest=contest).order_by("order", "pk"))
    entries = {e.pk: e for e in selectors.entries_for(actor, contest)}
    for round_ in Round:
        ranked = selectors.standings(actor, contest, round_)
        if not ranked:
            continue
        sheet = book.create_sheet(str(_("Xếp hạng %(round)s") % {"round": round_.label})[:31])
        sheet.append([contest.title])
        sheet.append(
            [
                _("Hạng"),
                _("Số biên nhận"),
                _("Tên bài"),
                _("Tác giả"),
                _("Điểm"),
                _("Số phiếu"),
                *[f"{c.name} ({c.weight.normalize()}%)" for c in criteria],
                _("Giải"),
            ]
        )
        for r in ranked:
            e = entries.get(r.key)
            if e is None:
                continue
            prize = e.prize.name if round_ == Round.FINAL and e.prize else ""
            sheet.append(
                [
                    r.rank,
                    e.code,
                    e.title,
                    e.author_name,
                    r.score,
                    r.sheets,
                    *[r.points.get(c.pk) for c in criteria],
                    prize,
                ]
            )
        marks = book.create_sheet(str(_("Điểm %(round)s") % {"round": round_.label})[:31])
        marks.append(
            [_("Số biên nhận"), _("Tên bài"), _("Giám khảo"), _("Tiêu chí"), _("Điểm"), _("Thang điểm")]
        )
        for score in selectors.all_marks(actor, contest, round_):
            marks.append(
                [
                    score.entry.code,
                    score.entry.title,
                    str(score.juror.user),
                    score.criterion.name,
                    score.value,
                    score.criterion.max_score,
                ]
            )
    if not book.worksheets:
        book.create_sheet(str(_("Chưa có vòng nào kết thúc")))
    return book


def response(actor: User, contest: Contest) -> HttpResponse:
    reply = HttpResponse(spreadsheets.to_bytes(workbook(actor, contest)), content_type=XLSX)
    reply["Content-Disposition"] = f'attachment; filename="ket-qua-{contest.code}.xlsx"'
    return reply


def register_workbook(contest: Contest, entries) -> Workbook:
    """The register of entries (sổ nhận bài dự thi) kept by the secretariat: one row per entry in the
    order received, with who entered it and the check's outcome; no marks (they stay blind)."""
    book = Workbook()
    sheet = book.active
    sheet.title = str(_("Sổ nhận bài dự thi"))[:31]
    sheet.append([contest.title])
    sheet.append(
        [
            _("STT"),
            _("Số biên nhận"),
            _("Nộp lúc"),
            _("Tên bài"),
            _("Loại"),
            _("Người dự thi"),
            _("Tác giả"),
            _("Tổ chức, cơ quan"),
            _("Điện thoại"),
            _("Thư điện tử"),
            _("Số tệp"),
            _("Tình trạng"),
            _("Ý kiến kiểm tra"),
        ]
    )
    for number, e in enumerate(entries, start=1):
        sheet.append(
            [
                number,
                e.code,
                timezone.localtime(e.submitted_at).strftime("%d/%m/%Y %H:%M"),
                e.title,
                e.get_category_display(),
                e.get_entrant_kind_display(),
                e.author_name,
                e.agency.name if e.agency_id else e.organisation_name,
                e.phone,
                e.email,
                e.file_count,
                e.get_status_display(),
                e.eligibility_note,
            ]
        )
    return book


def register_response(contest: Contest, entries) -> HttpResponse:
    reply = HttpResponse(spreadsheets.to_bytes(register_workbook(contest, entries)), content_type=XLSX)
    reply["Content-Disposition"] = f'attachment; filename="so-nhan-bai-{contest.code}.xlsx"'
    return reply
