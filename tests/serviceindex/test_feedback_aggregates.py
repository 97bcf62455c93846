"""The per-day feedback aggregate (5.1, 5.2) follows every feedback action in its transaction and always
equals a recount."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from motcua.core import audit
from motcua.feedback import services
from motcua.feedback.models import Feedback
from motcua.feedback.workflows import Status
from motcua.serviceindex import feedback_aggregates
from motcua.serviceindex.models import FeedbackDay, FeedbackFact, FeedbackFootprint
from tests.feedback.conftest import published, send, world  # noqa: F401  (the feedback world fixture)
from tests.serviceindex.factories import vn
from tests.serviceindex.factories import world as index_world
from tests.serviceindex.test_feedback_indicators import item


def counted(**filters) -> int:
    return sum(FeedbackDay.objects.filter(**filters).values_list("items", flat=True))


def test_the_feedback_journey_is_counted_in_each_transaction(world):  # noqa: F811
    """Sending and classifying set the handling deadline (counted unanswered), approval answers it on time,
    publication counts a satisfied answer, the sender's "disagree" and a follow-up each make it unsatisfied
    in the transaction of the action."""
    item = send(world)
    assert counted() == 0  # no handling deadline before classification
    item = services.accept(
        actor=world.receiver, feedback=item, expected_version=item.version, category="regulation"
    )
    assert counted(fact=FeedbackFact.HANDLING_DUE, answered=False, agency=item.agency) == 1
    item = published(world)
    due = FeedbackDay.objects.filter(fact=FeedbackFact.HANDLING_DUE, answered=True)
    assert [(row.agency_id, row.good, row.items) for row in due] == [(world.justice.pk, True, 1)]
    assert counted(fact=FeedbackFact.PUBLISHED, good=True, agency=world.justice) == 1
    services.vote(actor=world.citizen, feedback=item, agrees=False)
    assert counted(fact=FeedbackFact.PUBLISHED, good=True) == 0
    assert counted(fact=FeedbackFact.PUBLISHED, good=False) == 1
    assert feedback_aggregates.FEEDBACK.rebuild(write=False).equal
    other = published(world)
    send(world, follow_up_of=other)
    assert counted(fact=FeedbackFact.PUBLISHED, good=False) == 2
    assert feedback_aggregates.FEEDBACK.rebuild(write=False).equal


def test_the_rebuild_command_checks_and_repairs_the_feedback_rows(db):
    w = index_world()
    item(w.a, due=vn(2026, 3, 10, 17), approved=vn(2026, 3, 9, 9), published=vn(2026, 3, 11, 9))
    call_command("rebuild_index_aggregates", "--check", stdout=StringIO())
    FeedbackDay.objects.filter(fact=FeedbackFact.PUBLISHED).update(items=4)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("rebuild_index_aggregates", "--check", stdout=out)
    assert "PAKN / feedback p 2026-03-11" in out.getvalue()
    call_command("rebuild_index_aggregates", stdout=StringIO())
    call_command("rebuild_index_aggregates", "--check", stdout=StringIO())
    assert counted(fact=FeedbackFact.PUBLISHED) == 1


STEP = st.fixed_dictionaries(
    {
        "which": st.integers(0, 5),
        "agency": st.booleans(),
        "day": st.integers(0, 3),
        "approved": st.booleans(),
        "late": st.booleans(),
        "published": st.booleans(),
        "agree": st.integers(0, 2),
        "disagree": st.integers(0, 2),
        "follow_up": st.booleans(),
        "delete": st.integers(0, 9),
    }
)


class IncrementalEqualsRebuild(TestCase):
    """Any sequence of creations, follow-ups, changes (saved, or a guarded UPDATE then its audit event,
    as the services write) and deletions leaves the rows a recount gives."""

    @classmethod
    def setUpTestData(cls):
        cls.w = index_world()

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(STEP, min_size=1, max_size=12))
    def test_incremental_equals_rebuild(self, steps):
        rows: list[Feedback] = []
        for step in steps:
            agency = self.w.a if step["agency"] else self.w.b
            due = vn(2026, 3, 10 + step["day"], 17)
            approved = due - timedelta(days=1) if step["approved"] else None
            shown = approved + timedelta(hours=2) if approved and step["published"] else None
            if step["which"] >= len(rows):
                follows = rows[-1] if rows and step["follow_up"] else None
                rows.append(item(agency, due=due, approved=approved, published=shown, follow_up_of=follows))
                continue
            row = rows[step["which"]]
            if step["delete"] == 0 and not Feedback.objects.filter(follow_up_of=row).exists():
                row.delete()  # a deletion takes the item out, and its follow-up out of the one it follows
                rows.remove(row)
                continue
            changes = {
                "agency": agency,
                "handle_due_at": due,
                "approved_at": approved,
                "handled_late": step["late"],
                "published_at": shown,
                "status": Status.PUBLISHED if shown else Status.APPROVED if approved else Status.PROCESSING,
                "agree_count": step["agree"],
                "disagree_count": step["disagree"],
            }
            if step["delete"] % 2:
                for name, value in changes.items():
                    setattr(row, name, value)
                row.save()
            else:
                with transaction.atomic():
                    Feedback.objects.filter(pk=row.pk).update(**changes)
                    audit.record(actor=None, action="feedback.test", target=row, changes={})
        result = feedback_aggregates.FEEDBACK.rebuild(write=False)
        assert result.equal, result.differences[:5]
        for row in Feedback.objects.order_by("-pk"):  # follow-ups first (they protect what they follow)
            row.delete()
        assert feedback_aggregates.FEEDBACK.rebuild(write=False).equal
        assert not FeedbackFootprint.objects.exists()
