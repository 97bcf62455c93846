"""Every read of draft regulations, given the actor.

A draft is visible to whoever sees its control unit or its control plan's agencies (the office and the
province's control officers), and to its drafting agency (and that agency's divisions); another department
gets a 404, as with review forms.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from motcua.control.deadlines import DeadlineBook
from motcua.control.models import Plan, PlanKind, PlanStatus
from motcua.core.validity import in_force
from motcua.org.models import User
from motcua.org.selectors import visible_agencies

from ..rules import reviewing_agency_ids
from ..selectors import NOT_FOUND
from .models import Acceptance, DraftProcedure, DraftRegulation, OpinionTimeLimit
from .workflows import DraftStatus

CONTROL_PLAN_KINDS = (PlanKind.TTHC_CONTROL, PlanKind.REVIEW)


def drafts_for(actor: User) -> QuerySet[DraftRegulation]:
    agencies = visible_agencies(actor)
    return DraftRegulation.objects.filter(
        Q(control_agency__in=agencies)
        | Q(plan__issuing_agency__in=agencies)
        | Q(plan__owner_agency__in=agencies)
        | Q(drafting_agency__in=agencies)
        | Q(drafting_agency__in=reviewing_agency_ids(actor))
    ).distinct()


def draft_for(actor: User, pk: int) -> DraftRegulation:
    found = (
        drafts_for(actor)
        .select_related(
            "plan", "drafting_agency", "control_agency", "time_limit", "publication_decision", "task"
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def row_for(actor: User, pk: int) -> DraftProcedure:
    found = (
        DraftProcedure.objects.filter(draft__in=drafts_for(actor).values("pk"), pk=pk)
        .select_related("draft__drafting_agency", "draft__control_agency", "procedure", "income_rate")
        .first()
    )
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def rows_of(draft: DraftRegulation) -> QuerySet[DraftProcedure]:
    return draft.procedures.select_related("procedure", "catalog_draft__decision").order_by("pk")


def registering_plans(actor: User) -> list[Plan]:
    """Issued control or review plans the actor manages: where a new draft's opinion task goes."""
    plans = Plan.objects.filter(kind__in=CONTROL_PLAN_KINDS, status=PlanStatus.ISSUED).select_related(
        "owner_agency", "issuing_agency"
    )
    return [p for p in plans.order_by("-year_from", "number") if actor.has_perm("control.manage_plan", p)]


def time_limit_on(day: date) -> OpinionTimeLimit | None:
    return in_force(OpinionTimeLimit.objects.all(), day)


@dataclass
class QueueRow:
    draft: DraftRegulation
    working_days_left: int | None

    @property
    def overdue(self) -> bool:
        return self.working_days_left is not None and self.working_days_left < 0

    @property
    def overdue_days(self) -> int:
        return -self.working_days_left if self.overdue and self.working_days_left is not None else 0


def opinion_queue(actor: User, *, today: date | None = None) -> list[QueueRow]:
    """Drafts waiting for the opinion, soonest deadline first, with the working days left (negative when
    overdue) on the control unit's calendar."""
    waiting = (
        drafts_for(actor)
        .filter(status=DraftStatus.REGISTERED)
        .select_related("drafting_agency", "control_agency__administrative_unit")
        .order_by("opinion_due_on", "pk")
    )
    return opinion_queue_of(waiting, today=today)


def opinion_queue_of(drafts: Iterable[DraftRegulation], *, today: date | None = None) -> list[QueueRow]:
    book = DeadlineBook(today=today or timezone.localdate())
    return [QueueRow(d, book.working_days_left(d.opinion_due_on, d.control_agency)) for d in drafts]


@dataclass
class DraftCounts:
    drafts: int
    answered: int
    answered_late: int
    procedures: int
    opinions: int
    accepted: int
    partly: int
    not_accepted: int
    issued: int
    published: int


def counts(actor: User, *, year: int | None = None) -> DraftCounts:
    """The report's figures: drafts received (in the year), answered (late), procedures in them, opinions
    given on procedures and how the drafting agencies took them, documents issued and published."""
    drafts = drafts_for(actor)
    if year is not None:
        drafts = drafts.filter(received_on__year=year)
    rows = DraftProcedure.objects.filter(draft__in=drafts.values("pk"))
    answered = drafts.exclude(status=DraftStatus.REGISTERED)
    by_acceptance = dict(rows.values("acceptance").annotate(n=Count("pk")).values_list("acceptance", "n"))
    return DraftCounts(
        drafts=drafts.count(),
        answered=answered.count(),
        answered_late=sum(1 for d in answered.only("opinion_on", "opinion_due_on") if d.answered_late),
        procedures=rows.count(),
        opinions=rows.exclude(opinion="").count(),
        accepted=by_acceptance.get(Acceptance.ACCEPTED, 0),
        partly=by_acceptance.get(Acceptance.PARTLY, 0),
        not_accepted=by_acceptance.get(Acceptance.NOT_ACCEPTED, 0),
        issued=drafts.filter(status=DraftStatus.ISSUED).count(),
        published=drafts.filter(publication_decision__isnull=False).count(),
    )
