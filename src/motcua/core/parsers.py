"""The API's JSON parser with a size and a nesting limit (REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]).

JSON nested a thousand levels deep made Python's parser or the serializers recurse into a 500; no request
of this API nests more than a few levels, so anything deeper than MOTCUA_API_MAX_JSON_DEPTH (default 32) is
refused before parsing, as is a body over MOTCUA_API_MAX_BODY_BYTES (default 1 MiB).
"""

import json
import re
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# Strings are skipped whole (a bracket inside one does not nest); what is left are the brackets.
STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
BRACKET = re.compile(rb"[\[\]{}]")


def max_depth() -> int:
    return int(getattr(settings, "MOTCUA_API_MAX_JSON_DEPTH", 32))


def max_bytes() -> int:
    return int(getattr(settings, "MOTCUA_API_MAX_BODY_BYTES", 1024 * 1024))


def depth_of(raw: bytes) -> int:
    """How deeply the arrays and objects of a JSON text nest, without building them."""
    depth = deepest = 0
    for bracket in BRACKET.findall(STRING.sub(b'""', raw)):
        depth += 1 if bracket in (b"[", b"{") else -1
        deepest = max(deepest, depth)
    return deepest


class TooLarge(ParseError):
    status_code = 413
    default_code = "too_large"


class BoundedJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        limit = max_bytes()
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise TooLarge(_("Nội dung gửi lên quá lớn. / The request body is too large."))
        if depth_of(raw) > max_depth():
            raise ParseError(
                _("Dữ liệu JSON lồng nhau quá sâu. / The JSON is nested too deeply."), code="parse_error"
            )
        try:
            return json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
        except (ValueError, UnicodeDecodeError, RecursionError):
            unreadable = _("Nội dung gửi lên không đọc được. / The request body could not be read.")
            raise ParseError(unreadable, code="parse_error") from None


def _refuse_constant(name: str) -> Any:
    """NaN and Infinity are not JSON (DRF's own parser refuses them too)."""
    raise ValueError(name)
