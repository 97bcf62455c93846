"""Computed targets: a registry of named computations over the platform's own data.

A computed target names one entry ("outreach.activity_count") and gives it parameters. An entry receives
groups of agency ids (one group per reporting agency, each group the agency and the agencies below it) and
the period, and returns one number: called with one group it gives that agency's value, called with all
groups it gives the overall value. Other apps register their entries in their AppConfig.ready(), so this
module never imports them (control sits above them in the dependency order only for this registry's users).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from motcua.core.plugins import Registry, UnknownPlugin

AgencyGroups = Sequence[frozenset[int]]
ComputeFn = Callable[[AgencyGroups, date, date, dict], Decimal]


@dataclass(frozen=True)
class Computation:
    name: str
    label: str
    compute: ComputeFn
    help_text: str = ""


computations: Registry[Computation] = Registry("computation", base=Computation)


def register(name: str, label: str, help_text: str = "") -> Callable[[ComputeFn], ComputeFn]:
    """Decorator: make `fn` available to computed targets under `name` (unique across apps)."""

    def decorate(fn: ComputeFn) -> ComputeFn:
        computations.register(Computation(name=name, label=label, compute=fn, help_text=help_text))
        return fn

    return decorate


def get(name: str) -> Computation | None:
    """The computation of that name, or None (a target naming an unknown one is refused by the service)."""
    try:
        return computations.get(name)
    except UnknownPlugin:
        return None


def choices() -> list[tuple[str, str]]:
    return computations.choices(lambda name, c: f"{c.label} ({name})")


def union(groups: AgencyGroups) -> frozenset[int]:
    return frozenset().union(*groups) if groups else frozenset()


@register(
    "control.tasks_on_time_rate",
    _("Tỷ lệ kỳ nhiệm vụ hoàn thành đúng hạn (%)"),
    _("Các kỳ nhiệm vụ do cơ quan chủ trì có hạn trong kỳ; tham số: không có"),
)
def tasks_on_time_rate(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    from .deadlines import DeadlineBook, occurrence_finished_on_time
    from .models import OccurrenceStatus, TaskOccurrence

    occurrences = TaskOccurrence.objects.filter(
        task__lead_agency__in=union(groups), due_on__gte=start, due_on__lte=end
    ).select_related("task__lead_agency__administrative_unit")
    book = DeadlineBook.current()  # each province's calendar loaded once per page, not per occurrence
    total = on_time = 0
    for occurrence in occurrences:
        total += 1
        if occurrence.status == OccurrenceStatus.DONE and occurrence_finished_on_time(occurrence, book):
            on_time += 1
    return Decimal(0) if not total else (Decimal(100) * on_time / total).quantize(Decimal("0.01"))
