"""The centres' opening hours as one line, from the rows the deadline clock itself uses (the working
calendar's office hours and weekdays, memoised in `reference` and forgotten when those rows change): the
footer, the home page and the contact page say the same thing the appointments are computed from."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.dossiers import reference
from motcua.workdays.calendar import Calendar
from motcua.workdays.labels import WEEKDAYS

register = template.Library()
MONDAY_TO_FRIDAY = frozenset(range(5))


def describe(calendar: Calendar) -> str:
    """'Thứ hai đến thứ sáu: 08:00–12:00, 13:00–17:00 (trừ ngày nghỉ lễ, Tết)' in the page's language."""
    days = sorted(calendar.working_weekdays)
    if calendar.working_weekdays == MONDAY_TO_FRIDAY:
        weekdays = _("Thứ hai đến thứ sáu")
    else:
        weekdays = ", ".join(str(WEEKDAYS[d][1]) for d in days)
    periods = ", ".join(f"{p.begin:%H:%M}–{p.end:%H:%M}" for p in calendar.office_hours.periods)
    return _("%(weekdays)s: %(periods)s (trừ ngày nghỉ lễ, Tết)") % {"weekdays": weekdays, "periods": periods}


@register.simple_tag
def office_hours() -> str:
    return describe(reference.working_calendar(timezone.localdate()))
