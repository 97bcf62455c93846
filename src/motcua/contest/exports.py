"""The Excel file of a contest's closed rounds: the ranking of each round and every juror's marks, through
core.spreadsheets (text that looks like a formula stays text)."""

from django.http import HttpResponse
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
