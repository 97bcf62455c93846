"""Stage deadlines of a question in working time: the limit in force (a QuestionLimit row) added by the
workdays engine from the next office period, as feedback's are."""

from datetime import date, datetime

from django.utils import timezone

from motcua.core.validity import stage_limit_in_force
from motcua.workdays.loader import working_days_from

from .models import QuestionLimit, QuestionStage


def limit(stage: str, day: date) -> QuestionLimit:
    return stage_limit_in_force(
        QuestionLimit.objects.filter(stage=stage), day, str(QuestionStage(stage).label)
    )


def due(start: datetime, stage: str) -> datetime:
    """When a stage that starts at `start` must be done."""
    return working_days_from(start, limit(stage, timezone.localdate(start)).working_days)
