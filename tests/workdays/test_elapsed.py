"""Working time used so far: office time between two instants, less the time the dossier was paused."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from motcua.workdays.calendar import VIETNAM_TZ, Calendar
from motcua.workdays.clock import elapsed

NATIONAL = Calendar()


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


def test_tet_does_not_count_towards_the_time_used():
    assert elapsed(at(2026, 2, 13, 16, 30), at(2026, 2, 23, 9), [], NATIONAL) == timedelta(
        hours=1, minutes=30
    )


def test_lunch_and_nights_do_not_count():
    assert elapsed(at(2026, 3, 9, 11), at(2026, 3, 10, 9), [], NATIONAL) == timedelta(hours=6)


def test_time_waiting_for_the_applicant_to_supplement_is_taken_off():
    # Received Monday 9/3 08:00, waiting for a supplement from Tuesday 10:00 to Thursday 10:00,
    # done Friday 17:00.
    pause = (at(2026, 3, 10, 10), at(2026, 3, 12, 10))
    assert elapsed(at(2026, 3, 9, 8), at(2026, 3, 13, 17), [pause], NATIONAL) == timedelta(hours=24)


def test_overlapping_pauses_count_each_office_second_once():
    pauses = [
        (at(2026, 3, 9, 9), at(2026, 3, 9, 11)),
        (at(2026, 3, 9, 10), at(2026, 3, 9, 14)),
        (at(2026, 3, 9, 10), at(2026, 3, 9, 10, 30)),
    ]
    # 08:00–09:00 and 14:00–17:00 remain.
    assert elapsed(at(2026, 3, 9, 8), at(2026, 3, 9, 17), pauses, NATIONAL) == timedelta(hours=4)


def test_pauses_reaching_outside_the_interval_are_clipped():
    pauses = [(at(2026, 3, 6, 8), at(2026, 3, 9, 9)), (at(2026, 3, 9, 16), at(2026, 3, 20, 8))]
    assert elapsed(at(2026, 3, 9, 8), at(2026, 3, 9, 17), pauses, NATIONAL) == timedelta(hours=6)


def test_an_empty_pause_and_an_empty_interval_are_nothing():
    assert elapsed(at(2026, 3, 9, 10), at(2026, 3, 9, 10), [], NATIONAL) == timedelta()
    moment = at(2026, 3, 9, 10)
    assert elapsed(at(2026, 3, 9, 8), at(2026, 3, 9, 12), [(moment, moment)], NATIONAL) == timedelta(hours=4)


def test_instants_in_other_zones_are_the_same_instants():
    start = at(2026, 3, 9, 8).astimezone(UTC)  # 01:00 UTC
    end = datetime(2026, 3, 9, 6, 0, tzinfo=ZoneInfo("Europe/Paris"))  # 12:00 in Hà Nội
    assert elapsed(start, end, [], NATIONAL) == timedelta(hours=4)


def test_end_before_start_is_an_error():
    with pytest.raises(ValueError, match="end before start"):
        elapsed(at(2026, 3, 9, 12), at(2026, 3, 9, 8), [], NATIONAL)


def test_a_pause_that_ends_before_it_begins_is_an_error():
    with pytest.raises(ValueError, match="a pause ends before it begins"):
        elapsed(at(2026, 3, 9, 8), at(2026, 3, 9, 12), [(at(2026, 3, 9, 11), at(2026, 3, 9, 9))], NATIONAL)


def test_naive_instants_are_an_error():
    with pytest.raises(ValueError, match="timezone-aware"):
        elapsed(datetime(2026, 3, 9, 8), at(2026, 3, 9, 12), [], NATIONAL)
