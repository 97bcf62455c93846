"""Login throttling (django-axes) for the login page and the API's token endpoint.

After AXES_FAILURE_LIMIT wrong passwords for one account, or from one address (AXES_LOCKOUT_PARAMETERS),
further attempts are refused for AXES_COOLOFF_TIME, even with the right password; the answer is a bilingual
429 (a page, or the API's error shape) with Retry-After. An administrator lifts a lockout early in the admin
(Axes → Access attempts → delete) or with `motcua axes_reset_username <login>` / `motcua axes_reset_ip <ip>`
(docs/operators.md).
"""

from datetime import timedelta
from typing import Any

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from .boundary import refusal


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' backend, except for logins without a request (the test client's `login`, a shell): those are
    not HTTP attempts and have no address to count, where Axes' own backend would raise."""

    def authenticate(self, request: Any = None, username: Any = None, password: Any = None, **kwargs: Any):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def retry_after_seconds() -> int:
    cool_off = getattr(settings, "AXES_COOLOFF_TIME", None)
    return int(cool_off.total_seconds()) if isinstance(cool_off, timedelta) else 3600


def locked_out_message() -> str:
    from django.utils.translation import gettext as _

    minutes = max(1, retry_after_seconds() // 60)
    return _(
        "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút hoặc liên hệ quản trị viên. "
        "/ Too many failed logins. Try again in %(minutes)s minutes or contact an administrator."
    ) % {"minutes": minutes}


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: 429 with Retry-After, as a page or (under /api/) in the API's error shape."""
    return refusal(
        request,
        status=429,
        code="throttled",
        detail=locked_out_message(),
        headers={"Retry-After": str(retry_after_seconds())},
    )


def client_address(request: HttpRequest) -> str:
    # Behind a reverse proxy, configure it to set REMOTE_ADDR (X-Forwarded-For is forgeable by clients).
    return request.META.get("REMOTE_ADDR", "unknown")


def within_allowance(request: HttpRequest, scope: str, limit: int, window: int) -> bool:
    """Count one use of `scope` (a public lookup, a file check) by the client's address; False once the
    address has used its `limit` for the `window` seconds. Through Django's cache: a shared cache (database
    or Redis) in production, so every web process counts together."""
    key = f"{scope}:{client_address(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
