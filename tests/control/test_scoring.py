"""The emulation score: weights are dated rows, a measure without data leaves the maximum, scaled to 100."""

from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from motcua.control import scoring
from motcua.control.dashboard import ScoreRow
from motcua.control.models import ScorecardWeight
from motcua.feedback.models import Feedback

VN = ZoneInfo("Asia/Ho_Chi_Minh")
BASIS = "Quy chế thi đua thử"


@pytest.fixture
def weights(db):
    """Tasks 60 points and feedback handled on time 40 from 2026; before, tasks alone."""
    ScorecardWeight.objects.all().delete()
    ScorecardWeight.objects.create(
        measure="control.tasks",
        points=100,
        valid_from=date(2025, 1, 1),
        valid_to=date(2025, 12, 31),
        legal_basis=BASIS,
    )
    ScorecardWeight.objects.create(
        measure="control.tasks", points=60, valid_from=date(2026, 1, 1), legal_basis=BASIS
    )
    ScorecardWeight.objects.create(
        measure="feedback.handled_on_time",
        points=40,
        valid_from=date(2026, 1, 1),
        legal_basis=BASIS,
        position=1,
    )


def handled(agency, *, late: bool, on: datetime, code: str):
    return Feedback.objects.create(
        code=code,
        channel="portal",
        status="published",
        sender_name="Người gửi",
        title="Phản ánh",
        content="Nội dung",
        receiving_agency=agency,
        agency=agency,
        received_at=on,
        approved_at=on,
        handled_late=late,
    )


def test_a_hand_computed_score_with_a_measure_missing_for_one_agency(province, weights, commune_a, commune_b):
    # A: 1 of 2 tasks on time (50%), 1 of 1 feedback on time (100%): 60 × 0.5 + 40 × 1 = 70 of 100.
    # B: 2 of 2 tasks on time, no feedback: 60 of a possible 60, scaled to 100 (never "0% of feedback").
    handled(commune_a, late=False, on=datetime(2026, 3, 2, 9, tzinfo=VN), code="PA-1")
    handled(commune_b, late=True, on=datetime(2025, 12, 2, 9, tzinfo=VN), code="PA-2")  # outside the period
    rows = [
        ScoreRow(commune_a, tasks_on_time=1, tasks_late=1),
        ScoreRow(commune_b, tasks_on_time=2),
    ]
    weighting = scoring.weigh(rows, start=date(2026, 1, 1), end=date(2026, 6, 30))
    a, b = weighting.scores[commune_a.pk], weighting.scores[commune_b.pk]
    assert [c[0] for c in weighting.columns] == ["control.tasks", "feedback.handled_on_time"]
    assert a.rates == {"control.tasks": Decimal("50.0"), "feedback.handled_on_time": Decimal("100.0")}
    assert (a.earned, a.possible, a.on_100) == (Decimal(70), Decimal(100), Decimal("70.0"))
    assert b.rates["feedback.handled_on_time"] is None
    assert (b.possible, b.on_100) == (Decimal(60), Decimal("100.0"))


def test_a_past_period_is_scored_with_the_weights_in_force_then(province, weights, commune_a):
    rows = [ScoreRow(commune_a, tasks_on_time=1, tasks_late=1)]
    weighting = scoring.weigh(rows, start=date(2025, 1, 1), end=date(2025, 12, 31))
    assert [(w.measure, w.points) for w in weighting.weights] == [("control.tasks", Decimal(100))]
    assert weighting.scores[commune_a.pk].on_100 == Decimal("50.0")


def test_a_newer_open_row_replaces_the_older_one_for_the_same_measure(province, weights, commune_a):
    ScorecardWeight.objects.create(
        measure="control.tasks", points=80, valid_from=date(2026, 7, 1), legal_basis=BASIS
    )
    assert [(w.measure, w.points) for w in scoring.weights_in_force(date(2026, 8, 1))] == [
        ("control.tasks", Decimal(80)),
        ("feedback.handled_on_time", Decimal(40)),
    ]


def test_a_weight_naming_an_unknown_measure_is_refused(db):
    row = ScorecardWeight(measure="khong.co", points=10, valid_from=date(2026, 1, 1), legal_basis=BASIS)
    with pytest.raises(ValidationError, match="No such measure"):
        row.full_clean()


def test_the_default_weights_sum_to_100_and_name_registered_measures(db):
    defaults = scoring.weights_in_force(date(2026, 6, 30))
    assert sum(w.points for w in defaults) == 100
    for weight in defaults:
        scoring.check_measure(weight.measure)


def test_the_page_and_the_excel_show_each_weighted_rate_and_the_score(client, plan, officer, weights):
    client.force_login(officer)
    html = client.get("/kiem-soat/thi-dua/?start=2026-01-01&end=2026-06-30").content.decode()
    assert "Phản ánh, kiến nghị xử lý đúng hạn (%)" in html
    assert "Điểm (thang 100)" in html
    assert "60 điểm" in html
    response = client.get("/kiem-soat/thi-dua/?start=2026-01-01&end=2026-06-30&xuat=xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    header = [sheet.cell(8, c).value for c in range(1, sheet.max_column + 1)]
    assert header[-1] == "Điểm (thang 100)"
    assert header[-3].startswith("Nhiệm vụ hoàn thành đúng hạn (%)")
