"""One-time 6-digit codes sent by SMS or e-mail: registration, password reset and contact changes share them.

Only a keyed hash is stored. A code lives 15 minutes, takes at most 5 tries, and a new one can be asked for
once a minute and five times an hour; asking for a new one retires the previous one. These are security
settings, not legal parameters: installations may tune them with MOTCUA_VERIFICATION.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from motcua.integrations import notifications
from motcua.org.models import User

from .contacts import Contact
from .models import Purpose, VerificationCode

DEFAULTS = {"ttl_minutes": 15, "max_attempts": 5, "resend_seconds": 60, "max_per_hour": 5}


def limit(name: str) -> int:
    return {**DEFAULTS, **getattr(settings, "MOTCUA_VERIFICATION", {})}[name]


class CodeError(ValidationError):
    """A code that cannot be accepted; `code` says why (wrong, expired, too_many, used, throttled)."""


def _digest(code: str, salt: str) -> str:
    return salted_hmac("motcua.accounts.verification", f"{salt}:{code}", algorithm="sha256").hexdigest()


def _hash(code: str) -> str:
    salt = secrets.token_hex(8)
    return f"{salt}${_digest(code, salt)}"


def _matches(code: str, stored: str) -> bool:
    salt, _sep, digest = stored.partition("$")
    return constant_time_compare(_digest(code.strip(), salt), digest)


# Translated when sent, in the language of the request that asked for the code.
MESSAGES: dict[str, str] = {
    Purpose.REGISTER: gettext_noop(
        "Mã xác minh đăng ký tài khoản MộtCửa của bạn là %(code)s, có hiệu lực %(minutes)s phút."
    ),
    Purpose.PASSWORD_RESET: gettext_noop(
        "Mã lấy lại mật khẩu MộtCửa của bạn là %(code)s, có hiệu lực %(minutes)s phút."
    ),
    Purpose.CONTACT_CHANGE: gettext_noop(
        "Mã xác minh thông tin liên hệ MộtCửa của bạn là %(code)s, có hiệu lực %(minutes)s phút."
    ),
}


def _check_throttle(user: User, purpose: str) -> None:
    now = timezone.now()
    recent = VerificationCode.objects.filter(user=user, purpose=purpose)
    last = recent.order_by("-created_at").first()
    wait = limit("resend_seconds")
    if last is not None and last.created_at > now - timedelta(seconds=wait):
        raise CodeError(
            _(
                "Vừa gửi mã; vui lòng chờ %(seconds)s giây rồi yêu cầu lại. "
                "/ A code was just sent; please wait %(seconds)s seconds before asking again."
            ),
            code="throttled",
            params={"seconds": wait},
        )
    if recent.filter(created_at__gt=now - timedelta(hours=1)).count() >= limit("max_per_hour"):
        raise CodeError(
            _(
                "Đã gửi quá nhiều mã trong một giờ; vui lòng thử lại sau. "
                "/ Too many codes were sent within an hour; please try again later."
            ),
            code="throttled",
        )


def issue(*, user: User, purpose: str, contact: Contact) -> VerificationCode:
    """Create a code, retire the previous ones for the same purpose and queue the message."""
    _check_throttle(user, purpose)
    now = timezone.now()
    VerificationCode.objects.filter(
        user=user, purpose=purpose, used_at__isnull=True, expires_at__gt=now
    ).update(expires_at=now)
    code = f"{secrets.randbelow(10**6):06d}"
    minutes = limit("ttl_minutes")
    verification = VerificationCode.objects.create(
        user=user,
        purpose=purpose,
        channel=contact.channel,
        destination=contact.value,
        code_hash=_hash(code),
        expires_at=now + timedelta(minutes=minutes),
    )
    text = _(MESSAGES[purpose]) % {"code": code, "minutes": minutes}
    notifications.send(
        channel=contact.channel,
        recipient=contact.value,
        subject=_("Mã xác minh MộtCửa"),
        body=text + " " + _("Không chia sẻ mã này với bất kỳ ai."),
        user=user,
        reference=f"accounts.{purpose}",
    )
    return verification


def consume(*, verification: VerificationCode, code: str) -> VerificationCode:
    """Accept the code once; every try is counted and kept even when the caller's work fails afterwards."""
    error = None
    with transaction.atomic():
        row = VerificationCode.objects.select_for_update().get(pk=verification.pk)
        now = timezone.now()
        if row.used_at is not None:
            error = CodeError(
                _("Mã này đã được sử dụng. / This code has already been used."),
                code="used",
            )
        elif row.attempts >= limit("max_attempts"):
            error = CodeError(
                _(
                    "Đã nhập sai quá %(n)s lần. Vui lòng yêu cầu mã mới. "
                    "/ Too many wrong attempts (%(n)s). Please ask for a new code."
                ),
                code="too_many",
                params={"n": limit("max_attempts")},
            )
        elif row.expires_at <= now:
            error = CodeError(
                _(
                    "Mã đã hết hạn. Vui lòng yêu cầu mã mới. "
                    "/ The code has expired. Please ask for a new one."
                ),
                code="expired",
            )
        else:
            row.attempts += 1
            if _matches(code or "", row.code_hash):
                row.used_at = now
            else:
                left = limit("max_attempts") - row.attempts
                error = CodeError(
                    _(
                        "Mã xác minh không đúng. Còn %(left)s lần thử. "
                        "/ The verification code is wrong. %(left)s attempts left."
                    ),
                    code="wrong" if left else "too_many",
                    params={"left": left},
                )
            row.save(update_fields=["attempts", "used_at"])
    if error is not None:
        raise error
    return row


def resend(*, verification: VerificationCode) -> VerificationCode:
    """A fresh code to the same destination for the same purpose."""
    contact = Contact(verification.channel, verification.destination)
    return issue(user=verification.user, purpose=verification.purpose, contact=contact)
