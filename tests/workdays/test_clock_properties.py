"""Properties of the clock that must hold for any start, any duration and any reasonable calendar."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.workdays.calendar import VIETNAM_TZ, Calendar, DayKind, Override
from motcua.workdays.clock import add, elapsed, is_office_time
from motcua.workdays.duration import Duration, Unit
from motcua.workdays.hours import OfficeHours

# Loose enough for a busy CI machine; a year of holidays is read on first use.
DEADLINE = timedelta(seconds=2)
ZONES = st.sampled_from([VIETNAM_TZ, ZoneInfo("UTC"), ZoneInfo("Europe/Paris"), ZoneInfo("America/New_York")])
STARTS = st.builds(
    lambda naive, zone: naive.replace(tzinfo=VIETNAM_TZ).astimezone(zone),
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2098, 12, 1)),
    ZONES,
)
HOURS = st.sampled_from(
    [
        "08:00-12:00,13:00-17:00",
        "07:30-11:30,13:30-17:00",
        "07:00-11:00,13:00-16:30",
        "08:00-17:00",
        "06:00-08:00,09:00-10:15,14:00-20:45",
    ]
)
# Amounts with at most two decimals convert to office time exactly, as the law writes them.
DAY_AMOUNTS = st.integers(min_value=0, max_value=4000).map(lambda n: Decimal(n) / 100)
HOUR_AMOUNTS = st.integers(min_value=0, max_value=30000).map(lambda n: Decimal(n) / 100)
WORKING_TIME = st.one_of(
    DAY_AMOUNTS.map(Duration.working_days),
    HOUR_AMOUNTS.map(Duration.working_hours),
)


@st.composite
def calendars(draw) -> Calendar:
    """Holidays.VN with office hours from the list and a few random overrides near the start years."""
    overrides = draw(
        st.lists(
            st.builds(
                Override,
                st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)),
                st.sampled_from(list(DayKind)),
                st.just("Điều chỉnh thử"),
            ),
            max_size=20,
        )
    )
    return Calendar(office_hours=OfficeHours.parse(draw(HOURS)), overrides=overrides)


@st.composite
def calendars_near(draw, start: datetime) -> Calendar:
    """Overrides in the weeks after `start`, where they change the result."""
    first = start.astimezone(VIETNAM_TZ).date()
    overrides = draw(
        st.lists(
            st.builds(
                Override,
                st.integers(min_value=0, max_value=60).map(lambda n: first + timedelta(days=n)),
                st.sampled_from(list(DayKind)),
            ),
            max_size=10,
        )
    )
    return Calendar(office_hours=OfficeHours.parse(draw(HOURS)), overrides=overrides)


@settings(max_examples=300, deadline=DEADLINE)
@given(data=st.data(), start=STARTS, duration=WORKING_TIME)
def test_the_working_time_elapsed_until_the_due_instant_is_the_duration(data, start, duration):
    calendar = data.draw(calendars_near(start))
    due = add(start, duration, calendar)
    assert elapsed(start, due, [], calendar) == duration.office_time(calendar.day_length)


@settings(max_examples=300, deadline=DEADLINE)
@given(data=st.data(), start=STARTS, first=DAY_AMOUNTS, second=DAY_AMOUNTS, unit=st.sampled_from(["d", "h"]))
def test_adding_twice_is_adding_the_sum(data, start, first, second, unit):
    calendar = data.draw(calendars_near(start))
    a, b = Duration(first, Unit(unit)), Duration(second, Unit(unit))
    assert add(add(start, a, calendar), b, calendar) == add(start, a + b, calendar)


@settings(max_examples=300, deadline=DEADLINE)
@given(start=STARTS, duration=WORKING_TIME, calendar=calendars())
def test_working_time_deadlines_fall_in_office_time_on_working_days(start, duration, calendar):
    due = add(start, duration, calendar)
    assert calendar.is_working_day(due.date())
    assert is_office_time(due, calendar)
    assert due >= start
    assert due.tzinfo is calendar.tz


@settings(max_examples=300, deadline=DEADLINE)
@given(data=st.data(), start=STARTS, days=st.integers(min_value=0, max_value=400))
def test_calendar_day_deadlines_fall_at_closing_time_of_a_working_day(data, start, days):
    calendar = data.draw(calendars_near(start))
    due = add(start, Duration.calendar_days(days), calendar)
    assert calendar.is_working_day(due.date())
    assert is_office_time(due, calendar)
    assert due.timetz().replace(tzinfo=None) == calendar.office_hours.closing_time
    assert due.date() >= start.astimezone(VIETNAM_TZ).date() + timedelta(days=days)


@settings(max_examples=200, deadline=DEADLINE)
@given(data=st.data(), start=STARTS, duration=WORKING_TIME)
def test_more_working_time_never_gives_an_earlier_deadline(data, start, duration):
    calendar = data.draw(calendars_near(start))
    longer = duration + Duration(Decimal("0.01"), duration.unit)
    assert add(start, duration, calendar) <= add(start, longer, calendar)


PAUSES = st.lists(st.tuples(st.integers(-3000, 50000), st.integers(0, 5000)), max_size=6)


@settings(max_examples=300, deadline=DEADLINE)
@given(data=st.data(), start=STARTS, span=st.integers(min_value=0, max_value=30 * 24 * 60), pauses=PAUSES)
def test_pauses_only_ever_take_time_away(data, start, span, pauses):
    calendar = data.draw(calendars_near(start))
    end = start + timedelta(minutes=span)
    intervals = [
        (start + timedelta(minutes=b), start + timedelta(minutes=b + length)) for b, length in pauses
    ]
    total = elapsed(start, end, [], calendar)
    assert timedelta() <= elapsed(start, end, intervals, calendar) <= total
    assert elapsed(start, end, intervals + intervals, calendar) == elapsed(start, end, intervals, calendar)


@settings(max_examples=100, deadline=None)  # counting minute by minute is slow on purpose
@given(
    data=st.data(),
    start=STARTS.map(lambda moment: moment.astimezone(VIETNAM_TZ).replace(second=0, microsecond=0)),
    span=st.integers(min_value=0, max_value=2 * 24 * 60),
    pauses=st.lists(st.tuples(st.integers(-600, 3000), st.integers(0, 900)), max_size=6),
)
def test_elapsed_with_pauses_matches_counting_minute_by_minute(data, start, span, pauses):
    """Each office minute counts once unless some pause covers it: slow, but obviously right."""
    calendar = data.draw(calendars_near(start))
    end = start + timedelta(minutes=span)
    intervals = [
        (start + timedelta(minutes=b), start + timedelta(minutes=b + length)) for b, length in pauses
    ]
    expected = timedelta()
    for minute in range(span):
        middle = start + timedelta(minutes=minute, seconds=30)
        if is_office_time(middle, calendar) and not any(b <= middle < e for b, e in intervals):
            expected += timedelta(minutes=1)
    assert elapsed(start, end, intervals, calendar) == expected
