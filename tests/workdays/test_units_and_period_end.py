"""Issue 13, problem 8: the time limits the law uses, and where a period in days ends.

"Trong ngày; nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo" (certification, civil status),
"giải quyết ngay", and the Civil Code 2015 (Art. 147: the day of the event is not counted; Art. 148: a
period in days ends at the end of its last day, for an office the close of office hours) against the
same-clock-time practice. Tết 2027 as the holidays package forecasts it: Thu 4/2 to Wed 10/2.
"""

from datetime import datetime, time
from io import StringIO

import pytest
from django.core.management import call_command

from motcua.workdays.calendar import VIETNAM_TZ, Calendar, PeriodEnd
from motcua.workdays.clock import add
from motcua.workdays.duration import Duration, Unit
from motcua.workdays.models import PeriodEndRule

CLOCK_TIME = Calendar()
CIVIL_CODE = Calendar(period_end=PeriodEnd.END_OF_DAY)


def at(*args) -> datetime:
    return datetime(*args, tzinfo=VIETNAM_TZ)


# ------------------------------------------------------------------------------------------ same day


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (at(2027, 2, 3, 9, 0), at(2027, 2, 3, 17, 0)),  # before the cut-off: today
        (at(2027, 2, 3, 15, 0), at(2027, 2, 3, 17, 0)),  # at 15:00 sharp: still today ("sau 15 giờ")
        (at(2027, 2, 3, 15, 1), at(2027, 2, 11, 17, 0)),  # after it: the next working day, after Tết
        (at(2027, 2, 6, 9, 0), at(2027, 2, 11, 17, 0)),  # on Tết: the first working morning counts
        (at(2027, 2, 3, 21, 0), at(2027, 2, 11, 17, 0)),  # at night: deemed received next working day
    ],
)
def test_same_day_with_a_3pm_cut_off_across_tet_2027(received, due):
    assert add(received, Duration.parse("sd@15:00"), CIVIL_CODE) == due


def test_same_day_without_a_cut_off_ends_at_the_close_of_office():
    assert add(at(2027, 2, 3, 16, 30), Duration.same_day(), CLOCK_TIME) == at(2027, 2, 3, 17, 0)


def test_immediately_ends_with_the_office_period_in_which_the_clock_starts():
    assert add(at(2027, 2, 3, 9, 0), Duration.parse("im"), CLOCK_TIME) == at(2027, 2, 3, 12, 0)
    assert add(at(2027, 2, 3, 12, 30), Duration.parse("im"), CLOCK_TIME) == at(2027, 2, 3, 17, 0)
    assert add(at(2027, 2, 3, 17, 30), Duration.immediate(), CLOCK_TIME) == at(2027, 2, 11, 12, 0)


def test_the_units_read_and_print_as_written():
    assert Duration.parse("sd@15:00") == Duration(0, Unit.SAME_DAY, time(15, 0))
    assert str(Duration.parse("sd@15:00")) == "sd@15:00"
    assert str(Duration.parse("im")) == "im"
    with pytest.raises(ValueError, match="cut-off hour goes with same-day"):
        Duration(1, Unit.WORKING_DAYS, time(15, 0))
    with pytest.raises(ValueError, match="invalid cut-off hour"):
        Duration.parse("sd@25:00")
    with pytest.raises(ValueError, match="invalid duration"):
        Duration.parse("d")


# ------------------------------------------------------------------------------------------ period end


def test_three_working_days_across_tet_2027_under_both_rules():
    received = at(2027, 2, 3, 10, 0)  # Wednesday before Tết
    # Same clock time: 6 office hours on 3/2, 8 on 11/2 and 12/2, 2 on Monday 15/2.
    assert add(received, Duration.parse("3d"), CLOCK_TIME) == at(2027, 2, 15, 10, 0)
    # Civil Code: 3/2 is not counted; 11/2, 12/2, 15/2 are; the period ends at the close of 15/2.
    assert add(received, Duration.parse("3d"), CIVIL_CODE) == at(2027, 2, 15, 17, 0)


def test_under_the_civil_code_the_hour_of_reception_does_not_matter():
    assert add(at(2027, 3, 1, 8, 0), Duration.parse("1d"), CIVIL_CODE) == at(2027, 3, 2, 17, 0)
    assert add(at(2027, 3, 1, 16, 59), Duration.parse("1d"), CIVIL_CODE) == at(2027, 3, 2, 17, 0)


def test_half_days_and_hours_keep_the_clock_under_the_civil_code():
    assert add(at(2027, 3, 1, 8, 0), Duration.parse("0.5d"), CIVIL_CODE) == at(2027, 3, 1, 12, 0)
    assert add(at(2027, 3, 1, 8, 0), Duration.parse("4h"), CIVIL_CODE) == at(2027, 3, 1, 12, 0)


# ------------------------------------------------------------------------------------------ the dated rule


def run(*args: str) -> str:
    out = StringIO()
    call_command("workdays", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_rule_in_force_is_a_dated_row_with_its_legal_basis_and_the_cli_follows_it():
    row = PeriodEndRule.objects.get()
    assert row.rule == PeriodEnd.END_OF_DAY
    assert "Điều 147" in row.legal_basis
    assert "Điều 148" in row.legal_basis
    assert run("due", "2027-02-03T10:00", "3d") == "2027-02-15T17:00\n"
    assert run("due", "2027-02-03T10:00", "3d", "--period-end", "clock_time") == "2027-02-15T10:00\n"
    assert run("due", "2027-02-03T15:30", "sd@15:00") == "2027-02-11T17:00\n"
    assert run("due", "2027-02-03T09:00", "im") == "2027-02-03T12:00\n"
    # A province that decided otherwise from a date: a later row wins from then on.
    PeriodEndRule.objects.create(valid_from=datetime(2027, 1, 1).date(), rule="clock_time", legal_basis="Thử")
    assert run("due", "2027-02-03T10:00", "3d") == "2027-02-15T10:00\n"
    assert run("due", "2026-03-02T10:00", "3d") == "2026-03-05T17:00\n"
