"""Optional second factor for staff: a TOTP code (django-otp) at login, switched on by MOTCUA_STAFF_OTP.

While the setting is on, a staff account (account type "staff", or Django's is_staff) logs in on the page or
obtains an API token only with the current code of one of its confirmed TOTP devices; citizens are not
asked. An administrator adds the device in the admin (OTP_TOTP → TOTP devices: its QR code goes into any
authenticator app) before switching the setting on (docs/operators.md). django-otp throttles wrong codes
per device.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login

FIELD = "otp_token"


def enabled() -> bool:
    return bool(getattr(settings, "MOTCUA_STAFF_OTP", False))


def needs_second_factor(user: Any) -> bool:
    return enabled() and (bool(user.is_staff) or getattr(user, "account_type", "") == "staff")


def verify(user: Any, token: str | None) -> Any:
    """The confirmed device `token` is the current code of; a bilingual ValidationError otherwise."""
    if not any(devices_for_user(user, confirmed=True)):
        raise ValidationError(
            _(
                "Tài khoản cán bộ cần mã xác thực hai lớp nhưng chưa có thiết bị; liên hệ quản trị viên. "
                "/ Staff accounts need a two-factor code but this one has no device; ask an administrator."
            ),
            code="otp_missing",
        )
    device = match_token(user, (token or "").strip()) if token else None
    if device is None:
        raise ValidationError(
            _("Mã xác thực hai lớp không đúng hoặc đã hết hạn. / The two-factor code is wrong or expired."),
            code="otp_invalid",
        )
    return device


class SecondFactorFormMixin:
    """For an AuthenticationForm: adds the code field while the setting is on and checks it for staff."""

    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]
    request: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if enabled():
            self.fields[FIELD] = forms.CharField(
                label=gettext_lazy("Mã xác thực hai lớp (cán bộ)"),
                help_text=gettext_lazy("6 chữ số trên ứng dụng xác thực; công dân bỏ trống."),
                required=False,
                max_length=8,
                widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
            )

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)  # type: ignore[misc]
        if needs_second_factor(user):
            device = verify(user, self.cleaned_data.get(FIELD))
            if self.request is not None:
                self.request._motcua_otp_device = device


@receiver(user_logged_in)
def _mark_verified(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """The session remembers the device the code came from (django-otp's `user.is_verified()`)."""
    device = getattr(request, "_motcua_otp_device", None)
    if device is not None:
        otp_login(request, device)
