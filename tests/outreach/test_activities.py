"""Communication activities: recorded by the agency's own staff, counted by computed targets."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from motcua.control import selectors, services
from motcua.control.models import TargetSource
from motcua.outreach import services as outreach
from motcua.outreach.models import ActivityKind


def record(actor, agency, kind, day, **extra):
    return outreach.record_activity(
        actor=actor, agency=agency, kind=kind, title="Chuyên mục CCHC", held_on=day, **extra
    )


def test_a_commune_records_its_activity_but_not_another_communes(plan, staff_a, commune_a, commune_b):
    activity = record(
        staff_a, commune_a, ActivityKind.RADIO, date(2026, 2, 3), reach=1200, task=plan.tasks.get(number=1)
    )
    assert activity.task.activities.get() == activity
    with pytest.raises(PermissionDenied):
        record(staff_a, commune_b, ActivityKind.RADIO, date(2026, 2, 3))


def test_an_activity_cannot_be_linked_to_a_task_of_another_agency(plan, staff_a, commune_a):
    with pytest.raises(ValidationError, match="không giao"):
        record(staff_a, commune_a, ActivityKind.RADIO, date(2026, 2, 3), task=plan.tasks.get(number=2))


def test_computed_targets_count_activities_per_agency_and_overall(
    plan, officer, staff_a, staff_b, commune_a, commune_b
):
    radio_share = services.add_target(
        actor=officer,
        plan=plan,
        code="CT2",
        name="100% đài truyền thanh xã có chuyên mục CCHC",
        unit="%",
        target_value=100,
        source=TargetSource.COMPUTED,
        computation="outreach.agencies_with_activity_rate",
        params={"kinds": [ActivityKind.RADIO]},
    )
    articles = services.add_target(
        actor=officer,
        plan=plan,
        code="CT3",
        name="Bài viết về CCHC",
        unit="bài",
        target_value=3,
        source=TargetSource.COMPUTED,
        computation="outreach.activity_count",
        params={"kinds": [ActivityKind.PORTAL_ARTICLE, ActivityKind.PRESS_ARTICLE]},
    )
    record(staff_a, commune_a, ActivityKind.RADIO, date(2026, 1, 20))
    record(staff_a, commune_a, ActivityKind.PORTAL_ARTICLE, date(2026, 2, 1))
    record(staff_b, commune_b, ActivityKind.PRESS_ARTICLE, date(2026, 2, 2))
    record(staff_b, commune_b, ActivityKind.PORTAL_ARTICLE, date(2025, 12, 31))  # before the plan's period

    share = selectors.target_progress(officer, radio_share, today=date(2026, 3, 1))
    assert share.overall == 50
    assert not share.met
    assert {row.agency: row.value for row in share.rows} == {commune_a: 100, commune_b: 0}

    count = selectors.target_progress(officer, articles, today=date(2026, 3, 1))
    assert count.overall == 2
    assert count.percent == Decimal("66.7")
    # A commune officer sees only its own row, and the overall figure.
    mine = selectors.target_progress(staff_a, articles, today=date(2026, 3, 1))
    assert [row.agency for row in mine.rows] == [commune_a]
    assert mine.overall == 2


def test_unknown_computations_are_refused(plan, officer):
    with pytest.raises(ValidationError, match="không có trong danh mục"):
        services.add_target(
            actor=officer,
            plan=plan,
            code="X",
            name="x",
            unit="x",
            target_value=1,
            source=TargetSource.COMPUTED,
            computation="nope.nothing",
        )


def test_entered_targets_average_what_agencies_report(plan, officer, staff_a, staff_b, commune_a, commune_b):
    target = services.add_target(
        actor=officer,
        plan=plan,
        code="CT1",
        name="Cổng TTĐT có chuyên mục CCHC",
        unit="%",
        target_value=100,
        source=TargetSource.ENTERED,
        aggregation="mean",
    )
    services.record_target_value(
        actor=staff_a, target=target, agency=commune_a, value=100, as_of=date(2026, 3, 1)
    )
    services.record_target_value(
        actor=staff_b, target=target, agency=commune_b, value=50, as_of=date(2026, 3, 1)
    )
    with pytest.raises(PermissionDenied):
        services.record_target_value(
            actor=staff_a, target=target, agency=commune_b, value=100, as_of=date(2026, 3, 1)
        )
    progress = selectors.target_progress(officer, target)
    assert progress.overall == 75
    assert progress.reported == 2
