"""Pages: the public index (province, agencies, communes; a chart and tables), the officer's dashboard with
the rows behind each number, and the Excel export of the public tables."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy

from motcua.core.access import staff_required
from motcua.core.errors import message_of
from motcua.dossiers.models import Dossier

from . import exports, selectors
from .computations import NUMERATOR
from .periods import Period, month, parse
from .scores import NO_CASES, NO_SOURCE, SCORED

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FOR_OFFICERS = gettext_lazy("Trang dành cho cán bộ, công chức. / For officers only.")
STATUS = {SCORED: "scored", NO_SOURCE: "no-source", NO_CASES: "no-cases"}


def _period(request: HttpRequest) -> Period:
    today = timezone.localdate()
    try:
        return parse(request.GET, today=today)
    except ValidationError as error:
        messages.error(request, message_of(error))
        return month(today.year, today.month)


def _chart(rows) -> dict:
    scored = [s for s in rows if s.percent is not None]
    return {"labels": [s.label for s in scored], "percent": [float(s.percent) for s in scored]}


def public(request: HttpRequest) -> HttpResponse:
    period = _period(request)
    tables = selectors.public_tables(period)
    return render(
        request,
        "serviceindex/public.html",
        {
            "period": period,
            "province": tables["province"][0] if tables["province"] else None,
            "agencies": tables["agencies"],
            "units": tables["units"],
            "chart": _chart(tables["agencies"]),
            "query": request.GET.urlencode(),
        },
    )


def export(request: HttpRequest) -> HttpResponse:
    period = _period(request)
    response = HttpResponse(exports.workbook(period, selectors.public_tables(period)), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="chi-so-766-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"'
    )
    return response


@staff_required(message=FOR_OFFICERS)
def dashboard(request: HttpRequest) -> HttpResponse:
    period = _period(request)
    rows = selectors.officer_table(request.user, period)
    return render(
        request,
        "serviceindex/dashboard.html",
        {"period": period, "rows": rows, "chart": _chart(rows), "query": request.GET.urlencode()},
    )


@staff_required(message=FOR_OFFICERS)
def agency(request: HttpRequest, pk: int) -> HttpResponse:
    period = _period(request)
    target = selectors.agency_for(request.user, pk)
    score = next((s for s in selectors.officer_table(request.user, period) if s.key == target.pk), None)
    return render(
        request,
        "serviceindex/agency.html",
        {"period": period, "agency": target, "score": score, "query": request.GET.urlencode()},
    )


@staff_required(message=FOR_OFFICERS)
def rows(request: HttpRequest, pk: int, code: str, part: str) -> HttpResponse:
    period = _period(request)
    target = selectors.agency_for(request.user, pk)
    indicator = selectors.indicator_in_force(period, code)
    found = selectors.rows_behind(request.user, period, agency=target, indicator=indicator, part=part)
    page = Paginator(found, 50).get_page(request.GET.get("trang"))
    return render(
        request,
        "serviceindex/rows.html",
        {
            "period": period,
            "agency": target,
            "indicator": indicator,
            "part": part,
            "is_numerator": part == NUMERATOR,
            "page": page,
            "dossiers": page.object_list and isinstance(page.object_list[0], Dossier),
            "query": request.GET.urlencode(),
        },
    )
