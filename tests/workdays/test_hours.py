"""Office hours are data ("08:00-12:00,13:00-17:00") that must make sense before the clock uses them."""

from datetime import time, timedelta

import pytest

from motcua.workdays.hours import DEFAULT_OFFICE_HOURS, OfficeHours, OfficePeriod


def test_default_hours_are_two_periods_of_four_hours():
    assert DEFAULT_OFFICE_HOURS.periods == (
        OfficePeriod(time(8), time(12)),
        OfficePeriod(time(13), time(17)),
    )
    assert DEFAULT_OFFICE_HOURS.day_length == timedelta(hours=8)
    assert DEFAULT_OFFICE_HOURS.closing_time == time(17)


def test_parse_accepts_spaces_and_single_digit_hours():
    hours = OfficeHours.parse(" 7:30-11:30 , 13:30 - 17:00 ")
    assert str(hours) == "07:30-11:30,13:30-17:00"
    assert hours.day_length == timedelta(hours=7, minutes=30)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("", "invalid period '' (expected HH:MM-HH:MM)"),
        ("8-12", "invalid period '8-12' (expected HH:MM-HH:MM)"),
        ("12:00-08:00", "a period must begin before it ends: 12:00-08:00"),
        ("08:00-08:00", "a period must begin before it ends: 08:00-08:00"),
        (
            "13:00-17:00,08:00-12:00",
            "periods must be in order and must not overlap: 13:00-17:00, 08:00-12:00",
        ),
        (
            "08:00-12:30,12:00-17:00",
            "periods must be in order and must not overlap: 08:00-12:30, 12:00-17:00",
        ),
        ("08:00-24:00", "no such time of day: '08:00-24:00'"),
        ("08:00-12:00,", "invalid period '' (expected HH:MM-HH:MM)"),
    ],
)
def test_bad_hours_are_refused_with_a_bilingual_message(text, english):
    with pytest.raises(ValueError, match=" / ") as error:
        OfficeHours.parse(text)
    assert str(error.value).endswith(english)


def test_periods_may_touch():
    assert OfficeHours.parse("08:00-12:00,12:00-16:00").day_length == timedelta(hours=8)
