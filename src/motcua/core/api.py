"""The API's answers where no API view speaks: a URL no route matches, a method the operation does not
declare. Both in the one error shape (core.errors), never a page, so a client reads every refusal the same
way and each is what docs/openapi.yaml documents.

- `page_not_found` (handler404): under /api/, JSON; elsewhere Django's page (templates/404.html). A path
  parameter of the wrong shape (`/api/v1/dossiers/0.5/`) matches no route and lands here.
- `paged`: the documented shape of a page of a list a view pages by hand (`paginator.paginate_queryset`),
  which drf-spectacular cannot see and would document as a bare array.
- `UndeclaredMethodMiddleware`: DRF checks authentication and permissions before it looks for the method's
  handler, so `TRACE /api/v1/feedback/track/` was a 403 and `DELETE` on a read-only route a 401. A method
  the view does not have is a 405 with `Allow`, whoever asks.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views import defaults
from drf_spectacular.drainage import set_override
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers
from rest_framework.views import APIView

from .boundary import is_api, refusal
from .errors import default_message


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return refusal(request, status=404, code="not_found", detail=default_message("not_found"))
    return defaults.page_not_found(request, exception)


def paged(item: type[serializers.Serializer], name: str, *, detail: bool = False) -> serializers.Serializer:
    """`responses={200: paged(ItemOut, "PaginatedItemList")}` for DRF's page-number pages; `detail` when the
    view adds a message to the page ("no match")."""
    fields: dict[str, serializers.Field] = {
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": item(many=True),
    }
    if detail:
        fields["detail"] = serializers.CharField(required=False)
    page = inline_serializer(name, fields=fields)
    set_override(page, "many", False)  # a list action's answer, yet one object: not wrapped in an array
    return page


def _allowed_methods(view: Callable[..., Any]) -> set[str] | None:
    """The methods a DRF view answers, or None for a view that is not DRF's (pages decide for themselves)."""
    cls = getattr(view, "cls", None)
    if not isinstance(cls, type) or not issubclass(cls, APIView):
        return None
    actions = getattr(view, "actions", None)  # a ViewSet route: {"get": "list", "post": "create"}
    declared = {m for m in cls.http_method_names if hasattr(cls, m)}
    methods = set(actions) if actions is not None else declared
    if "get" in methods:
        methods.add("head")
    return methods | {"options"}


class UndeclaredMethodMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not is_api(request):
            return None
        allowed = _allowed_methods(view)
        if allowed is None or (request.method or "").lower() in allowed:
            return None
        return refusal(
            request,
            status=405,
            code="method_not_allowed",
            detail=default_message("method_not_allowed"),
            headers={"Allow": ", ".join(sorted(m.upper() for m in allowed))},
        )
