"""Publication timing (§4): publish ≥ 5 working days before the law takes effect, post within 5 after."""

from datetime import date

import pytest

from motcua.catalog import services
from motcua.catalog.models import PublicationRule
from tests.catalog.factories import content, decide

pytestmark = pytest.mark.django_db

# Tết 2025: civil servants were off from Saturday 25/1 to Sunday 2/2.
LAW_IN_FORCE = date(2025, 2, 10)  # a Monday after Tết


def _decision(**kwargs):
    draft = services.save_draft(actor=None, content=content())
    return decide(publish=[draft.procedure], effective_from=LAW_IN_FORCE, **kwargs)


def test_publishing_five_working_days_before_the_law_is_on_time():
    decision = _decision(signed_on=date(2025, 2, 3), legal_effective_on=LAW_IN_FORCE)
    assert decision.publish_deadline == date(2025, 2, 3)
    assert decision.published_on_time is True


def test_one_day_later_is_late():
    decision = _decision(signed_on=date(2025, 2, 4), legal_effective_on=LAW_IN_FORCE)
    assert decision.published_on_time is False


def test_the_deadline_skips_tet():
    # Law in force Monday 3/2/2025: counting five working days back jumps over the Tết week to Monday 20/1.
    draft = services.save_draft(actor=None, content=content())
    decision = decide(
        publish=[draft.procedure],
        effective_from=date(2025, 2, 3),
        signed_on=date(2025, 1, 20),
        legal_effective_on=date(2025, 2, 3),
    )
    assert decision.publish_deadline == date(2025, 1, 20)
    assert decision.published_on_time is True


def test_posting_within_five_working_days_across_tet_is_on_time():
    # Signed on Friday 24/1/2025; the next five working days are 3/2–7/2 after Tết.
    decision = _decision(signed_on=date(2025, 1, 24), posted_on=date(2025, 2, 7))
    assert decision.post_deadline == date(2025, 2, 7)
    assert decision.posted_on_time is True


def test_posting_later_is_late_and_can_be_recorded_afterwards():
    decision = _decision(signed_on=date(2025, 1, 24))
    assert decision.posted_on_time is None
    services.record_national_posting(actor=None, decision=decision, posted_on=date(2025, 2, 10))
    decision.refresh_from_db()
    assert decision.posted_on_time is False


def test_the_rule_is_data_with_a_period():
    PublicationRule.objects.filter(kind=PublicationRule.Kind.POST_AFTER_DECISION).update(
        valid_to=date(2024, 12, 31)
    )
    PublicationRule.objects.create(
        kind=PublicationRule.Kind.POST_AFTER_DECISION,
        working_days=2,
        valid_from=date(2025, 1, 1),
        legal_basis="Quy định thử",
    )
    decision = _decision(signed_on=date(2025, 1, 24), posted_on=date(2025, 2, 7))
    assert decision.post_deadline == date(2025, 2, 4)
    assert decision.posted_on_time is False
