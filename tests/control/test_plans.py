"""Plans: issuing, deriving an agency's own plan from the province's, copying tasks, the tree of plans."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from motcua.control import selectors, services
from motcua.control.models import PlanStatus, Recurrence, TargetSource
from motcua.core.models import AuditEvent
from motcua.org.models import Role


def test_a_plan_cannot_be_issued_without_tasks(draft_plan, officer):
    with pytest.raises(ValidationError, match="chưa có nhiệm vụ"):
        services.issue_plan(actor=officer, plan=draft_plan)


def test_issuing_records_an_audit_event(plan, officer):
    assert plan.status == PlanStatus.ISSUED
    assert AuditEvent.objects.filter(action="plan.issue", target_id=str(plan.pk), actor=officer).exists()


def test_a_recurring_task_has_one_occurrence_per_quarter_due_on_the_14th_of_its_last_month(plan):
    quarterly = plan.tasks.get(recurrence=Recurrence.QUARTERLY)
    assert [(o.label, o.due_on) for o in quarterly.occurrences.all()] == [
        ("Quý 1/2026", date(2026, 3, 14)),
        ("Quý 2/2026", date(2026, 6, 14)),
        ("Quý 3/2026", date(2026, 9, 14)),
        ("Quý 4/2026", date(2026, 12, 14)),
    ]


def test_a_commune_derives_its_plan_and_gets_copies_of_the_tasks_given_to_it(
    plan, officer, province, make_staff
):
    commune_b = province.communes["Xã B"]["committee"]
    leader = make_staff(commune_b, Role.AGENCY_LEADER, username="chutich-b")
    target = services.add_target(
        actor=officer,
        plan=plan,
        code="CT1",
        name="100% TTHC được niêm yết",
        unit="%",
        target_value=100,
        source=TargetSource.ENTERED,
        aggregation="mean",
    )
    first = plan.tasks.get(number=1)
    first.targets.add(target)

    own = services.derive_plan(
        actor=leader,
        parent=plan,
        issuing_agency=commune_b,
        title="Kế hoạch KSTTHC năm 2026 của xã B",
        number="12/KH-UBND",
        signed_on=date(2026, 1, 20),
    )

    assert own.parent == plan
    assert own.status == PlanStatus.DRAFT
    assert own.owner_agency == commune_b
    copies = list(own.tasks.order_by("number"))
    # B supports task 1 and leads task 2: both are copied, each now led by B and linked to its original.
    assert [(t.number, t.parent.number, t.lead_agency) for t in copies] == [
        (1, 1, commune_b),
        (2, 2, commune_b),
    ]
    assert copies[1].occurrences.count() == 4
    copied_target = own.targets.get()
    assert copied_target.parent == target
    assert list(copies[0].targets.all()) == [copied_target]

    ancestors, descendants = selectors.plan_lineage(officer, plan)
    assert ancestors == []
    assert descendants == [(own, 1)]
    ancestors, _ = selectors.plan_lineage(leader, own)
    assert ancestors == [plan]


def test_a_commune_cannot_issue_a_plan_in_another_communes_name(plan, province, staff_a):
    with pytest.raises(PermissionDenied):
        services.derive_plan(
            actor=staff_a, parent=plan, issuing_agency=province.communes["Xã B"]["committee"], title="x"
        )


def test_only_an_issued_plan_can_be_derived_from(draft_plan, province, officer):
    with pytest.raises(ValidationError):
        services.derive_plan(actor=officer, parent=draft_plan, issuing_agency=province.committee, title="x")


def test_drafts_are_hidden_from_the_agencies_they_will_give_tasks_to(draft_plan, officer, staff_a, commune_a):
    services.add_task(
        actor=officer,
        plan=draft_plan,
        content="Việc",
        lead_agency=commune_a,
        start_on=date(2026, 1, 1),
        due_on=date(2026, 2, 1),
    )
    assert draft_plan not in selectors.visible_plans(staff_a)
    services.issue_plan(actor=officer, plan=draft_plan)
    assert draft_plan in selectors.visible_plans(staff_a)
