"""Deadlines as the law counts them: working time runs in office hours on working days only."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from motcua.workdays.calendar import VIETNAM_TZ, Calendar, DayKind, Override
from motcua.workdays.clock import add, is_office_time, next_office_instant
from motcua.workdays.duration import Duration
from motcua.workdays.hours import OfficeHours

NATIONAL = Calendar()


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


def due(start: datetime, text: str, calendar: Calendar = NATIONAL) -> datetime:
    return add(start, Duration.parse(text), calendar)


def test_dossier_received_at_1630_on_the_friday_before_tet_2026_with_3_working_days():
    # 30 minutes on Friday 13/2, nothing from 14/2 to 22/2, 8 hours on 23/2 and 24/2, 7.5 hours on 25/2.
    assert due(at(2026, 2, 13, 16, 30), "3d") == at(2026, 2, 25, 16, 30)


def test_dossier_received_at_1630_on_the_friday_before_tet_2026_with_15_calendar_days():
    # 13/2 + 15 days is Saturday 28/2, so the deadline moves to the end of Monday 2/3.
    assert due(at(2026, 2, 13, 16, 30), "15cd") == at(2026, 3, 2, 17)


def test_half_a_working_day_from_10_00_is_15_00_after_the_lunch_break():
    assert due(at(2026, 2, 13, 10), "0.5d") == at(2026, 2, 13, 15)


def test_three_working_days_from_10_00_end_at_10_00_three_working_days_later():
    assert due(at(2026, 3, 9, 10), "3d") == at(2026, 3, 12, 10)


def test_one_working_day_from_08_00_ends_at_17_00_the_same_day_not_08_00_the_next():
    assert due(at(2026, 3, 9, 8), "1d") == at(2026, 3, 9, 17)


def test_time_that_runs_out_at_noon_is_due_at_noon_not_after_lunch():
    assert due(at(2026, 3, 9, 8), "4h") == at(2026, 3, 9, 12)


def test_a_dossier_received_online_at_night_counts_from_the_next_morning():
    assert due(at(2026, 3, 9, 21), "1h") == at(2026, 3, 10, 9)


def test_a_dossier_received_at_lunch_counts_from_13_00():
    assert due(at(2026, 3, 9, 12, 15), "2h") == at(2026, 3, 9, 15)


def test_a_dossier_received_on_saturday_counts_from_monday():
    assert due(at(2026, 3, 7, 9), "1d") == at(2026, 3, 9, 17)


def test_zero_duration_keeps_an_office_instant_including_the_end_of_a_period():
    assert due(at(2026, 3, 9, 10), "0d") == at(2026, 3, 9, 10)
    assert due(at(2026, 3, 9, 12), "0h") == at(2026, 3, 9, 12)
    assert due(at(2026, 3, 9, 17), "0d") == at(2026, 3, 9, 17)


def test_zero_duration_outside_office_time_is_the_next_period_begin():
    assert due(at(2026, 3, 9, 12, 1), "0d") == at(2026, 3, 9, 13)
    assert due(at(2026, 2, 13, 17, 1), "0d") == at(2026, 2, 23, 8)
    assert next_office_instant(at(2026, 3, 9, 7), NATIONAL) == at(2026, 3, 9, 8)


def test_tet_2025_from_friday_24_1_at_16_30_with_3_working_days():
    assert due(at(2025, 1, 24, 16, 30), "3d") == at(2025, 2, 5, 16, 30)


def test_hung_kings_compensatory_monday_27_4_2026_is_skipped():
    # Friday 24/4 10:00 + 1 day: Monday 27/4 is the compensatory day off, so Tuesday 28/4 10:00.
    assert due(at(2026, 4, 24, 10), "1d") == at(2026, 4, 28, 10)


def test_the_make_up_saturday_26_4_2025_is_a_working_day():
    assert due(at(2025, 4, 25, 10), "1d") == at(2025, 4, 26, 10)
    # and the day off it pays for, Friday 2/5, is skipped along with 30/4 and 1/5.
    assert due(at(2025, 4, 29, 10), "1d") == at(2025, 5, 5, 10)


def test_working_days_cross_the_year_end():
    assert due(at(2026, 12, 31, 16), "1d") == at(2027, 1, 4, 16)


def test_an_override_day_off_pushes_the_deadline_and_a_make_up_day_pulls_it():
    start = at(2026, 3, 6, 10)  # a Friday
    extra_day_off = NATIONAL.with_overrides([Override(at(2026, 3, 9).date(), DayKind.OFF, "Nghỉ")])
    make_up_saturday = NATIONAL.with_overrides([Override(at(2026, 3, 7).date(), DayKind.WORK, "Làm bù")])
    assert due(start, "1d") == at(2026, 3, 9, 10)
    assert due(start, "1d", extra_day_off) == at(2026, 3, 10, 10)
    assert due(start, "1d", make_up_saturday) == at(2026, 3, 7, 10)


def test_custom_office_hours_change_both_the_periods_and_the_length_of_a_day():
    calendar = NATIONAL.with_office_hours(OfficeHours.parse("07:30-11:30,13:30-17:00"))
    assert calendar.day_length == timedelta(hours=7, minutes=30)
    assert due(at(2026, 3, 9, 7, 30), "1d", calendar) == at(2026, 3, 9, 17)
    assert due(at(2026, 3, 9, 11), "1h", calendar) == at(2026, 3, 9, 14)
    assert due(at(2026, 3, 9, 12), "0h", calendar) == at(2026, 3, 9, 13, 30)
    assert due(at(2026, 3, 9, 9), "2cd", calendar) == at(2026, 3, 11, 17)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.25d", at(2026, 3, 9, 10)),
        ("0.5d", at(2026, 3, 9, 12)),
        ("0.75d", at(2026, 3, 9, 15)),
        ("1.5d", at(2026, 3, 10, 12)),
        ("2.125d", at(2026, 3, 11, 9)),
        ("1.5h", at(2026, 3, 9, 9, 30)),
    ],
)
def test_fractional_days_and_hours_are_fractions_of_office_time(text, expected):
    assert due(at(2026, 3, 9, 8), text) == expected


def test_calendar_days_end_at_closing_time_even_when_counted_from_morning():
    assert due(at(2026, 3, 9, 8), "1cd") == at(2026, 3, 10, 17)
    assert due(at(2026, 3, 9, 8), "0cd") == at(2026, 3, 9, 17)


def test_calendar_days_received_after_hours_count_from_the_next_office_day():
    # Received Friday 6/3 at 18:00: counted from Monday 9/3, so 1 calendar day ends Tuesday 10/3 17:00.
    assert due(at(2026, 3, 6, 18), "1cd") == at(2026, 3, 10, 17)


def test_a_start_in_another_zone_is_converted_and_the_result_is_in_vietnam_time():
    paris = datetime(2026, 3, 9, 2, 0, tzinfo=ZoneInfo("Europe/Paris"))  # 08:00 in Hà Nội
    result = add(paris, Duration.parse("1h"), NATIONAL)
    assert result == at(2026, 3, 9, 9)
    assert result.tzinfo is VIETNAM_TZ


def test_results_are_office_instants():
    assert is_office_time(due(at(2026, 2, 13, 16, 30), "3d"), NATIONAL)
    assert is_office_time(at(2026, 3, 9, 17), NATIONAL)
    assert not is_office_time(at(2026, 3, 9, 12, 30), NATIONAL)
    assert not is_office_time(at(2026, 2, 17, 10), NATIONAL)


def test_a_deadline_after_2099_is_refused():
    with pytest.raises(ValueError, match="the deadline falls after 2099"):
        due(at(2099, 12, 31, 16), "1d")
    with pytest.raises(ValueError, match="the deadline falls after 2099"):
        due(at(2099, 12, 31, 16), "5cd")
    with pytest.raises(ValueError, match="the deadline falls after 2099"):
        due(at(2026, 1, 1, 8), "99999999cd")


def test_the_clock_counts_real_hours_across_a_daylight_saving_change():
    """Vietnam has no DST, but the engine must not assume that: arithmetic runs in UTC."""
    berlin = ZoneInfo("Europe/Berlin")
    calendar = Calendar(office_hours=OfficeHours.parse("01:00-04:00"), tz=berlin, working_weekdays=range(7))
    # On 29/3/2026 clocks jump from 02:00 to 03:00, so the period 01:00–04:00 lasts two real hours.
    start = datetime(2026, 3, 29, 1, 0, tzinfo=berlin)
    assert add(start, Duration.working_hours(2), calendar) == datetime(2026, 3, 29, 4, 0, tzinfo=berlin)
    assert add(start, Duration.working_hours(3), calendar) == datetime(2026, 3, 30, 2, 0, tzinfo=berlin)
