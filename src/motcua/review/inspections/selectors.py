"""Every read of inspections, given the actor: the plan's agencies see all of the plan's inspections, an
inspected agency (and its divisions) sees its own; anything else is a 404."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from motcua.control.selectors import visible_plans
from motcua.org.models import User
from motcua.org.selectors import visible_agencies

from ..rules import reviewing_agency_ids
from ..selectors import NOT_FOUND
from .access import misconduct_for
from .models import Inspection, MisconductCase, Recommendation
from .workflows import FollowUpStatus


def inspections_for(actor: User) -> QuerySet[Inspection]:
    agencies = visible_agencies(actor)
    return Inspection.objects.filter(
        Q(plan__in=visible_plans(actor).values("pk"))
        | Q(inspecting_agency__in=agencies)
        | Q(agencies__in=reviewing_agency_ids(actor))
    ).distinct()


def inspection_for(actor: User, pk: int) -> Inspection:
    found = inspections_for(actor).select_related("plan", "inspecting_agency").filter(pk=pk).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def recommendation_for(actor: User, pk: int) -> Recommendation:
    found = (
        Recommendation.objects.filter(inspection__in=inspections_for(actor).values("pk"), pk=pk)
        .select_related("inspection__plan", "agency")
        .first()
    )
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def case_for(actor: User, pk: int) -> MisconductCase:
    found = misconduct_for(actor).select_related("agency").filter(pk=pk).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


@dataclass
class InspectionCounts:
    inspections: int
    with_minutes: int
    recommendations: int
    done: int
    done_late: int
    overdue: int
    awaiting_acceptance: int = 0
    accepted: int = 0


def counts(actor: User, *, year: int | None = None, today: date | None = None) -> InspectionCounts:
    """Figures for the periodic report: inspections (in the year), minutes, recommendations and their
    follow-up (reported done, done late, open past the deadline, awaiting acceptance, accepted)."""
    today = today or timezone.localdate()
    inspections = inspections_for(actor)
    if year is not None:
        inspections = inspections.filter(starts_on__year=year)
    rows = Recommendation.objects.filter(inspection__in=inspections.values("pk"))
    done = rows.filter(done_on__isnull=False)
    return InspectionCounts(
        inspections=inspections.count(),
        with_minutes=inspections.filter(minutes_on__isnull=False).count(),
        recommendations=rows.count(),
        done=done.count(),
        done_late=sum(1 for r in done.only("done_on", "due_on") if r.done_on > r.due_on),
        overdue=rows.filter(done_on__isnull=True, due_on__lt=today).count(),
        awaiting_acceptance=rows.filter(status=FollowUpStatus.REPORTED).count(),
        accepted=rows.filter(status=FollowUpStatus.ACCEPTED).count(),
    )
