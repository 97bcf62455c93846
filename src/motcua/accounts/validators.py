"""The citizen ID number (CCCD, căn cước công dân): 12 digits that encode where and when the holder was born.

Structure (TT 07/2016/TT-BCA, Điều 7 and Phụ lục; amended by TT 59/2021/TT-BCA):
- digits 1–3: code of the province (or centrally-run city) of birth registration, from the list below;
- digit 4: century of birth and sex: 0/1 → 1900s (male/female), 2/3 → 2000s, 4/5 → 2100s, 6/7 → 2200s,
  8/9 → 2300s;
- digits 5–6: the last two digits of the year of birth;
- digits 7–12: a random sequence.

The province codes are the 63 provinces of 2016 and stay valid after the 2025 mergers: an ID number is never
re-issued because the province of birth changed name.
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PROVINCE_CODES_LEGAL_BASIS = "TT 07/2016/TT-BCA, Phụ lục (sửa đổi, bổ sung bởi TT 59/2021/TT-BCA)"

# Province-of-birth codes, digits 1–3 of a CCCD.
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


def birth_century(id_number: str) -> int:
    """First year of the century encoded by the 4th digit (0/1 → 1900, 2/3 → 2000 …)."""
    return 1900 + int(id_number[3]) // 2 * 100


def birth_year(id_number: str) -> int:
    """The year of birth a well-formed ID number encodes."""
    return birth_century(id_number) + int(id_number[4:6])


def validate_id_number(value: str) -> None:
    """Format, province of birth and a year of birth that is not in the future."""
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


TAX_CODE = re.compile(r"\d{10}(-\d{3})?")


def validate_tax_code(value: str) -> None:
    """Mã số thuế: 10 digits, or 13 as 10-3 for a branch (Luật Quản lý thuế 2019, Điều 30)."""
    if not TAX_CODE.fullmatch(value or ""):
        raise ValidationError(
            _(
                "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số cho chi nhánh. "
                "/ A tax code has 10 digits, or 10 digits, a hyphen and 3 digits for a branch."
            ),
            code="tax_code",
        )
