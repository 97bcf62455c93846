"""Identifiers people type: phone numbers, personal ID numbers, enterprise and tax codes. One rule per
kind, with the text it rests on; `normalise_*` gives the one spelling stored and looked up, `validate_*` is a
model-field validator, the `*Field` classes are form fields that normalise before validating.

    phone = normalise_phone("+84 912.345.678")          # "0912345678"
    validate_id_number("001090123456")                  # a new entry: 12-digit personal ID number
    tax = normalise_tax_code("0101234567001")           # "0101234567-001"
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s.\-()/]")

# ------------------------------------------------------------------------------------------ phone numbers
# Numbering plan: Thông tư 22/2014/TT-BTTTT (Quy hoạch kho số viễn thông), with the 2018 change of mobile
# prefixes (Thông tư 41/2017/TT-BTTTT) and of fixed-line area codes (Quyết định 2036/QĐ-BTTTT, 2017).
# phonenumberslite carries the plan; it is updated with the package, not by us.
PHONE_TYPES = frozenset(
    {
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }
)


def _phone_error() -> ValidationError:
    return ValidationError(
        _(
            "Số điện thoại không hợp lệ: nhập số di động hoặc cố định của Việt Nam, ví dụ 0912345678. "
            "/ Not a valid Vietnamese mobile or fixed-line number, e.g. 0912345678."
        ),
        code="phone",
    )


def normalise_phone(raw: str) -> str:
    """The national form ("0912345678", "02438251234") of a Vietnamese mobile or fixed-line number written
    any usual way ("0912 345 678", "0912.345.678", "+84 912 345 678", "84912345678"); ValidationError for
    anything else (foreign numbers, 1900/1800 service numbers, short codes, letters)."""
    text = _SEPARATORS.sub("", raw or "")
    if text.startswith("0084"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, "VN")
    except phonenumbers.NumberParseException:
        raise _phone_error() from None
    if (
        number.country_code != 84
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) not in PHONE_TYPES
    ):
        raise _phone_error()
    return "0" + str(number.national_number)


def phone_or_none(raw: str) -> str | None:
    """`normalise_phone`, or None when `raw` is not a Vietnamese phone number (for lookups)."""
    try:
        return normalise_phone(raw)
    except ValidationError:
        return None


def validate_phone(value: str) -> None:
    """Model-field validator: a Vietnamese mobile or fixed-line number (any usual spelling)."""
    normalise_phone(value)


# ---------------------------------------------------------------------------------- personal ID numbers
# The personal identification number (số định danh cá nhân), printed on the citizen ID card (CCCD) and on
# the ID card (thẻ căn cước) since Luật Căn cước 2023 (Law 26/2023/QH15): 12 digits (Nghị định 137/2015,
# Điều 13; structure in Thông tư 59/2021/TT-BCA, Điều 7, and the province list of its Phụ lục, carried over
# from Thông tư 07/2016/TT-BCA):
# - digits 1–3: the province (or centrally-run city) where the birth was registered, from the list below;
# - digit 4: century of birth and sex: 0/1 → 1900s (male/female), 2/3 → 2000s, 4/5 → 2100s …;
# - digits 5–6: the last two digits of the year of birth; digits 7–12: a random sequence.
# The codes are the 63 provinces of 2016 and stay valid after the 2025 mergers: a number is never re-issued
# because the province of birth changed name.
#
# The old identity card (chứng minh nhân dân, 9 digits, or 12 digits from 2012) is no longer valid: Luật
# Căn cước 2023, Điều 46 khoản 2 keeps an unexpired card in use only until 31/12/2024. New entries therefore
# take the 12-digit personal number only. Records made before keep their number (Điều 46 khoản 3: offices
# may not ask people to change the old number in papers already issued), so `validate_recorded_id_number`
# accepts a 9-digit number for reading and correcting those records, never for a new one.
PROVINCE_CODES_LEGAL_BASIS = "TT 59/2021/TT-BCA, Phụ lục (như TT 07/2016/TT-BCA)"
LEGACY_ID_LEGAL_BASIS = "Luật Căn cước 2023, Điều 46 khoản 2–3: CMND hết giá trị từ 01/01/2025"

PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Thành phố Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

_TWELVE_DIGITS = re.compile(r"\d{12}")
_NINE_DIGITS = re.compile(r"\d{9}")


def normalise_id_number(raw: str) -> str:
    """Digits only: people type "001 090 123 456" or "001.090.123.456"."""
    return _SEPARATORS.sub("", raw or "")


def birth_century(id_number: str) -> int:
    """First year of the century encoded by the 4th digit (0/1 → 1900, 2/3 → 2000 …)."""
    return 1900 + int(id_number[3]) // 2 * 100


def birth_year(id_number: str) -> int:
    """The year of birth a well-formed ID number encodes."""
    return birth_century(id_number) + int(id_number[4:6])


def is_legacy_id_number(value: str) -> bool:
    """A 9-digit identity card (CMND) number, valid only on records made before 2025."""
    return bool(_NINE_DIGITS.fullmatch(value or ""))


def validate_id_number(value: str) -> None:
    """A new entry: 12 digits, a province-of-birth code and a year of birth that is not in the future."""
    if is_legacy_id_number(value):
        raise ValidationError(
            _(
                "Chứng minh nhân dân 9 số đã hết giá trị sử dụng từ 01/01/2025; nhập số định danh cá nhân "
                "(12 số, in trên thẻ căn cước). / The 9-digit identity card expired on 1 January 2025; "
                "enter the 12-digit personal identification number."
            ),
            code="id_number_legacy",
        )
    if not _TWELVE_DIGITS.fullmatch(value or ""):
        raise ValidationError(
            _("Số CCCD phải gồm đúng 12 chữ số. / The citizen ID number must have exactly 12 digits."),
            code="id_number_format",
        )
    if value[:3] not in PROVINCE_CODES:
        raise ValidationError(
            _(
                "Ba chữ số đầu của số CCCD (%(code)s) không phải mã tỉnh nơi đăng ký khai sinh. "
                "/ The first three digits (%(code)s) are not a province-of-birth code."
            ),
            code="id_number_province",
            params={"code": value[:3]},
        )
    if birth_year(value) > timezone.localdate().year:
        raise ValidationError(
            _(
                "Chữ số thứ 4 đến thứ 6 của số CCCD cho năm sinh trong tương lai. "
                "/ Digits 4 to 6 of the citizen ID number give a year of birth in the future."
            ),
            code="id_number_future",
        )


def validate_recorded_id_number(value: str) -> None:
    """A number on a record made before 2025: a personal ID number or a 9-digit CMND (see above)."""
    if not is_legacy_id_number(value):
        validate_id_number(value)


def validate_id_number_birth(id_number: str, date_of_birth: date | None) -> None:
    """The century (4th digit) and the year (5th–6th digits) must agree with a known date of birth."""
    if not id_number or date_of_birth is None or not _TWELVE_DIGITS.fullmatch(id_number):
        return
    if birth_century(id_number) != date_of_birth.year // 100 * 100:
        raise ValidationError(
            _(
                "Chữ số thứ 4 của số CCCD không khớp với thế kỷ của ngày sinh. "
                "/ The 4th digit of the citizen ID number does not match the century of the date of birth."
            ),
            code="id_number_century",
        )
    if int(id_number[4:6]) != date_of_birth.year % 100:
        raise ValidationError(
            _(
                "Chữ số thứ 5 và 6 của số CCCD không khớp với năm sinh. "
                "/ Digits 5 and 6 of the citizen ID number do not match the year of birth."
            ),
            code="id_number_year",
        )


# ------------------------------------------------------------------------------ enterprise and tax codes
# The enterprise code is the tax code (Luật Doanh nghiệp 2020, Điều 29); a tax code has 10 digits, or 13
# written 10-3 for a branch or dependent unit (Luật Quản lý thuế 2019, Điều 30; structure in Thông tư
# 105/2020/TT-BTC, Điều 5). Since 01/07/2025 a person's tax code is the personal ID number (Thông tư
# 86/2024/TT-BTC): use the ID rules for people.
_TAX_CODE = re.compile(r"\d{10}(-\d{3})?")


def normalise_tax_code(raw: str) -> str:
    """ "0101234567-001" from "0101234567001", "0101 234 567 - 001" or "0101234567-001"."""
    text = re.sub(r"[\s.]", "", raw or "")
    if re.fullmatch(r"\d{13}", text):
        text = f"{text[:10]}-{text[10:]}"
    validate_tax_code(text)
    return text


def validate_tax_code(value: str) -> None:
    """Mã số thuế / mã số doanh nghiệp: 10 digits, or 10-3 for a branch."""
    if not _TAX_CODE.fullmatch(value or ""):
        raise ValidationError(
            _(
                "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số cho chi nhánh. "
                "/ A tax code has 10 digits, or 10 digits, a hyphen and 3 digits for a branch."
            ),
            code="tax_code",
        )


# ------------------------------------------------------------------------------------------- form fields


class _NormalisingField(forms.CharField):
    """A text field that stores the one spelling of its identifier."""

    def normalise(self, value: str) -> str:
        raise NotImplementedError

    def to_python(self, value: Any) -> str:
        value = super().to_python(value)
        return self.normalise(value) if value not in self.empty_values else value


class PhoneField(_NormalisingField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "tel")
        self.widget.attrs.setdefault("autocomplete", "tel")

    def normalise(self, value: str) -> str:
        return normalise_phone(value)


class IdNumberField(_NormalisingField):
    """A personal ID number; `legacy=True` also accepts a 9-digit CMND (only where an old record is
    corrected, see `validate_recorded_id_number`)."""

    def __init__(self, *, legacy: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.legacy = legacy
        self.widget.attrs.setdefault("inputmode", "numeric")

    def normalise(self, value: str) -> str:
        return normalise_id_number(value)

    def validate(self, value: str) -> None:
        super().validate(value)
        if value not in self.empty_values:
            (validate_recorded_id_number if self.legacy else validate_id_number)(value)


class TaxCodeField(_NormalisingField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def normalise(self, value: str) -> str:
        return normalise_tax_code(value)
