"""Issue 13, problem 9: a day off that only the holidays package adds counts only when an override row with
its legal basis confirms it, and a future year's Tết is labelled a forecast until its notice is recorded."""

from datetime import date, datetime
from io import StringIO

import pytest
from django.core.management import call_command

from motcua.workdays.calendar import VIETNAM_TZ, Calendar, DayKind, DayStatus, Override
from motcua.workdays.clock import add
from motcua.workdays.duration import Duration
from motcua.workdays.models import DayOverride, OfficeHours

CULTURE_DAY = date(2026, 11, 24)  # a Tuesday


def test_culture_day_is_a_working_day_marked_unconfirmed_until_a_row_confirms_it():
    info = Calendar().describe(CULTURE_DAY)
    assert info.status is DayStatus.WORKING
    assert info.unconfirmed
    assert info.name == "Ngày Văn hóa Việt Nam (chưa xác nhận là ngày nghỉ)"
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=VIETNAM_TZ)
    assert add(monday, Duration.working_days(1), Calendar()) == datetime(
        2026, 11, 24, 10, 0, tzinfo=VIETNAM_TZ
    )

    confirmed = Calendar(overrides=[Override(CULTURE_DAY, DayKind.OFF, "Ngày Văn hóa Việt Nam")])
    assert confirmed.describe(CULTURE_DAY).status is DayStatus.HOLIDAY
    assert add(monday, Duration.working_days(1), confirmed) == datetime(
        2026, 11, 25, 10, 0, tzinfo=VIETNAM_TZ
    )


def test_labour_code_holidays_need_no_confirmation():
    assert Calendar().describe(date(2026, 9, 2)).status is DayStatus.HOLIDAY
    assert not Calendar().describe(date(2026, 9, 2)).unconfirmed


def test_a_future_years_tet_is_a_forecast_until_an_override_records_the_notice():
    calendar = Calendar(announced_through=2026)
    assert calendar.describe(date(2026, 2, 17)).forecast is False
    tet_2027 = calendar.describe(date(2027, 2, 6))
    assert tet_2027.forecast
    assert tet_2027.name == "Tết Nguyên Đán (dự báo)"
    assert calendar.describe(date(2027, 1, 1)).forecast is False  # a fixed date is no forecast
    announced = Calendar(announced_through=2026, announced_years=[2027])
    assert announced.describe(date(2027, 2, 6)).forecast is False


def run(*args: str) -> str:
    out = StringIO()
    call_command("workdays", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_cli_and_the_calendar_page_say_unconfirmed_and_forecast(client, settings):
    listing = run("holidays", "2026", "2027")
    assert "2026-11-24\twork\tNgày Văn hóa Việt Nam (chưa xác nhận là ngày nghỉ)" in listing
    assert "2027-02-06\toff\tTết Nguyên Đán (dự báo)" in listing
    page = client.get("/lich-lam-viec/2027/").content.decode()
    assert "Tết Nguyên Đán (dự báo)" in page

    DayOverride.objects.create(
        date=CULTURE_DAY,
        kind="off",
        name="Ngày Văn hóa Việt Nam",
        legal_basis="Bộ luật Lao động sửa đổi (thử)",
    )
    DayOverride.objects.create(
        date=date(2027, 2, 6), kind="off", name="Tết Nguyên Đán", legal_basis="Thông báo của Thủ tướng (thử)"
    )
    listing = run("holidays", "2026", "2027")
    assert "2026-11-24\toff\tNgày Văn hóa Việt Nam\n" in listing
    assert "(dự báo)" not in listing
    assert run("due", "2026-11-23T10:00", "1d", "--period-end", "clock_time") == "2026-11-25T10:00\n"


@pytest.mark.django_db
def test_problem_11_the_posted_office_hours_are_the_rows_the_clock_uses():
    """The demo centres post 7:30–11:30 and 13:30–17:00: as a row, the clock counts with them (Saturday
    morning reception is not modelled: Saturday stays a weekly rest day for the legal time)."""
    # The default hours (08–12, 13–17): the clock starts at 08:00, half a day is 4 hours.
    assert run("due", "2026-03-09T07:45", "0.5d", "--period-end", "clock_time") == "2026-03-09T12:00\n"
    OfficeHours.objects.create(
        periods="07:30-11:30,13:30-17:00",
        valid_from=date(2026, 1, 1),
        legal_basis="Quyết định của UBND tỉnh (thử)",
    )
    # Half a working day is 3 h 45 min of the 7 h 30 min day: from 07:45 to 11:30.
    assert run("due", "2026-03-09T07:45", "0.5d", "--period-end", "clock_time") == "2026-03-09T11:30\n"
    assert run("due", "2026-03-09T07:45", "1d") == "2026-03-10T17:00\n"
