"""The scoring arithmetic and the ranking rules, without Django (docs/contest.md states them for people).

1. A juror's total for an entry in a round: Σ (mark ÷ criterion's maximum × criterion's weight), the weights
   adding up to 100, so a total is out of 100. Only a complete sheet (every criterion marked) counts.
2. An entry's score in a round: the mean of the complete sheets' totals; per criterion, the mean of the
   weighted points. Both rounded half up to 2 decimals, the precision of the published sheet; equality is
   judged at that precision.
3. Ranking: higher score first. Ties are broken, in order, by the higher mean points on the criterion with
   the largest weight, then the next largest (criteria of equal weight in their listed order); in the final
   round, then by the higher preliminary score. Entries still equal share the rank (1, 2, 2, 4) and share
   whatever that rank wins.
4. Places: the prizes laid out in order (Nhất ×1, Nhì ×2 → places 1: Nhất, 2–3: Nhì); an entry ranked r takes
   place r, so tied entries share the higher prize and take the places below them. An entry under the
   contest's minimum score for an award wins nothing. The finalists are the entries ranked within the
   number of finalists (ties at the cut-off all go through).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Generic, TypeVar

CENT = Decimal("0.01")
K = TypeVar("K")  # what identifies an entry (its primary key)
P = TypeVar("P")  # a prize


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Scheme:
    """One criterion: its key, weight (percent) and maximum mark, in listed order."""

    key: int
    weight: Decimal
    max_score: Decimal


def weights_problem(criteria: Sequence[Scheme]) -> str | None:
    """Why the marking scheme cannot be used (no criteria, weights not adding up to 100), else None."""
    if not criteria:
        return "no_criteria"
    if sum((c.weight for c in criteria), Decimal(0)) != Decimal(100):
        return "weights"
    return None


def weighted(criterion: Scheme, mark: Decimal) -> Decimal:
    return mark / criterion.max_score * criterion.weight


def sheet_total(criteria: Sequence[Scheme], marks: Mapping[int, Decimal]) -> Decimal | None:
    """A juror's total (exact), or None while a criterion is unmarked."""
    if any(c.key not in marks for c in criteria):
        return None
    return sum((weighted(c, marks[c.key]) for c in criteria), Decimal(0))


@dataclass
class Result(Generic[K]):
    key: K
    score: Decimal | None  # None: no complete sheet
    points: dict[int, Decimal] = field(default_factory=dict)  # per criterion, mean weighted points
    sheets: int = 0
    previous: Decimal | None = None  # the preliminary score, in the final round
    rank: int | None = None


def result(
    key: K,
    criteria: Sequence[Scheme],
    sheets: Iterable[Mapping[int, Decimal]],
    previous: Decimal | None = None,
) -> Result[K]:
    """An entry's score from the jurors' sheets (incomplete sheets ignored)."""
    complete = [s for s in sheets if sheet_total(criteria, s) is not None]
    if not complete:
        return Result(key, None, previous=previous)
    n = Decimal(len(complete))
    totals = sum((sheet_total(criteria, s) or Decimal(0) for s in complete), Decimal(0))
    points = {c.key: cents(sum((weighted(c, s[c.key]) for s in complete), Decimal(0)) / n) for c in criteria}
    return Result(key, cents(totals / n), points, len(complete), previous)


def tie_order(criteria: Sequence[Scheme]) -> list[int]:
    """Criteria keys in tie-break order: largest weight first, equal weights in listed order."""
    return [c.key for _i, c in sorted(enumerate(criteria), key=lambda p: (-p[1].weight, p[0]))]


def rank(results: Iterable[Result[K]], criteria: Sequence[Scheme]) -> list[Result[K]]:
    """Scored entries in rank order with `rank` set (shared by entries equal on every tie-break);
    unscored ones follow without a rank."""
    order = tie_order(criteria)
    scored = [r for r in results if r.score is not None]
    unscored = [r for r in results if r.score is None]

    def key(r: Result[K]) -> tuple[Decimal, ...]:
        previous = r.previous if r.previous is not None else Decimal(-1)
        return (r.score or Decimal(0), *(r.points.get(k, Decimal(0)) for k in order), previous)

    scored.sort(key=key, reverse=True)
    for position, current in enumerate(scored, start=1):
        before = scored[position - 2] if position > 1 else None
        current.rank = before.rank if before is not None and key(before) == key(current) else position
    for r in unscored:
        r.rank = None
    return [*scored, *unscored]


def places(prizes: Iterable[tuple[P, int]]) -> list[P]:
    """Prizes in order laid out one place each: [(Nhất, 1), (Nhì, 2)] → [Nhất, Nhì, Nhì]."""
    laid: list[P] = []
    for prize, count in prizes:
        laid.extend([prize] * count)
    return laid


def allocate(ranked: Iterable[Result[K]], laid: Sequence[P], minimum: Decimal) -> dict[K, P]:
    """The prize each entry wins: place = rank; none under the minimum score or past the last place."""
    won: dict[K, P] = {}
    for r in ranked:
        if r.rank is None or r.score is None or r.score < minimum or r.rank > len(laid):
            continue
        won[r.key] = laid[r.rank - 1]
    return won


def finalists(ranked: Iterable[Result[K]], count: int) -> list[K]:
    """Entries ranked within `count` (ties at the cut-off all go through)."""
    return [r.key for r in ranked if r.rank is not None and r.rank <= count]
