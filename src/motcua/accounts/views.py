"""Pages of citizen and business accounts: register, verify, reset a password, profile, single sign-on."""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from motcua.core.access import citizen_required
from motcua.core.errors import message_of, run, service_errors
from motcua.integrations import identity
from motcua.org.models import User

from . import selectors, services
from .contacts import Contact
from .forms import (
    CodeForm,
    ContactChangeForm,
    NewPasswordForm,
    ProfileForm,
    RegisterForm,
    ResetRequestForm,
)
from .models import Purpose, VerificationCode
from .verification import CodeError, limit

T = TypeVar("T")
PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"
REGISTER_KEY = "accounts.register"
RESET_KEY = "accounts.reset"
RESET_TO_KEY = "accounts.reset_to"
RESET_FAKE_TRIES_KEY = "accounts.reset_tries"
RESET_OK_KEY = "accounts.reset_ok"
CONTACT_KEY = "accounts.contact"


def _code_page(request, *, form, destination: str, title: str, intro: str, can_resend: bool = True):
    return render(
        request,
        "accounts/code.html",
        {
            "form": form,
            "destination": destination,
            "title": title,
            "intro": intro,
            "can_resend": can_resend,
            "minutes": limit("ttl_minutes"),
        },
    )


def _resend(request, pending, destination: str):
    """A new code, or the reason none was sent; the page is shown again either way (POST-redirect-GET)."""
    sent = run(
        request,
        lambda: services.resend_code(verification=pending),
        success=_("Đã gửi mã mới tới %(to)s.") % {"to": destination},
    )
    return sent or pending


def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:profile" if request.user.is_citizen else "home")
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The service's errors name its arguments (contact, business_name, password): the password's go
        # to password1.
        verification = run(
            request,
            lambda: services.register_account(
                contact=data["contact"],
                full_name=data["full_name"],
                password=data["password1"],
                kind=data["kind"],
                business_name=data["business_name"],
            ),
            form=form,
            field="password1",
        )
        if verification is not None:
            request.session[REGISTER_KEY] = verification.pk
            return redirect("accounts:verify")
    return render(request, "accounts/register.html", {"form": form})


def _code_step(
    request: HttpRequest,
    pending: VerificationCode,
    *,
    session_key: str,
    here: str,
    title: str,
    confirm: Callable[[str], T],
    done: Callable[[T], HttpResponse],
    success: str | None = None,
) -> HttpResponse:
    """The page where the visitor types the code sent to `pending`'s contact: a new code on request, or
    `confirm(code)` and then `done(result)`; a refused code is shown on the code's input."""
    contact = Contact(pending.channel, pending.destination)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and "resend" in request.POST:
        request.session[session_key] = _resend(request, pending, contact.masked).pk
        return redirect(here)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"].strip()
        result = run(request, lambda: confirm(code), form=form, field="code", success=success)
        if result is not None:
            request.session.pop(session_key, None)
            return done(result)
    return _code_page(
        request,
        form=form,
        destination=contact.masked,
        title=title,
        intro=_("Nhập mã 6 chữ số vừa được gửi tới %(to)s.") % {"to": contact.masked},
    )


def verify(request: HttpRequest) -> HttpResponse:
    """Enter the registration code: the account becomes active and the citizen is logged in."""
    pending = selectors.pending_code(None, request.session.get(REGISTER_KEY), purpose=Purpose.REGISTER)

    def logged_in(user: User) -> HttpResponse:
        login(request, user, backend=PASSWORD_BACKEND)
        return redirect("accounts:profile")

    return _code_step(
        request,
        pending,
        session_key=REGISTER_KEY,
        here="accounts:verify",
        title=_("Xác minh tài khoản"),
        confirm=lambda code: services.confirm_registration(verification=pending, code=code),
        done=logged_in,
        success=_("Tài khoản đã được kích hoạt. Chào mừng bạn đến với MộtCửa."),
    )


def password_reset(request: HttpRequest) -> HttpResponse:
    form = ResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = form.cleaned_data["contact"]
        verification = services.request_password_reset(contact=contact)
        # The same next page whether or not the account exists.
        request.session[RESET_KEY] = verification.pk if verification else 0
        request.session[RESET_TO_KEY] = contact.masked
        request.session[RESET_FAKE_TRIES_KEY] = 0
        request.session.pop(RESET_OK_KEY, None)
        return redirect("accounts:password_reset_code")
    return render(request, "accounts/password_reset.html", {"form": form})


def _fake_wrong_code(request) -> ValidationError:
    """No account behind the contact: answer like a real code would, attempts included."""
    tries = request.session.get(RESET_FAKE_TRIES_KEY, 0) + 1
    request.session[RESET_FAKE_TRIES_KEY] = tries
    left = max(limit("max_attempts") - tries, 0)
    if tries > limit("max_attempts"):
        return ValidationError(
            _(
                "Đã nhập sai quá %(n)s lần. Vui lòng yêu cầu mã mới. "
                "/ Too many wrong attempts (%(n)s). Please ask for a new code."
            )
            % {"n": limit("max_attempts")}
        )
    return ValidationError(
        _(
            "Mã xác minh không đúng. Còn %(left)s lần thử. "
            "/ The verification code is wrong. %(left)s attempts left."
        )
        % {"left": left}
    )


def password_reset_code(request: HttpRequest) -> HttpResponse:
    if RESET_KEY not in request.session:
        return redirect("accounts:password_reset")
    pk = request.session[RESET_KEY]
    pending = selectors.pending_code(None, pk, purpose=Purpose.PASSWORD_RESET) if pk else None
    destination = request.session.get(RESET_TO_KEY, "")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and "resend" in request.POST:
        if pending is None:  # no account: look the same as a real resend
            messages.success(request, _("Đã gửi mã mới tới %(to)s.") % {"to": destination})
        else:
            request.session[RESET_KEY] = _resend(request, pending, destination).pk
        return redirect("accounts:password_reset_code")
    elif request.method == "POST" and form.is_valid():
        with service_errors(form, field="code") as outcome:
            if pending is None:
                raise _fake_wrong_code(request)
            services.confirm_password_reset_code(verification=pending, code=form.cleaned_data["code"].strip())
        if outcome.ok:
            request.session[RESET_OK_KEY] = pending.pk
            return redirect("accounts:password_reset_new")
    return _code_page(
        request,
        form=form,
        destination=destination,
        title=_("Lấy lại mật khẩu"),
        intro=_(
            "Nếu %(to)s là thông tin của một tài khoản, chúng tôi đã gửi tới đó mã 6 chữ số. Nhập mã để đặt "
            "mật khẩu mới."
        )
        % {"to": destination},
    )


def password_reset_new(request: HttpRequest) -> HttpResponse:
    pk = request.session.get(RESET_OK_KEY)
    if not pk:
        return redirect("accounts:password_reset")
    verification = selectors.pending_code(None, pk, purpose=Purpose.PASSWORD_RESET)
    form = NewPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with service_errors(form, field="password1") as outcome:
            services.reset_password(verification=verification, password=form.cleaned_data["password1"])
        if isinstance(outcome.error, CodeError):  # the code expired meanwhile: start again
            for key in (RESET_KEY, RESET_OK_KEY, RESET_TO_KEY):
                request.session.pop(key, None)
            messages.error(request, message_of(outcome.error))
            return redirect("accounts:password_reset")
        if outcome.ok:
            for key in (RESET_KEY, RESET_OK_KEY, RESET_TO_KEY, RESET_FAKE_TRIES_KEY):
                request.session.pop(key, None)
            messages.success(request, _("Đã đặt mật khẩu mới. Mời bạn đăng nhập."))
            return redirect("login")
    return render(request, "accounts/password_new.html", {"form": form})


@citizen_required
def profile(request: HttpRequest) -> HttpResponse:
    own = selectors.applicant_profile(request.user) or services.ensure_profile(actor=request.user)
    locked = services.PROVIDER_VOUCHED if own.identity_verified else frozenset()
    form = ProfileForm(request.POST or None, instance=own, locked=locked)
    refreshing = request.method == "POST" and "refresh" in request.POST
    if request.method == "POST" and not refreshing and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.fields if name not in locked}
        own.refresh_from_db()
        saved = run(
            request,
            lambda: services.update_profile(actor=request.user, profile=own, **changes),
            form=form,
            success=_("Đã lưu hồ sơ cá nhân."),
        )
        if saved is not None:
            return redirect("accounts:profile")
    if refreshing:
        form.errors.clear()  # the visitor only asked for the communes of the chosen province
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "profile": own, "contact_form": ContactChangeForm()},
    )


@citizen_required
@require_POST
def contact_change(request: HttpRequest) -> HttpResponse:
    form = ContactChangeForm(request.POST)
    if form.is_valid():
        contact = form.cleaned_data["contact"]
        verification = run(
            request,
            lambda: services.request_contact_change(actor=request.user, contact=contact),
            form=form,
            field="contact",
        )
        if verification is not None:
            request.session[CONTACT_KEY] = verification.pk
            return redirect("accounts:contact_verify")
    own = selectors.applicant_profile(request.user) or services.ensure_profile(actor=request.user)
    locked = services.PROVIDER_VOUCHED if own.identity_verified else frozenset()
    return render(
        request,
        "accounts/profile.html",
        {"form": ProfileForm(instance=own, locked=locked), "profile": own, "contact_form": form},
    )


@citizen_required
def contact_verify(request: HttpRequest) -> HttpResponse:
    pending = selectors.pending_code(
        request.user, request.session.get(CONTACT_KEY), purpose=Purpose.CONTACT_CHANGE
    )
    return _code_step(
        request,
        pending,
        session_key=CONTACT_KEY,
        here="accounts:contact_verify",
        title=_("Xác minh thông tin liên hệ mới"),
        confirm=lambda code: services.confirm_contact_change(
            actor=request.user, verification=pending, code=code
        ),
        done=lambda _user: redirect("accounts:profile"),
        success=_("Đã cập nhật thông tin liên hệ."),
    )


@require_safe
def commune_options(request: HttpRequest) -> HttpResponse:
    """The communes of a province as <option>s: htmx refreshes the commune list when the province changes."""
    raw = request.GET.get("province", "")
    province = selectors.provinces().filter(pk=int(raw)).first() if raw.isdigit() else None
    return render(request, "accounts/_commune_options.html", {"communes": selectors.communes(province)})


def oidc_login(request: HttpRequest) -> HttpResponse:
    plugin = identity.provider()
    if not plugin.is_enabled():
        raise Http404
    return plugin.login_view()(request)


def oidc_callback(request: HttpRequest) -> HttpResponse:
    plugin = identity.provider()
    if not plugin.is_enabled():
        raise Http404
    return plugin.callback_view()(request)
