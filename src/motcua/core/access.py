"""Who may open a page or run a service: `require` for services, two view decorators for pages, and the
pages that say no (403 and CSRF failure) with a way back.

    @staff_required("control.manage_plan")
    def plan_edit(request, pk): ...

    def close_plan(*, actor: User, plan: Plan) -> Plan:
        require(actor, "control.manage_plan", plan)

Staff and citizens share one login table and are told apart by `User.is_citizen` (org.models). The rule
for every page, chosen where the old copies disagreed:
- an anonymous visitor is sent to the login page with `next` (every copy agreed);
- a logged-in user of the wrong kind, or without the permission, gets the refusal page with HTTP 403 and
  a message saying why, in Vietnamese and English (the portal's behaviour: a bare 403 tells a citizen
  nothing; the refusal page is rendered by the one 403 handler, so `PermissionDenied` raised anywhere
  else looks the same).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, overload

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

# HttpResponseBase: a streamed answer (the catalog import's progress) is a view's answer too.
View = TypeVar("View", bound=Callable[..., HttpResponseBase])
Message = str | Promise  # a refusal text, lazy when written at import time (a decorator's argument)


def not_allowed_message() -> str:
    return _("Bạn không có quyền thực hiện thao tác này. / You are not allowed to do this.")


def require(actor: Any, perm: str, obj: Any = None) -> None:
    """PermissionDenied unless `actor` holds `perm` (on `obj`); `actor=None` is the system and may."""
    if actor is not None and not actor.has_perm(perm, obj):
        raise PermissionDenied(not_allowed_message())


def citizens_only_message() -> str:
    return _("Trang dành cho công dân, tổ chức. / For citizens and organisations.")


def require_citizen(actor: Any, message: Message | None = None) -> None:
    """PermissionDenied unless `actor` is a logged-in citizen or business: for services that act on a
    citizen's own account, drafts or papers (ownership is the selector's or the service's next check)."""
    if not is_citizen(actor):
        raise PermissionDenied(message or citizens_only_message())


def is_staff_member(user: Any) -> bool:
    """A logged-in officer (any account that is not a citizen's or business's)."""
    return bool(getattr(user, "is_authenticated", False)) and not getattr(user, "is_citizen", False)


def is_citizen(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and bool(getattr(user, "is_citizen", False))


def _guard(check: Callable[[HttpRequest], None]) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            check(request)
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


@overload
def staff_required(perm: View) -> View: ...
@overload
def staff_required(perm: str | None = None, *, message: Message | None = None) -> Callable[[View], View]: ...
def staff_required(perm: Any = None, *, message: Message | None = None) -> Any:
    """Pages for officers: anonymous → login; a citizen, or an officer without `perm` → the 403 page.

    Use as `@staff_required()`, `@staff_required` or `@staff_required("dossiers.work_queue")`; `message`
    replaces the default refusal text.
    """
    if callable(perm):
        return staff_required()(perm)

    def check(request: HttpRequest) -> None:
        if not is_staff_member(request.user):
            raise PermissionDenied(message or _("Trang dành cho cán bộ, công chức. / For officers only."))
        if perm and not request.user.has_perm(perm):
            raise PermissionDenied(message or not_allowed_message())

    return _guard(check)


@overload
def citizen_required(view: View) -> View: ...
@overload
def citizen_required(view: None = None, *, message: Message | None = None) -> Callable[[View], View]: ...
def citizen_required(view: Any = None, *, message: Message | None = None) -> Any:
    """Pages for citizens and businesses: anonymous → login; an officer → the 403 page saying why."""

    def check(request: HttpRequest) -> None:
        require_citizen(request.user, message)

    decorate = _guard(check)
    return decorate(view) if view is not None else decorate


def _way_back(request: HttpRequest) -> str:
    """The page the visitor came from when it is on this site, else ''."""
    referer = request.META.get("HTTP_REFERER", "")
    allowed = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return referer if allowed and referer != request.build_absolute_uri() else ""


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler403: the refusal page, with the reason when the code gave one."""
    reason = str(exception) if exception is not None else ""
    return render(request, "403.html", {"reason": reason, "back": _way_back(request)}, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form sent from an expired page; say so and offer the way back to it."""
    return render(request, "403_csrf.html", {"back": _way_back(request)}, status=403)
