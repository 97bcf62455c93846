"""Compliance cost by the standard-cost model (TT 07/2014/TT-BTP; Điều 27 Thông tư 02/2017/TT-VPCP).

    cost of one action      = hours × hourly income + money costs
    cost per dossier        = Σ cost of the actions (the procedure done once)
    annual cost             = cost per dossier × times a year × subjects a year
    saving                  = annual cost now − annual cost after simplification; % of the cost now

Every amount is in whole đồng (half up), as the official forms print them; the percentage to two places.
Pure arithmetic on plain values: the services feed it and store its results, the tests check it by hand.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

DONG = Decimal(1)
CENT = Decimal("0.01")
ZERO = Decimal(0)


def dong(value: Decimal) -> Decimal:
    return value.quantize(DONG, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Action:
    hours: Decimal
    money: Decimal


def action_cost(action: Action, hourly_income: Decimal) -> Decimal:
    return dong(action.hours * hourly_income + action.money)


def per_dossier(actions: Iterable[Action], hourly_income: Decimal) -> Decimal:
    return sum((action_cost(a, hourly_income) for a in actions), ZERO)


def annual(cost: Decimal, times: Decimal, subjects: int) -> Decimal:
    return dong(cost * times * Decimal(subjects))


def saving_percent(before: Decimal, after: Decimal) -> Decimal | None:
    """The saving as a percentage of the cost now; None when there is no cost to save on."""
    if before <= 0:
        return None
    return ((before - after) * 100 / before).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Figures:
    cost_before: Decimal
    cost_after: Decimal
    annual_before: Decimal
    annual_after: Decimal

    @property
    def saving(self) -> Decimal:
        return self.annual_before - self.annual_after

    @property
    def percent(self) -> Decimal | None:
        return saving_percent(self.annual_before, self.annual_after)


def figures(
    *,
    before: Iterable[Action],
    after: Iterable[Action],
    hourly_income: Decimal,
    times_before: Decimal,
    times_after: Decimal,
    subjects: int,
) -> Figures:
    cost_before = per_dossier(before, hourly_income)
    cost_after = per_dossier(after, hourly_income)
    return Figures(
        cost_before=cost_before,
        cost_after=cost_after,
        annual_before=annual(cost_before, times_before, subjects),
        annual_after=annual(cost_after, times_after, subjects),
    )
