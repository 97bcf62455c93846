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


# ------------------------------------------------------------------------------------------ amounts in words
# A receipt writes its amount in figures and in words (NĐ 123/2020/NĐ-CP, Art. 32). Read the usual way:
# groups of three digits; "linh" for a zero ten after a hundred (105: một trăm linh năm), "mốt" and "lăm"
# after a ten (21: hai mươi mốt, 15: mười lăm), "không trăm" inside a number (1.050: một nghìn không trăm
# năm mươi), and thousands of billions as "nghìn tỷ".
_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", "nghìn", "triệu")
_BILLION = 1_000_000_000


def _hundreds(number: int, *, inner: bool) -> list[str]:
    """Words of 1..999; `inner`: a group after a higher one, read in full ("không trăm linh năm")."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words = []
    if hundreds or inner:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units == 1 and tens >= 2:
        words.append("mốt")
    elif units == 5 and tens >= 1:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def _below_billion(number: int, *, inner: bool) -> list[str]:
    groups = [number // 1_000_000, number // 1000 % 1000, number % 1000]
    words: list[str] = []
    for position, group in enumerate(groups):
        if group:
            words += _hundreds(group, inner=inner or bool(words))
            if _GROUPS[2 - position]:
                words.append(_GROUPS[2 - position])
    return words


def _words(number: int, *, inner: bool = False) -> list[str]:
    if number >= _BILLION:
        rest = number % _BILLION
        return [*_words(number // _BILLION), "tỷ", *(_below_billion(rest, inner=True) if rest else [])]
    return _below_billion(number, inner=inner)


def amount_in_words(amount: int) -> str:
    """50_000 -> "Năm mươi nghìn đồng"; 1_105_000 -> "Một triệu một trăm linh năm nghìn đồng"."""
    if amount < 0:
        raise ValueError("an amount in words is not negative")
    text = " ".join(_words(amount)) if amount else _DIGITS[0]
    return f"{text[0].upper()}{text[1:]} đồng"
