"""The demo contest: walked from launch to awards through the services, dated like Hà Nội's; idempotent."""

import pytest
from django.core.management import call_command

from motcua.contest.models import Contest, Entry, GoodModel
from motcua.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_demo_contest_is_awarded_with_winners_and_a_second_load_writes_nothing():
    call_command("load_demo", stdout=None)
    contest = Contest.objects.get(code="SK2026")
    assert contest.status == "awarded"
    assert contest.launched_at.month == 3
    entries = Entry.objects.filter(contest=contest)
    assert {e.submitted_at.month for e in entries} <= set(range(4, 10))
    assert entries.filter(status="ineligible").count() == 1
    winners = entries.filter(prize__isnull=False).order_by("prize__order")
    assert [w.prize.name for w in winners] == ["Giải Nhất", "Giải Nhì", "Giải Ba"]
    assert winners[0].title.startswith("Tổ thanh niên")
    assert GoodModel.objects.filter(entry__isnull=False, published=True).count() == 3
    assert GoodModel.objects.filter(kind="poor", published=False).exists()
    events = AuditEvent.objects.count()
    call_command("load_demo", stdout=None)
    assert AuditEvent.objects.count() == events
