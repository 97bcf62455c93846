"""Reads of ratings. The unsatisfied list is for leaders (agency leader, division head) and covers the
dossiers received, decided or handled (a step) by an agency `visible_agencies` gives them; the applicant
sees their own rating through the dossier they already reached through `dossiers_for`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from motcua.core.validity import valid_on
from motcua.dossiers.models import Dossier, DossierStep
from motcua.org.models import Agency, Role
from motcua.org.selectors import Actor, active_roles, visible_agencies

from .models import Rating, RatingAnswer, RatingCriterion

LEADING_ROLES = frozenset({Role.AGENCY_LEADER, Role.DIVISION_HEAD})


def criteria_in_force(day: date | None = None) -> list[RatingCriterion]:
    """The questions asked on `day`, in order; when two rows of a code overlap the later one wins."""
    day = day or timezone.localdate()
    chosen: dict[str, RatingCriterion] = {}
    for row in RatingCriterion.objects.filter(valid_on(day)).order_by("code", "-valid_from"):
        chosen.setdefault(row.code, row)
    return sorted(chosen.values(), key=lambda c: (c.position, c.code))


def rating_of(dossier: Dossier) -> Rating | None:
    """The rating of a dossier the caller obtained through a scoped selector."""
    return Rating.objects.filter(dossier=dossier).first()


def leads(actor: Actor) -> bool:
    return active_roles(actor).filter(role__in=LEADING_ROLES).exists()


def _bounds(start: date | None, end: date | None) -> Q:
    tz = timezone.get_current_timezone()
    q = Q()
    if start is not None:
        q &= Q(rated_at__gte=datetime.combine(start, time.min, tz))
    if end is not None:
        q &= Q(rated_at__lt=datetime.combine(end + timedelta(days=1), time.min, tz))
    return q


def _of_agencies(agencies: QuerySet[Agency, Any] | list[Agency]) -> Q:
    return Q(dossier__competent_agency__in=agencies) | Q(dossier__receiving_agency__in=agencies)


def _handled_by(agencies: QuerySet[Agency, Any]) -> Q:
    """Also dossiers with a step at one of the agencies: a division head follows up what their division
    handled."""
    return _of_agencies(agencies) | Q(
        dossier__in=DossierStep.objects.filter(agency__in=agencies).values("dossier")
    )


def unsatisfied_for(actor: Actor, *, start: date | None = None, end: date | None = None) -> QuerySet[Rating]:
    """Unsatisfied ratings a leader must see: dossiers received, decided or handled within their scope."""
    if not leads(actor):
        return Rating.objects.none()
    agencies = visible_agencies(actor).values("pk")
    return (
        Rating.objects.filter(_handled_by(agencies), _bounds(start, end), satisfied=False)
        .select_related(
            "dossier__procedure_version", "dossier__competent_agency", "dossier__receiving_agency"
        )
        .prefetch_related(Prefetch("answers", queryset=RatingAnswer.objects.select_related("criterion")))
        .order_by("-rated_at", "-id")
    )


@dataclass(frozen=True)
class Satisfaction:
    rated: int
    satisfied: int

    @property
    def rate(self) -> Decimal | None:
        """Share of satisfied ratings in percent (None without ratings: nothing to divide)."""
        if not self.rated:
            return None
        return (Decimal(self.satisfied) * 100 / self.rated).quantize(Decimal("0.01"))


def satisfaction_rate(agencies: QuerySet[Agency] | list[Agency], period: tuple[date, date]) -> Satisfaction:
    """Ratings given in `period` (first and last day, local dates) on dossiers the agencies received or
    decided; the index reads it per agency (QĐ 766, group 6)."""
    start, end = period
    counts = Rating.objects.filter(_of_agencies(agencies), _bounds(start, end)).aggregate(
        rated=Count("pk"), satisfied=Count("pk", filter=Q(satisfied=True))
    )
    return Satisfaction(rated=counts["rated"], satisfied=counts["satisfied"])
