"""Dashboard, scorecard and reminder log pages."""

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.org.models import Agency
from motcua.org.selectors import visible_agencies

from .. import dashboard as dashboards
from .. import exports, scoring, selectors
from ..deadlines import DeadlineBook
from ..forms import (
    ScorecardForm,
)
from .common import XLSX, _managed_agencies, staff_only

# -------------------------------------------------------------------------------- dashboard, scorecard


def _year(request) -> int:
    raw = request.GET.get("nam", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2099 else timezone.localdate().year


@staff_only
def dashboard(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    data = dashboards.dashboard(request.user, year=year, book=DeadlineBook())
    chart = {
        "labels": [s.agency.short_name or s.agency.name for s in data.by_agency],
        "on_time": [s.on_time for s in data.by_agency],
        "late": [s.late for s in data.by_agency],
        "overdue": [s.overdue for s in data.by_agency],
        "open": [s.open for s in data.by_agency],
        "targets": [f"{t.target.plan.number} {t.target.code}" for t in data.targets],
        "target_percent": [float(t.percent or 0) for t in data.targets],
        "series": {
            "on_time": _("Đúng hạn"),
            "late": _("Trễ hạn"),
            "overdue": _("Quá hạn, chưa xong"),
            "open": _("Đang thực hiện"),
            "progress": _("Tiến độ chỉ tiêu (%)"),
        },
    }
    return render(
        request,
        "control/dashboard.html",
        {"data": data, "year": year, "chart": chart},
    )


@staff_only
def dashboard_agency(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(visible_agencies(request.user), pk=pk)
    year = _year(request)
    rows = dashboards.agency_occurrences(request.user, agency, year=year, book=DeadlineBook())
    return render(request, "control/dashboard_agency.html", {"agency": agency, "year": year, "rows": rows})


@staff_only
def scorecard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = ScorecardForm(request.GET or None, initial={"start": date(today.year, 1, 1), "end": today})
    start, end = date(today.year, 1, 1), today
    if request.GET and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    rows = dashboards.scorecard(request.user, start=start, end=end)
    weighting = scoring.weigh(rows, start=start, end=end)
    if request.GET.get("xuat") == "xlsx" and (not request.GET or form.is_valid()):
        agencies = _managed_agencies(request.user) or selectors.member_agencies(request.user)
        issuer = agencies.first() or Agency.objects.order_by("code").first()
        heading = exports.heading_for(
            issuer,
            number="",
            day=today,
            title=_("Bảng theo dõi kết quả thực hiện nhiệm vụ kiểm soát TTHC"),
            subtitle=_("Từ ngày %(start)s đến ngày %(end)s")
            % {"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"},
        )
        response = HttpResponse(
            exports.scorecard_workbook(rows, heading=heading, weighting=weighting), content_type=XLSX
        )
        response["Content-Disposition"] = f'attachment; filename="thi-dua-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"'
        return response
    query = f"start={start:%Y-%m-%d}&end={end:%Y-%m-%d}"
    scored = [(row, weighting.scores[row.agency.pk]) for row in rows]
    context = {"form": form, "scored": scored, "weighting": weighting, "query": query, "end": end}
    return render(request, "control/scorecard.html", context)


@staff_only
def reminder_log(request: HttpRequest) -> HttpResponse:
    return render(
        request, "control/reminder_log.html", {"reminders": selectors.reminders_for(request.user)[:200]}
    )
