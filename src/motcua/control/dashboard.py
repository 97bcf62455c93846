"""Reads for the provincial office's dashboard and the emulation scorecard, scoped to the actor."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from motcua.org.models import Agency
from motcua.org.selectors import visible_agencies

from .deadlines import DeadlineBook, DeadlineState
from .models import Plan, PlanStatus, ReportRequest, Target, TaskOccurrence
from .selectors import (
    OccurrenceRow,
    TargetProgress,
    request_overview,
    target_progress,
    targets_agencies,
    visible_plans,
    visible_requests,
)

DONE_STATES = (DeadlineState.DONE_ON_TIME, DeadlineState.DONE_LATE)


@dataclass
class AgencyStats:
    agency: Agency
    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def on_time(self) -> int:
        return self.counts[DeadlineState.DONE_ON_TIME]

    @property
    def late(self) -> int:
        return self.counts[DeadlineState.DONE_LATE]

    @property
    def overdue(self) -> int:
        return self.counts[DeadlineState.OVERDUE]

    @property
    def open(self) -> int:
        return self.total - self.on_time - self.late - self.overdue


@dataclass
class Dashboard:
    year: int
    plans: list[Plan]
    by_agency: list[AgencyStats]
    totals: Counter
    targets: list[TargetProgress]
    outstanding: list[tuple[ReportRequest, int, int]]  # request, submitted, owed


def year_occurrences(actor, year: int) -> QuerySet[TaskOccurrence]:
    return TaskOccurrence.objects.filter(
        task__plan__in=visible_plans(actor).filter(status__in=[PlanStatus.ISSUED, PlanStatus.CLOSED]),
        task__lead_agency__in=visible_agencies(actor),
        due_on__year=year,
    ).select_related("task__plan", "task__lead_agency__administrative_unit")


def dashboard(actor, *, year: int, book: DeadlineBook) -> Dashboard:
    plans = list(
        visible_plans(actor).filter(year_from__lte=year, year_to__gte=year).order_by("kind", "number")
    )
    stats: dict[int, AgencyStats] = {}
    totals: Counter = Counter()
    for occurrence in year_occurrences(actor, year):
        agency = occurrence.task.lead_agency
        state = book.state(occurrence)
        stats.setdefault(agency.pk, AgencyStats(agency)).counts[state] += 1
        totals[state] += 1
    shown = list(
        Target.objects.filter(plan__in=[p for p in plans if p.status != PlanStatus.DRAFT])
        .select_related("plan")
        .order_by("plan__number", "code")
    )
    where = targets_agencies(shown)
    with book.shared():
        targets = [target_progress(actor, t, today=book.today, agencies=where[t.pk]) for t in shown]
    outstanding = []
    for request in visible_requests(actor).filter(plan__in=plans).order_by("due_on"):
        rows = request_overview(actor, request, book)
        submitted = sum(1 for r in rows if r.state in ("on_time", "late"))
        if submitted < len(rows):
            outstanding.append((request, submitted, len(rows)))
    return Dashboard(
        year=year,
        plans=plans,
        by_agency=sorted(stats.values(), key=lambda s: s.agency.code),
        totals=totals,
        targets=targets,
        outstanding=outstanding,
    )


def agency_occurrences(actor, agency: Agency, *, year: int, book: DeadlineBook) -> list[OccurrenceRow]:
    occurrences = year_occurrences(actor, year).filter(task__lead_agency=agency).order_by("due_on")
    return [OccurrenceRow(o, book.state(o), "lead") for o in occurrences]


# --------------------------------------------------------------------------------------- scorecard


@dataclass
class ScoreRow:
    agency: Agency
    tasks_on_time: int = 0
    tasks_late: int = 0
    tasks_not_done: int = 0
    reports_on_time: int = 0
    reports_late: int = 0
    reports_missing: int = 0
    targets_met: int = 0
    targets_total: int = 0

    @property
    def tasks_due(self) -> int:
        return self.tasks_on_time + self.tasks_late + self.tasks_not_done

    @property
    def reports_due(self) -> int:
        return self.reports_on_time + self.reports_late + self.reports_missing

    @staticmethod
    def rate(part: int, whole: int) -> Decimal | None:
        return None if not whole else (Decimal(100) * part / whole).quantize(Decimal("0.1"))

    @property
    def task_rate(self) -> Decimal | None:
        return self.rate(self.tasks_on_time, self.tasks_due)

    @property
    def report_rate(self) -> Decimal | None:
        return self.rate(self.reports_on_time, self.reports_due)

    @property
    def target_rate(self) -> Decimal | None:
        return self.rate(self.targets_met, self.targets_total)


def scorecard(actor, *, start: date, end: date, book: DeadlineBook | None = None) -> list[ScoreRow]:
    """Per agency over [start, end]: deadlines met, reports sent on time, targets reached.

    Only deadlines that have passed (or work already finished) count, so a period running into the future
    does not punish work that is not yet due.
    """
    book = book or DeadlineBook(today=timezone.localdate())
    rows: dict[int, ScoreRow] = {}

    def row(agency: Agency) -> ScoreRow:
        return rows.setdefault(agency.pk, ScoreRow(agency))

    plans = visible_plans(actor).filter(status__in=[PlanStatus.ISSUED, PlanStatus.CLOSED])
    occurrences = TaskOccurrence.objects.filter(
        task__plan__in=plans, task__lead_agency__in=visible_agencies(actor), due_on__range=(start, end)
    ).select_related("task__lead_agency__administrative_unit")
    for occurrence in occurrences:
        state = book.state(occurrence)
        target = row(occurrence.task.lead_agency)
        if state == DeadlineState.DONE_ON_TIME:
            target.tasks_on_time += 1
        elif state == DeadlineState.DONE_LATE:
            target.tasks_late += 1
        elif state == DeadlineState.OVERDUE:
            target.tasks_not_done += 1
    for request in visible_requests(actor).filter(due_on__range=(start, end)):
        for entry in request_overview(actor, request, book):
            target = row(entry.agency)
            if entry.state == "on_time":
                target.reports_on_time += 1
            elif entry.state == "late":
                target.reports_late += 1
            elif request.due_on < book.today:
                target.reports_missing += 1
    shown = list(
        Target.objects.filter(
            plan__in=plans, plan__year_from__lte=end.year, plan__year_to__gte=start.year
        ).select_related("plan")
    )
    where = targets_agencies(shown)
    with book.shared():
        progress = [
            target_progress(actor, t, today=min(end, book.today), agencies=where[t.pk]) for t in shown
        ]
    for value in (v for p in progress for v in p.rows):
        if value.value is None:
            continue
        entry = row(value.agency)
        entry.targets_total += 1
        entry.targets_met += value.met
    return sorted(rows.values(), key=lambda r: r.agency.code)
