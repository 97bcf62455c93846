from datetime import date

import pytest
from django.core.exceptions import ValidationError

from motcua.accounts.contacts import normalize_phone, parse_contact
from motcua.accounts.validators import (
    PROVINCE_CODES,
    validate_id_number,
    validate_id_number_birth,
    validate_tax_code,
)


@pytest.mark.parametrize(
    ("number", "born"),
    [
        ("001090012345", date(1990, 5, 17)),  # Hà Nội, man born in the 1900s
        ("079195001234", date(1995, 1, 2)),  # Hồ Chí Minh City, woman born in the 1900s
        ("038203000123", date(2003, 12, 31)),  # Thanh Hóa, man born in the 2000s
        ("096301000001", date(2001, 1, 1)),  # Cà Mau, woman born in the 2000s
        ("001090012345", None),  # without a date of birth only the number itself is checked
    ],
)
def test_valid_id_numbers(number, born):
    validate_id_number(number)
    validate_id_number_birth(number, born)


@pytest.mark.parametrize("number", ["00109001234", "0010900123456", "00109001234a", "", "001 090 012 345"])
def test_id_number_must_have_twelve_digits(number):
    with pytest.raises(ValidationError) as error:
        validate_id_number(number)
    assert error.value.code == "id_number_format"
    assert "12 chữ số" in error.value.messages[0]
    assert "12 digits" in error.value.messages[0]


@pytest.mark.parametrize("code", ["000", "003", "097", "099", "123"])
def test_id_number_needs_a_province_code_from_the_list(code):
    assert code not in PROVINCE_CODES
    with pytest.raises(ValidationError) as error:
        validate_id_number(f"{code}090012345")
    assert error.value.code == "id_number_province"


def test_province_list_is_the_63_provinces_of_the_circular():
    assert len(PROVINCE_CODES) == 63
    assert min(PROVINCE_CODES) == "001"
    assert max(PROVINCE_CODES) == "096"


def test_id_number_cannot_encode_a_future_birth_year():
    with pytest.raises(ValidationError) as error:
        validate_id_number("001499012345")  # 4 → the 2100s
    assert error.value.code == "id_number_future"


def test_birth_year_mismatch():
    with pytest.raises(ValidationError) as error:
        validate_id_number_birth("001090012345", date(1991, 5, 17))
    assert error.value.code == "id_number_year"


def test_birth_century_mismatch():
    with pytest.raises(ValidationError) as error:
        validate_id_number_birth("001290012345", date(1990, 5, 17))  # 2 → the 2000s
    assert error.value.code == "id_number_century"


@pytest.mark.parametrize("code", ["0101234567", "0101234567-001"])
def test_tax_codes(code):
    validate_tax_code(code)


def test_bad_tax_code():
    with pytest.raises(ValidationError):
        validate_tax_code("01012345")


@pytest.mark.parametrize(
    "spelling",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "+84 912 345 678",
        "+84912345678",
        "84912345678",
        "0084912345678",
    ],
)
def test_phone_spellings_normalise_to_one_form(spelling):
    assert normalize_phone(spelling) == "0912345678"


@pytest.mark.parametrize("raw", ["12345", "091234567", "abc", "+1 650 555 0100"])
def test_not_a_vietnamese_phone(raw):
    assert normalize_phone(raw) is None


def test_landline_with_area_code():
    assert normalize_phone("024 3825 1234") == "02438251234"


def test_parse_contact():
    assert parse_contact(" Lan.Nguyen@Example.VN ").value == "lan.nguyen@example.vn"
    assert parse_contact("0912 345 678").masked == "091••••678"
    with pytest.raises(ValidationError) as error:
        parse_contact("lan@")
    assert " / " in error.value.messages[0]
