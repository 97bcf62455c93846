"""Time rules: due dates through the working-time engine, supplement pauses, extensions, the on-time rule.

Read like the law: "a dossier received at 16:30 on the Friday before Tết is due …". Tết 2026 for civil
servants: Saturday 14/2 to Sunday 22/2.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.catalog.models import VersionChannel
from motcua.dossiers import deadlines, services
from motcua.dossiers.models import Timeliness, TimelinessRule
from motcua.dossiers.timeliness import Facts, is_on_time, verdict
from motcua.workdays import clock
from motcua.workdays.calendar import VIETNAM_TZ, Calendar
from tests.dossiers.factories import receive, to_leader, vn

CAL = Calendar()
NATIONAL = TimelinessRule(code="test", max_supplement_requests=1, apology_counted_apart=True)


def dossier_verdict(*, ended_at, due_at, supplement_requests, tz, apologised=False):
    return verdict(Facts(ended_at, due_at, supplement_requests, apologised), NATIONAL, tz)


US = timedelta(microseconds=1)


def limit(amount: str, unit: str = "d") -> VersionChannel:
    return VersionChannel(channel="direct", time_limit=Decimal(amount), time_unit=unit)


# ------------------------------------------------------------------------------------------ examples


def test_received_at_1630_on_the_friday_before_tet_is_due_after_tet():
    assert deadlines.due_date(vn(2026, 2, 13, 16, 30), limit("3"), CAL) == vn(2026, 2, 25, 16, 30)


def test_an_online_submission_during_tet_counts_from_the_first_morning_after_it():
    submitted = vn(2026, 2, 15, 10, 0)
    assert deadlines.clock_start(submitted, CAL) == vn(2026, 2, 23, 8, 0)
    assert deadlines.due_date(submitted, limit("3"), CAL) == vn(2026, 2, 25, 17, 0)


def test_an_online_submission_at_night_counts_from_the_next_morning():
    assert deadlines.due_date(vn(2026, 3, 3, 22, 15), limit("1"), CAL) == vn(2026, 3, 4, 17, 0)


def test_supplement_time_across_tet_moves_the_due_date_by_the_office_time_waited():
    due = vn(2026, 2, 16 + 0, 9, 0)  # nominal; the shift is what matters
    # Waiting from Thu 12/2 09:00 to Tue 24/2 09:00 is 7 + 8 + 8 + 1 = 24 office hours (Tết excluded).
    assert clock.elapsed(vn(2026, 2, 12, 9), vn(2026, 2, 24, 9), (), CAL) == timedelta(hours=24)
    shifted = deadlines.shift_for_pause(due, vn(2026, 2, 12, 9), vn(2026, 2, 24, 9), CAL)
    assert shifted == clock.add(due, deadlines.Duration.working_hours(24), CAL)


def test_months_are_counted_to_the_same_day_of_the_month():
    due = deadlines.due_date(vn(2026, 1, 30, 9, 0), limit("1", "m"), CAL)
    assert due == vn(2026, 3, 2, 17, 0)  # 28/2 is a Saturday: the next working day


def test_an_extension_must_name_a_working_day():
    with pytest.raises(ValueError, match="không phải ngày làm việc"):
        deadlines.extension_due(date(2026, 2, 17), CAL)
    assert deadlines.extension_due(date(2026, 2, 23), CAL) == vn(2026, 2, 23, 17, 0)


# ------------------------------------------------------------------------------------------ the on-time rule


def test_on_time_is_at_or_before_the_due_instant():
    due = vn(2026, 3, 5, 9, 0)
    assert (
        dossier_verdict(ended_at=due, due_at=due, supplement_requests=0, tz=VIETNAM_TZ) == Timeliness.ON_TIME
    )
    assert dossier_verdict(ended_at=vn(2026, 3, 4, 16), due_at=due, supplement_requests=1, tz=VIETNAM_TZ) == (
        Timeliness.EARLY
    )
    assert (
        dossier_verdict(ended_at=due + US, due_at=due, supplement_requests=0, tz=VIETNAM_TZ)
        == Timeliness.LATE
    )


def test_more_than_one_supplement_request_is_late_whatever_the_dates():
    due = vn(2026, 3, 5, 9, 0)
    assert dossier_verdict(ended_at=vn(2026, 3, 2), due_at=due, supplement_requests=2, tz=VIETNAM_TZ) == (
        Timeliness.LATE
    )


# ------------------------------------------------------------------------------------------ properties

moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2027, 6, 30), timezones=st.just(VIETNAM_TZ)
)
half_days = st.integers(min_value=1, max_value=40).map(lambda n: Decimal(n) / 2)


@settings(max_examples=60, deadline=None)
@given(start=moments, days=half_days)
def test_the_due_date_leaves_exactly_the_legal_office_time(start, days):
    due = deadlines.due_date(start, limit(str(days)), CAL)
    assert due >= start
    assert clock.elapsed(start, due, (), CAL) == CAL.day_length * int(days * 2) / 2


@settings(max_examples=60, deadline=None)
@given(start=moments, days=half_days)
def test_outside_office_time_counts_from_the_next_period(start, days):
    assert deadlines.due_date(start, limit(str(days)), CAL) == deadlines.due_date(
        deadlines.clock_start(start, CAL), limit(str(days)), CAL
    )


@settings(max_examples=60, deadline=None)
@given(start=moments, days=half_days, a=st.floats(0, 1), b=st.floats(0, 1))
def test_supplement_time_is_excluded(start, days, a, b):
    due = deadlines.due_date(start, limit(str(days)), CAL)
    low, high = sorted((a, b))
    paused_from, paused_to = start + (due - start) * low, start + (due - start) * high
    shifted = deadlines.shift_for_pause(due, paused_from, paused_to, CAL)
    remaining = clock.elapsed(start, shifted, [(paused_from, paused_to)], CAL)
    assert abs(remaining - clock.elapsed(start, due, (), CAL)) <= US


@settings(max_examples=80, deadline=None)
@given(due=moments, first=moments, second=moments, requests=st.integers(0, 3))
def test_finishing_earlier_is_never_worse(due, first, second, requests):
    early, late = sorted((first, second))
    verdicts = [
        dossier_verdict(ended_at=m, due_at=due, supplement_requests=requests, tz=VIETNAM_TZ)
        for m in (early, late)
    ]
    if is_on_time(verdicts[1]):
        assert is_on_time(verdicts[0])
    if requests > 1:
        assert verdicts == [Timeliness.LATE, Timeliness.LATE]


# ------------------------------------------------------------------------------- through the services


def test_a_supplement_request_pauses_the_clock_and_counts(desk):
    dossier = receive(desk, at=vn(2026, 2, 11, 9, 0))  # Wednesday before Tết: due the first Monday after it
    assert dossier.due_at == vn(2026, 2, 23, 17, 0)
    dossier = services.request_supplement(
        actor=desk.officer_a,
        dossier=dossier,
        expected_version=1,
        missing="Bản sao giấy chứng sinh",
        at=vn(2026, 2, 12, 9, 0),
    )
    assert dossier.supplement_requests == 1
    dossier = services.record_supplement(
        actor=desk.officer_a, dossier=dossier, expected_version=dossier.version, at=vn(2026, 2, 24, 9, 0)
    )
    assert dossier.status == "received"
    assert dossier.due_at == vn(2026, 2, 26, 17, 0)  # 24 office hours later
    assert dossier.pauses.get().ended_at == vn(2026, 2, 24, 9, 0)


def test_every_handover_is_graded_against_its_step_deadline(desk):
    dossier = receive(desk, at=vn(2026, 3, 2, 8, 0))
    dossier = services.hand_over(
        actor=desk.officer_a, dossier=dossier, expected_version=1, at=vn(2026, 3, 2, 8, 30)
    )
    # Step 2 has 12 office hours from Mon 08:30: due Tue 3/3 13:30; handed over Wednesday = late.
    dossier = services.hand_over(
        actor=desk.specialist_a, dossier=dossier, expected_version=dossier.version, at=vn(2026, 3, 4, 9, 0)
    )
    grades = list(
        dossier.events.filter(action="hand_over").order_by("id").values_list("timeliness", flat=True)
    )
    assert grades == [Timeliness.ON_TIME, Timeliness.LATE]
    step2 = dossier.steps.get(position=2)
    assert step2.due_at == vn(2026, 3, 3, 13, 30)
    assert step2.timeliness == Timeliness.LATE


def test_the_result_fixes_the_verdict_and_two_supplement_requests_make_it_late(desk):
    dossier = to_leader(desk, receive(desk, at=vn(2026, 3, 2, 8, 0)), at=vn(2026, 3, 2, 9, 0))
    for day in (2, 3):
        dossier = services.request_supplement(
            actor=desk.leader_a,
            dossier=dossier,
            expected_version=dossier.version,
            missing="Tờ khai",
            at=vn(2026, 3, day, 10, 0),
        )
        dossier = services.record_supplement(
            actor=desk.officer_a,
            dossier=dossier,
            expected_version=dossier.version,
            at=vn(2026, 3, day, 11, 0),
        )
    dossier = services.attach_result(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=dossier.version,
        number="5/GKS",
        signed_on=date(2026, 3, 3),
        at=vn(2026, 3, 3, 14),
    )
    assert dossier.status == "result_ready"
    assert dossier.timeliness == Timeliness.LATE
    assert dossier.current_agency == desk.centre()
