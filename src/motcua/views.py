"""Site-wide pages that belong to no single capability."""

from django.contrib.auth.forms import AuthenticationForm
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from motcua.core.forms import BootstrapFormMixin
from motcua.core.twofactor import SecondFactorFormMixin
from motcua.org.models import AgencyKind
from motcua.org.selectors import public_service_centres
from motcua.portal import help as help_selectors


def home(request: HttpRequest) -> HttpResponse:
    """Landing page: search first, then the most used procedures, tracking, online services, where to file
    (the province's own centre first) and a few answers to common questions."""
    centres = sorted(public_service_centres(), key=lambda c: c.kind != AgencyKind.PROVINCIAL_SERVICE_CENTRE)
    return render(
        request,
        "home.html",
        {
            "service_centres": centres,
            "most_used": help_selectors.most_used_procedures(),
            "faqs": help_selectors.home_faqs(),
        },
    )


@require_safe
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


class LoginForm(BootstrapFormMixin, SecondFactorFormMixin, AuthenticationForm):
    """Django's login form with a plain bilingual error; the user name may also be a phone or an address.

    Django's own Vietnamese catalogue interpolates the field label mid-sentence ("điền vào Tên đăng nhập"),
    which reads badly; the message also must not say which of the two was wrong. Citizens log in with a
    phone number or an e-mail address (motcua.accounts.backends.ContactBackend), staff with a username.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng kiểm tra lại, lưu ý chữ hoa và chữ thường. "
            "/ The login or password is incorrect. Please check them, minding upper and lower case."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.label = _("Số điện thoại, thư điện tử hoặc tên đăng nhập")
        # E-mail addresses may be longer than usernames.
        username.max_length = max(username.max_length or 0, 254)
        username.widget.attrs.update({"maxlength": str(username.max_length), "spellcheck": "false"})
