"""A round's figures from the stored marks: the marking scheme, each entry's sheets, the standings.

No actor here: the services use it to close a round, and the selectors show it once the round is closed
(selectors.standings checks who may see it)."""

from collections import defaultdict
from decimal import Decimal

from .models import Contest, Criterion, Entry, Member, MemberRole, Score
from .rules import conflicted_entries
from .scoring import Result, Scheme, rank, result
from .workflows import ROUND_ENTRIES, Round


def scheme(contest: Contest) -> list[Scheme]:
    return [
        Scheme(c.pk, c.weight, c.max_score)
        for c in Criterion.objects.filter(contest=contest).order_by("order", "pk")
    ]


def round_entries(contest: Contest, round_: str) -> list[Entry]:
    return list(
        Entry.objects.filter(contest=contest, status__in=ROUND_ENTRIES[Round(round_)])
        .select_related("agency", "prize")
        .order_by("pk")
    )


def marks(contest: Contest, round_: str) -> dict[int, dict[int, dict[int, Decimal]]]:
    """{entry id: {juror id: {criterion id: mark}}}."""
    found: dict[int, dict[int, dict[int, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    rows = Score.objects.filter(entry__contest=contest, round=round_).values_list(
        "entry_id", "juror_id", "criterion_id", "value"
    )
    for entry_id, juror_id, criterion_id, value in rows:
        found[entry_id][juror_id][criterion_id] = value
    return found


def standings(contest: Contest, round_: str) -> list[Result[int]]:
    """Every entry of the round with its score and rank (scoring.rank's rules)."""
    criteria = scheme(contest)
    entries = round_entries(contest, round_)
    given = marks(contest, round_)
    previous = round_ == Round.FINAL
    return rank(
        [
            result(e.pk, criteria, given.get(e.pk, {}).values(), e.preliminary_score if previous else None)
            for e in entries
        ],
        criteria,
    )


def jurors(contest: Contest) -> list[Member]:
    return list(
        Member.objects.filter(contest=contest, role=MemberRole.JUROR).select_related("user", "agency")
    )


def missing_sheets(contest: Contest, round_: str) -> list[tuple[Member, Entry]]:
    """(juror, entry) pairs still to be scored: every juror scores every entry of the round but those they
    are in conflict with."""
    criteria = {c.key for c in scheme(contest)}
    entries = round_entries(contest, round_)
    given = marks(contest, round_)
    missing = []
    for juror in jurors(contest):
        blocked = conflicted_entries(juror, entries)
        for entry in entries:
            if entry.pk not in blocked and set(given.get(entry.pk, {}).get(juror.pk, {})) != criteria:
                missing.append((juror, entry))
    return missing


def progress(contest: Contest, round_: str) -> dict[int, tuple[int, int]]:
    """{entry id: (complete sheets, sheets expected)}: what the secretariat follows while marks stay blind."""
    criteria = {c.key for c in scheme(contest)}
    entries = round_entries(contest, round_)
    given = marks(contest, round_)
    expected: dict[int, int] = {e.pk: 0 for e in entries}
    for juror in jurors(contest):
        blocked = conflicted_entries(juror, entries)
        for entry in entries:
            if entry.pk not in blocked:
                expected[entry.pk] += 1
    done = {e.pk: sum(1 for sheet in given.get(e.pk, {}).values() if set(sheet) == criteria) for e in entries}
    return {pk: (done[pk], expected[pk]) for pk in expected}
