"""Scores: indicators measured for a period, turned into points by the rule in force, summed, ranked.

The rows in force on the period's last day decide (a past period keeps the weights of its time). An
indicator counts towards the maximum only when it was measured: without a registered computation it has "no
data source", without a case in the period it has "no cases"; both are listed with their points, never
scored zero. Percent = points ÷ the maximum of the measured indicators × 100, what peers are ranked on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _

from motcua.core.errors import Conflict
from motcua.core.validity import valid_on
from motcua.org.models import AdministrativeUnit, Agency

from . import computations
from .computations import CubeComputation, Fine, IndexComputation, Measure, Window, from_fine
from .models import Indicator, ScoreRule
from .periods import Period

SCORED, NO_SOURCE, NO_CASES = "scored", "no_source", "no_cases"
HUNDRED = Decimal(100)


@dataclass
class IndicatorScore:
    indicator: Indicator
    status: str
    numerator: int | None = None
    denominator: int | None = None
    rate: Decimal | None = None
    points: Decimal | None = None


@dataclass
class Score:
    key: Any
    label: str
    level: str = ""
    indicators: list[IndicatorScore] = field(default_factory=list)
    points: Decimal = Decimal(0)
    maximum: Decimal = Decimal(0)
    excluded: Decimal = Decimal(0)
    percent: Decimal | None = None
    rank: int | None = None
    peers: int = 0
    previous_percent: Decimal | None = None

    @property
    def change(self) -> Decimal | None:
        if self.percent is None or self.previous_percent is None:
            return None
        return self.percent - self.previous_percent


class NotInForce(Conflict):
    """No score rule, or no group with indicators, is in force on the period's last day: the index cannot
    be computed for it (pages say so, the API answers 409), never a guess with another period's weights."""


def indicators_on(day: date) -> list[Indicator]:
    rows = Indicator.objects.filter(valid_on(day), group__in=_groups_on(day)).select_related("group")
    return list(rows.order_by("group__position", "position", "code"))


def _groups_on(day: date):
    from .models import IndexGroup

    return IndexGroup.objects.filter(valid_on(day))


def rule_on(day: date) -> ScoreRule:
    rule = ScoreRule.objects.filter(valid_on(day)).order_by("-valid_from").first()
    if rule is None:
        raise NotInForce(
            _(
                "Chưa có quy tắc tính điểm của Bộ chỉ số có hiệu lực ngày %(day)s, nên chưa tính được chỉ số"
                " cho kỳ này. / No score rule of the index is in force on %(day)s, so the index cannot be"
                " computed for this period."
            )
            % {"day": day.strftime("%d/%m/%Y")}
        )
    return rule


def weights_on(day: date) -> tuple[list[Indicator], ScoreRule]:
    """The indicators (with their groups) and the score rule in force on `day`, or NotInForce."""
    indicators = indicators_on(day)
    if not indicators:
        raise NotInForce(
            _(
                "Chưa có nhóm chỉ số, chỉ số nào của Bộ chỉ số có hiệu lực ngày %(day)s, nên chưa tính được"
                " chỉ số cho kỳ này. / No group or indicator of the index is in force on %(day)s, so the"
                " index cannot be computed for this period."
            )
            % {"day": day.strftime("%d/%m/%Y")}
        )
    return indicators, rule_on(day)


def points_for(rate: Decimal, indicator: Indicator, rule: ScoreRule) -> Decimal:
    """Full points at or above the target, else rate × max ÷ target (rule.kind "proportional")."""
    quantum = Decimal(1).scaleb(-rule.decimals)
    if rate >= indicator.target:
        return indicator.max_points.quantize(quantum)
    return (rate * indicator.max_points / indicator.target).quantize(quantum, ROUND_HALF_UP)


def _rate(measure: Measure) -> Decimal:
    return (HUNDRED * measure.numerator / measure.denominator).quantize(Decimal("0.01"), ROUND_HALF_UP)


# Counts per (agency, unit) of additive computations, and shared readings, by (computation or reading,
# start, end, agencies): what one request measured once and reads for the province, units and agencies.
Memo = dict[tuple[str, date, date, frozenset[int] | None], Any]


def _fine(computation: IndexComputation, cubes: list[CubeComputation], window: Window, memo: Memo) -> Fine:
    def key(c: IndexComputation) -> tuple[str, date, date, frozenset[int] | None]:
        return (c.name, window.start, window.end, window.agencies)

    if key(computation) not in memo:
        if isinstance(computation, CubeComputation):  # every cube of the period in the same query
            for name, fine in computations.measure_cubes(cubes, window).items():
                memo[(name, window.start, window.end, window.agencies)] = fine
        else:
            memo[key(computation)] = computation.measure_fine(window)
    return memo[key(computation)]


def _measure_all(
    indicators: list[Indicator], window: Window, memo: Memo
) -> dict[int, dict[Any, Measure] | None]:
    measured: dict[int, dict[Any, Measure] | None] = {}
    found = {i.pk: computations.get(i.computation) for i in indicators}
    cubes = [c for c in found.values() if isinstance(c, CubeComputation)]
    for indicator in indicators:
        computation = found[indicator.pk]
        if computation is None:
            measured[indicator.pk] = None
        elif computation.additive:
            measured[indicator.pk] = from_fine(_fine(computation, cubes, window, memo), window.by)
        elif computation.shared:
            key = (computation.shared, window.start, window.end, window.agencies)
            if key not in memo:
                memo[key] = computation.read_shared(window)
            measured[indicator.pk] = computation.from_shared(memo[key], window)
        else:
            measured[indicator.pk] = computation.measure(window)
    return measured


def _score(key: Any, label: str, indicators, measured, rule) -> Score:
    score = Score(key=key, label=label)
    for indicator in indicators:
        figures = measured[indicator.pk]
        if figures is None:
            score.indicators.append(IndicatorScore(indicator, NO_SOURCE))
            score.excluded += indicator.max_points
            continue
        measure = figures.get(key)
        if measure is None or not measure.denominator:
            score.indicators.append(IndicatorScore(indicator, NO_CASES, 0, 0))
            score.excluded += indicator.max_points
            continue
        rate = _rate(measure)
        points = points_for(rate, indicator, rule)
        score.indicators.append(
            IndicatorScore(indicator, SCORED, measure.numerator, measure.denominator, rate, points)
        )
        score.points += points
        score.maximum += indicator.max_points
    if score.maximum:
        score.percent = (score.points * HUNDRED / score.maximum).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return score


def _labels(by: str | None, keys: Iterable[Any]) -> dict[Any, tuple[str, str]]:
    """Names and levels (the level code peers share) of the agencies or units."""
    if by == "agency":
        rows = Agency.objects.filter(pk__in=keys).select_related("administrative_unit__level")
        return {a.pk: (a.name, a.administrative_unit.level.code) for a in rows}
    if by == "unit":
        units = AdministrativeUnit.objects.filter(pk__in=keys).select_related("level")
        return {u.pk: (u.name, u.level.code) for u in units}
    return {None: (_("Toàn tỉnh"), "")}


def _raw(period: Period, *, by: str | None, agencies: frozenset[int] | None, memo: Memo) -> dict[Any, Score]:
    indicators, rule = weights_on(period.end)
    window = Window(period.start, period.end, agencies, by)
    measured = _measure_all(indicators, window, memo)
    keys: set[Any] = {None} if by is None else set()
    for figures in measured.values():
        if figures and by is not None:
            keys |= {k for k in figures if k is not None}
    labels = _labels(by, keys)
    scores = {}
    for key in keys:
        label, level = labels.get(key, (str(key), ""))
        scores[key] = _score(key, label, indicators, measured, rule)
        scores[key].level = level
    return scores


def _rank(scores: Iterable[Score]) -> None:
    """Rank among peers of the same level (communes with communes): ties share a rank."""
    by_level: dict[str, list[Score]] = {}
    for score in scores:
        if score.percent is not None:
            by_level.setdefault(score.level, []).append(score)
    for peers in by_level.values():
        peers.sort(key=lambda s: s.percent or 0, reverse=True)
        for position, score in enumerate(peers, start=1):
            previous = peers[position - 2] if position > 1 else None
            score.rank = previous.rank if previous and previous.percent == score.percent else position
            score.peers = len(peers)


def table(
    period: Period,
    *,
    by: str | None,
    agencies: frozenset[int] | None = None,
    compare: bool = True,
    memo: Memo | None = None,
) -> list[Score]:
    """Scores of every agency or unit with cases (or the province, `by=None`), ranked, with the change
    from the previous period of the same kind. `agencies` limits what is measured (None: all). Tables of
    the same period given the same `memo` share their queries."""
    memo = {} if memo is None else memo
    scores = _raw(period, by=by, agencies=agencies, memo=memo)
    _rank(scores.values())
    if compare:
        try:
            before = _raw(period.previous(), by=by, agencies=agencies, memo=memo)
        except NotInForce:  # the period before the first weights in force has nothing to compare with
            before = {}
        for key, score in scores.items():
            if key in before:
                score.previous_percent = before[key].percent
    return sorted(scores.values(), key=lambda s: (s.level, s.rank or 10**6, s.label))


def one(period: Period, *, agency: Agency) -> Score:
    """One agency's score (ranked among the agencies of its level)."""
    for score in table(period, by="agency"):
        if score.key == agency.pk:
            return score
    indicators, rule = weights_on(period.end)
    nothing: dict[int, dict[Any, Measure] | None] = {
        i.pk: (None if computations.get(i.computation) is None else {}) for i in indicators
    }
    return _score(agency.pk, agency.name, indicators, nothing, rule)
