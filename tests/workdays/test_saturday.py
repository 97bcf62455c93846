"""Saturday mornings at the service centres (issue 13, problem 11): the centres receive and return on
Saturday, as the dated office-hours row says, but Saturday is not a working day, so no Saturday time counts
towards an appointment, and a Saturday that is a holiday is closed."""

from datetime import date, datetime, timedelta

import pytest

from motcua.workdays import clock
from motcua.workdays.calendar import VIETNAM_TZ, Calendar, Override, PeriodEnd
from motcua.workdays.duration import Duration, Unit
from motcua.workdays.hours import OfficeHours
from motcua.workdays.loader import calendar_for
from motcua.workdays.models import OfficeHours as OfficeHoursRow

WEEKDAYS = OfficeHours.parse("07:30-11:30,13:30-17:00")
SATURDAY = OfficeHours.parse("07:30-11:30")
# Saturday 21/11/2026, Monday 23/11/2026; Tuesday 24/11 is Culture Day only when a row confirms it.
FRI, SAT, MON = date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 23)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=VIETNAM_TZ)


def calendar(**kwargs) -> Calendar:
    return Calendar(office_hours=WEEKDAYS, saturday_hours=SATURDAY, **kwargs)


def test_the_saturday_session_is_posted_but_not_counted():
    cal = calendar()
    assert cal.reception_periods(SAT) == [(at(SAT, 7, 30), at(SAT, 11, 30))]
    assert cal.reception_periods(SAT + timedelta(days=1)) == []  # Sunday
    assert not cal.is_working_day(SAT)
    assert cal.office_periods(SAT) == []
    assert len(cal.reception_periods(MON)) == 2
    # Without Saturday hours the centre is closed on Saturday.
    assert Calendar(office_hours=WEEKDAYS).reception_periods(SAT) == []


def test_a_saturday_that_is_a_day_off_has_no_session():
    cal = calendar(overrides=[Override(SAT, "off", "Nghỉ bù (thử)")])
    assert cal.reception_periods(SAT) == []
    # 2/9/2028 (National Day) falls on a Saturday: the holiday closes the session.
    assert calendar().reception_periods(date(2028, 9, 2)) == []


@pytest.mark.parametrize("rule", list(PeriodEnd))
@pytest.mark.parametrize(
    "duration",
    [Duration.working_days(1), Duration.working_days(3), Duration.working_hours(4), Duration.same_day(None)],
    ids=["1d", "3d", "4h", "same-day"],
)
def test_a_dossier_received_on_saturday_counts_no_saturday_time(duration, rule):
    cal = calendar().with_period_end(rule)
    due = clock.add(at(SAT, 9, 15), duration, cal)
    if rule is PeriodEnd.END_OF_DAY and duration.unit is Unit.WORKING_DAYS:
        # Civil Code Art. 147: the day of the event (Saturday) is not counted and Monday is the first day,
        # as for a dossier received after Friday's close.
        assert due == clock.add(at(FRI, 17, 30), duration, cal)
        if duration == Duration.working_days(1):
            assert due == at(MON, 17, 0)
    else:
        # Office time runs from Monday's opening, as for a dossier received then.
        assert due == clock.add(at(MON, 7, 30), duration, cal)
    assert due.weekday() < 5
    # Nothing between the Saturday receipt and Monday's opening counts.
    assert clock.elapsed(at(SAT, 9, 15), at(MON, 7, 30), [], cal) == timedelta()


def test_the_calendar_reads_the_saturday_hours_from_the_dated_row(db):
    OfficeHoursRow.objects.create(
        periods="07:30-11:30,13:30-17:00",
        saturday_periods="07:30-11:30",
        valid_from=date(2025, 7, 1),
        legal_basis="QĐ thử 15/2025/QĐ-UBND",
    )
    OfficeHoursRow.objects.create(
        periods="07:30-11:30,13:30-17:00", valid_from=date(2027, 1, 1), legal_basis="QĐ thử: bỏ thứ Bảy"
    )
    assert calendar_for(None, on=SAT).reception_periods(SAT) == [(at(SAT, 7, 30), at(SAT, 11, 30))]
    later = date(2027, 1, 2)  # a Saturday under the second row
    assert calendar_for(None, on=later).reception_periods(later) == []
    assert calendar_for(None, on=SAT).day_length == timedelta(hours=7, minutes=30)


def test_saturday_hours_are_validated(db):
    from django.core.exceptions import ValidationError

    row = OfficeHoursRow(
        periods="07:30-11:30", saturday_periods="11:30-07:30", valid_from=date(2025, 7, 1), legal_basis="x"
    )
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "saturday_periods" in error.value.message_dict
