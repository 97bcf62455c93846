"""The per-day aggregates follow every change in its transaction and always equal a recount."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from motcua.core import audit
from motcua.core.models import AuditEvent
from motcua.dossiers.models import Dossier
from motcua.evaluation.models import Rating
from motcua.evaluation.services import rate_dossier
from motcua.serviceindex.aggregates import rebuild
from motcua.serviceindex.models import DossierDay, DossierFootprint, Fact
from tests.dossiers.factories import receive, vn
from tests.evaluation.factories import returned
from tests.factories import CitizenFactory
from tests.serviceindex.factories import dossier, world

ANSWERS = {
    "overall": 4,
    "on_time": 2,
    "staff_attitude": 4,
    "time_versus_law": 2,
    "visits": 1,
    "agencies_contacted": 1,
    "publicity": 3,
}


def counted(**filters) -> int:
    return sum(DossierDay.objects.filter(**filters).values_list("dossiers", flat=True))


def test_the_services_journey_is_counted_in_each_transaction(desk):
    """Counter reception (rows inserted at once), online submission and reception, result and return
    (guarded UPDATEs with audit events), the citizen's rating: each is counted by the time it commits."""
    at = vn(2026, 3, 10, 9)
    counter = receive(desk, at=at)
    agency = counter.competent_agency
    assert counted(fact=Fact.RECEIVED, agency=agency, day=at.date(), channel=1) == 1
    citizen = CitizenFactory()
    online = returned(desk, citizen, at=at)
    assert counted(fact=Fact.RECEIVED, channel=2) == 1
    [ended] = DossierDay.objects.filter(fact=Fact.ENDED)
    assert ended.dossiers == 1
    assert ended.verdict == online.timeliness != ""
    rate_dossier(actor=None, dossier=online, answers=ANSWERS, at=at)
    assert counted(fact=Fact.ENDED, rating="s") == 1
    assert rebuild(write=False).equal


def test_a_change_moves_the_count_and_a_delete_removes_it(db):
    w = world()
    row = dossier(w.a, w.full, received=vn(2026, 3, 10, 9))
    assert counted(fact=Fact.RECEIVED, agency=w.a, day=vn(2026, 3, 10).date()) == 1
    assert counted(fact=Fact.ENDED) == 0
    # Processing ends (a service writes the row and then the dossier's audit event).
    with transaction.atomic():
        Dossier.objects.filter(pk=row.pk).update(
            processing_ended_at=vn(2026, 3, 12, 10), timeliness="late", status="returned"
        )
        audit.record(actor=None, action="dossier.return", target=row, changes={"status": ["x", "returned"]})
    assert counted(fact=Fact.ENDED, verdict="late", day=vn(2026, 3, 12).date()) == 1
    Rating.objects.create(dossier=row, rated_at=vn(2026, 3, 13, 9), satisfied=False, score=25)
    assert counted(fact=Fact.ENDED, rating="u") == 1
    assert counted(fact=Fact.ENDED, rating="") == 0
    Rating.objects.filter(dossier=row).delete()
    assert counted(fact=Fact.ENDED, rating="") == 1
    row.delete()
    assert counted() == 0
    assert not DossierFootprint.objects.exists()
    assert rebuild(write=False).equal


def test_rebuild_command_finds_and_repairs_a_difference(db):
    w = world()
    dossier(w.a, w.full, received=vn(2026, 3, 10, 9), verdict="on_time")
    call_command("rebuild_index_aggregates", "--check", stdout=StringIO())
    DossierDay.objects.filter(fact=Fact.ENDED).update(dossiers=5)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("rebuild_index_aggregates", "--check", stdout=out)
    assert "≠" in out.getvalue()
    call_command("rebuild_index_aggregates", stdout=StringIO())
    assert counted(fact=Fact.ENDED) == 1
    assert AuditEvent.objects.filter(action="serviceindex.rebuild_aggregates").count() == 1
    call_command("rebuild_index_aggregates", "--check", stdout=StringIO())


CHANGED = (
    "competent_agency",
    "received_at",
    "timeliness",
    "processing_ended_at",
    "fee_due",
    "paid_online",
    "return_method",
)
VERDICTS = st.sampled_from(["", "early", "on_time", "late"])
STEP = st.fixed_dictionaries(
    {
        "which": st.integers(0, 5),
        "agency": st.booleans(),
        "day": st.integers(0, 3),
        "verdict": VERDICTS,
        "online": st.booleans(),
        "fee": st.sampled_from([0, 10000]),
        "paid_online": st.booleans(),
        "electronic": st.booleans(),
        "rating": st.sampled_from([None, True, False]),
        "delete": st.integers(0, 9),
    }
)


class IncrementalEqualsRebuild(TestCase):
    """Any sequence of creations, changes, ratings and deletions leaves the rows a recount would give."""

    @classmethod
    def setUpTestData(cls):
        cls.w = world()

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(STEP, min_size=1, max_size=12))
    def test_incremental_equals_rebuild(self, steps):
        rows: list[Dossier] = []
        for step in steps:
            agency = self.w.a if step["agency"] else self.w.b
            received = vn(2026, 3, 10 + step["day"], 9)
            if step["which"] >= len(rows):
                rows.append(dossier(agency, self.w.full, received=received, online=step["online"]))
                continue
            row = rows[step["which"]]
            if step["delete"] == 0:
                row.delete()
                rows.remove(row)
                continue
            # An officer's change saved as the admin or the counter would (post_save), or as a service
            # would (UPDATE, then an audit event about the dossier).
            row.competent_agency = agency
            row.received_at = received
            row.timeliness = step["verdict"]
            row.processing_ended_at = received + timedelta(days=1) if step["verdict"] else None
            row.fee_due = step["fee"]
            row.paid_online = step["paid_online"]
            row.return_method = "electronic" if step["electronic"] else "counter"
            if step["delete"] % 2:
                row.save()
            else:
                with transaction.atomic():
                    Dossier.objects.filter(pk=row.pk).update(**{name: getattr(row, name) for name in CHANGED})
                    audit.record(actor=None, action="dossier.test", target=row, changes={})
            Rating.objects.filter(dossier=row).delete()
            if step["rating"] is not None:
                Rating.objects.create(dossier=row, rated_at=received, satisfied=step["rating"], score=50)
        result = rebuild(write=False)
        assert result.equal, result.differences[:5]
        for row in rows:
            row.delete()
        assert rebuild(write=False).equal


def test_feedback_about_a_dossier_moves_it_out_of_satisfied_and_a_refusal_moves_it_back(desk):
    """5.3 counts a dossier with a feedback (PAKN) about it as unsatisfied, from the transaction of the
    feedback's own action; a feedback refused as out of scope (a complaint) no longer counts."""
    from motcua.feedback import services as feedback
    from motcua.feedback.models import FeedbackDesk
    from motcua.org.models import Role
    from motcua.serviceindex import scores
    from motcua.serviceindex.periods import month
    from tests.factories import RoleAssignmentFactory, StaffFactory

    FeedbackDesk.objects.create(agency=desk.province.office, role=Role.CONTROL_OFFICER, is_default=True)
    receiver = StaffFactory(username="tiepnhan-pakn")
    RoleAssignmentFactory(user=receiver, agency=desk.province.office, role=Role.CONTROL_OFFICER)
    citizen = CitizenFactory()
    at = vn(2026, 3, 10, 9)
    online = returned(desk, citizen, at=at)
    ended = {"fact": Fact.ENDED, "agency": online.competent_agency}
    assert counted(**ended, with_feedback=False) == 1

    def satisfaction():
        [agency] = [
            s for s in scores.table(month(2026, 3), by="agency") if s.key == online.competent_agency_id
        ]
        return next((i.numerator, i.denominator) for i in agency.indicators if i.indicator.code == "5.3")

    on_time = online.timeliness in ("early", "on_time")
    assert satisfaction() == (int(on_time), 1)
    item = feedback.send(
        actor=citizen,
        sender={"name": "Nguyễn Văn An", "phone": "0912345678"},
        content={"title": "Hồ sơ bị hẹn lại", "content": "Tôi phải đi lại ba lần."},
        dossier=online,
        at=vn(2026, 3, 20, 9),
    )
    assert counted(**ended, with_feedback=True) == 1
    assert satisfaction() == (0, 1)
    assert rebuild(write=False).equal
    feedback.refuse(
        actor=receiver, feedback=item, expected_version=item.version, reason="Khiếu nại: Luật Khiếu nại"
    )
    assert counted(**ended, with_feedback=False) == 1
    assert satisfaction() == (int(on_time), 1)
    assert rebuild(write=False).equal


def test_a_digitised_dossier_is_counted_from_its_papers(db):
    w = world()
    digitised = dossier(w.a, w.full, received=vn(2026, 3, 10, 9), papers="file")
    dossier(w.a, w.full, received=vn(2026, 3, 10, 9), papers="paper")
    dossier(w.a, w.full, received=vn(2026, 3, 10, 9))
    assert counted(fact=Fact.RECEIVED, digitised=True) == 1
    assert counted(fact=Fact.RECEIVED, digitised=False) == 2
    paper = digitised.documents.get()
    paper.file = ""
    paper.save()
    audit.record(actor=None, action="dossier.document_removed", target=digitised)
    assert counted(fact=Fact.RECEIVED, digitised=True) == 0
    assert rebuild(write=False).equal
