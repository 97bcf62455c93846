"""Dossier codes `{agency code}-{yymmdd}-{NNNN}`: a daily sequence per receiving agency, without gaps.

The counter row of (agency, day) is locked with SELECT … FOR UPDATE inside the reception transaction, so
concurrent receptions queue on it, and a reception that rolls back takes its number back with it.
"""

from datetime import date

from django.db.models import F

from motcua.org.models import Agency

from .models import DailyCounter


def issue_code(agency: Agency, day: date) -> str:
    locked = DailyCounter.objects.select_for_update().filter(agency=agency, day=day)
    counter = locked.first()
    if counter is None:
        # The day's first reception creates the row; a racing one waits on the unique index, then locks it.
        DailyCounter.objects.get_or_create(agency=agency, day=day)
        counter = locked.first()
    DailyCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    return format_code(agency.code, day, counter.last + 1)


def format_code(agency_code: str, day: date, sequence: int) -> str:
    return f"{agency_code}-{day:%y%m%d}-{sequence:04d}"
