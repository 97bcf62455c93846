"""Time limits are values: amount and unit travel together, and working units become office time."""

from datetime import timedelta
from decimal import Decimal

import pytest

from motcua.workdays.duration import Duration, Unit

EIGHT_HOURS = timedelta(hours=8)


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("3d", "3", Unit.WORKING_DAYS),
        ("0.5d", "0.5", Unit.WORKING_DAYS),
        ("4h", "4", Unit.WORKING_HOURS),
        ("15cd", "15", Unit.CALENDAR_DAYS),
        ("0d", "0", Unit.WORKING_DAYS),
        ("2D", "2", Unit.WORKING_DAYS),
    ],
)
def test_parse_reads_the_cli_notation(text, amount, unit):
    assert Duration.parse(text) == Duration(Decimal(amount), unit)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-3d", "Thời hạn không được âm: '-3d' / a duration must not be negative: '-3d'"),
        (
            "3x",
            "Đơn vị thời hạn không hợp lệ: 'x' (dùng d, h, cd, sd hoặc im)"
            " / unknown unit 'x' (use d, h, cd, sd or im)",
        ),
        (
            "3",
            "Thiếu đơn vị thời hạn: '3' (dùng d, h, cd, sd hoặc im)"
            " / missing unit in '3' (use d, h, cd, sd or im)",
        ),
        (
            "ba ngày",
            "Thời hạn không hợp lệ: 'ba ngày' (ví dụ 3d, 0.5d, 4h, 15cd, sd@15:00, im)"
            " / invalid duration 'ba ngày' (e.g. 3d, 0.5d, 4h, 15cd, sd@15:00, im)",
        ),
        ("1.5cd", "Số ngày theo lịch phải là số nguyên: 1.5 / calendar days must be a whole number: 1.5"),
    ],
)
def test_parse_says_what_is_wrong_in_both_languages(text, message):
    with pytest.raises(ValueError, match=" / ") as error:
        Duration.parse(text)
    assert str(error.value) == message


def test_half_a_working_day_is_half_the_office_day_not_twelve_hours():
    assert Duration.working_days("0.5").office_time(EIGHT_HOURS) == timedelta(hours=4)


def test_a_working_day_follows_the_office_hours_in_force():
    assert Duration.working_days(1).office_time(timedelta(hours=7, minutes=30)) == timedelta(
        hours=7, minutes=30
    )


def test_working_hours_do_not_depend_on_the_day_length():
    assert Duration.working_hours("1.25").office_time(EIGHT_HOURS) == timedelta(hours=1, minutes=15)


def test_calendar_days_are_not_office_time():
    with pytest.raises(ValueError, match="calendar days, same day and immediately are not office time"):
        Duration.calendar_days(15).office_time(EIGHT_HOURS)


def test_conversion_never_rounds_a_deadline_down():
    assert Duration.working_days("0.00000000001").office_time(EIGHT_HOURS) == timedelta(microseconds=1)


def test_same_units_add_up_and_different_units_do_not():
    assert Duration.working_days("2.5") + Duration.working_days("0.5") == Duration.working_days(3)
    with pytest.raises(TypeError):
        Duration.working_days(1) + Duration.working_hours(8)


def test_text_form_round_trips():
    for text in ("3d", "0.5d", "4h", "15cd", "0d"):
        assert str(Duration.parse(text)) == text


def test_floats_are_refused_because_they_are_inexact():
    with pytest.raises(TypeError):
        Duration.working_days(0.1)  # type: ignore[arg-type]


def test_negative_amounts_are_refused_by_the_value_itself():
    with pytest.raises(ValueError, match="must not be negative"):
        Duration.working_hours(-1)
