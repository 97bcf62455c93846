"""The standard-cost arithmetic of TT 07/2014/TT-BTP against a worked example computed by hand.

Hourly income: 7 700 000 ÷ 22 ÷ 8 = 43 750 đ.
Now: papers 4 h × 43 750 + 20 000 = 195 000; travel 2 h × 43 750 + 30 000 = 117 500;
     waiting 1,5 h × 43 750 = 65 625; fee 100 000. Per dossier 478 125 đ.
After: papers 2 h × 43 750 = 87 500; fee 50 000. Per dossier 137 500 đ.
1 200 subjects once a year: 573 750 000 đ now, 165 000 000 đ after, saving 408 750 000 đ,
408 750 000 ÷ 573 750 000 = 71,2418…% → 71,24%.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from motcua.review import costs, services
from motcua.review.models import IncomeRate

from .conftest import AFTER, BEFORE, filled_review


def test_hourly_income_of_the_seeded_rate(db):
    rate = IncomeRate.objects.get(valid_from=date(2025, 1, 1))
    assert rate.hourly_income == Decimal("43750")
    assert "Thống kê" in rate.statistical_source
    assert "07/2014/TT-BTP" in rate.legal_basis


def test_pure_arithmetic_matches_the_hand_computation():
    def actions(rows):
        return [costs.Action(Decimal(r["hours"]), Decimal(r["money"])) for r in rows]

    result = costs.figures(
        before=actions(BEFORE),
        after=actions(AFTER),
        hourly_income=Decimal(43750),
        times_before=Decimal(1),
        times_after=Decimal(1),
        subjects=1200,
    )
    assert result.cost_before == Decimal("478125")
    assert result.cost_after == Decimal("137500")
    assert result.annual_before == Decimal("573750000")
    assert result.annual_after == Decimal("165000000")
    assert result.saving == Decimal("408750000")
    assert result.percent == Decimal("71.24")


def test_times_a_year_multiply_the_annual_cost():
    # A licence renewed twice a year now, once after: 2 × 100 000 × 10 = 2 000 000; 1 × 100 000 × 10.
    one = [costs.Action(Decimal(0), Decimal(100000))]
    result = costs.figures(
        before=one,
        after=one,
        hourly_income=Decimal(1),
        times_before=Decimal(2),
        times_after=Decimal(1),
        subjects=10,
    )
    assert (result.annual_before, result.annual_after, result.percent) == (
        Decimal(2000000),
        Decimal(1000000),
        Decimal("50.00"),
    )


def test_no_cost_now_has_no_percentage():
    assert costs.saving_percent(Decimal(0), Decimal(0)) is None


def test_the_form_stores_the_hand_computed_figures(world):
    review = filled_review(world)
    review.refresh_from_db()
    assert review.hourly_income == Decimal("43750")
    assert (review.cost_before, review.cost_after) == (Decimal("478125"), Decimal("137500"))
    assert (review.annual_before, review.annual_after) == (Decimal("573750000"), Decimal("165000000"))
    assert review.saving == Decimal("408750000")


def test_subjects_default_to_the_platforms_own_dossiers(world):
    review = services.start_review(
        actor=world.reviewer, item=world.item, procedure=world.procedure, today=date(2026, 3, 2)
    )
    assert review.dossiers_counted == 0
    assert review.subjects == 0


@pytest.mark.parametrize("bad", ["-1", "abc", "1e400", "NaN", "Infinity", "\x00"])
def test_bad_numbers_are_a_message(world, bad):
    review = services.start_review(
        actor=world.reviewer, item=world.item, procedure=world.procedure, today=date(2026, 3, 2)
    )
    with pytest.raises(ValidationError):
        services.save_actions(
            actor=world.reviewer,
            review=review,
            phase="before",
            actions=[{"kind": "papers", "description": "x", "hours": bad, "money": "0"}],
        )
