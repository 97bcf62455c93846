"""5.1 (feedback handled on time) and 5.2 (satisfaction with feedback handling) from the feedback rows, on
top of the hand-computed month of test_scenario.py.

Agency A's feedback (handling deadline, approval, publication, votes):
f1 due 10/3, approved 9/3 on time, published 11/3, 2 agree / 1 disagree, but a follow-up about its answer;
f2 due 12/3, approved 15/3 late, published 16/3; f3 due 20/3, never answered (overdue); f4 due 25/3,
approved 20/3, published 21/3, 0 agree / 3 disagree; f5 due 2/4 (April), approved 30/3, published 31/3,
1 agree. Agency B: b1 due 18/3, approved on time, published 19/3, no votes.
5.1 for A: due in March and answered or overdue = f1, f2, f3, f4; on time f1, f4 → 2/4 = 50% → 6 × 50 ÷ 80
= 3.75. 5.2 for A: published in March f1, f2, f4, f5; satisfied f5 only (f1 followed up, f2 late, f4 more
disagree) → 1/4 = 25% → 6 × 25 ÷ 90 = 1.67. B: 1/1 and 1/1 → 6 + 6.
"""

import itertools
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from motcua.feedback.models import Feedback
from motcua.feedback.workflows import Status
from motcua.org.models import Role
from motcua.serviceindex import scores
from motcua.serviceindex.computations import Window
from motcua.serviceindex.feedback_indicators import HandledOnTime
from motcua.serviceindex.periods import month
from tests.serviceindex.factories import vn

MARCH = month(2026, 3)
_codes = itertools.count(1)


def item(agency, *, due, approved=None, late=False, published=None, agree=0, disagree=0, follow_up_of=None):
    status = Status.PUBLISHED if published else Status.APPROVED if approved else Status.PROCESSING
    return Feedback.objects.create(
        code=f"PA-T{next(_codes):05d}",
        channel="portal",
        status=status,
        sender_name="Trần Thị Bình",
        sender_phone="0987654321",
        title="Phản ánh thử",
        content="Nội dung",
        receiving_agency=agency,
        agency=agency,
        received_at=due - timedelta(days=20),
        handle_due_at=due,
        approved_at=approved,
        handled_late=late,
        published_at=published,
        agree_count=agree,
        disagree_count=disagree,
        follow_up_of=follow_up_of,
    )


@pytest.fixture
def feedback(scenario):
    a, b = scenario.a, scenario.b
    f1 = item(a, due=vn(2026, 3, 10, 17), approved=vn(2026, 3, 9, 9), published=vn(2026, 3, 11, 9), agree=2,
              disagree=1)  # fmt: skip
    item(a, due=vn(2026, 3, 12, 17), approved=vn(2026, 3, 15, 9), late=True, published=vn(2026, 3, 16, 9))
    item(a, due=vn(2026, 3, 20, 17))
    item(a, due=vn(2026, 3, 25, 17), approved=vn(2026, 3, 20, 9), published=vn(2026, 3, 21, 9), disagree=3)
    item(a, due=vn(2026, 4, 2, 17), approved=vn(2026, 3, 30, 9), published=vn(2026, 3, 31, 9), agree=1)
    follow = item(a, due=vn(2026, 4, 20, 17), follow_up_of=f1)
    Feedback.objects.filter(pk=follow.pk).update(status=Status.RECEIVED, handle_due_at=None)
    item(b, due=vn(2026, 3, 18, 17), approved=vn(2026, 3, 17, 9), published=vn(2026, 3, 19, 9))
    return scenario


def codes(score):
    return {s.indicator.code: s for s in score.indicators}


def test_agency_a_feedback_indicators_point_by_point(feedback):
    a = next(s for s in scores.table(MARCH, by="agency") if s.key == feedback.a.pk)
    got = codes(a)
    assert (got["5.1"].status, got["5.1"].numerator, got["5.1"].denominator) == (scores.SCORED, 2, 4)
    assert (got["5.1"].rate, got["5.1"].points) == (Decimal("50.00"), Decimal("3.75"))
    assert (got["5.2"].status, got["5.2"].numerator, got["5.2"].denominator) == (scores.SCORED, 1, 4)
    assert (got["5.2"].rate, got["5.2"].points) == (Decimal("25.00"), Decimal("1.67"))
    # test_scenario's 53.58 of 68, plus 3.75 + 1.67 of 12 more: 59.00 of 80.
    assert (a.points, a.maximum) == (Decimal("59.00"), Decimal(80))
    assert a.percent == Decimal("73.75")  # 59 × 100 ÷ 80


def test_agency_b_and_the_province(feedback):
    b = codes(next(s for s in scores.table(MARCH, by="agency") if s.key == feedback.b.pk))
    assert (b["5.1"].numerator, b["5.1"].denominator, b["5.1"].points) == (1, 1, Decimal("6.00"))
    assert (b["5.2"].numerator, b["5.2"].denominator, b["5.2"].points) == (1, 1, Decimal("6.00"))
    [province] = scores.table(MARCH, by=None)
    got = codes(province)
    assert (got["5.1"].numerator, got["5.1"].denominator) == (3, 5)
    assert (got["5.2"].numerator, got["5.2"].denominator) == (2, 5)
    units = {s.key: codes(s) for s in scores.table(MARCH, by="unit")}
    a_unit = feedback.province.commune_units["Xã A"].pk
    assert (units[a_unit]["5.1"].numerator, units[a_unit]["5.1"].denominator) == (2, 4)


def test_an_item_not_yet_due_and_unanswered_is_not_counted_yet(scenario):
    now = timezone.now()
    item(scenario.a, due=now + timedelta(days=2))
    window = Window(timezone.localdate() - timedelta(days=30), timezone.localdate() + timedelta(days=30))
    assert HandledOnTime().measure(window) == {}
    item(scenario.a, due=now - timedelta(hours=1))  # overdue now: it counts, and against the agency
    [measure] = HandledOnTime().measure(window).values()
    assert (measure.numerator, measure.denominator) == (0, 1)


def test_drill_down_lists_the_feedback_behind_a_number_within_scope(client, feedback, make_staff):
    a, b = feedback.a, feedback.b
    client.force_login(make_staff(a, Role.AGENCY_LEADER))
    query = "ky=month&nam=2026&thang=3"
    den = client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{a.pk}/5.1/denominator/?{query}")
    assert den.status_code == 200
    html = den.content.decode()
    assert html.count("<tr><td><a href=") == 4
    assert "Trần Thị Bình" not in html
    assert "0987654321" not in html
    num = client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{a.pk}/5.2/numerator/?{query}").content.decode()
    assert num.count("<tr><td><a href=") == 1
    assert client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{b.pk}/5.1/numerator/?{query}").status_code == 404


def test_the_public_tables_read_each_table_once_per_period_with_the_same_figures(feedback):
    """Issue 16's performance goal: the province's, the units' and the agencies' tables of a period (and of
    the period before) read the dossier aggregate in one query per period and the feedback aggregate in
    one per indicator and period (never the feedback items: March is not today's month), instead of one
    per indicator, grouping and period, and show the figures each table measured on its own shows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from motcua.serviceindex import selectors

    with CaptureQueriesContext(connection) as captured:
        tables = selectors.public_tables(MARCH)
    statements = [q["sql"] for q in captured.captured_queries]
    cubes = [sql for sql in statements if '"serviceindex_dossierday"."eligible_full_online"' in sql]
    assert len(cubes) == 2  # every dossier indicator of March, then of February, in one query each
    assert sum('FROM "serviceindex_feedbackday"' in sql for sql in statements) == 4  # 5.1 and 5.2, twice
    assert not any('FROM "feedback_feedback"' in sql for sql in statements)

    def figures(rows):
        return [
            (s.key, s.percent, s.previous_percent, s.rank, [(i.status, i.numerator, i.denominator) for i in
             s.indicators]) for s in rows
        ]  # fmt: skip

    assert figures(tables["province"]) == figures(scores.table(MARCH, by=None))
    assert figures(tables["agencies"]) == figures(scores.table(MARCH, by="agency"))
    assert figures(tables["units"]) == figures(scores.table(MARCH, by="unit"))
    assert len(tables["agencies"]) >= 2
