"""The generic workflow table: the dossier lifecycle expressed in it unchanged, the control tables walked
exhaustively, and the status columns kept valid by the database."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from motcua.control import workflows
from motcua.control.models import Plan, PlanStatus, Report
from motcua.core.workflow import (
    NEW,
    SYSTEM,
    ActionNotAllowed,
    ActionNotPossible,
    TransitionRefused,
    Workflow,
    acting_roles,
    assert_walk,
    row,
    system_row,
)
from motcua.dossiers import lifecycle, payments
from motcua.dossiers.models import Dossier, Payment

DOSSIER = lifecycle.DOSSIER


def test_the_dossier_lifecycle_is_a_core_workflow_table():
    """tests/dossiers/test_lifecycle.py walks every (state, action, role); here: it is this mechanism."""
    assert isinstance(DOSSIER, Workflow)
    assert lifecycle.transition == DOSSIER.transition
    assert lifecycle.allowed_actions == DOSSIER.allowed_actions
    assert DOSSIER.table == lifecycle.TABLE
    assert lifecycle.RESUME in DOSSIER.targets()


def expected_payment(source, action, held):
    rules = {
        (NEW, "declare"): ("pending", {lifecycle.APPLICANT}),
        (NEW, "record"): ("confirmed", {lifecycle.ONE_STOP, payments.GATEWAY}),
        ("pending", "confirm"): ("confirmed", {lifecycle.ONE_STOP, payments.GATEWAY}),
        ("pending", "cancel"): ("cancelled", {lifecycle.ONE_STOP}),
        ("pending", "supersede"): ("cancelled", {SYSTEM}),
    }
    target, who = rules.get((source, action), (None, set()))
    return target if held & who else None


def test_every_state_action_and_role_of_the_payment_table():
    assert assert_walk(payments.PAYMENT, expected_payment) >= len(payments.PAYMENT.table)


@pytest.mark.django_db
def test_the_database_refuses_a_dossier_or_payment_status_outside_their_tables():
    from tests.dossiers.factories import build_desk, receive

    dossier = receive(build_desk())
    with pytest.raises(IntegrityError), transaction.atomic():
        Dossier.objects.filter(pk=dossier.pk).update(status="overdue")
    payment = Payment.objects.create(
        dossier=dossier, amount=1000, method="counter", requested_at=dossier.received_at, plugin="x"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Payment.objects.filter(pk=payment.pk).update(status="refunded")


def test_a_refusal_says_why_in_both_languages_and_converts_to_the_service_errors():
    with pytest.raises(
        TransitionRefused, match=r"khi hồ sơ ở trạng thái “Đã trả kết quả”\. / This action"
    ) as error:
        DOSSIER.transition(lifecycle.Status.RETURNED, lifecycle.Action.HAND_OVER, {lifecycle.ONE_STOP})
    assert isinstance(error.value.as_error(), ActionNotPossible)
    assert isinstance(error.value.as_error(), ValidationError)
    with pytest.raises(TransitionRefused) as error:
        DOSSIER.transition(
            lifecycle.Status.RESULT_READY, lifecycle.Action.RETURN_RESULT, {lifecycle.SPECIALIST}
        )
    assert error.value.permission
    assert isinstance(error.value.as_error(), ActionNotAllowed)
    assert isinstance(error.value.as_error(), PermissionDenied)


def test_a_table_naming_an_unknown_state_or_a_row_twice_is_refused_when_declared():
    with pytest.raises(ValueError, match="unknown target"):
        Workflow("x", [row(PlanStatus.DRAFT, "issue", "published", {"a"})], statuses=PlanStatus)
    with pytest.raises(ValueError, match="twice"):
        Workflow(
            "x",
            [row(PlanStatus.DRAFT, "issue", PlanStatus.ISSUED, {"a"})] * 2,
            statuses=PlanStatus,
        )


def test_the_platform_acts_as_system_and_a_system_row_lets_it_take_the_step():
    assert acting_roles(None, "plan_manager") == {SYSTEM}  # data loading: whatever the caller claims
    assert acting_roles(object(), "plan_manager", "lead_agency") == {"plan_manager", "lead_agency"}
    plan = Workflow(
        "x", [system_row(PlanStatus.DRAFT, "issue", PlanStatus.ISSUED, {"a"})], statuses=PlanStatus
    )
    assert plan.transition(PlanStatus.DRAFT, "issue", acting_roles(None)).target == PlanStatus.ISSUED
    assert plan.allowed_actions(PlanStatus.DRAFT, {"a"}) == ["issue"]
    with pytest.raises(TransitionRefused):
        plan.transition(PlanStatus.DRAFT, "issue", {"b"})


M, L, S, A, SYS = (
    workflows.MANAGER,
    workflows.LEAD,
    workflows.SUPPORT,
    workflows.AGENCY,
    SYSTEM,
)


def expected_plan(source, action, held):
    rules = {("draft", "issue"): ("issued", {M, SYS}), ("issued", "close"): ("closed", {M, SYS})}
    target, who = rules.get((source, action), (None, set()))
    return target if held & who else None


def expected_occurrence(source, action, held):
    if action == "report" and source in ("open", "returned") and held & {L, S, SYS}:
        return "open"
    if action == "report_completion" and source in ("open", "returned") and held & {L, SYS}:
        return "submitted"
    if source == "submitted" and held & {M, SYS}:
        return {"accept": "done", "send_back": "returned"}.get(action)
    return None


def expected_review(source, action, held):
    if source == NEW and action == "report" and held & {L, S, SYS}:
        return ""
    if source == NEW and action == "report_completion" and held & {L, SYS}:
        return "pending"
    if source == "pending" and held & {M, SYS}:
        return {"accept": "accepted", "send_back": "returned"}.get(action)
    return None


def expected_report(source, action, held):
    if source in (NEW, "draft") and held & {A, SYS}:
        return {"save": "draft", "submit": "submitted"}.get(action)
    if source == "submitted" and action == "send_back" and held & {M, SYS}:
        return "draft"
    return None


@pytest.mark.parametrize(
    ("workflow", "expected"),
    [
        (workflows.PLAN, expected_plan),
        (workflows.OCCURRENCE, expected_occurrence),
        (workflows.REVIEW, expected_review),
        (workflows.REPORT, expected_report),
    ],
    ids=["plan", "occurrence", "review", "report"],
)
def test_every_state_action_and_role_of_the_control_tables(workflow, expected):
    assert assert_walk(workflow, expected) >= len(workflow.table)


def test_the_walk_fails_when_the_table_and_the_rule_disagree():
    with pytest.raises(AssertionError, match="plan: \\('draft', 'issue', \\['plan_manager'\\]\\)"):
        assert_walk(workflows.PLAN, lambda source, action, held: None)


@pytest.mark.django_db
def test_apply_is_what_moves_a_plan_and_refuses_a_second_issue(draft_plan, officer):
    workflows.PLAN.apply(draft_plan, "issue", {M})
    assert draft_plan.status == PlanStatus.ISSUED
    with pytest.raises(ActionNotPossible, match="Đã ban hành"):
        workflows.PLAN.apply(draft_plan, "issue", {M})
    with pytest.raises(ActionNotAllowed):
        workflows.PLAN.apply(draft_plan, "close", {L})


@pytest.mark.django_db
def test_the_database_refuses_a_status_outside_the_table(draft_plan, plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=draft_plan.pk).update(status="published")
    request_free = Report._meta.get_field("status")
    assert {c.name for c in Report._meta.constraints} >= {"control_report_status_valid"}
    assert request_free.default == "draft"


def test_the_check_constraint_lists_the_statuses():
    constraint = workflows.PLAN.check_constraint("x")
    assert constraint.condition.children == [("status__in", ["draft", "issued", "closed"])]


@pytest.mark.django_db
def test_services_issue_and_close_a_plan_through_the_table(draft_plan, officer, staff_a, commune_a):
    from motcua.control import services

    services.add_task(
        actor=officer,
        plan=draft_plan,
        content="Rà soát",
        lead_agency=commune_a,
        start_on=date(2026, 2, 1),
        due_on=date(2026, 3, 1),
    )
    with pytest.raises(ValidationError, match="Kết thúc"):
        services.close_plan(actor=officer, plan=draft_plan)
    services.issue_plan(actor=officer, plan=draft_plan)
    services.close_plan(actor=officer, plan=draft_plan, reason="Hết năm")
    draft_plan.refresh_from_db()
    assert draft_plan.status == PlanStatus.CLOSED


def test_the_payment_status_check_is_built_as_the_tables_are():
    """Payment's table (dossiers.payments) imports the model, so the model builds its check from the statuses
    with core's helper: the same constraint the table would give."""
    built = next(c for c in Payment._meta.constraints if c.name == "payment_status_valid")
    assert built == payments.PAYMENT.check_constraint("payment_status_valid")


def expected_procedure(source, action, held):
    from motcua.catalog import workflows as catalog

    rules = {
        ("draft", "publish"): "published",
        ("published", "amend"): "amended",
        ("amended", "amend"): "amended",
        ("abolished", "amend"): "amended",  # a later decision publishes a new draft of an ended procedure
        ("published", "end"): "abolished",
        ("amended", "end"): "abolished",
    }
    return rules.get((source, action)) if held & {catalog.ISSUER, SYSTEM} else None


def test_every_state_action_and_role_of_the_procedure_table():
    from motcua.catalog.workflows import PROCEDURE

    assert assert_walk(PROCEDURE, expected_procedure) >= len(PROCEDURE.table)


@pytest.mark.django_db
def test_the_database_refuses_a_procedure_status_outside_the_table():
    from motcua.catalog import services
    from motcua.catalog.models import Procedure
    from tests.catalog.factories import content

    procedure = services.save_draft(actor=None, content=content()).procedure
    with pytest.raises(IntegrityError), transaction.atomic():
        Procedure.objects.filter(pk=procedure.pk).update(status="withdrawn")
