"""Reminders: automatic ones once per rule, task and day; manual urging; the log and the outbox."""

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from motcua.control import reminders
from motcua.control.models import Reminder, ReminderKind, ReminderRule
from motcua.integrations.models import OutboxMessage


@pytest.fixture
def only_rule(db):
    """One rule in force, to count its messages: overdue, repeated every day."""
    ReminderRule.objects.all().delete()
    return ReminderRule.objects.create(
        name="Quá hạn",
        kind=ReminderKind.OVERDUE,
        working_days=1,
        repeat_daily=True,
        valid_from=date(2020, 1, 1),
        legal_basis="Quy chế thử",
    )


def test_a_sweep_run_twice_on_a_day_sends_one_message(plan, only_rule, staff_a, commune_a):
    day = date(2026, 4, 2)  # task 1 was due on Tuesday 31/3: two working days late
    first = reminders.sweep(day=day)
    second = reminders.sweep(day=day)
    reminder = Reminder.objects.get(agency=commune_a)
    # Commune A's task and commune B's first quarter (due Saturday 14/3, so Monday 16/3) are overdue.
    assert (first.task_reminders, second.task_reminders) == (2, 0)
    assert reminder.rule == only_rule
    assert reminder.recipients == 1
    assert [m.to for m in mail.outbox] == [["a@example.invalid"]]
    assert "quá hạn 2 ngày làm việc" in mail.outbox[0].body.lower()
    assert OutboxMessage.objects.get().sent_at is not None
    # The next working day it reminds again, as the rule repeats daily.
    reminders.sweep(day=date(2026, 4, 3))
    assert Reminder.objects.filter(agency=commune_a).count() == 2


def test_a_rule_that_does_not_repeat_reminds_once_in_all(plan, staff_a, commune_a):
    ReminderRule.objects.all().delete()
    ReminderRule.objects.create(
        name="Trước hạn 3 ngày",
        kind=ReminderKind.BEFORE_DUE,
        working_days=3,
        valid_from=date(2020, 1, 1),
        legal_basis="Quy chế thử",
    )
    for day in (date(2026, 3, 26), date(2026, 3, 27), date(2026, 3, 30)):
        reminders.sweep(day=day)
    assert Reminder.objects.filter(agency=commune_a).count() == 1


def test_nobody_is_reminded_on_a_day_off(plan, only_rule, staff_a):
    assert reminders.sweep(day=date(2026, 4, 4)).task_reminders == 0  # a Saturday


def test_the_command_runs_the_sweep(plan, only_rule, staff_a, capsys):
    call_command("control_sweep", "--day", "2026-04-02")
    call_command("control_sweep", "--day", "2026-04-02")
    assert "nhắc nhiệm vụ / task reminders 0" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_the_background_task_enqueues_and_runs(plan, only_rule, staff_a, settings):
    from motcua.control.tasks import daily_sweep

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    result = daily_sweep.enqueue("2026-04-02")
    assert result.return_value["task_reminders"] == 2


def test_the_owner_urges_by_hand_and_others_cannot(plan, officer, staff_b, staff_a, commune_a):
    occurrence = plan.tasks.get(number=1).occurrences.get()
    with pytest.raises(PermissionDenied):
        reminders.urge_task(actor=staff_b, occurrence=occurrence, message="Nhanh lên")
    reminder = reminders.urge_task(
        actor=officer, occurrence=occurrence, message="Đề nghị hoàn thành trong tuần"
    )
    assert reminder.sent_by == officer
    assert reminder.rule is None
    assert OutboxMessage.objects.filter(recipient="a@example.invalid", body__contains="trong tuần").exists()
