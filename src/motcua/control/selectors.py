"""Every read of plans, tasks, targets and reports, given the acting user.

Scope: a plan is visible to those who see its issuing or following agency, and, once issued, to the
agencies it gives tasks or report duties to. Progress reports, target values and periodic reports are shown
only for agencies the actor sees (`visible_agencies`), except to the plan's managers, who see every agency's
answer to their own plan. A commune officer therefore never sees another commune's reports.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from motcua.core.trees import closure
from motcua.org.models import Agency, User
from motcua.org.selectors import visible_agencies, visible_agency_ids

from . import computations
from .deadlines import DeadlineBook, DeadlineState
from .models import (
    Aggregation,
    Evidence,
    OccurrenceStatus,
    Plan,
    PlanStatus,
    ProgressReport,
    Reminder,
    Report,
    ReportRequest,
    ReportStatus,
    Target,
    TargetSource,
    TargetValue,
    Task,
    TaskOccurrence,
)
from .rules import member_agency_ids


def visible_plans(actor: User) -> QuerySet[Plan]:
    agencies = visible_agencies(actor)
    own = Q(issuing_agency__in=agencies) | Q(owner_agency__in=agencies)
    assigned = ~Q(status=PlanStatus.DRAFT) & (
        Q(tasks__lead_agency__in=agencies)
        | Q(tasks__supporting_agencies__in=agencies)
        | Q(report_requests__agencies__in=agencies)
    )
    ids = Plan.objects.filter(own | assigned).values("pk")
    return Plan.objects.filter(pk__in=ids).select_related("issuing_agency", "owner_agency", "parent")


def plan_for(actor: User, pk: int) -> Plan:
    return get_object_or_404(visible_plans(actor), pk=pk)


def manages(actor: User, plan: Plan) -> bool:
    return actor.has_perm("control.manage_plan", plan)


def plan_lineage(actor: User, plan: Plan) -> tuple[list[Plan], list[tuple[Plan, int]]]:
    """The higher plans it implements (top first) and the plans derived from it, with their depth."""
    visible = set(visible_plans(actor).values_list("pk", flat=True))
    ancestors: list[Plan] = []
    current = plan.parent
    while current is not None:
        if current.pk in visible:
            ancestors.insert(0, current)
        current = current.parent
    descendants: list[tuple[Plan, int]] = []

    def walk(node: Plan, depth: int) -> None:
        for child in node.children.select_related("issuing_agency").order_by("issuing_agency__code"):
            if child.pk in visible:
                descendants.append((child, depth))
            walk(child, depth + 1)

    walk(plan, 1)
    return ancestors, descendants


def plan_tasks(plan: Plan) -> QuerySet[Task]:
    return plan.tasks.select_related("lead_agency__administrative_unit").prefetch_related(
        "supporting_agencies",
        "targets",
        Prefetch("occurrences", queryset=TaskOccurrence.objects.order_by("sequence")),
    )


def task_for(actor: User, pk: int) -> Task:
    task = get_object_or_404(Task.objects.select_related("plan", "lead_agency__administrative_unit"), pk=pk)
    plan_for(actor, task.plan_id)
    return task


def occurrence_for(actor: User, pk: int) -> TaskOccurrence:
    occurrence = get_object_or_404(
        TaskOccurrence.objects.select_related("task__plan", "task__lead_agency__administrative_unit"), pk=pk
    )
    plan_for(actor, occurrence.task.plan_id)
    return occurrence


def reports_of(actor: User, occurrence: TaskOccurrence) -> QuerySet[ProgressReport]:
    reports = occurrence.reports.select_related("agency", "author", "reviewed_by").prefetch_related(
        "evidence"
    )
    if manages(actor, occurrence.task.plan):
        return reports
    return reports.filter(agency__in=visible_agencies(actor))


def evidence_for(actor: User, pk: int) -> Evidence:
    evidence = get_object_or_404(Evidence.objects.select_related("report__occurrence"), pk=pk)
    if (
        not reports_of(actor, occurrence_for(actor, evidence.report.occurrence_id))
        .filter(pk=evidence.report_id)
        .exists()
    ):
        raise Http404
    return evidence


def acting_agencies(actor: User, task: Task) -> list[Agency]:
    """The agencies involved in the task that the actor works at: those it may accept and report for."""
    involved = {task.lead_agency_id, *task.supporting_agencies.values_list("pk", flat=True)}
    return list(Agency.objects.filter(pk__in=involved & member_agency_ids(actor)).order_by("code"))


def member_agencies(actor: User) -> QuerySet[Agency]:
    return Agency.objects.filter(pk__in=member_agency_ids(actor)).order_by("code")


@dataclass
class OccurrenceRow:
    occurrence: TaskOccurrence
    state: DeadlineState
    role: str = ""


def my_occurrences(actor: User, book: DeadlineBook) -> list[OccurrenceRow]:
    """Open work of the agencies the actor works at, in issued plans, nearest deadline first."""
    mine = member_agency_ids(actor)
    occurrences = (
        TaskOccurrence.objects.filter(task__plan__status=PlanStatus.ISSUED)
        .filter(Q(task__lead_agency__in=mine) | Q(task__supporting_agencies__in=mine))
        .exclude(status=OccurrenceStatus.DONE)
        .filter(period_start__lte=book.today)
        .select_related("task__plan", "task__lead_agency__administrative_unit")
        .distinct()
        .order_by("due_on", "task__number")
    )
    return [
        OccurrenceRow(o, book.state(o), "lead" if o.task.lead_agency_id in mine else "support")
        for o in occurrences
    ]


def pending_reviews(actor: User) -> QuerySet[ProgressReport]:
    plans = [p for p in visible_plans(actor).filter(status=PlanStatus.ISSUED) if manages(actor, p)]
    return (
        ProgressReport.objects.filter(occurrence__task__plan__in=plans, review_status="pending")
        .select_related("occurrence__task__plan", "agency")
        .order_by("submitted_at")
    )


# -------------------------------------------------------------------------------------------- targets


@dataclass
class AgencyValue:
    agency: Agency
    value: Decimal | None
    percent: Decimal | None
    met: bool


@dataclass
class TargetProgress:
    target: Target
    overall: Decimal | None
    percent: Decimal | None
    met: bool
    rows: list[AgencyValue] = field(default_factory=list)
    expected: int = 0
    reported: int = 0


def _percent(value: Decimal | None, goal: Decimal) -> Decimal | None:
    if value is None:
        return None
    if goal == 0:
        return Decimal(100)
    return min(Decimal(100), (Decimal(100) * value / goal)).quantize(Decimal("0.1"))


def target_agencies(target: Target) -> list[Agency]:
    """Where the target is measured: the agencies of its tasks, else of the plan's tasks, else the issuer."""
    return targets_agencies([target])[target.pk]


def targets_agencies(targets: list[Target]) -> dict[int, list[Agency]]:
    """`target_agencies` of several targets in five queries, whatever their number (a dashboard shows
    every target of every plan)."""
    by_target: dict[int, set[int]] = {t.pk: set() for t in targets}
    linked = Task.targets.through.objects.filter(target__in=targets).values_list("target_id", "task_id")
    tasks_of: dict[int, set[int]] = {}
    for target_id, task_id in linked:
        tasks_of.setdefault(target_id, set()).add(task_id)
    plan_tasks: dict[int, set[int]] = {}
    unlinked_plans = {t.plan_id for t in targets if t.pk not in tasks_of}
    leads: dict[int, int] = {}
    for task_id, plan_id, lead in Task.objects.filter(
        Q(pk__in={k for ks in tasks_of.values() for k in ks}) | Q(plan__in=unlinked_plans)
    ).values_list("pk", "plan_id", "lead_agency_id"):
        leads[task_id] = lead
        if plan_id in unlinked_plans:
            plan_tasks.setdefault(plan_id, set()).add(task_id)
    supporting: dict[int, set[int]] = {}
    for task_id, agency_id in Task.supporting_agencies.through.objects.filter(task__in=leads).values_list(
        "task_id", "agency_id"
    ):
        supporting.setdefault(task_id, set()).add(agency_id)
    for target_id, agency_id in TargetValue.objects.filter(target__in=targets).values_list(
        "target_id", "agency_id"
    ):
        by_target[target_id].add(agency_id)
    for target in targets:
        tasks = tasks_of.get(target.pk) or plan_tasks.get(target.plan_id, set())
        for task_id in tasks:
            by_target[target.pk] |= {leads[task_id], *supporting.get(task_id, ())}
        by_target[target.pk] = by_target[target.pk] or {target.plan.issuing_agency_id}
    agencies = Agency.objects.filter(pk__in=set().union(*by_target.values())).select_related(
        "administrative_unit"
    )
    found = {a.pk: a for a in agencies}
    return {pk: sorted((found[i] for i in ids), key=lambda a: a.code) for pk, ids in by_target.items()}


def target_period(target: Target, today: date) -> tuple[date, date]:
    start = date(target.plan.year_from, 1, 1)
    return start, max(start, min(today, date(target.plan.year_to, 12, 31)))


def target_progress(
    actor: User, target: Target, *, today: date | None = None, agencies: list[Agency] | None = None
) -> TargetProgress:
    """Progress of a target; `agencies`, when given, are its `target_agencies` read with others'."""
    today = today or timezone.localdate()
    agencies = target_agencies(target) if agencies is None else agencies
    shown = set(visible_agency_ids(actor))
    if manages(actor, target.plan):
        shown |= {a.pk for a in agencies}
    goal = target.target_value
    if target.source == TargetSource.COMPUTED:
        values = _computed_values(target, agencies, today)
    else:
        values = dict(TargetValue.objects.filter(target=target).values_list("agency_id", "value"))
    rows = [
        AgencyValue(a, values.get(a.pk), _percent(values.get(a.pk), goal), _met(values.get(a.pk), goal))
        for a in agencies
        if a.pk in shown
    ]
    overall = values.get("overall") if target.source == TargetSource.COMPUTED else _aggregate(target, values)
    return TargetProgress(
        target=target,
        overall=overall,
        percent=_percent(overall, goal),
        met=_met(overall, goal),
        rows=rows,
        expected=len(agencies),
        reported=sum(1 for a in agencies if values.get(a.pk) is not None),
    )


def _met(value: Decimal | None, goal: Decimal) -> bool:
    return value is not None and value >= goal


def _aggregate(target: Target, values: dict) -> Decimal | None:
    numbers = [v for v in values.values() if v is not None]
    if not numbers:
        return None
    total = sum(numbers, Decimal(0))
    if target.aggregation == Aggregation.MEAN:
        return (total / len(numbers)).quantize(Decimal("0.01"))
    return total


def _computed_values(target: Target, agencies: list[Agency], today: date) -> dict:
    computation = computations.get(target.computation)
    if computation is None:
        return {}
    start, end = target_period(target, today)
    groups = {a.pk: frozenset(closure(Agency, {a.pk}, link="parent")) for a in agencies}
    values: dict = {
        pk: computation.compute([group], start, end, target.params) for pk, group in groups.items()
    }
    values["overall"] = computation.compute(list(groups.values()), start, end, target.params)
    return values


# ----------------------------------------------------------------------------------- periodic reports


def visible_requests(actor: User) -> QuerySet[ReportRequest]:
    plans = visible_plans(actor)
    agencies = visible_agencies(actor)
    managed = [p.pk for p in plans if manages(actor, p)]
    return (
        ReportRequest.objects.filter(Q(plan__in=managed) | Q(agencies__in=agencies, plan__in=plans))
        .distinct()
        .select_related("plan__owner_agency", "period", "template")
    )


def request_for(actor: User, pk: int) -> ReportRequest:
    return get_object_or_404(visible_requests(actor), pk=pk)


def request_agencies(actor: User, request: ReportRequest) -> QuerySet[Agency]:
    """The agencies owing the report whose answers the actor may see."""
    agencies = request.agencies.select_related("administrative_unit").order_by("code")
    if manages(actor, request.plan):
        return agencies
    return agencies.filter(pk__in=visible_agencies(actor))


@dataclass
class RequestRow:
    agency: Agency
    report: Report | None
    state: str  # "on_time", "late", "draft", "missing"


def request_overview(actor: User, request: ReportRequest, book: DeadlineBook) -> list[RequestRow]:
    from .reports import submitted_on_time

    reports = {
        r.agency_id: r for r in request.reports.select_related("agency__administrative_unit", "request")
    }
    rows = []
    for agency in request_agencies(actor, request):
        report = reports.get(agency.pk)
        if report is None:
            state = "missing"
        elif report.status != ReportStatus.SUBMITTED:
            state = "draft"
        else:
            state = "on_time" if submitted_on_time(report, book) else "late"
        rows.append(RequestRow(agency, report, state))
    return rows


def report_for(actor: User, pk: int) -> Report:
    report = get_object_or_404(Report.objects.select_related("request__plan", "agency"), pk=pk)
    if (
        not request_agencies(actor, request_for(actor, report.request_id))
        .filter(pk=report.agency_id)
        .exists()
    ):
        raise Http404
    return report


def reminders_for(actor: User) -> QuerySet[Reminder]:
    agencies = visible_agencies(actor)
    return Reminder.objects.filter(agency__in=agencies).select_related(
        "agency", "rule", "occurrence__task__plan", "report_request", "sent_by"
    )
