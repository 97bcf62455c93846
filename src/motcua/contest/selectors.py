"""Every read of the contest, given the actor.

- The public sees launched contests (rules, phases, criteria, prizes) and, once announced, the winners;
  and the published part of the register.
- An entrant sees their own entries (receipt, status, the check's note).
- The secretariat sees every entry of its contest and, while a round is open, only how many sheets are
  complete; jurors see the entries of the round they are not in conflict with and only their own marks.
  Everybody's marks, scores and ranks become visible to both once the round closes.
- A contest or an entry outside the actor's reach is a 404, never a 403.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from motcua.core.validity import valid_on
from motcua.org.models import AccountType, Agency, RoleAssignment, User
from motcua.org.selectors import active_roles, visible_agencies

from . import results
from .models import (
    Contest,
    Entry,
    GoodModel,
    GoodModelLink,
    Member,
    MemberRole,
    Score,
    ScoreSheet,
)
from .rules import REGISTER_ROLES, conflicted_entries, juror_of, roles_on
from .scoring import Result
from .workflows import CLOSED_AFTER, JUROR, ROUND_ENTRIES, SECRETARIAT, ContestStatus, Round

Actor = User | AnonymousUser | None
NOT_FOUND = "Không tìm thấy. / Not found."


# ------------------------------------------------------------------------------------------------ public


def public_contests() -> QuerySet[Contest]:
    return (
        Contest.objects.exclude(status=ContestStatus.DRAFT)
        .select_related("organiser")
        .order_by("-launched_at")
    )


def public_contest(code: str) -> Contest:
    found = public_contests().filter(code=code).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def winners(contest: Contest) -> list[Entry]:
    """The awarded entries in prize order, once the contest has announced them."""
    if contest.status != ContestStatus.AWARDED:
        return []
    return list(
        Entry.objects.filter(contest=contest, prize__isnull=False)
        .select_related("prize", "agency")
        .order_by("prize__order", "final_rank", "pk")
    )


def published_models(*, kind: str = "", text: str = "") -> QuerySet[GoodModel]:
    rows = GoodModel.objects.filter(published=True).select_related("agency", "entry")
    if kind:
        rows = rows.filter(kind=kind)
    if text.strip():
        rows = rows.filter(Q(title__icontains=text.strip()) | Q(summary__icontains=text.strip()))
    return rows


def published_model(pk: int) -> GoodModel:
    found = published_models().filter(pk=pk).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def models_linked_to(target: Model) -> QuerySet[GoodModel]:
    """The published models an activity or an article presents (for their pages: the template tag)."""
    links = GoodModelLink.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    ).values("good_model_id")
    return published_models().filter(pk__in=links)


def links_of(good_model: GoodModel) -> list[Model]:
    """What presents a model (activities, articles), the records that still exist."""
    found = []
    for link in good_model.links.select_related("target_type"):
        target = link.target
        if target is not None:
            found.append(target)
    return found


def register_for(actor: Actor) -> QuerySet[GoodModel]:
    """The whole register (unpublished rows, units doing poorly) for the agencies the actor sees."""
    if not isinstance(actor, User) or actor.is_citizen or not actor.has_perm("contest.open_register"):
        return GoodModel.objects.none()
    return GoodModel.objects.filter(agency__in=visible_agencies(actor)).select_related("agency")


# ------------------------------------------------------------------------------------------------ entrants


def own_entries(actor: Actor) -> QuerySet[Entry]:
    if not isinstance(actor, User):
        return Entry.objects.none()
    return Entry.objects.filter(submitted_by=actor).select_related("contest", "prize")


def own_entry(actor: Actor, code: str) -> Entry:
    found = own_entries(actor).filter(code=code).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


# ------------------------------------------------------------------------------------------------ members


def managed_contests(actor: Actor) -> QuerySet[Contest]:
    """Contests where the actor sits on the secretariat or the jury."""
    if not isinstance(actor, User) or actor.is_citizen:
        return Contest.objects.none()
    return Contest.objects.filter(
        pk__in=Member.objects.filter(user=actor).values("contest_id")
    ).select_related("organiser")


def organiser_agencies(actor: Actor) -> QuerySet[Agency]:
    """Where the actor may organise a contest: the agencies where they are a communication or TTHC-control
    officer or an administrator today (any agency for a superuser)."""
    if not isinstance(actor, User) or actor.is_citizen or not actor.is_active:
        return Agency.objects.none()
    if actor.is_superuser:
        return Agency.objects.all()
    held = active_roles(actor).filter(role__in=REGISTER_ROLES).values("agency_id")
    return Agency.objects.filter(pk__in=held)


def secretariat_of(actor: Actor) -> set[int]:
    """The contests (ids) on whose secretariat the actor sits."""
    if not isinstance(actor, User) or actor.is_citizen:
        return set()
    return set(
        Member.objects.filter(user=actor, role=MemberRole.SECRETARIAT).values_list("contest_id", flat=True)
    )


def draft_contest(actor: Actor, code: str) -> Contest:
    """A contest whose set-up the actor edits: they sit on its secretariat (404 otherwise)."""
    found = managed_contests(actor).filter(code=code, pk__in=secretariat_of(actor)).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def member_candidates(actor: Actor) -> QuerySet[User]:
    """The officers the organiser may appoint to a secretariat or a jury: active staff holding a role today
    at an agency the organiser sees."""
    assignments = active_roles_at(visible_agencies(actor))
    return (
        User.objects.filter(is_active=True, pk__in=assignments.values("user_id"))
        .exclude(account_type=AccountType.CITIZEN)
        .order_by("full_name", "username")
    )


def active_roles_at(agencies: QuerySet[Agency]) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(valid_on(timezone.localdate()), agency__in=agencies)


def home_agency(actor: Actor, user: User) -> Agency | None:
    """The agency an appointed member sits for: where they hold a role today, among those the organiser
    sees (None when the organiser may not appoint them)."""
    found = (
        active_roles_at(visible_agencies(actor))
        .filter(user=user, user__is_active=True)
        .select_related("agency")
        .order_by("agency__pk")
        .first()
    )
    return found.agency if found is not None else None


def managed_contest(actor: Actor, code: str) -> Contest:
    found = managed_contests(actor).filter(code=code).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def entries_for(actor: Actor, contest: Contest) -> QuerySet[Entry]:
    """The secretariat: every entry; a juror: the entries of the rounds (eligible and finalists)."""
    held = roles_on(actor, contest)
    rows = Entry.objects.filter(contest=contest).select_related("agency", "prize").order_by("pk")
    if SECRETARIAT in held:
        return rows
    if JUROR in held:
        return rows.filter(status__in=ROUND_ENTRIES[Round.PRELIMINARY])
    return Entry.objects.none()


def entry_for(actor: Actor, contest: Contest, pk: int) -> Entry:
    found = entries_for(actor, contest).filter(pk=pk).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def round_closed(contest: Contest, round_: str) -> bool:
    return contest.status in CLOSED_AFTER[Round(round_)]


def current_round(contest: Contest) -> str | None:
    return {ContestStatus.PRELIMINARY: Round.PRELIMINARY, ContestStatus.FINAL: Round.FINAL}.get(
        ContestStatus(contest.status)
    )


@dataclass
class JurorRow:
    entry: Entry
    conflict: str  # why the juror may not score it ('' when they may)
    done: bool


def juror_worklist(actor: Actor, contest: Contest) -> list[JurorRow]:
    """The entries of the open round for one juror, with their own progress (never anyone else's)."""
    juror = juror_of(actor, contest)
    round_ = current_round(contest)
    if juror is None or round_ is None:
        return []
    entries = results.round_entries(contest, round_)
    blocked = conflicted_entries(juror, entries)
    criteria = contest.criteria.count()
    counts: dict[int, int] = {}
    for entry_id in Score.objects.filter(juror=juror, round=round_).values_list("entry_id", flat=True):
        counts[entry_id] = counts.get(entry_id, 0) + 1
    return [JurorRow(e, blocked.get(e.pk, ""), counts.get(e.pk, 0) == criteria) for e in entries]


def own_marks(actor: Actor, entry: Entry, round_: str) -> tuple[dict[int, Decimal], str]:
    """The juror's own marks on an entry in a round ({criterion id: mark}) and their comment."""
    juror = juror_of(actor, entry.contest)
    if juror is None:
        return {}, ""
    marks = dict(
        Score.objects.filter(juror=juror, entry=entry, round=round_).values_list("criterion_id", "value")
    )
    sheet = ScoreSheet.objects.filter(juror=juror, entry=entry, round=round_).first()
    return marks, sheet.comment if sheet else ""


def progress(actor: Actor, contest: Contest) -> dict[int, tuple[int, int]]:
    """Complete sheets per entry in the open round, for the secretariat (no marks)."""
    round_ = current_round(contest)
    if SECRETARIAT not in roles_on(actor, contest) or round_ is None:
        return {}
    return results.progress(contest, round_)


def standings(actor: Actor, contest: Contest, round_: str) -> list[Result[int]]:
    """A round's ranking: for the secretariat and the jury once the round is closed, else nothing."""
    if not roles_on(actor, contest) & {SECRETARIAT, JUROR} or not round_closed(contest, round_):
        return []
    return results.standings(contest, round_)


def all_marks(actor: Actor, contest: Contest, round_: str) -> QuerySet[Score]:
    """Every juror's marks of a closed round (the Excel file), for the secretariat and the jury."""
    if not roles_on(actor, contest) & {SECRETARIAT, JUROR} or not round_closed(contest, round_):
        return Score.objects.none()
    return (
        Score.objects.filter(entry__contest=contest, round=round_)
        .select_related("entry", "juror__user", "criterion")
        .order_by("entry_id", "juror_id", "criterion__order", "criterion_id")
    )


def jurors(actor: Actor, contest: Contest) -> list[Member]:
    if SECRETARIAT not in roles_on(actor, contest):
        return []
    return list(contest.members.filter(role=MemberRole.JUROR).select_related("user", "agency"))
