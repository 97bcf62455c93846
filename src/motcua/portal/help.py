"""Reads for the portal home and help pages: the most used procedures, service centres with the office
hours in force and today's open/closed state, and the public Q&A grouped by topic.

Everything here is public: procedure names with dossier counts (no dossier data leaves this module),
contact data of service centres, and published Q&A.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from motcua.catalog.models import ProcedureVersion
from motcua.catalog.search import in_force, search_procedures
from motcua.org.models import AdministrativeUnit, Agency, AgencyKind
from motcua.org.selectors import public_service_centres
from motcua.outreach.models import Faq, FaqTopic
from motcua.outreach.selectors import published_faqs
from motcua.serviceindex.models import DossierDay, Fact
from motcua.workdays.calendar import Calendar, DayInfo, DayStatus
from motcua.workdays.labels import STATUS_LABELS, WEEKDAYS
from motcua.workdays.loader import calendar_for
from motcua.workdays.public_holidays import SUPPORTED_YEARS

MOST_USED_LIMIT = 8
MOST_USED_WINDOW = timedelta(days=365)
# Summing a year of the per-day aggregates on every visit is still wasteful; ten minutes old is fresh enough.
MOST_USED_CACHE_SECONDS = 600
NOON = time(12, 0)


@dataclass(frozen=True)
class UsedProcedure:
    code: str
    name: str
    sector: str
    dossiers: int


def most_used_procedures(*, limit: int = MOST_USED_LIMIT, on: date | None = None) -> list[UsedProcedure]:
    """The published procedures with the most dossiers in the last 365 days, padded in catalog order."""
    day = on or timezone.localdate()
    key = f"portal:most-used:{day.isoformat()}:{limit}"
    found = cache.get(key)
    if found is None:
        found = _most_used(day, limit)
        cache.set(key, found, MOST_USED_CACHE_SECONDS)
    return found


def _most_used(day: date, limit: int) -> list[UsedProcedure]:
    """Counted from the service index's per-day aggregates (dossiers received per day, agency and procedure),
    not from the dossiers: the year's rows of the aggregate are read through its (fact, day) index, so the
    cost follows the number of days and procedures, not the millions of dossiers behind them (a GROUP BY over
    the dossiers took 0.3 s at one million and 1.2 s at five, issue 23). A dossier counts from the day it
    was received."""
    published = in_force(day)
    window = DossierDay.objects.filter(
        fact=Fact.RECEIVED, day__gt=day - MOST_USED_WINDOW, day__lte=day, dossiers__gt=0
    )
    counts = [
        (row["procedure"], row["dossiers"])
        for row in window.filter(procedure__in=published.values("procedure"))
        .values("procedure")
        .annotate(dossiers=Sum("dossiers"))
        .order_by("-dossiers", "procedure")[:limit]
    ]
    ranked = [pk for pk, _n in counts]
    versions = {
        v.procedure_id: v
        for v in published.filter(procedure__in=ranked).select_related("procedure", "sector")
    }
    rows = [_used(versions[pk], n) for pk, n in counts if pk in versions]
    if len(rows) < limit:
        rest = search_procedures("", at=day).exclude(procedure__in=ranked)[: limit - len(rows)]
        rows += [_used(version, 0) for version in rest]
    return rows


def _used(version: ProcedureVersion, dossiers: int) -> UsedProcedure:
    return UsedProcedure(
        code=version.procedure.national_code, name=version.name, sector=version.sector.name, dossiers=dossiers
    )


# ---------------------------------------------------------------------------------------- centres


@dataclass(frozen=True)
class DayHours:
    """One day of a centre's week as the contacts page shows it."""

    day: date
    weekday: str
    morning: str
    afternoon: str
    closed: str  # why the centre is closed that day, empty when open
    is_selected: bool


@dataclass
class CentreHours:
    centre: Agency
    open: bool
    closed_reason: str
    week: list[DayHours] = field(default_factory=list)


def centres_with_hours(*, on: date | None = None) -> list[CentreHours]:
    """Every service centre in operation, the provincial one first, with the week of `on` (today)."""
    day = on or timezone.localdate()
    centres = sorted(
        public_service_centres(on=day).select_related("administrative_unit__parent"),
        key=lambda c: c.kind != AgencyKind.PROVINCIAL_SERVICE_CENTRE,
    )
    calendars: dict[int, Calendar] = {}
    result = []
    for centre in centres:
        province = _province(centre.administrative_unit)
        if province.pk not in calendars:
            calendars[province.pk] = calendar_for(province, on=day)
        calendar = calendars[province.pk]
        info = calendar.describe(day)
        is_open = bool(calendar.reception_periods(day))
        result.append(
            CentreHours(
                centre=centre,
                open=is_open,
                closed_reason="" if is_open else _closed_reason(info),
                week=_week(calendar, day),
            )
        )
    return result


def is_supported_day(day: date) -> bool:
    """Days the holiday tables cover (a whole week around them, so the week view never fails)."""
    return (
        day.year in SUPPORTED_YEARS
        and (day + timedelta(days=6)).year in SUPPORTED_YEARS
        and (day - timedelta(days=6)).year in SUPPORTED_YEARS
    )


def _province(unit: AdministrativeUnit) -> AdministrativeUnit:
    while unit.parent is not None:
        unit = unit.parent
    return unit


def _closed_reason(info: DayInfo) -> str:
    if info.status is DayStatus.HOLIDAY and info.name:
        return info.name
    return str(STATUS_LABELS[info.status])


def _week(calendar: Calendar, selected: date) -> list[DayHours]:
    monday = selected - timedelta(days=selected.weekday())
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        info = calendar.describe(day)
        # The Saturday session too (reception and return only; time limits do not count it).
        periods = [(begin.timetz(), end.timetz()) for begin, end in calendar.reception_periods(day)]
        morning = [(begin, end) for begin, end in periods if begin.replace(tzinfo=None) < NOON]
        afternoon = [(begin, end) for begin, end in periods if begin.replace(tzinfo=None) >= NOON]
        days.append(
            DayHours(
                day=day,
                weekday=str(WEEKDAYS[day.weekday()][1]),
                morning=", ".join(f"{begin:%H:%M}–{end:%H:%M}" for begin, end in morning),
                afternoon=", ".join(f"{begin:%H:%M}–{end:%H:%M}" for begin, end in afternoon),
                closed="" if periods else _closed_reason(info),
                is_selected=day == selected,
            )
        )
    return days


# -------------------------------------------------------------------------------------------- FAQ


def faq_by_topic(query: str = "") -> list[tuple[FaqTopic, list[Faq]]]:
    """Published Q&A grouped under their topics, in topic order; topics without a match are left out."""
    groups: dict[int, tuple[FaqTopic, list[Faq]]] = {}
    for faq in published_faqs(query):
        groups.setdefault(faq.topic_id, (faq.topic, []))[1].append(faq)
    return sorted(groups.values(), key=lambda group: (group[0].order, group[0].name))


def home_faqs(limit: int = 4) -> list[Faq]:
    return published_faqs(limit=limit)
