"""Issue 13, problem 8 at the counter: a same-day procedure with a 3 pm cut-off, and the verdict graded
against the appointment computed by the same rule."""

from datetime import date, time

import pytest

from motcua.catalog.models import VersionChannel
from motcua.dossiers import reference, services
from motcua.dossiers.models import Timeliness
from tests.dossiers.factories import STEPS, build_desk, receive, vn

# The same four steps in two office hours each: a same-day procedure's process fits in one day.
SHORT_STEPS = [{**step, "duration": "2", "duration_unit": "h"} for step in STEPS]


@pytest.fixture
def same_day_desk(db):
    desk = build_desk(limit="1", unit="sd", steps=SHORT_STEPS)
    VersionChannel.objects.update(cutoff=time(15, 0))
    reference.clear()
    return desk


def test_received_before_3pm_is_due_at_the_close_of_office_today(same_day_desk):
    assert receive(same_day_desk, at=vn(2027, 2, 3, 14, 0)).due_at == vn(2027, 2, 3, 17, 0)


def test_received_after_3pm_on_the_eve_of_tet_2027_is_due_the_first_working_day_after_it(same_day_desk):
    dossier = receive(same_day_desk, at=vn(2027, 2, 3, 15, 30))
    assert dossier.due_at == vn(2027, 2, 11, 17, 0)
    for actor in (same_day_desk.officer_a, same_day_desk.specialist_a):
        dossier = services.hand_over(
            actor=actor, dossier=dossier, expected_version=dossier.version, at=vn(2027, 2, 11, 9, 0)
        )
    dossier = services.attach_result(
        actor=same_day_desk.leader_a,
        dossier=dossier,
        expected_version=dossier.version,
        number="7/CT",
        signed_on=date(2027, 2, 11),
        at=vn(2027, 2, 11, 16, 0),
    )
    assert dossier.timeliness == Timeliness.ON_TIME
