"""Build the pure Calendar from holidays.VN plus the rows an administrator keeps.

It must also work on a fresh checkout with no database (the `motcua workdays` command is useful before
`migrate`): a SQLite file that does not exist is never opened, since connecting would create it, and a
missing table means there are no overrides yet.
"""

from __future__ import annotations

import logging
import os
from datetime import date, datetime

from django.conf import settings
from django.db import DatabaseError, OperationalError, ProgrammingError, connections, transaction
from django.db.models import Q
from django.utils import timezone

from motcua.core.validity import in_force, valid_on
from motcua.org.models import AdministrativeUnit

from . import clock
from .calendar import Calendar, DayKind, Override, PeriodEnd, is_tet
from .duration import Duration
from .hours import DEFAULT_OFFICE_HOURS
from .models import DayOverride, PeriodEndRule
from .models import OfficeHours as OfficeHoursRow

logger = logging.getLogger(__name__)


def calendar_for(province: AdministrativeUnit | None = None, on: date | None = None) -> Calendar:
    """The working calendar of `province` (national when None), with the office hours in force on `on`."""
    on = on or timezone.localdate()
    # Tết after this year is a forecast until an override row records the Prime Minister's notice.
    announced_through = timezone.localdate().year
    if not database_exists():
        return Calendar(announced_through=announced_through)
    try:
        with transaction.atomic():
            overrides = _overrides(province)
            hours_row = _office_hours_row(province, on)
            period_end = period_end_on(on)
    except (OperationalError, ProgrammingError) as error:
        # Before `migrate` this is expected; anything else (a database that is down) deserves a warning.
        level = logging.DEBUG if _tables_missing() else logging.WARNING
        logger.log(
            level, "workdays: calendar tables unavailable (%s); using holidays.VN only", type(error).__name__
        )
        return Calendar(announced_through=announced_through)
    return Calendar(
        office_hours=hours_row.as_value() if hours_row else DEFAULT_OFFICE_HOURS,
        saturday_hours=hours_row.saturday_value() if hours_row else None,
        overrides=overrides,
        period_end=period_end,
        announced_through=announced_through,
        announced_years={o.day.year for o in overrides if o.kind is DayKind.OFF and is_tet(o.name)},
    )


def period_end_on(on: date) -> PeriodEnd:
    """The end-of-period rule in force on `on`; the same clock time when no row says otherwise."""
    row = in_force(PeriodEndRule.objects.all(), on)
    return PeriodEnd(row.rule) if row else PeriodEnd.CLOCK_TIME


def installation_calendar(on: date | None = None) -> Calendar:
    """The calendar of the province this installation serves (MOTCUA_PROVINCE_CODE), national when unset."""
    code = settings.MOTCUA_PROVINCE_CODE
    return calendar_for(find_province(code, on) if code else None, on)


def find_province(code: str, on: date | None = None) -> AdministrativeUnit | None:
    """The province with this statistical code, preferring the unit in force on `on`; None if unknown."""
    on = on or timezone.localdate()
    if not database_exists():
        return None
    units = AdministrativeUnit.objects.filter(code=code, parent__isnull=True)
    in_force = units.filter(valid_on(on))
    try:
        with transaction.atomic():
            return in_force.first() or units.order_by("-valid_from").first()
    except DatabaseError:
        return None


def database_exists() -> bool:
    """False when the default database is a SQLite file that is not there (opening it would create it)."""
    settings_dict = connections["default"].settings_dict
    if settings_dict["ENGINE"] != "django.db.backends.sqlite3":
        return True
    name = str(settings_dict["NAME"] or "")
    if not name or name == ":memory:" or "mode=memory" in name:
        return True
    if name.startswith("file:"):
        name = name.removeprefix("file:").split("?", 1)[0]
    return os.path.exists(name)


def _tables_missing() -> bool:
    try:
        tables = set(connections["default"].introspection.table_names())
    except DatabaseError:
        return False
    return not {DayOverride._meta.db_table, OfficeHoursRow._meta.db_table} <= tables


def _overrides(province: AdministrativeUnit | None) -> list[Override]:
    """National rows first, then the province's, so the province's win on the same day."""
    scope = Q(province__isnull=True) | Q(province=province) if province else Q(province__isnull=True)
    rows = (
        DayOverride.objects.filter(scope)
        .order_by("province_id", "date")
        .values_list("date", "kind", "name", "province_id")
    )
    national = [Override(day, DayKind(kind), name) for day, kind, name, unit_id in rows if unit_id is None]
    provincial = [
        Override(day, DayKind(kind), name) for day, kind, name, unit_id in rows if unit_id is not None
    ]
    return national + provincial


def _office_hours_row(province: AdministrativeUnit | None, on: date) -> OfficeHoursRow | None:
    """The province's hours in force on `on`, else the national ones; None means the default 08–12, 13–17."""
    in_force = OfficeHoursRow.objects.filter(valid_on(on))
    scopes = [Q(province=province), Q(province__isnull=True)] if province else [Q(province__isnull=True)]
    for scope in scopes:
        row = in_force.filter(scope).order_by("-valid_from").first()
        if row is not None:
            return row
    return None


def working_days_from(start: datetime, days: int) -> datetime:
    """The end of `days` working days counted from `start`, or from the next office period when `start` is
    outside office hours (a stage of feedback or of a citizen's question sent on the eve of Tết is due
    counted from the first day back)."""
    cal = installation_calendar(timezone.localdate(start))
    return clock.add(clock.next_office_instant(start, cal), Duration.working_days(days), cal)
