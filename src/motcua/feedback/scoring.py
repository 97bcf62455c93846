"""Feedback handled on time, offered to control's emulation scorecard: per handling agency, the items whose
answer a leader approved in the period, and how many of them within the handling deadline."""

from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from motcua.control.scoring import Counts, ScoreMeasure, score_measures, sum_by_group

from .models import Feedback


def handled_on_time(groups: dict[int, frozenset[int]], start: date, end: date) -> Counts:
    if not groups:
        return {}
    members = frozenset().union(*groups.values())
    rows = (
        Feedback.objects.filter(agency__in=members, approved_at__date__range=(start, end))
        .order_by()
        .values("agency_id")
        .annotate(handled=Count("pk"), on_time=Count("pk", filter=Q(handled_late=False)))
    )
    per_agency = {row["agency_id"]: (row["on_time"], row["handled"]) for row in rows}
    return sum_by_group(per_agency, groups)


score_measures.register(
    ScoreMeasure(
        name="feedback.handled_on_time",
        label=_("Phản ánh, kiến nghị xử lý đúng hạn"),
        counts=handled_on_time,
    )
)
