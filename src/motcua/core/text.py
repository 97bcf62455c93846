"""Vietnamese text folding for accent-insensitive search, and the one check that a text a service needs
was given.

`đ`/`Đ` have no Unicode decomposition, so they are mapped to `d` before stripping combining marks.
"""

import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def without_diacritics(text: str) -> str:
    """'Đăng ký Khai sinh' -> 'Dang ky Khai sinh': the letters kept, their marks dropped (an SMS gateway that
    sends only plain text); idempotent."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped)


def fold(text: str) -> str:
    """'Đăng ký Khai sinh' -> 'dang ky khai sinh' (for search); idempotent."""
    return " ".join(without_diacritics(text).casefold().split())


def required_text(value: Any, label: str) -> str:
    """The text a service needs, stripped; a refusal naming it (`label`, Vietnamese) when it is empty."""
    text = str(value or "").strip()
    if not text:
        raise ValidationError(_("Cần nhập %(label)s. / This field is required.") % {"label": label})
    return text
