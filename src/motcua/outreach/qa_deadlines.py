"""Stage deadlines of a question in working time: the limit in force (a QuestionLimit row) added by the
workdays engine from the next office period, as feedback's are."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from motcua.core.validity import in_force
from motcua.workdays import clock
from motcua.workdays.duration import Duration
from motcua.workdays.loader import installation_calendar

from .models import QuestionLimit, QuestionStage


def limit(stage: str, day: date) -> QuestionLimit:
    found = in_force(QuestionLimit.objects.filter(stage=stage), day)
    if found is None:
        raise ValidationError(
            _(
                "Chưa có thời hạn “%(stage)s” có hiệu lực ngày %(day)s; quản trị cần khai báo. "
                "/ No time limit for this stage is in force on that day; an administrator must add one."
            )
            % {"stage": QuestionStage(stage).label, "day": day.strftime("%d/%m/%Y")}
        )
    return found


def due(start: datetime, stage: str) -> datetime:
    """When a stage that starts at `start` must be done."""
    cal = installation_calendar(start.date())
    days = limit(stage, start.date()).working_days
    return clock.add(clock.next_office_instant(start, cal), Duration.working_days(days), cal)
