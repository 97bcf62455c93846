"""Site-wide pages that belong to no single capability."""

from django.contrib.auth.forms import AuthenticationForm
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from motcua.org.models import AgencyKind
from motcua.org.selectors import public_service_centres


def home(request: HttpRequest) -> HttpResponse:
    """Landing page: what MộtCửa is and where to file, with the province's own centre listed first."""
    centres = sorted(public_service_centres(), key=lambda c: c.kind != AgencyKind.PROVINCIAL_SERVICE_CENTRE)
    return render(request, "home.html", {"service_centres": centres})


@require_safe
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


class LoginForm(AuthenticationForm):
    """Django's login form with a plain Vietnamese error.

    Django's own Vietnamese catalogue interpolates the field label mid-sentence ("điền vào Tên đăng nhập"),
    which reads badly; the message also must not say which of the two was wrong.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng kiểm tra lại, lưu ý chữ hoa và chữ thường."
        ),
    }
