"""Every read of reviews, given the actor.

An item (and its forms) is visible to whoever sees the plan's issuing or following agency (the office and
the province's control officers see the whole plan), and to whoever sees its reviewing agency (a department
sees its own items, never another department's). Anything else is a 404.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from motcua.control.models import Plan, PlanKind, PlanStatus
from motcua.control.selectors import visible_plans
from motcua.core.validity import in_force
from motcua.dossiers.selectors import dossiers_for
from motcua.org.models import User
from motcua.org.selectors import visible_agencies

from . import costs
from .models import (
    AMENDING,
    ApprovalDecision,
    CostAction,
    IncomeRate,
    ProcedureReview,
    Proposal,
    ReviewItem,
    ReviewStatus,
)
from .rules import reviewing_agency_ids

NOT_FOUND = "Không tìm thấy trong phạm vi của bạn. / Not found in your scope."


def opens_control_plan(actor: User, plan_id: int | None) -> bool:
    """Whether the control pages of this plan (and its tasks) open for the actor: a review page links them
    only then, since the control app scopes plans to their own agencies and answers 404 otherwise (a
    division head reviewing an item sees the review, not the office's plan)."""
    return plan_id is not None and visible_plans(actor).filter(pk=plan_id).exists()


def review_plans(actor: User) -> QuerySet[Plan]:
    """Review plans the actor sees: the plan's own agencies, or an agency with an item in it."""
    return Plan.objects.filter(
        Q(pk__in=visible_plans(actor).values("pk")) | Q(pk__in=items_for(actor).values("plan_id")),
        kind=PlanKind.REVIEW,
    ).select_related("issuing_agency", "owner_agency")


def plan_for(actor: User, pk: int) -> Plan:
    found = review_plans(actor).filter(pk=pk).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def items_for(actor: User) -> QuerySet[ReviewItem]:
    """The plan's own agencies see every item; a reviewing agency (and its divisions, who draft its forms)
    sees its items once the plan is issued."""
    agencies = visible_agencies(actor)
    reviewing = Q(reviewing_agency__in=agencies) | Q(reviewing_agency__in=reviewing_agency_ids(actor))
    return ReviewItem.objects.filter(
        Q(plan__issuing_agency__in=agencies)
        | Q(plan__owner_agency__in=agencies)
        | (reviewing & ~Q(plan__status=PlanStatus.DRAFT))
    ).distinct()


def plan_items(actor: User, plan: Plan) -> QuerySet[ReviewItem]:
    return (
        items_for(actor)
        .filter(plan=plan)
        .select_related("reviewing_agency", "task")
        .prefetch_related("procedures", "reviews__procedure")
        .order_by("due_on", "pk")
    )


def item_for(actor: User, pk: int) -> ReviewItem:
    found = items_for(actor).select_related("plan", "reviewing_agency", "task").filter(pk=pk).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def reviews_for(actor: User) -> QuerySet[ProcedureReview]:
    return ProcedureReview.objects.filter(item__in=items_for(actor).values("pk"))


def review_for(actor: User, pk: int) -> ProcedureReview:
    found = (
        reviews_for(actor)
        .select_related(
            "item__plan__issuing_agency",
            "item__reviewing_agency",
            "procedure__sector",
            "decision",
            "catalog_draft__decision",
            "income_rate",
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def decision_for(actor: User, pk: int) -> ApprovalDecision:
    found = ApprovalDecision.objects.filter(plan__in=review_plans(actor).values("pk"), pk=pk).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def income_rate_on(day: date) -> IncomeRate | None:
    return in_force(IncomeRate.objects.all(), day)


def dossiers_last_year(actor: User, review_procedure_id: int, *, today: date | None = None) -> int:
    """The procedure's dossiers received in the 12 months before `today`, among those the actor sees:
    the platform's own count, the default for the subjects a year."""
    today = today or timezone.localdate()
    since = today - timedelta(days=365)
    return (
        dossiers_for(actor)
        .filter(procedure_id=review_procedure_id, received_at__date__gt=since, received_at__date__lte=today)
        .count()
    )


def actions_of(review: ProcedureReview, phase: str) -> QuerySet[CostAction]:
    return review.actions.filter(phase=phase).order_by("pk")


@dataclass
class AgencyRow:
    agency: str
    procedures: int
    options: int
    approved: int
    annual_before: Decimal
    annual_after: Decimal

    @property
    def saving(self) -> Decimal:
        return self.annual_before - self.annual_after

    @property
    def percent(self) -> Decimal | None:
        return costs.saving_percent(self.annual_before, self.annual_after)


@dataclass
class Summary:
    """The province's summed report: procedures reviewed, options proposed and approved, their costs."""

    rows: list[AgencyRow]
    total: AgencyRow
    amend: int
    abolish: int
    replace: int
    keep: int


def summary_reviews(
    actor: User, *, plan: Plan | None = None, year: int | None = None
) -> QuerySet[ProcedureReview]:
    """The forms a summary counts: sent or approved, of the plan or of the plans covering the year."""
    reviews = reviews_for(actor).exclude(status=ReviewStatus.DRAFT)
    if plan is not None:
        reviews = reviews.filter(item__plan=plan)
    if year is not None:
        reviews = reviews.filter(item__plan__year_from__lte=year, item__plan__year_to__gte=year)
    return reviews.select_related("procedure", "item__reviewing_agency", "decision").order_by(
        "item__reviewing_agency__name", "procedure__national_code"
    )


def summary(actor: User, *, plan: Plan | None = None, year: int | None = None) -> Summary:
    """Reviews sent or approved, by reviewing agency. Costs sum the approved options only: the figures the
    decisions approved."""
    reviews = summary_reviews(actor, plan=plan, year=year)
    approved = Q(status=ReviewStatus.APPROVED)
    option = ~Q(proposal=Proposal.KEEP)
    grouped = (
        reviews.values("item__reviewing_agency__name")
        .annotate(
            procedures=Count("procedure", distinct=True),
            options=Count("pk", filter=option),
            approved=Count("pk", filter=option & approved),
            annual_before=Sum("annual_before", filter=approved & option),
            annual_after=Sum("annual_after", filter=approved & option),
        )
        .order_by("item__reviewing_agency__name")
    )
    rows = [
        AgencyRow(
            agency=g["item__reviewing_agency__name"],
            procedures=g["procedures"],
            options=g["options"],
            approved=g["approved"],
            annual_before=g["annual_before"] or Decimal(0),
            annual_after=g["annual_after"] or Decimal(0),
        )
        for g in grouped
    ]
    total = AgencyRow(
        agency="",
        procedures=reviews.values("procedure").distinct().count(),
        options=sum(r.options for r in rows),
        approved=sum(r.approved for r in rows),
        annual_before=sum((r.annual_before for r in rows), Decimal(0)),
        annual_after=sum((r.annual_after for r in rows), Decimal(0)),
    )
    kinds = dict(
        reviews.filter(approved).values("proposal").annotate(n=Count("pk")).values_list("proposal", "n")
    )
    return Summary(
        rows=rows,
        total=total,
        amend=sum(kinds.get(p, 0) for p in AMENDING),
        abolish=kinds.get(Proposal.ABOLISH, 0),
        replace=kinds.get(Proposal.REPLACE, 0),
        keep=kinds.get(Proposal.KEEP, 0),
    )
