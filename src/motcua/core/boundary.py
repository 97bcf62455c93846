"""The input boundary and the outage answer, for every page and API endpoint.

`InputBoundaryMiddleware` (settings.MIDDLEWARE, after the locale so messages are in the visitor's language):

- refuses a NUL character anywhere in the path, the query string, posted form fields or a JSON body, and
  any other control character in the path and query string (ids and filters), with a bilingual 400. SQLite
  stores NUL, PostgreSQL refuses it with an error, so without this the same request is a 500 on one and
  silently kept on the other;
- answers `InvalidParameter` (core.params) raised by a view as that same 400;
- answers the database (or the Redis cache, when CACHE_URL names one) being unreachable as 503 with
  `Retry-After`: JSON in the API's error shape under /api/, a page elsewhere. `server_error` (handler500)
  does the same for an outage met outside a view (the session middleware reading the cache).
"""

import re
import sys
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig, SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .params import CONTROL

# A JSON string may spell NUL as an escape: \u0000 preceded by an even number of backslashes.
JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000", re.IGNORECASE)
# SQLSTATE classes that mean "no database to talk to": connection exception, insufficient resources,
# operator intervention (shutdown, crash recovery). Deadlocks and serialisation failures are not outages.
UNAVAILABLE_SQLSTATES = ("08", "53", "57P")
SQLITE_UNAVAILABLE = ("unable to open database", "database is locked", "disk i/o error")


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(getattr(settings, "MOTCUA_API_PREFIX", "/api/"))


def refusal(
    request: HttpRequest,
    *,
    status: int,
    code: str,
    detail: str,
    template: str = "400.html",
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """The API's error shape under /api/, else a page that needs neither the database nor a session."""
    response: HttpResponse
    if is_api(request):
        response = JsonResponse({"detail": detail, "code": code}, status=status)
    else:
        response = HttpResponse(render_to_string(template, {"reason": detail}), status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _invalid_input(request: HttpRequest, detail: str | None = None) -> HttpResponse:
    return refusal(
        request,
        status=400,
        code="invalid",
        detail=detail
        or _(
            "Dữ liệu gửi lên chứa ký tự không được phép. "
            "/ The request contains characters that are not allowed."
        ),
    )


def is_database_unavailable(error: BaseException) -> bool:
    """True for a database that cannot be reached or is shutting down; False for a query's own failure."""
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    sqlstate = getattr(cause, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate.startswith(UNAVAILABLE_SQLSTATES)
    if cause is not None and type(cause).__module__.startswith("psycopg"):
        return True  # psycopg gives no SQLSTATE when it never reached a server
    return any(text in str(error).lower() for text in SQLITE_UNAVAILABLE)


def is_outage(error: BaseException) -> bool:
    """The database or the shared cache cannot be reached: the request may succeed in a moment."""
    return is_database_unavailable(error) or isinstance(error, (RedisConnectionError, RedisTimeoutError))


def unavailable(request: HttpRequest) -> HttpResponse:
    retry = str(getattr(settings, "MOTCUA_RETRY_AFTER_SECONDS", 30))
    return refusal(
        request,
        status=503,
        code="service_unavailable",
        detail=_(
            "Hệ thống tạm thời gián đoạn, vui lòng thử lại sau ít phút. "
            "/ The service is temporarily unavailable, please try again in a few minutes."
        ),
        template="503.html",
        headers={"Retry-After": retry},
    )


def _texts(pairs: Iterable[tuple[str, Any]]) -> Iterable[str]:
    for key, values in pairs:
        yield key
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, str):
                yield value


def _json_type(request: HttpRequest) -> bool:
    content_type = request.content_type or ""
    return content_type == "application/json" or content_type.endswith("+json")


class InputBoundaryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        refused = self.check(request)
        return refused if refused is not None else self.get_response(request)

    def check(self, request: HttpRequest) -> HttpResponse | None:
        if CONTROL.search(request.path):
            return _invalid_input(request)
        if any(CONTROL.search(text) for text in _texts(request.GET.lists())):
            return _invalid_input(request)
        if request.method == "POST" and not _json_type(request):
            try:
                fields = list(_texts(request.POST.lists()))
                names = [getattr(upload, "name", "") or "" for upload in request.FILES.values()]
            except RequestDataTooBig:
                return self.too_large(request)
            except (MultiPartParserError, SuspiciousOperation):  # no boundary, too many fields…
                return _invalid_input(
                    request, _("Nội dung gửi lên không đọc được. / The request body could not be read.")
                )
            if any("\x00" in text for text in (*fields, *names)):
                return _invalid_input(request)
        elif request.method in ("POST", "PUT", "PATCH") and _json_type(request):
            try:
                body = request.body
            except RequestDataTooBig:
                return self.too_large(request)
            if b"\x00" in body or JSON_NUL.search(body):
                return _invalid_input(request)
        return None

    def too_large(self, request: HttpRequest) -> HttpResponse:
        return refusal(
            request,
            status=413,
            code="too_large",
            detail=_("Nội dung gửi lên quá lớn. / The request body is too large."),
        )

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, BadRequest):
            return _invalid_input(request, str(exception) or None)
        if is_outage(exception):
            return unavailable(request)
        return None


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: an outage met outside a view (a middleware's session or user lookup) is a 503 too."""
    error = sys.exc_info()[1]
    if error is not None and is_outage(error):
        return unavailable(request)
    if is_api(request):
        return JsonResponse(
            {
                "detail": _("Lỗi máy chủ. / Server error."),
                "code": "error",
            },
            status=500,
        )
    return HttpResponse(render_to_string("500.html"), status=500)
