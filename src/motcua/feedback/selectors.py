"""Every read of feedback, given the actor.

Officers see the items received at, or routed to, the agencies `visible_agencies` gives them (another
agency's item is a 404, never a 403); a citizen sees the items sent from their account; the public sees
published answers only, through `published`, with personal data masked by the page.
"""

from hmac import compare_digest

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from motcua.org.models import User
from motcua.org.selectors import visible_agency_ids

from .models import Feedback, FeedbackEvent
from .rules import handling_agencies
from .workflows import OPEN_STATUSES, Status

Actor = User | AnonymousUser | None


def feedback_for(actor: Actor) -> QuerySet[Feedback]:
    """The scope as two lists of agency ids (handled at, received at): the planner reads them from the
    indexes, where subqueries over the agency closures made it scan and sort every item."""
    if not isinstance(actor, User) or actor.is_citizen:
        return Feedback.objects.none()
    visible = visible_agency_ids(actor)
    handled = sorted(visible | handling_agencies(actor))
    if not handled:
        return Feedback.objects.none()
    return Feedback.objects.filter(Q(agency_id__in=handled) | Q(receiving_agency_id__in=sorted(visible)))


def get_for(actor: Actor, pk: int) -> Feedback:
    """The item if the actor may see it, else Http404 (its existence stays hidden)."""
    found = (
        feedback_for(actor)
        .select_related("agency", "receiving_agency", "sector", "procedure", "dossier")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404("Không tìm thấy phản ánh trong phạm vi của bạn. / No such feedback in your scope.")
    return found


# Closed tabs list the newest first; open ones the most urgent first (the open-items index, models.py).
CLOSED_TABS = (Status.REFUSED, Status.PUBLISHED, Status.INCOMPLETE)


def queue(actor: Actor, *, status: str = "", overdue: bool = False) -> QuerySet[Feedback]:
    """One tab of the officer's queue: open items (or one status) in the actor's scope, the most urgent
    first; the closed tabs newest first."""
    rows = feedback_for(actor).select_related("agency", "sector")
    if status in CLOSED_TABS:
        return rows.filter(status=status).order_by("-received_at", "-pk")
    rows = rows.filter(status__in=[status] if status else OPEN_STATUSES)
    if overdue:
        rows = rows.filter(due_at__lt=timezone.now())
    return rows.order_by("due_at", "pk")


COUNT_UP_TO = 1000


def capped_count(rows: QuerySet[Feedback]) -> tuple[int, bool]:
    """How many rows, counted up to COUNT_UP_TO (then "more than"): a queue's tab needs the size, not
    an exact count over a hundred thousand items read on every page view."""
    found = rows.select_related(None).order_by()[: COUNT_UP_TO + 1].count()
    return min(found, COUNT_UP_TO), found > COUNT_UP_TO


def sent_by(actor: Actor) -> QuerySet[Feedback]:
    """The items a citizen sent from their account."""
    if not isinstance(actor, User) or not actor.is_citizen:
        return Feedback.objects.none()
    return Feedback.objects.filter(sender_user=actor).select_related("agency", "dossier")


def own_item(actor: Actor, pk: int) -> Feedback:
    found = sent_by(actor).filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy phản ánh. / No such feedback.")
    return found


def verifies(feedback: Feedback, secret: str) -> bool:
    """The tracking check: the last four digits of the sender's phone, or their e-mail address."""
    secret = secret.strip().lower()
    if secret.isdigit() and len(secret) == 4 and len(feedback.sender_phone) >= 4:
        return compare_digest(feedback.sender_phone[-4:], secret)
    return bool(feedback.sender_email) and compare_digest(feedback.sender_email.lower(), secret)


def track(code: str, secret: str) -> Feedback | None:
    found = Feedback.objects.select_related("agency").filter(code=code.strip().upper()).first()
    return found if found is not None and verifies(found, secret) else None


def published(*, text: str = "", sector: int | None = None, agency: int | None = None) -> QuerySet[Feedback]:
    """Published answers, newest first: the public page and the public API."""
    rows = Feedback.objects.filter(status=Status.PUBLISHED)
    if sector:
        rows = rows.filter(sector_id=sector)
    if agency:
        rows = rows.filter(agency_id=agency)
    if text.strip():
        words = text.strip()
        rows = rows.filter(
            Q(title__icontains=words) | Q(content__icontains=words) | Q(answer__icontains=words)
        )
    return rows.select_related("agency", "sector").order_by("-published_at", "-pk")


def published_item(pk: int) -> Feedback:
    found = published().filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy. / Not found.")
    return found


def timeline(feedback: Feedback) -> QuerySet[FeedbackEvent]:
    return feedback.events.select_related("from_agency", "to_agency").all()


def unsatisfied(rows: QuerySet[Feedback]) -> QuerySet[Feedback]:
    """Answers counted unsatisfied as the national portal does: more disagree than agree, a follow-up
    feedback about the answer, or handled late."""
    from django.db.models import F

    return rows.filter(
        Q(disagree_count__gt=F("agree_count")) | Q(handled_late=True) | Q(follow_ups__isnull=False)
    ).distinct()
