"""Stage deadlines in working time: the limit in force (a FeedbackLimit row) added by the workdays engine.

A stage starts when its action happens; outside office hours the clock starts at the next office period,
as a dossier's does, so feedback sent on the eve of Tết is due counted from the first day back.
"""

from datetime import date, datetime

from django.utils import timezone

from motcua.core.validity import stage_limit_in_force
from motcua.workdays.loader import working_days_from

from .models import FeedbackLimit, Stage


def limit(stage: str, day: date) -> FeedbackLimit:
    return stage_limit_in_force(FeedbackLimit.objects.filter(stage=stage), day, str(Stage(stage).label))


def due(start: datetime, stage: str) -> datetime:
    """When a stage that starts at `start` must be done."""
    return working_days_from(start, limit(stage, timezone.localdate(start)).working_days)
