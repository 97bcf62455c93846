"""Phone numbers and e-mail addresses as login identifiers: one spelling each, so that lookups are exact.

Vietnamese numbers are written many ways ("0912 345 678", "0912.345.678", "+84 912 345 678", "84912345678");
all of them are stored and looked up as the national form "0912345678".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from motcua.core.identifiers import phone_or_none
from motcua.integrations.models import Channel


def normalize_phone(raw: str) -> str | None:
    """The national form of a Vietnamese phone number, or None when it is not one (core.identifiers)."""
    return phone_or_none(raw)


def normalize_email(raw: str) -> str:
    return (raw or "").strip().lower()


@dataclass(frozen=True)
class Contact:
    """Where a verification code goes: a phone number by SMS or an address by e-mail."""

    channel: str
    value: str

    @property
    def is_phone(self) -> bool:
        return self.channel == Channel.SMS

    @property
    def masked(self) -> str:
        """Enough to recognise one's own contact on screen without showing it whole."""
        if self.is_phone:
            return f"{self.value[:3]}{'•' * (len(self.value) - 6)}{self.value[-3:]}"
        local, _at, domain = self.value.partition("@")
        return f"{local[:2]}{'•' * max(len(local) - 2, 1)}@{domain}"


def parse_contact(raw: str) -> Contact:
    """A phone number or an e-mail address typed by a person; ValidationError when it is neither."""
    text = (raw or "").strip()
    if "@" in text:
        email = normalize_email(text)
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                _("Địa chỉ thư điện tử không hợp lệ. / The e-mail address is not valid."), code="email"
            ) from None
        return Contact(Channel.EMAIL, email)
    phone = normalize_phone(text)
    if phone is None:
        raise ValidationError(
            _(
                "Hãy nhập số điện thoại Việt Nam (ví dụ 0912 345 678) hoặc địa chỉ thư điện tử. "
                "/ Enter a Vietnamese phone number (e.g. 0912 345 678) or an e-mail address."
            ),
            code="contact",
        )
    return Contact(Channel.SMS, phone)
