"""Reads of communication activities, scoped to the agencies the actor sees."""

from datetime import date

from django.db.models import Count, QuerySet, Sum
from django.shortcuts import get_object_or_404

from motcua.control.models import PlanStatus, Task
from motcua.control.rules import member_agency_ids
from motcua.org.selectors import visible_agencies

from .models import ActivityKind, CommunicationActivity


def activities_for(
    actor, *, kind: str = "", start: date | None = None, end: date | None = None
) -> QuerySet[CommunicationActivity]:
    rows = CommunicationActivity.objects.filter(agency__in=visible_agencies(actor)).select_related(
        "agency", "task__plan"
    )
    if kind:
        rows = rows.filter(kind=kind)
    if start:
        rows = rows.filter(held_on__gte=start)
    if end:
        rows = rows.filter(held_on__lte=end)
    return rows


def activity_for(actor, pk: int) -> CommunicationActivity:
    return get_object_or_404(activities_for(actor), pk=pk)


def totals_by_kind(rows: QuerySet[CommunicationActivity]) -> list[dict]:
    totals = list(rows.values("kind").annotate(count=Count("id"), reach=Sum("reach")).order_by("kind"))
    for row in totals:
        row["label"] = ActivityKind(row["kind"]).label
    return totals


def tasks_for_recording(actor) -> QuerySet[Task]:
    """Tasks of issued plans given to the actor's agencies: what an activity can be recorded against."""
    mine = member_agency_ids(actor)
    led = Task.objects.filter(plan__status=PlanStatus.ISSUED, lead_agency__in=mine)
    supported = Task.objects.filter(plan__status=PlanStatus.ISSUED, supporting_agencies__in=mine)
    return (led | supported).distinct().select_related("plan").order_by("plan__number", "number")
