"""The emulation score (thi đua): each agency's rates weighted by the rows in force, summed to 100.

A province's emulation regulation (quy chế thi đua, khen thưởng) says which results count and for how
many points; those are `ScorecardWeight` rows with their dates and basis, so a new weighting next year is
data and a past period is scored with the weights in force at its end. A measure is either one of
control's own rates (tasks on time, reports on time, targets met) or one that an app above control
registers here (dossiers handled on time, satisfaction, feedback handled on time). A measure with nothing
to count for an agency is left out of that agency's maximum, never counted as zero, and the score is
scaled back to 100.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.core.plugins import Registry, UnknownPlugin
from motcua.core.validity import valid_on
from motcua.org.models import Agency

from .dashboard import ScoreRow
from .models import ScorecardWeight

# agency id → (numerator, denominator) over the agency and the agencies below it.
Counts = dict[int, tuple[int, int]]
CountFn = Callable[[dict[int, frozenset[int]], date, date], Counts]


@dataclass(frozen=True)
class ScoreMeasure:
    """A rate that apps above control offer to the scorecard, computed for many agencies at once."""

    name: str
    label: str
    counts: CountFn


score_measures: Registry[ScoreMeasure] = Registry("score measure", base=ScoreMeasure)

# Control's own rates, read from the scorecard rows.
BUILT_IN: dict[str, tuple[str, Callable[[ScoreRow], tuple[int, int]]]] = {
    "control.tasks": (
        gettext_lazy("Nhiệm vụ hoàn thành đúng hạn"),
        lambda row: (row.tasks_on_time, row.tasks_due),
    ),
    "control.reports": (
        gettext_lazy("Báo cáo gửi đúng hạn"),
        lambda row: (row.reports_on_time, row.reports_due),
    ),
    "control.targets": (gettext_lazy("Chỉ tiêu đạt"), lambda row: (row.targets_met, row.targets_total)),
}


def measure_choices() -> list[tuple[str, str]]:
    own = [(name, str(label)) for name, (label, _count) in BUILT_IN.items()]
    return own + [(name, str(m.label)) for name, m in score_measures.all().items()]


def measure_label(name: str) -> str:
    if name in BUILT_IN:
        return str(BUILT_IN[name][0])
    try:
        return str(score_measures.get(name).label)
    except UnknownPlugin:
        return name


def check_measure(name: str) -> None:
    """A weight must name a measure that exists, or the scorecard could not compute it."""
    if name not in BUILT_IN and name not in score_measures:
        raise ValidationError(
            _("Tiêu chí “%(name)s” không có trong hệ thống. / No such measure.") % {"name": name}
        )


@dataclass
class Score:
    """One agency's weighted result: points earned, points possible (measures with data) and on 100."""

    rates: dict[str, Decimal | None] = field(default_factory=dict)
    earned: Decimal = Decimal(0)
    possible: Decimal = Decimal(0)

    @property
    def on_100(self) -> Decimal | None:
        if not self.possible:
            return None
        return (Decimal(100) * self.earned / self.possible).quantize(Decimal("0.1"))


@dataclass
class Weighting:
    weights: list[ScorecardWeight]
    scores: dict[int, Score]

    @property
    def columns(self) -> list[tuple[str, str, Decimal]]:
        return [(w.measure, measure_label(w.measure), w.points) for w in self.weights]


def weights_in_force(day: date) -> list[ScorecardWeight]:
    """One row per measure: where a new row starts while an old one is still open, the newer one counts."""
    newest: dict[str, ScorecardWeight] = {}
    for weight in ScorecardWeight.objects.filter(valid_on(day)).order_by("valid_from", "pk"):
        newest[weight.measure] = weight
    return sorted(newest.values(), key=lambda w: (w.position, w.measure))


def subtrees(agency_ids: Iterable[int]) -> dict[int, frozenset[int]]:
    """Each agency with every agency below it, from one read of the (small) agency table."""
    children: dict[int, list[int]] = {}
    for pk, parent in Agency.objects.values_list("pk", "parent_id"):
        if parent is not None:
            children.setdefault(parent, []).append(pk)
    found = {}
    for root in agency_ids:
        seen, frontier = {root}, [root]
        while frontier:
            below = [c for pk in frontier for c in children.get(pk, ()) if c not in seen]
            seen.update(below)
            frontier = below
        found[root] = frozenset(seen)
    return found


def _rate(numerator: int, denominator: int) -> Decimal | None:
    return None if not denominator else (Decimal(100) * numerator / denominator).quantize(Decimal("0.1"))


def weigh(rows: list[ScoreRow], *, start: date, end: date) -> Weighting:
    """Weighted scores of the scorecard's rows, with the weights in force on the last day of the period."""
    weights = weights_in_force(end)
    scores = {row.agency.pk: Score() for row in rows}
    if not weights or not rows:
        return Weighting(weights, scores)
    groups = subtrees(scores)
    for weight in weights:
        if weight.measure in BUILT_IN:
            count = BUILT_IN[weight.measure][1]
            counts = {row.agency.pk: count(row) for row in rows}
        else:
            counts = score_measures.get(weight.measure).counts(groups, start, end)
        for pk, score in scores.items():
            rate = _rate(*counts.get(pk, (0, 0)))
            score.rates[weight.measure] = rate
            if rate is not None:
                score.earned += weight.points * rate / 100
                score.possible += weight.points
    return Weighting(weights, scores)


def sum_by_group(per_agency: dict[int, tuple[int, int]], groups: dict[int, frozenset[int]]) -> Counts:
    """Counts kept per agency, summed over each group (the agency and the agencies below it)."""
    return {
        root: (
            sum(per_agency.get(pk, (0, 0))[0] for pk in members),
            sum(per_agency.get(pk, (0, 0))[1] for pk in members),
        )
        for root, members in groups.items()
    }
