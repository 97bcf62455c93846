"""Reads of communication activities and of the Q&A, scoped to the agencies the actor sees; the public
reads only published Q&A."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, F, Max, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from motcua.control.models import PlanStatus, Task
from motcua.control.rules import member_agency_ids
from motcua.core.text import fold
from motcua.feedback.rules import handling_agencies
from motcua.org.models import Agency, RoleAssignment
from motcua.org.selectors import visible_agencies

from .bulletin import plain_text
from .models import (
    ActivityKind,
    Article,
    ArticleCategory,
    Attendance,
    BulletinIssue,
    BulletinMedia,
    CommunicationActivity,
    Distribution,
    Faq,
    FaqTopic,
    Question,
    ReadingPoint,
    TrainingCourse,
)
from .qa_rules import is_desk, led_agencies
from .training import holding_roles, trained_users
from .workflows import OPEN_STATUSES, ArticleStatus


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


# ------------------------------------------------------------------------------------------------ FAQ


def faq_topics() -> QuerySet[FaqTopic]:
    """Topics are headings, not agency data: everyone may read them."""
    return FaqTopic.objects.all()


def faqs_for(actor, *, topic: FaqTopic | None = None, query: str = "") -> list[Faq]:
    """Entries, published or not, of the agencies the actor sees: the communication officer's list."""
    rows = Faq.objects.filter(agency__in=visible_agencies(actor)).select_related("topic", "agency")
    if topic is not None:
        rows = rows.filter(topic=topic)
    return matching(rows, query)


def faq_for(actor, pk: int) -> Faq:
    return get_object_or_404(
        Faq.objects.filter(agency__in=visible_agencies(actor)).select_related("agency"), pk=pk
    )


def faq_agencies(actor) -> QuerySet[Agency]:
    """Agencies the actor may write Q&A for; none for anyone without a communication or admin role."""
    if not actor.has_perm("outreach.write_faq"):
        return Agency.objects.none()
    return visible_agencies(actor).order_by("code")


def published_faqs(query: str = "", *, limit: int | None = None) -> list[Faq]:
    """What the public Q&A page shows: published entries only, in topic order, optionally searched."""
    rows = Faq.objects.filter(published=True).select_related("topic", "procedure")
    if not query.strip() and limit is not None:
        return list(rows[:limit])
    found = matching(rows, query)
    return found[:limit] if limit is not None else found


def matching(rows: QuerySet[Faq], query: str) -> list[Faq]:
    """Entries whose question or answer holds every word of `query`, with or without Vietnamese marks.

    Folding runs in Python because a province keeps at most a few hundred entries; questions that match
    come before entries that only match in the answer."""
    terms = fold(query).split()
    if not terms:
        return list(rows)
    in_question, in_answer = [], []
    for faq in rows:
        question = fold(faq.question)
        if all(term in question for term in terms):
            in_question.append(faq)
        elif all(term in f"{question} {fold(faq.answer)}" for term in terms):
            in_answer.append(faq)
    return in_question + in_answer


# ------------------------------------------------------------------------------- citizens' questions


def questions_for(actor, *, status: str = "", overdue: bool = False) -> QuerySet[Question]:
    """The desk sees every question; an agency's staff see those routed to the agencies they handle or
    lead; nobody else sees any (a question not in scope is a 404)."""
    if is_desk(actor):
        rows = Question.objects.all()
    else:
        mine = handling_agencies(actor) | led_agencies(actor)
        rows = Question.objects.filter(agency__in=mine) if mine else Question.objects.none()
    rows = rows.select_related("agency", "procedure")
    if status:
        rows = rows.filter(status=status)
    if overdue:
        rows = rows.filter(status__in=OPEN_STATUSES, due_at__lt=timezone.now())
    return rows


def question_for(actor, pk: int) -> Question:
    return get_object_or_404(questions_for(actor), pk=pk)


def question_counts(actor) -> dict[str, int]:
    """Open questions in scope per status: the tabs of the queue."""
    rows = questions_for(actor).filter(status__in=OPEN_STATUSES)
    return dict(rows.values_list("status").annotate(n=Count("id")).order_by())


def procedure_questions(procedure) -> list[Faq]:
    """Published entries about one procedure: what its page and the ask page show."""
    return list(Faq.objects.filter(published=True, procedure=procedure).select_related("topic"))


# ------------------------------------------------------------------------------------------- bulletin


def articles_for(actor, *, status: str = "") -> QuerySet[Article]:
    """The staff list: articles of the agencies the actor sees (editors see the province's)."""
    rows = Article.objects.filter(agency__in=visible_agencies(actor)).select_related(
        "agency", "category", "author"
    )
    return rows.filter(status=status) if status else rows


def article_for(actor, pk: int) -> Article:
    return get_object_or_404(articles_for(actor), pk=pk)


def article_categories() -> QuerySet[ArticleCategory]:
    return ArticleCategory.objects.all()


def bulletin_issues() -> QuerySet[BulletinIssue]:
    return BulletinIssue.objects.all()


def published_articles(
    *, category: ArticleCategory | None = None, issue: BulletinIssue | None = None, query: str = ""
) -> list[Article]:
    """What the public bulletin shows: published articles, newest first, searched without marks."""
    rows = Article.objects.filter(status=ArticleStatus.PUBLISHED).select_related("category", "agency")
    if category is not None:
        rows = rows.filter(category=category)
    if issue is not None:
        rows = rows.filter(issue=issue)
    terms = fold(query).split()
    if not terms:
        return list(rows[:200])
    # Folding runs in Python: a province publishes a few hundred articles a year.
    return [a for a in rows if all(t in fold(f"{a.title} {a.summary} {plain_text(a.body)}") for t in terms)]


def published_article(pk: int) -> Article:
    return get_object_or_404(
        Article.objects.filter(status=ArticleStatus.PUBLISHED).select_related("category", "agency", "issue"),
        pk=pk,
    )


def media_for(actor) -> QuerySet[BulletinMedia]:
    return BulletinMedia.objects.filter(agency__in=visible_agencies(actor)).select_related("agency")


def public_media(pk: int) -> BulletinMedia:
    """Bulletin media are made to be published: anyone may read them."""
    return get_object_or_404(BulletinMedia, pk=pk)


# ------------------------------------------------------------------------------ reading points


def reading_points_for(actor) -> QuerySet[ReadingPoint]:
    """Points of the agencies the actor sees, each with its latest delivery date."""
    return (
        ReadingPoint.objects.filter(agency__in=visible_agencies(actor))
        .select_related("agency")
        .annotate(last_delivery=Max("distributions__delivered_on"))
    )


def reading_point_for(actor, pk: int) -> ReadingPoint:
    return get_object_or_404(reading_points_for(actor), pk=pk)


def distribution_for(actor, pk: int) -> Distribution:
    return get_object_or_404(Distribution.objects.filter(point__agency__in=visible_agencies(actor)), pk=pk)


# ------------------------------------------------------------------------------------------- training


def courses_for(actor, *, year: int | None = None) -> QuerySet[TrainingCourse]:
    """Courses organised by the agencies the actor sees, each with its attendee counts."""
    rows = TrainingCourse.objects.filter(agency__in=visible_agencies(actor)).select_related("agency")
    if year:
        rows = rows.filter(starts_on__year=year)
    return rows.annotate(
        enrolled=Count("attendees", distinct=True),
        present=Count("attendees", filter=Q(attendees__attended=True), distinct=True),
    )


def course_for(actor, pk: int) -> TrainingCourse:
    return get_object_or_404(courses_for(actor), pk=pk)


def attendees_of(course: TrainingCourse) -> QuerySet[Attendance]:
    """Officials by agency, then guests (no agency): the same order on PostgreSQL and SQLite, which put
    NULLs at opposite ends unless told."""
    return course.attendees.select_related("user", "agency").order_by(
        F("agency__name").asc(nulls_last=True), "guest_name", "pk"
    )


def attendance_for(actor, pk: int) -> Attendance:
    """One attendee: for those who manage the course's agency, or the official himself (his certificate)."""
    rows = Attendance.objects.select_related("course__agency", "user", "agency")
    own = Q(user=actor) if getattr(actor, "is_authenticated", False) else Q(pk__in=[])
    return get_object_or_404(rows.filter(Q(course__agency__in=visible_agencies(actor)) | own), pk=pk)


def own_trainings(actor) -> QuerySet[Attendance]:
    if not getattr(actor, "is_authenticated", False):
        return Attendance.objects.none()
    return (
        Attendance.objects.filter(user=actor).select_related("course__agency").order_by("-course__starts_on")
    )


@dataclass(frozen=True)
class CoverageRow:
    agency: Agency
    officials: int
    trained: int

    @property
    def rate(self) -> Decimal:
        return (
            (Decimal(100) * self.trained / self.officials).quantize(Decimal("0.01"))
            if self.officials
            else Decimal(0)
        )


def coverage_for(actor, *, start: date, end: date, roles: list[str]) -> list[CoverageRow]:
    """Per agency the actor sees: officials holding `roles` at some time in the period and how many of
    them were present at a course that ended in it. The same rule as outreach.officials_trained_rate,
    counted in two queries for the whole province."""
    holders = RoleAssignment.objects.filter(
        holding_roles(visible_agencies(actor).values_list("pk", flat=True), roles, start, end)
    ).values_list("agency_id", "user_id")
    by_agency: dict[int, set[int]] = defaultdict(set)
    for agency_id, user_id in holders:
        by_agency[agency_id].add(user_id)
    trained = trained_users(set().union(*by_agency.values()), start, end) if by_agency else set()
    agencies = Agency.objects.in_bulk(list(by_agency))
    rows = [
        CoverageRow(agency=agencies[pk], officials=len(users), trained=len(users & trained))
        for pk, users in by_agency.items()
    ]
    return sorted(rows, key=lambda r: (r.rate, r.agency.name))
