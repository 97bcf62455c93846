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

from . import exports, selectors
from .computations import NUMERATOR
from .periods import Period, month, parse
from .scores import NO_CASES, NO_SOURCE, SCORED, NotInForce

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


def _not_in_force(request: HttpRequest, period: Period, error: NotInForce) -> HttpResponse:
    """The period has no weights in force: say so, and let the reader pick another period."""
    return render(
        request,
        "serviceindex/not_in_force.html",
        {"period": period, "message": str(error), "query": request.GET.urlencode()},
    )


def public(request: HttpRequest) -> HttpResponse:
    period = _period(request)
    try:
        tables = selectors.public_tables(period)
    except NotInForce as error:
        return _not_in_force(request, period, error)
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
    try:
        tables = selectors.public_tables(period)
    except NotInForce as error:
        return _not_in_force(request, period, error)
    response = HttpResponse(exports.workbook(period, tables), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="chi-so-766-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"'
    )
    return response


@staff_required(message=FOR_OFFICERS)
def dashboard(request: HttpRequest) -> HttpResponse:
    period = _period(request)
    try:
        rows = selectors.officer_table(request.user, period)
    except NotInForce as error:
        return _not_in_force(request, period, error)
    return render(
        request,
        "serviceindex/dashboard.html",
        {"period": period, "rows": rows, "chart": _chart(rows), "query": request.GET.urlencode()},
    )


@staff_required(message=FOR_OFFICERS)
def agency(request: HttpRequest, pk: int) -> HttpResponse:
    period = _period(request)
    target = selectors.agency_for(request.user, pk)
    try:
        table = selectors.officer_table(request.user, period)
    except NotInForce as error:
        return _not_in_force(request, period, error)
    score = next((s for s in table if s.key == target.pk), None)
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
            "kind": selectors.row_kind(indicator),
            "query": request.GET.urlencode(),
        },
    )
