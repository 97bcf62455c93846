"""Which days are working days: holidays.VN (lunar dates for UTC+7, announced swaps) plus overrides."""

from datetime import date, datetime, timedelta

import holidays
import pytest

from motcua.workdays.calendar import Calendar, DayInfo, DayKind, DayStatus, Override
from motcua.workdays.public_holidays import HolidayYear, vietnam_holiday_year

NATIONAL = Calendar()


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_tet_2025_civil_servants_are_off_from_saturday_25_1_to_sunday_2_2():
    assert not any(NATIONAL.is_working_day(day) for day in days(date(2025, 1, 25), date(2025, 2, 2)))
    assert NATIONAL.is_working_day(date(2025, 1, 24))
    assert NATIONAL.is_working_day(date(2025, 2, 3))
    assert NATIONAL.describe(date(2025, 1, 29)) == DayInfo(
        date(2025, 1, 29), DayStatus.HOLIDAY, "Tết Nguyên Đán"
    )


def test_tet_2026_civil_servants_are_off_from_saturday_14_2_to_sunday_22_2():
    assert not any(NATIONAL.is_working_day(day) for day in days(date(2026, 2, 14), date(2026, 2, 22)))
    assert NATIONAL.is_working_day(date(2026, 2, 13))
    assert NATIONAL.is_working_day(date(2026, 2, 23))


def test_hung_kings_day_2026_falls_on_sunday_so_monday_27_4_is_the_compensatory_day():
    assert NATIONAL.describe(date(2026, 4, 26)).name == "Ngày Giỗ Tổ Hùng Vương"
    assert NATIONAL.describe(date(2026, 4, 27)) == DayInfo(
        date(2026, 4, 27), DayStatus.HOLIDAY, "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"
    )


def test_saturday_26_4_2025_is_a_make_up_working_day_for_friday_2_5():
    assert NATIONAL.describe(date(2025, 4, 26)) == DayInfo(
        date(2025, 4, 26), DayStatus.MAKE_UP, "Ngày làm việc bù (thay cho ngày 02/05/2025)"
    )
    assert NATIONAL.is_working_day(date(2025, 4, 26))
    assert not NATIONAL.is_working_day(date(2025, 5, 2))


def test_a_swap_across_the_year_end_is_named_after_its_day_off():
    # Saturday 27/12/2014 was worked so that Friday 2/1/2015 could be off.
    assert NATIONAL.describe(date(2014, 12, 27)).name == "Ngày làm việc bù (thay cho ngày 02/01/2015)"
    assert date(2014, 12, 27) in vietnam_holiday_year(2014).make_up_days
    assert date(2014, 12, 27) not in vietnam_holiday_year(2015).make_up_days


def test_tet_uses_the_vietnamese_lunar_calendar_not_the_chinese_one():
    assert NATIONAL.describe(date(2030, 2, 2)).name == "Tết Nguyên Đán"  # China: 3/2/2030
    assert NATIONAL.describe(date(2007, 2, 17)).name == "Tết Nguyên Đán"  # China: 18/2/2007
    assert NATIONAL.describe(date(1985, 1, 21)).name == "Tết Nguyên Đán"  # China: 20/2/1985


def test_weekends_and_ordinary_weekdays():
    assert NATIONAL.describe(date(2026, 3, 7)).status is DayStatus.WEEKEND
    assert NATIONAL.describe(date(2026, 3, 9)) == DayInfo(date(2026, 3, 9), DayStatus.WORKING)


def test_overrides_win_over_the_holidays_package():
    calendar = Calendar(
        overrides=[
            Override(date(2026, 2, 23), DayKind.OFF, "Nghỉ thêm sau Tết"),
            Override(date(2026, 2, 20), DayKind.WORK, "Làm việc ngày mùng bốn"),
            Override(date(2026, 3, 7), DayKind.WORK, "Làm bù thứ bảy"),
        ]
    )
    assert calendar.describe(date(2026, 2, 23)) == DayInfo(
        date(2026, 2, 23), DayStatus.HOLIDAY, "Nghỉ thêm sau Tết"
    )
    assert calendar.describe(date(2026, 2, 20)) == DayInfo(
        date(2026, 2, 20), DayStatus.MAKE_UP, "Làm việc ngày mùng bốn"
    )
    assert calendar.is_working_day(date(2026, 3, 7))


def test_a_later_override_of_the_same_day_wins_so_the_province_beats_the_nation():
    national = Override(date(2026, 5, 4), DayKind.OFF, "Nghỉ toàn quốc")
    provincial = Override(date(2026, 5, 4), DayKind.WORK, "Tỉnh làm việc")
    assert Calendar(overrides=[national, provincial]).is_working_day(date(2026, 5, 4))


def test_with_overrides_and_with_office_hours_leave_the_original_alone():
    extra = NATIONAL.with_overrides([Override(date(2026, 3, 9), "off", "Nghỉ")])
    assert not extra.is_working_day(date(2026, 3, 9))
    assert NATIONAL.is_working_day(date(2026, 3, 9))
    assert extra.with_office_hours(NATIONAL.office_hours).overrides == extra.overrides


def test_notable_days_list_weekend_holidays_and_make_up_days_in_order():
    notable = NATIONAL.notable_days(2026)
    assert [info.day for info in notable] == sorted(info.day for info in notable)
    assert DayInfo(date(2026, 4, 26), DayStatus.HOLIDAY, "Ngày Giỗ Tổ Hùng Vương") in notable  # a Sunday
    assert (
        DayInfo(date(2026, 8, 22), DayStatus.MAKE_UP, "Ngày làm việc bù (thay cho ngày 31/08/2026)")
        in notable
    )
    # Days off, make-up days, and days the package adds that no row confirmed (24/11: still a working day).
    assert all(info.status in (DayStatus.HOLIDAY, DayStatus.MAKE_UP) or info.unconfirmed for info in notable)


def test_notable_days_include_overrides():
    calendar = Calendar(overrides=[Override(date(2026, 3, 9), DayKind.OFF, "Nghỉ bầu cử")])
    assert DayInfo(date(2026, 3, 9), DayStatus.HOLIDAY, "Nghỉ bầu cử") in calendar.notable_days(2026)


def test_an_injected_holiday_source_replaces_holidays_vn():
    def no_holidays(year: int) -> HolidayYear:
        return HolidayYear(year, {}, {})

    plain = Calendar(public_holidays=no_holidays)
    assert plain.is_working_day(date(2026, 2, 17))


def test_a_six_day_week_is_possible():
    assert Calendar(working_weekdays=range(6)).is_working_day(date(2026, 3, 7))


@pytest.mark.parametrize("weekdays", [[], [7]])
def test_weekdays_must_make_sense(weekdays):
    with pytest.raises(ValueError, match="weekdays are 0–6"):
        Calendar(working_weekdays=weekdays)


@pytest.mark.parametrize("year", [1900, 2100])
def test_years_outside_the_lunar_tables_are_refused(year):
    with pytest.raises(ValueError, match=f"year {year} is outside the supported range 1901–2099"):
        NATIONAL.describe(date(year, 6, 1))


def test_a_calendar_with_a_year_of_days_off_stops_searching():
    start = date(2026, 1, 1)
    calendar = Calendar(overrides=[Override(start + timedelta(days=n), DayKind.OFF) for n in range(400)])
    with pytest.raises(ValueError, match="no working day for a year"):
        calendar.next_working_day(start)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="datetime must be timezone-aware"):
        NATIONAL.localize(datetime(2026, 3, 9, 8))


def test_two_names_on_one_date_are_joined_with_a_semicolon(monkeypatch):
    """holidays.VN never has two on one date today; if a release adds one, both names must show."""
    original = holidays.country_holidays

    def with_a_second_name(*args, **kwargs):
        result = original(*args, **kwargs)
        result[date(2026, 9, 2)] = "Ngày thử"
        return result

    monkeypatch.setattr(holidays, "country_holidays", with_a_second_name)
    vietnam_holiday_year.cache_clear()
    try:
        assert vietnam_holiday_year(2026).days_off[date(2026, 9, 2)] == "Ngày thử; Quốc khánh"
    finally:
        vietnam_holiday_year.cache_clear()
