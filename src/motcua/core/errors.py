"""One mapping from a service's refusal to what a person or a system sees.

A service raises `ValidationError` (bad input or a business rule), `PermissionDenied` (not this actor),
`Conflict` (someone changed the record first) or `Http404` (not in the actor's scope). Pages use
`run`/`service_errors` (errors land on the form, or in the messages when there is no form); the API uses
`api_exception_handler` (REST_FRAMEWORK["EXCEPTION_HANDLER"]), which gives every error one shape:

    {"detail": "Tiếng Việt. / English.", "code": "invalid", "errors": {"field": ["…"]}}

`errors` is present only for field errors. Document it with `error_responses(400, 403, 404)`.
"""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    BadRequest,
    ObjectDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema_serializer
from rest_framework import exceptions as api
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

T = TypeVar("T")


class Conflict(Exception):
    """The record changed since the actor read it, or the request collides with another (HTTP 409)."""

    status_code = 409
    code = "conflict"


def message_of(error: BaseException) -> str:
    """The text of an error for a person: every message of a ValidationError, joined."""
    if isinstance(error, ValidationError):
        return " ".join(str(m) for m in error.messages)
    return str(error) or _("Bạn không có quyền thực hiện thao tác này. / You are not allowed to do this.")


# ------------------------------------------------------------------------------------------------ pages


def apply_to_form(form: Any, error: ValidationError, *, field: str | None = None) -> None:
    """Field errors on the fields the form has, everything else as non-field errors, or on `field` when
    given: the one input a message is about (the code of a code form, the contact of a contact form), so
    it is marked invalid and tied to the message."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else field, errors)
    else:
        form.add_error(field, error.error_list)


@dataclass
class Outcome:
    """What `service_errors` saw: `ok` is False once an error was reported."""

    ok: bool = True
    error: BaseException | None = None


# What a page shows instead of an error page. TransitionRefused (core.workflow) converts itself.
PAGE_ERRORS = (ValidationError, PermissionDenied, Conflict)


@contextmanager
def service_errors(
    form: Any = None, *, request: HttpRequest | None = None, field: str | None = None
) -> Iterator[Outcome]:
    """Run a service; its refusal goes onto `form` (or into `request`'s messages) instead of a 500/403.
    `field` names the input that takes the errors tied to no field of the form (see `apply_to_form`).

    with service_errors(form) as outcome:
        plan = services.create_plan(actor=request.user, **form.cleaned_data)
    if outcome.ok:
        return redirect(plan)
    """
    from .workflow import TransitionRefused

    outcome = Outcome()
    try:
        yield outcome
    except (*PAGE_ERRORS, TransitionRefused) as raised:
        error = raised.as_error() if isinstance(raised, TransitionRefused) else raised
        outcome.ok, outcome.error = False, error
        if form is not None:
            invalid = error if isinstance(error, ValidationError) else ValidationError(message_of(error))
            apply_to_form(form, invalid, field=field)
        elif request is not None:
            messages.error(request, message_of(error))
        else:
            raise


def run(
    request: HttpRequest,
    fn: Callable[[], T],
    *,
    form: Any = None,
    success: str | None = None,
    field: str | None = None,
) -> T | None:
    """Call `fn()`; on refusal report it (form or messages) and return None, else flash `success`."""
    with service_errors(form, request=request, field=field) as outcome:
        result = fn()
    if not outcome.ok:
        return None
    if success:
        messages.success(request, success)
    return result


# -------------------------------------------------------------------------------------------------- API


def _default_messages() -> dict[str, str]:
    return {
        "invalid": _("Dữ liệu không hợp lệ. / Invalid input."),
        "parse_error": _("Nội dung gửi lên không đọc được. / The request body could not be read."),
        "permission_denied": _(
            "Bạn không có quyền thực hiện thao tác này. / You are not allowed to do this."
        ),
        "not_authenticated": _("Cần đăng nhập. / Authentication is required."),
        "authentication_failed": _("Thông tin đăng nhập không đúng. / Wrong credentials."),
        "not_found": _("Không tìm thấy. / Not found."),
        "method_not_allowed": _("Phương thức không được hỗ trợ. / Method not allowed."),
        "not_acceptable": _("Không có định dạng phù hợp. / Not acceptable."),
        "unsupported_media_type": _("Kiểu nội dung không được hỗ trợ. / Unsupported media type."),
        "conflict": _("Dữ liệu vừa được người khác cập nhật. / The data was changed by someone else."),
        "throttled": _("Quá nhiều yêu cầu, vui lòng thử lại sau. / Too many requests, try again later."),
        "service_unavailable": _("Dịch vụ tạm thời gián đoạn. / The service is temporarily unavailable."),
    }


def default_message(code: str) -> str:
    """The bilingual text of an error code, for answers given outside DRF's handler (core.api)."""
    return _default_messages()[code]


class _Refusal(api.APIException):
    """A Django-side error carried through DRF's handler (for its status, headers and rollback)."""

    def __init__(self, status: int, code: str, detail: str, errors: Mapping[str, list[str]] | None = None):
        super().__init__(detail=detail, code=code)
        self.status_code = status
        self.code = code
        self.errors = dict(errors or {})


def _flatten(data: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error data as {"field" or "items.0.name": ["message", …]}."""
    if isinstance(data, Mapping):
        flat: dict[str, list[str]] = {}
        for key, value in data.items():
            flat.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(data, list) and any(isinstance(item, Mapping | list) for item in data):
        flat = {}
        for index, item in enumerate(data):
            flat.update(_flatten(item, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    items = data if isinstance(data, list) else [data]
    return {prefix: [str(item) for item in items]} if items else {}


NON_FIELD_KEYS = frozenset({NON_FIELD_ERRORS, "non_field_errors", "detail"})


def _invalid(errors: dict[str, list[str]]) -> _Refusal:
    general = [m for key in NON_FIELD_KEYS for m in errors.pop(key, [])]
    detail = " ".join(general) or _default_messages()["invalid"]
    return _Refusal(400, "invalid", detail, errors)


def _convert(exc: Exception) -> Exception:
    """Django and service exceptions as DRF exceptions; DRF's own pass through."""
    from .workflow import TransitionRefused

    if isinstance(exc, TransitionRefused):
        exc = exc.as_error()
    if isinstance(exc, BadRequest):  # core.params.InvalidParameter: a bad id or filter
        return _invalid({"detail": [str(exc)]} if str(exc) else {})
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            return _invalid({k: [str(m) for m in v] for k, v in exc.message_dict.items()})
        return _invalid({"detail": [str(m) for m in exc.messages]})
    if isinstance(exc, api.ValidationError):
        data = exc.detail if isinstance(exc.detail, Mapping) else {"detail": exc.detail}
        return _invalid(_flatten(data))
    if isinstance(exc, PermissionDenied):
        return _Refusal(403, "permission_denied", str(exc) or _default_messages()["permission_denied"])
    if isinstance(exc, Http404 | ObjectDoesNotExist):
        return _Refusal(404, "not_found", _default_messages()["not_found"])
    if getattr(exc, "status_code", None) == 409 and not isinstance(exc, api.APIException):
        return _Refusal(409, "conflict", str(exc) or _default_messages()["conflict"])
    return exc


def _code(exc: api.APIException) -> str:
    if isinstance(exc, _Refusal):
        return exc.code
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else exc.default_code


# Their stock texts are format strings ("Method \"{method}\" not allowed."): always replaced.
FORMATTED = (api.MethodNotAllowed, api.UnsupportedMediaType)


def _detail(exc: api.APIException, code: str) -> str:
    """DRF's stock messages are in one language: ours replace them; a message the code chose is kept."""
    if isinstance(exc, api.Throttled):
        seconds = getattr(exc, "wait", None)
        wait = f" ({seconds:.0f} s)" if seconds else ""
        return _default_messages()["throttled"] + wait
    text = str(exc.detail) if not isinstance(exc.detail, list | dict) else ""
    if isinstance(exc, _Refusal):
        return text
    if isinstance(exc, FORMATTED) or not text or text == str(exc.default_detail):
        return _default_messages().get(code, text or str(exc.default_detail))
    return text


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """REST_FRAMEWORK["EXCEPTION_HANDLER"]: every error as {"detail", "code", "errors"?}."""
    converted = _convert(exc)
    response = drf_exception_handler(converted, context)  # status, headers, transaction rollback
    if response is None or not isinstance(converted, api.APIException):
        return response
    code = _code(converted)
    data: dict[str, Any] = {"detail": _detail(converted, code), "code": code}
    if isinstance(converted, _Refusal) and converted.errors:
        data["errors"] = converted.errors
    response.data = data
    return response


@extend_schema_serializer(component_name="ApiError")
class ErrorSerializer(serializers.Serializer):
    """The one error shape of the API (component "ApiError": the catalog's older "Error" keeps its name
    until it moves onto this one)."""

    detail = serializers.CharField(help_text="Thông báo bằng tiếng Việt và tiếng Anh / message in both")
    code = serializers.CharField(help_text="Mã lỗi cho máy đọc / machine-readable code")
    # Declared fields leave the class (DRF's metaclass), so `Serializer.errors` is not shadowed.
    errors = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Lỗi theo từng trường / errors per field",
    )


ERROR_DESCRIPTIONS = {
    400: "Dữ liệu không hợp lệ / invalid input",
    401: "Cần đăng nhập / authentication required",
    403: "Không có quyền / not allowed",
    404: "Không tìm thấy trong phạm vi của bạn / not found in your scope",
    409: "Dữ liệu vừa bị người khác cập nhật / changed by someone else",
    429: "Quá nhiều yêu cầu / too many requests",
    503: "Dịch vụ tạm thời gián đoạn / temporarily unavailable",
}


def error_responses(*statuses: int) -> dict[int, OpenApiResponse]:
    """`responses={200: Out, **error_responses(400, 403, 404)}` for `extend_schema`."""
    return {
        status: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[status])
        for status in statuses
    }
