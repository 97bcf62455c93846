"""Typed request parameters: ids and filters parsed before they reach the database.

A view that reads `?agency=`, `?procedure=`, a posted `version` or `payment` calls one of these instead of
passing the raw text to the ORM. Text that is not what the parameter holds raises `InvalidParameter`, which
pages and the API answer as a bilingual 400 (core.boundary, core.errors), never a 500:

    agency_id = params.integer(request.GET, "agency")            # None when absent or empty
    version = params.integer(request.POST, "version", default=0)
    code = params.text(request.POST, "to_agency", max_length=50)  # no control characters
"""

import re
from collections.abc import Mapping
from typing import Any, overload

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

# PostgreSQL's bigint, the widest key the models use: a larger number can only be hostile.
BIGINT_MAX = 2**63 - 1
# NUL reaches PostgreSQL as an error, the other C0 characters and DEL have no place in an id or filter.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
DIGITS = re.compile(r"[0-9]{1,19}")


class InvalidParameter(BadRequest):
    """A request parameter that cannot be what it names (HTTP 400, bilingual)."""

    def __init__(self, name: str, message: str | None = None):
        self.name = name
        super().__init__(
            message
            or _("Tham số “%(name)s” không hợp lệ. / The parameter “%(name)s” is not valid.") % {"name": name}
        )


def has_control(value: str, *, allow_whitespace: bool = False) -> bool:
    """True when `value` holds a control character (tab, LF and CR allowed with `allow_whitespace`)."""
    if allow_whitespace:
        value = value.replace("\t", "").replace("\n", "").replace("\r", "")
    return CONTROL.search(value) is not None


def _raw(data: Mapping[str, Any], name: str) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str):  # a JSON body may send a number where a form sends text
        value = str(value)
    value = value.strip()
    return value or None


@overload
def integer(data: Mapping[str, Any], name: str) -> int | None: ...
@overload
def integer(data: Mapping[str, Any], name: str, *, default: int) -> int: ...
def integer(data: Mapping[str, Any], name: str, *, default: int | None = None) -> int | None:
    """A non-negative whole number that fits a bigint key; `default` when absent or empty.

    Only ASCII digits count: "1e5", "-1", "１２" (full width), "0x10" and "abc" are refused, not guessed."""
    raw = _raw(data, name)
    if raw is None:
        return default
    if not DIGITS.fullmatch(raw) or int(raw) > BIGINT_MAX:
        raise InvalidParameter(name)
    return int(raw)


def text(data: Mapping[str, Any], name: str, *, max_length: int = 200, default: str = "") -> str:
    """A one-line value (a code, a filter word): no control characters, at most `max_length` long."""
    raw = _raw(data, name)
    if raw is None:
        return default
    if has_control(raw) or len(raw) > max_length:
        raise InvalidParameter(name)
    return raw


def choice(data: Mapping[str, Any], name: str, choices: Any, *, default: str = "") -> str:
    """One of `choices` (a list of values or a Django choices class); `default` when absent."""
    raw = _raw(data, name)
    if raw is None:
        return default
    allowed = getattr(choices, "values", choices)
    if raw not in allowed:
        raise InvalidParameter(name)
    return raw
