"""Feedback deadlines go through control's reminder sweep: same rules, working days, once per rule and day."""

from datetime import date

import pytest
from django.core import mail

from motcua.control import reminders
from motcua.control.models import Reminder, ReminderKind, ReminderRule
from motcua.feedback import services

from .conftest import send, vn


@pytest.fixture
def rules(db):
    """Two working days before the deadline, and every working day once it is a day past."""
    ReminderRule.objects.all().delete()
    common = {"valid_from": date(2020, 1, 1), "legal_basis": "Quy chế đôn đốc thử"}
    ReminderRule.objects.create(name="Trước hạn", kind=ReminderKind.BEFORE_DUE, working_days=2, **common)
    ReminderRule.objects.create(
        name="Quá hạn", kind=ReminderKind.OVERDUE, working_days=1, repeat_daily=True, **common
    )


def routed_across_tet(world):
    """Accepted on the eve of Tết 2027 and routed to the justice department: due at the close of 3/3/2027."""
    item = send(world, at=vn(2027, 2, 3, 8, 0))
    item = services.accept(
        actor=world.receiver,
        feedback=item,
        expected_version=1,
        category="regulation",
        at=vn(2027, 2, 3, 9, 0),
    )
    return services.route(actor=world.receiver, feedback=item, expected_version=2, agency=world.justice)


def feedback_reminders(item):
    return Reminder.objects.filter(subject_key=f"feedback:{item.pk}").order_by("day", "pk")


def test_the_handling_agency_is_reminded_before_and_after_the_deadline_in_working_days(world, rules):
    world.specialist.email = "chuyenvien@example.invalid"
    world.specialist.save()
    item = routed_across_tet(world)
    assert item.agency == world.justice

    reminders.sweep(day=date(2027, 2, 8))  # inside the Tết break: nobody is reminded on a day off
    reminders.sweep(day=date(2027, 2, 26))  # Friday: 3 working days left (1, 2, 3/3): not yet
    assert not feedback_reminders(item).exists()

    monday = reminders.sweep(day=date(2027, 3, 1))  # 2 working days left: the before-due rule fires
    assert monday.item_reminders == 1
    reminder = feedback_reminders(item).get()
    assert reminder.agency == world.justice
    assert "còn 2 ngày làm việc" in reminder.message
    assert item.code in reminder.message
    assert "03/03/2027" in reminder.message
    assert [m.to for m in mail.outbox] == [["chuyenvien@example.invalid"]]
    assert reminders.sweep(day=date(2027, 3, 1)).item_reminders == 0  # once per rule and day

    thursday = reminders.sweep(day=date(2027, 3, 4))  # a working day past the deadline
    assert thursday.item_reminders == 1
    assert "quá hạn 1 ngày làm việc" in feedback_reminders(item).last().message.lower()
    # The sender's contacts never go into a reminder.
    assert all("0912" not in r.message and "an@example.vn" not in r.message for r in feedback_reminders(item))


def test_an_item_waiting_on_the_sender_is_not_reminded(world, rules):
    item = send(world, at=vn(2027, 2, 3, 8, 0))
    item = services.ask_to_complete(
        actor=world.receiver,
        feedback=item,
        expected_version=1,
        missing="Ghi rõ văn bản quy định",
        at=vn(2027, 2, 3, 9, 0),
    )
    reminders.sweep(day=date(2027, 6, 1))  # long past any stage: the sender owes the next step
    assert not feedback_reminders(item).exists()
