"""The API contract: every operation documents the errors it can answer, in the one error shape.

A drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]) adds to every operation
the error responses the platform's own layers can give, unless the view documented them itself:

- 400 when the operation takes a body or query parameters (core.boundary refuses NUL and control
  characters anywhere, core.params bad ids), 413 when it takes a body (core.parsers);
- 401 and 403 when it needs authentication, 403 also when a write could be refused;
- 404 when the path names an object, or the list is paged (a page past the end, DRF's "Invalid page.");
- 429 on the token endpoint (core.throttle);
- 503 everywhere (core.boundary: the database is unreachable), with Retry-After.

A body with objects or nulls inside is documented as JSON only: DRF's form parsers cannot carry it.
Integer query parameters get core.params' bounds (0 to 2**63-1). Path and query strings get the pattern
core.boundary enforces (no control characters): a client, and the
fuzzer (tests/core/test_api_fuzz.py), can tell from the document alone which values are refused.

It also drops integer bounds that are only the database's column limits (2**31-1 on PostgreSQL, 2**63-1 on
SQLite for the same field), so the document is the same whichever database generated it.

Added error responses point at the `ApiError` component (core.errors.ErrorSerializer). docs/openapi.yaml
is the committed result (`make openapi`); tests/core/test_openapi.py fails when the code drifts from it.
"""

from typing import Any

from .errors import ERROR_DESCRIPTIONS

METHODS = ("get", "put", "patch", "post", "delete")
ERROR_REF = {"$ref": "#/components/schemas/ApiError"}
EXTRA_DESCRIPTIONS = {413: "Nội dung quá lớn / request body too large"}
RETRY_AFTER = {
    "Retry-After": {"schema": {"type": "integer"}, "description": "Số giây nên chờ / seconds to wait"}
}


def _error(status: int) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": ERROR_DESCRIPTIONS.get(status) or EXTRA_DESCRIPTIONS[status],
        "content": {"application/json": {"schema": ERROR_REF}},
    }
    if status in (429, 503):
        response["headers"] = RETRY_AFTER
    return response


PAGED = {"page", "cursor"}
DIGITS = "^[0-9]+$"
# core.boundary refuses these in a path or query string (core.params.CONTROL), whatever the operation.
NO_CONTROL = "^[^\\x00-\\x1F\\x7F]*$"


def _query_names(operation: dict[str, Any]) -> set[str]:
    return {p.get("name", "") for p in operation.get("parameters", []) if p.get("in") == "query"}


def _refuse_control_characters(operation: dict[str, Any]) -> None:
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if parameter.get("in") == "path" and schema.get("pattern") == DIGITS:
            # A route's `lookup_value_regex = r"[0-9]+"` (a number, or no route at all): an integer id.
            schema.pop("pattern")
            schema["type"] = "integer"
            parameter.setdefault("description", "Số định danh / id")
        located = parameter.get("in") in ("path", "query")
        if located and schema.get("type") == "string" and not {"enum", "format"} & set(schema):
            schema.setdefault("pattern", NO_CONTROL)


FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


def _component(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref", "")
    return components.get(ref.rsplit("/", 1)[-1], {}) if ref else schema


def _has_objects(schema: dict[str, Any], components: dict[str, Any]) -> bool:
    """A body with an object inside (a list of documents, the sender) or a null: no form encoding can
    carry it (a form sends "" or the text "null", neither of which is a date or a number)."""
    for field in _component(schema, components).get("properties", {}).values():
        field = _component(field, components)
        items = _component(field.get("items", {}), components)
        if field.get("type") == "object" or items.get("type") == "object" or field.get("nullable"):
            return True
    return False


def _json_only_for_nested_bodies(operation: dict[str, Any], components: dict[str, Any]) -> None:
    """DRF's form parsers flatten a body; one with objects inside is documented (and fuzzed) as JSON only."""
    content = operation.get("requestBody", {}).get("content", {})
    json_body = content.get("application/json")
    if json_body and _has_objects(json_body.get("schema", {}), components):
        for media_type in FORMS:
            content.pop(media_type, None)


def _statuses(path: str, method: str, operation: dict[str, Any]) -> list[int]:
    statuses = [503]
    has_body = "requestBody" in operation
    has_query = any(p.get("in") == "query" for p in operation.get("parameters", []))
    if has_body or has_query or "{" in path:
        statuses.append(400)
    if has_body:
        statuses.append(413)
    anonymous = {} in operation.get("security", [{}])
    if not anonymous:
        statuses += [401, 403]
    elif method != "get":
        statuses.append(403)
    if "{" in path or PAGED & _query_names(operation):
        statuses.append(404)
    if path.endswith("/auth/token/"):
        statuses.append(429)
    return statuses


STORAGE_LIMITS = {sign * (2**bits - (1 if sign > 0 else 0)) for bits in (15, 31, 63) for sign in (1, -1)}


def _drop_storage_limits(node: Any) -> None:
    if isinstance(node, dict):
        if True:  # integer schemas, and allOf wrappers of integer enums
            if isinstance(node.get("maximum"), int) and node["maximum"] in STORAGE_LIMITS:
                del node["maximum"]
                if node.get("format") == "int64":
                    del node["format"]
            if isinstance(node.get("minimum"), int) and node["minimum"] in STORAGE_LIMITS:
                del node["minimum"]
        for value in node.values():
            _drop_storage_limits(value)
    elif isinstance(node, list):
        for value in node:
            _drop_storage_limits(value)


def add_error_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    # The component exists: views document their own errors with core.errors.error_responses.
    assert "ApiError" in result.get("components", {}).get("schemas", {}), "ApiError component missing"
    for path, item in result.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            _refuse_control_characters(operation)
            _json_only_for_nested_bodies(operation, result["components"]["schemas"])
            responses = operation.setdefault("responses", {})
            for status in _statuses(path, method, operation):
                responses.setdefault(str(status), _error(status))
    _drop_storage_limits(result)
    for item in result.get("paths", {}).values():
        for method in METHODS:
            _bound_query_integers(item.get(method) or {})
    return result


def _bound_query_integers(operation: dict[str, Any]) -> None:
    """An integer in a query is what core.params.integer reads: ASCII digits, a bigint at most."""
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if parameter.get("in") == "query" and schema.get("type") == "integer":
            schema.setdefault("minimum", 0)
            schema.setdefault("maximum", 2**63 - 1)
