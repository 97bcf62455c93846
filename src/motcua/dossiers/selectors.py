"""Every read of dossiers, given the acting user and filtered to what that user may see.

An officer sees dossiers received at, decided by or now sitting at an agency `visible_agencies` gives
them; a citizen sees their own. Anything else is "not found" (404), never "forbidden", so codes of other
communes leak nothing. Queues are sorted by due date with keyset pagination (due_at, id).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from motcua.org.models import Agency, RoleAssignment
from motcua.org.selectors import active_roles, visible_agencies
from motcua.workdays import clock
from motcua.workdays.duration import Duration

from .lifecycle import CLOCK_RUNNING, ONE_STOP, PROCESSORS, Status
from .models import Dossier, DossierDocument, DossierEvent, DossierStep
from .reference import working_calendar

QUEUES = (
    "to_check",
    "mine",
    "my_unit",
    "due_soon",
    "overdue",
    "waiting_supplement",
    "ready_to_return",
)
ACTIVE = (Status.RECEIVED, Status.PROCESSING)


def dossiers_for(actor) -> QuerySet[Dossier]:
    """The agencies are read first and named in the query: three subqueries OR'ed together are served by no
    index (PostgreSQL scanned every dossier to filter and count them), three lists of numbers are (one index
    per agency column, or the sort index walked backwards when the actor sees most agencies). Someone who
    sees every agency (a superuser) gets no filter at all."""
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return Dossier.objects.none()
    if actor.is_citizen:
        return Dossier.objects.filter(applicant_user=actor)
    if actor.is_superuser:
        return Dossier.objects.all()
    agencies = list(visible_agencies(actor).order_by().values_list("pk", flat=True))
    if not agencies:
        return Dossier.objects.none()
    return Dossier.objects.filter(
        Q(receiving_agency_id__in=agencies)
        | Q(competent_agency_id__in=agencies)
        | Q(current_agency_id__in=agencies)
    )


def dossier_detail(actor, pk: int) -> Dossier:
    """One dossier the actor may see (Dossier.DoesNotExist otherwise)."""
    return (
        dossiers_for(actor)
        .select_related(
            "procedure",
            "procedure_version",
            "receiving_agency",
            "competent_agency",
            "current_agency",
            "current_step",
            "assignee",
            "timeliness_rule",
            "applicant_commune",
        )
        .get(pk=pk)
    )


def timeline(dossier: Dossier) -> QuerySet[DossierEvent]:
    return dossier.events.select_related("actor", "from_agency", "to_agency", "step").order_by(
        "occurred_at", "id"
    )


def steps(dossier: Dossier) -> QuerySet[DossierStep]:
    return dossier.steps.select_related("agency", "handled_by").order_by("position")


@dataclass(frozen=True)
class Page:
    items: list[Dossier]
    next_cursor: str


def queue(
    actor,
    name: str,
    *,
    descending: bool = False,
    cursor: str = "",
    size: int = 25,
    scope: Scope | None = None,
) -> Page:
    """One work queue, sorted by due date then id, one page after `cursor`."""
    spec = queue_filter(actor, name, scope=scope)
    order = ("-due_at", "-id") if descending else ("due_at", "id")
    after = _decode(cursor)
    if after is None:
        keyset = Q()
    else:
        due, pk = after
        keyset = (
            Q(due_at__lt=due) | Q(due_at=due, id__lt=pk)
            if descending
            else Q(due_at__gt=due) | Q(due_at=due, id__gt=pk)
        )
    ids = _page_ids(spec, keyset, order, size + 1)
    # Ids first (from the queue indexes alone), then the rows of this page only, with every row a page or
    # the API shows beside them: a page costs the same statements for 25 rows as for one.
    found = Dossier.objects.select_related(*QUEUE_ROW_RELATED).in_bulk(ids)
    items = [found[pk] for pk in ids]
    more = len(items) > size
    items = items[:size]
    return Page(items, _encode(items[-1]) if more and items else "")


QUEUE_ROW_RELATED = (
    "procedure",
    "procedure_version",
    "receiving_agency",
    "competent_agency",
    "current_agency",
    "current_step",
    "timeliness_rule",
)

# More (agency, status) pairs than this and a page is one query with a top-N sort instead.
MAX_BRANCHES = 12


def _page_ids(spec: QueueFilter, keyset: Q, order: tuple[str, str], count: int) -> list[int]:
    """The first `count` ids of a queue in `order`.

    One query per (agency, status) pair, each read in order from a queue index and stopped after `count`
    rows, then merged (UNION ALL … ORDER BY … LIMIT): the page costs the same whether the agency holds
    fifty open dossiers or fifty thousand. A single query would sort every dossier of the queue. SQLite
    (no ORDER BY/LIMIT inside a UNION) and very wide scopes take the single query."""
    pairs = [(agency, status) for agency in spec.agencies for status in spec.statuses]
    rows = spec.queryset().filter(keyset)
    if not (1 < len(pairs) <= MAX_BRANCHES and connection.features.supports_slicing_ordering_in_compound):
        return list(rows.order_by(*order).values_list("id", flat=True)[:count])
    branches = [
        rows.filter(status=status, **{spec.column: agency})
        .order_by(*order)
        .values_list("id", "due_at")[:count]
        for agency, status in pairs
    ]
    merged = branches[0].union(*branches[1:], all=True).order_by(*order)[:count]
    return [pk for pk, _due in merged]


@dataclass(frozen=True)
class Scope:
    """What an officer's queues are built from, read once per request: agencies where they hold a desk or
    processing role, and the agencies they may see."""

    actor: object
    desks: tuple[int, ...]
    posts: tuple[int, ...]
    visible: tuple[int, ...]

    @property
    def held(self) -> tuple[int, ...]:
        return self.desks + self.posts


def scope_of(actor) -> Scope:
    if not getattr(actor, "is_authenticated", False) or actor.is_citizen or not actor.is_active:
        return Scope(actor, (), (), ())
    roles = list(active_roles(actor))
    return Scope(
        actor,
        tuple(a.agency_id for a in roles if a.role == ONE_STOP),
        tuple(a.agency_id for a in roles if a.role in PROCESSORS),
        tuple(visible_agencies(actor).values_list("pk", flat=True)),
    )


@dataclass(frozen=True)
class QueueFilter:
    """A queue as the indexes see it: statuses × agencies in one agency column, plus other conditions."""

    statuses: tuple[str, ...]
    column: str  # "current_agency" or "receiving_agency"
    agencies: tuple[int, ...]
    extra: Q = field(default_factory=Q)

    def queryset(self) -> QuerySet[Dossier]:
        return Dossier.objects.filter(
            self.extra, status__in=self.statuses, **{f"{self.column}__in": self.agencies}
        )


def queue_filter(actor, name: str, *, now: datetime | None = None, scope: Scope | None = None) -> QueueFilter:
    """One queue. Each filter names agencies where the actor holds a role (a subset of what they may see),
    on indexed columns, so a queue never scans the whole table even with millions of dossiers."""
    if name not in QUEUES:
        raise KeyError(name)
    scope = scope or scope_of(actor)
    now = now or timezone.now()
    if name == "to_check":
        return QueueFilter((Status.SUBMITTED,), "receiving_agency", scope.desks)
    if name == "mine":
        # Unassigned at an agency where the actor works, or assigned to them (assignees hold the step's role
        # at its agency, so both halves use the queue index).
        return QueueFilter(
            ACTIVE, "current_agency", scope.held, Q(assignee__isnull=True) | Q(assignee=scope.actor)
        )
    if name == "my_unit":
        return QueueFilter(ACTIVE, "current_agency", scope.visible)
    if name == "due_soon":
        limit = clock.add(now, Duration.working_days(1), working_calendar(timezone.localtime(now).date()))
        return QueueFilter(ACTIVE, "current_agency", scope.held, Q(due_at__gte=now, due_at__lte=limit))
    if name == "overdue":
        return QueueFilter(tuple(sorted(CLOCK_RUNNING)), "current_agency", scope.held, Q(due_at__lt=now))
    if name == "waiting_supplement":
        return QueueFilter((Status.SUPPLEMENT_REQUESTED,), "current_agency", scope.visible)
    return QueueFilter((Status.RESULT_READY,), "receiving_agency", scope.desks)


def queue_queryset(
    actor, name: str, *, now: datetime | None = None, scope: Scope | None = None
) -> QuerySet[Dossier]:
    return queue_filter(actor, name, now=now, scope=scope).queryset()


def queue_counts(actor, *, scope: Scope | None = None) -> dict[str, int]:
    scope = scope or scope_of(actor)
    return {name: queue_queryset(actor, name, scope=scope).count() for name in QUEUES}


COUNTS_SECONDS = 30


def _counts_key(actor) -> str:
    return _counts_key_of(actor.pk)


def _counts_key_of(user_pk: int) -> str:
    return f"dossiers:counts:{user_pk}"


def recent_queue_counts(actor, *, scope: Scope | None = None) -> dict[str, int]:
    """The counts shown in the navigation and on the queue tabs, at most 30 s old (counting a large
    agency's queues costs more than the page itself); an officer's own actions refresh theirs."""
    counts = cache.get(_counts_key(actor))
    if counts is None:
        counts = queue_counts(actor, scope=scope)
        cache.set(_counts_key(actor), counts, COUNTS_SECONDS)
    return counts


def forget_queue_counts(actor) -> None:
    cache.delete(_counts_key(actor))


def forget_counts_around(dossier: Dossier) -> None:
    """After an action on `dossier`, the counts of everyone whose queues it may have entered or left (staff
    of its current, receiving and competent agencies and of their parents, and its assignee) are counted
    afresh on their next page: the receiver of a hand-over sees it at once, not up to 30 s later."""
    agencies = {dossier.current_agency_id, dossier.receiving_agency_id, dossier.competent_agency_id} - {None}
    parents = set(
        Agency.objects.filter(pk__in=agencies, parent__isnull=False).values_list("parent", flat=True)
    )
    users = set(
        RoleAssignment.objects.filter(agency__in=agencies | parents).values_list("user", flat=True).distinct()
    )
    if dossier.assignee_id:
        users.add(dossier.assignee_id)
    cache.delete_many([_counts_key_of(pk) for pk in users])


def track(code: str, last4: str) -> Dossier | None:
    """The public lookup: a code and the last four digits of the phone or ID number, else nothing."""
    code, last4 = code.strip().upper(), last4.strip()
    if len(last4) != 4 or not last4.isdigit() or not code:
        return None
    dossier = (
        Dossier.objects.select_related("procedure_version", "current_agency", "receiving_agency")
        .filter(code=code)
        .first()
    )
    if dossier is None:
        return None
    if dossier.applicant_phone.endswith(last4) or dossier.applicant_id_number.endswith(last4):
        return dossier
    return None


def public_timeline(dossier: Dossier) -> QuerySet[DossierEvent]:
    """What the applicant may read: actions and agencies, never officers' names or notes on others."""
    return (
        dossier.events.select_related("to_agency")
        .only("occurred_at", "action", "to_status", "to_agency__name", "reason", "dossier_id")
        .order_by("occurred_at", "id")
    )


def register_rows(actor, *, agency_ids: list[int], start: datetime, end: datetime) -> QuerySet[Dossier]:
    """Form 07: dossiers received at the given agencies in a period, in reception order."""
    return (
        dossiers_for(actor)
        .filter(receiving_agency_id__in=agency_ids, received_at__gte=start, received_at__lt=end)
        .select_related("procedure_version", "competent_agency", "receiving_agency")
        .order_by("received_at", "id")
    )


def _encode(dossier: Dossier) -> str:
    due = dossier.due_at.isoformat() if dossier.due_at else ""
    return base64.urlsafe_b64encode(f"{due}|{dossier.pk}".encode()).decode()


def _decode(cursor: str) -> tuple[datetime, int] | None:
    if not cursor:
        return None
    try:
        due, pk = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        moment = parse_datetime(due)
        return (moment, int(pk)) if moment else None
    except (ValueError, UnicodeDecodeError):
        return None


def document_for(actor, pk: int) -> DossierDocument:
    """One paper of a dossier the actor may see (officers: scoped like the dossier; a citizen: their own);
    DossierDocument.DoesNotExist otherwise."""
    return DossierDocument.objects.select_related("dossier").get(pk=pk, dossier__in=dossiers_for(actor))


def documents(dossier: Dossier) -> QuerySet[DossierDocument]:
    """The papers of a dossier already read through a selector: the checklist, then supplements."""
    return dossier.documents.order_by("supplemented", "id")


SEARCH_LIMIT = 50
_DIGITS = re.compile(r"^\+?[\d\s.\-]+$")


@dataclass(frozen=True)
class SearchQuery:
    """What an officer looks for: one text (a code, an ID number, a phone number or part of a name) and
    filters. Every part is optional; an empty query finds nothing (the queues list the work)."""

    text: str = ""
    procedure_id: int | None = None
    status: str = ""
    submitted_from: datetime | None = None
    submitted_before: datetime | None = None

    @property
    def empty(self) -> bool:
        return not (
            self.text.strip()
            or self.procedure_id
            or self.status
            or self.submitted_from
            or self.submitted_before
        )


def _text_filter(text: str) -> Q:
    """Digits are an ID number or a phone (exact, indexed); a word with digits and dots or dashes is the
    start of a code (the unique index serves a prefix); anything else is part of the applicant's name."""
    text = " ".join(text.split())
    if _DIGITS.match(text):
        digits = re.sub(r"\D", "", text)
        phone = "0" + digits[2:] if text.startswith("+84") else digits
        return Q(applicant_id_number=digits) | Q(applicant_phone=phone) | Q(code__startswith=digits)
    if " " not in text and any(c.isdigit() for c in text):
        return Q(code__startswith=text.upper())
    return Q(applicant_name__icontains=text)


def search(actor, query: SearchQuery, *, limit: int = SEARCH_LIMIT) -> list[Dossier]:
    """Dossiers the actor may see that match `query`, newest submission first, at most `limit` (the page
    asks for one more to know there are more)."""
    if query.empty:
        return []
    rows = dossiers_for(actor)
    if query.text.strip():
        rows = rows.filter(_text_filter(query.text))
    if query.procedure_id:
        rows = rows.filter(procedure_id=query.procedure_id)
    if query.status:
        rows = rows.filter(status=query.status)
    if query.submitted_from:
        rows = rows.filter(submitted_at__gte=query.submitted_from)
    if query.submitted_before:
        rows = rows.filter(submitted_at__lt=query.submitted_before)
    return list(
        rows.select_related("procedure", "current_agency", "current_step").order_by("-submitted_at", "-id")[
            :limit
        ]
    )


def is_overdue(dossier: Dossier, now: datetime | None = None) -> bool:
    """Overdue is computed, never stored: the clock runs and the due date has passed."""
    now = now or timezone.now()
    return dossier.status in CLOCK_RUNNING and dossier.due_at is not None and dossier.due_at < now
