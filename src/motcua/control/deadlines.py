"""Deadlines of tasks and reports on the province's working calendar (the workdays engine).

A deadline is a date. When it falls on a day off (a weekend, Tết, a swapped bridge day) it moves to the next
working day, as the Civil Code moves a deadline ending on a day off; "due soon" counts working days left,
so a deadline after Tết is not "due soon" three calendar days before the holiday starts.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.validity import in_force
from motcua.org.models import AdministrativeUnit, Agency
from motcua.workdays.calendar import Calendar
from motcua.workdays.loader import calendar_for

from .models import ControlParameter, OccurrenceStatus, ParameterKey, TaskOccurrence


class DeadlineState(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    AWAITING_REVIEW = "awaiting_review"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"


STATE_LABELS = {
    DeadlineState.DONE_ON_TIME: _("Hoàn thành đúng hạn"),
    DeadlineState.DONE_LATE: _("Hoàn thành quá hạn"),
    DeadlineState.AWAITING_REVIEW: _("Chờ duyệt"),
    DeadlineState.OVERDUE: _("Quá hạn"),
    DeadlineState.DUE_SOON: _("Sắp đến hạn"),
    DeadlineState.IN_PROGRESS: _("Đang thực hiện"),
    DeadlineState.NOT_STARTED: _("Chưa đến kỳ"),
}
STATE_BADGES = {
    DeadlineState.DONE_ON_TIME: "text-bg-success",
    DeadlineState.DONE_LATE: "text-bg-warning",
    DeadlineState.AWAITING_REVIEW: "text-bg-info",
    DeadlineState.OVERDUE: "text-bg-danger",
    DeadlineState.DUE_SOON: "text-bg-warning",
    DeadlineState.IN_PROGRESS: "text-bg-secondary",
    DeadlineState.NOT_STARTED: "text-bg-light",
}


def parameter(key: str, *, on: date | None = None) -> int:
    """The value of a control parameter in force on `on`; the seed migration guarantees one row."""
    day = on or timezone.localdate()
    row = in_force(ControlParameter.objects.filter(key=key), day)
    if row is None:
        raise LookupError(
            f"Chưa khai báo tham số {key} hiệu lực ngày {day:%d/%m/%Y} / parameter {key} not set for {day}"
        )
    return row.value


def province_of(unit: AdministrativeUnit) -> AdministrativeUnit:
    while unit.parent_id is not None:
        unit = unit.parent
    return unit


@dataclass
class DeadlineBook:
    """Calendars per province for one request or sweep, so each is built once."""

    today: date = field(default_factory=timezone.localdate)
    _calendars: dict[int, Calendar] = field(default_factory=dict)
    # The province of each administrative unit met: a dashboard row used to walk up its unit's parents.
    _provinces: dict[int, AdministrativeUnit] = field(default_factory=dict)
    _due_soon: int | None = None

    def calendar(self, agency: Agency) -> Calendar:
        unit_id = agency.administrative_unit_id
        if unit_id not in self._provinces:
            self._provinces[unit_id] = province_of(agency.administrative_unit)
        province = self._provinces[unit_id]
        if province.pk not in self._calendars:
            self._calendars[province.pk] = calendar_for(province, on=self.today)
        return self._calendars[province.pk]

    @contextmanager
    def shared(self) -> Iterator["DeadlineBook"]:
        """Within the block, `DeadlineBook.current()` is this book: a computation a page runs for each of
        its agencies and targets uses the page's calendars instead of loading its own."""
        token = _current_book.set(self)
        try:
            yield self
        finally:
            _current_book.reset(token)

    @classmethod
    def current(cls) -> "DeadlineBook":
        """The book of the page being built (`shared`), else a new one for today."""
        return _current_book.get() or cls()

    @property
    def due_soon_days(self) -> int:
        if self._due_soon is None:
            self._due_soon = parameter(ParameterKey.DUE_SOON_WORKING_DAYS, on=self.today)
        return self._due_soon

    def effective_due(self, due_on: date, agency: Agency) -> date:
        """The deadline, moved to the next working day when it falls on a day off."""
        return self.calendar(agency).next_working_day(due_on)

    def working_days_left(self, due_on: date, agency: Agency) -> int:
        """Working days after today up to the (effective) deadline; 0 on the deadline; negative when late."""
        calendar = self.calendar(agency)
        due = self.effective_due(due_on, agency)
        if due >= self.today:
            return _count_working_days(calendar, self.today, due)
        return -_count_working_days(calendar, due, self.today)

    def state(self, occurrence: TaskOccurrence) -> DeadlineState:
        agency = occurrence.task.lead_agency
        if occurrence.status == OccurrenceStatus.DONE:
            on_time = occurrence.completed_on <= self.effective_due(occurrence.due_on, agency)
            return DeadlineState.DONE_ON_TIME if on_time else DeadlineState.DONE_LATE
        if occurrence.status == OccurrenceStatus.SUBMITTED:
            # The lead agency has reported completion; the wait for review is not the agency's delay.
            return DeadlineState.AWAITING_REVIEW
        left = self.working_days_left(occurrence.due_on, agency)
        if left < 0:
            return DeadlineState.OVERDUE
        if occurrence.period_start > self.today:
            return DeadlineState.NOT_STARTED
        if left <= self.due_soon_days:
            return DeadlineState.DUE_SOON
        return DeadlineState.IN_PROGRESS


_current_book: ContextVar[DeadlineBook | None] = ContextVar("deadline_book", default=None)


def _count_working_days(calendar: Calendar, after: date, until: date) -> int:
    """Working days d with after < d <= until."""
    count = 0
    for day in calendar.working_days_from(after):
        if day > until:
            break
        if day > after:
            count += 1
    return count


def occurrence_finished_on_time(occurrence: TaskOccurrence, book: DeadlineBook | None = None) -> bool:
    book = book or DeadlineBook()
    return occurrence.completed_on is not None and occurrence.completed_on <= book.effective_due(
        occurrence.due_on, occurrence.task.lead_agency
    )
