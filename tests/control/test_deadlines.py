"""Overdue and due-soon on the working calendar: Tết 2026 (Sat 14/2 – Sun 22/2) are days off."""

from datetime import date

import pytest

from motcua.control import services
from motcua.control.deadlines import DeadlineBook, DeadlineState
from motcua.control.models import ControlParameter, ParameterKey


@pytest.fixture
def tet_task(draft_plan, officer, commune_a):
    task = services.add_task(
        actor=officer,
        plan=draft_plan,
        content="Hoàn thành trước Tết",
        lead_agency=commune_a,
        start_on=date(2026, 1, 5),
        due_on=date(2026, 2, 17),  # mùng 1 Tết: a day off
    )
    services.issue_plan(actor=officer, plan=draft_plan)
    return task.occurrences.get()


def test_a_deadline_on_tet_moves_to_the_first_working_day_after_it(tet_task, commune_a):
    book = DeadlineBook(today=date(2026, 2, 20))
    assert book.effective_due(tet_task.due_on, commune_a) == date(2026, 2, 23)
    assert book.state(tet_task) == DeadlineState.DUE_SOON  # still in time on the last day of the holiday
    assert DeadlineBook(today=date(2026, 2, 23)).state(tet_task) == DeadlineState.DUE_SOON
    assert DeadlineBook(today=date(2026, 2, 24)).state(tet_task) == DeadlineState.OVERDUE


def test_due_soon_counts_working_days_so_the_holiday_does_not_count(tet_task, commune_a):
    # On Friday 13/2 the deadline (effectively 23/2) is one working day away: due soon.
    assert DeadlineBook(today=date(2026, 2, 13)).working_days_left(tet_task.due_on, commune_a) == 1
    # On Monday 9/2 it is five working days away (10, 11, 12, 13, 23): not yet due soon with N = 3.
    book = DeadlineBook(today=date(2026, 2, 9))
    assert book.working_days_left(tet_task.due_on, commune_a) == 5
    assert book.state(tet_task) == DeadlineState.IN_PROGRESS


def test_the_due_soon_window_is_data(tet_task):
    ControlParameter.objects.create(
        key=ParameterKey.DUE_SOON_WORKING_DAYS,
        value=5,
        valid_from=date(2026, 1, 1),
        legal_basis="Quy chế tỉnh 2026",
    )
    assert DeadlineBook(today=date(2026, 2, 9)).state(tet_task) == DeadlineState.DUE_SOON


def test_overdue_by_counts_working_days_after_the_effective_deadline(tet_task, commune_a):
    assert DeadlineBook(today=date(2026, 2, 27)).working_days_left(tet_task.due_on, commune_a) == -4
