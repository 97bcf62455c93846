"""One rule per identifier, as people actually type them."""

from datetime import date

import pytest
from django import forms
from django.core.exceptions import ValidationError

from motcua.core.identifiers import (
    IdNumberField,
    PhoneField,
    TaxCodeField,
    birth_year,
    normalise_id_number,
    normalise_phone,
    normalise_tax_code,
    phone_or_none,
    validate_id_number,
    validate_id_number_birth,
    validate_phone,
    validate_recorded_id_number,
    validate_tax_code,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912345678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0084 912 345 678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("(+84) 386 123 456", "0386123456"),  # Viettel's 03x prefix since 2018
        ("0243 825 1234", "02438251234"),  # a Hà Nội fixed line
        ("028 3822 1234", "02838221234"),  # a Thành phố Hồ Chí Minh fixed line
    ],
)
def test_every_usual_spelling_of_a_vietnamese_number_is_stored_in_the_national_form(typed, stored):
    assert normalise_phone(typed) == stored
    validate_phone(typed)


@pytest.mark.parametrize(
    "typed",
    ["", "0123456789", "091234567", "09123456789", "1900 1234", "1800 1234", "+1 202 555 0142", "113", "số"],
)
def test_what_is_not_a_vietnamese_mobile_or_fixed_number_is_refused_in_both_languages(typed):
    with pytest.raises(
        ValidationError, match=r"Số điện thoại không hợp lệ.* / Not a valid Vietnamese"
    ) as error:
        normalise_phone(typed)
    assert error.value.code == "phone"
    assert phone_or_none(typed) is None


def test_a_new_personal_id_number_follows_thong_tu_59():
    validate_id_number("001090123456")  # Hà Nội, a man born in 1990
    validate_id_number("079301234567")  # Thành phố Hồ Chí Minh, a woman born in 2001
    assert birth_year("079301234567") == 2001
    assert normalise_id_number("001 090.123-456") == "001090123456"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("00109012345", "id_number_format"),
        ("0010901234567", "id_number_format"),
        ("003090123456", "id_number_province"),  # 003 is no province code
        ("097090123456", "id_number_province"),
        ("001290123456", "id_number_future"),  # a man born in 2090
        ("123456789", "id_number_legacy"),  # the 9-digit CMND, expired 31/12/2024
    ],
)
def test_a_malformed_id_number_or_an_old_identity_card_is_refused_for_a_new_entry(number, code):
    with pytest.raises(ValidationError) as error:
        validate_id_number(number)
    assert error.value.code == code
    assert " / " in error.value.messages[0]


def test_an_old_record_keeps_its_nine_digit_cmnd_but_a_new_one_does_not():
    validate_recorded_id_number("123456789")
    validate_recorded_id_number("001090123456")
    with pytest.raises(ValidationError):
        validate_recorded_id_number("12345")
    field = IdNumberField()
    with pytest.raises(ValidationError, match="01/01/2025"):
        field.clean("123 456 789")
    assert IdNumberField(legacy=True).clean("123 456 789") == "123456789"


def test_the_id_number_must_agree_with_the_date_of_birth():
    validate_id_number_birth("001090123456", date(1990, 5, 1))
    with pytest.raises(ValidationError, match="thế kỷ"):
        validate_id_number_birth("001290123456", date(1990, 5, 1))
    with pytest.raises(ValidationError, match="năm sinh"):
        validate_id_number_birth("001091123456", date(1990, 5, 1))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("0101234567", "0101234567"), ("0101234567-001", "0101234567-001"), ("0101234567001", "0101234567-001")],
)
def test_an_enterprise_code_is_ten_digits_or_ten_and_a_branch(typed, stored):
    assert normalise_tax_code(typed) == stored
    validate_tax_code(stored)


@pytest.mark.parametrize("typed", ["010123456", "0101234567-01", "01012345678", "MST0101234567"])
def test_a_malformed_tax_code_is_refused(typed):
    with pytest.raises(ValidationError, match="Mã số thuế"):
        normalise_tax_code(typed)


class ContactForm(forms.Form):
    phone = PhoneField(label="Điện thoại")
    id_number = IdNumberField(label="Số định danh", required=False)
    tax_code = TaxCodeField(label="Mã số thuế", required=False)


def test_the_form_fields_store_the_one_spelling_and_refuse_with_the_rule():
    form = ContactForm(
        {"phone": "+84 912 345 678", "id_number": "001 090 123 456", "tax_code": "0101234567001"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "phone": "0912345678",
        "id_number": "001090123456",
        "tax_code": "0101234567-001",
    }
    refused = ContactForm({"phone": "1900 1234", "id_number": "123456789"})
    assert not refused.is_valid()
    assert set(refused.errors) == {"phone", "id_number"}
    assert 'inputmode="tel"' in str(refused["phone"])
