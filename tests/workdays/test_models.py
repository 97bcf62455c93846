"""Office hours are legal parameters with effective dates; the rows must be valid before they are used."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from motcua.workdays.models import DayOverride, OfficeHours

pytestmark = pytest.mark.django_db


def hours(**fields) -> OfficeHours:
    values = {
        "periods": "07:30-11:30,13:30-17:00",
        "valid_from": date(2026, 1, 1),
        "legal_basis": "QĐ số 1/2026",
    }
    return OfficeHours(**{**values, **fields})


def test_valid_office_hours_pass_and_convert_to_the_clock_value():
    row = hours()
    row.full_clean()
    assert str(row.as_value()) == "07:30-11:30,13:30-17:00"


def test_unreadable_periods_are_refused_in_both_languages():
    with pytest.raises(ValidationError) as error:
        hours(periods="7h30-11h30").full_clean()
    assert error.value.message_dict["periods"] == [
        "Khoảng giờ không hợp lệ: '7h30-11h30' (cần HH:MM-HH:MM)"
        " / invalid period '7h30-11h30' (expected HH:MM-HH:MM)"
    ]


def test_valid_to_must_not_precede_valid_from():
    with pytest.raises(ValidationError, match="The end of validity cannot be before its start"):
        hours(valid_to=date(2025, 12, 31)).full_clean()


def test_two_rows_of_one_scope_cannot_be_in_force_on_the_same_day(province):
    hours(valid_to=date(2026, 6, 30)).save()
    with pytest.raises(ValidationError, match="overlaps other office hours of the same scope"):
        hours(valid_from=date(2026, 6, 1)).full_clean()
    hours(valid_from=date(2026, 7, 1)).full_clean()
    hours(valid_from=date(2026, 6, 1), province=province.unit).full_clean()


def test_an_open_ended_row_overlaps_everything_after_it():
    hours().save()
    with pytest.raises(ValidationError, match="overlaps"):
        hours(valid_from=date(2020, 1, 1), valid_to=date(2026, 1, 1)).full_clean()
    hours(valid_from=date(2020, 1, 1), valid_to=date(2025, 12, 31)).full_clean()


def test_override_text_names_day_kind_and_name():
    override = DayOverride(date=date(2026, 2, 23), kind="off", name="Nghỉ thêm")
    assert str(override) == "23/02/2026 Ngày nghỉ: Nghỉ thêm"


def test_the_admin_form_check_reports_a_duplicate_national_day():
    DayOverride.objects.create(date=date(2026, 5, 4), kind="off", name="A", legal_basis="B")
    with pytest.raises(ValidationError, match="this day already has a national override"):
        DayOverride(date=date(2026, 5, 4), kind="work", name="C", legal_basis="D").full_clean()
