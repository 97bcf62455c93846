"""The satisfaction group's feedback indicators (QĐ 766, 5.1 and 5.2), measured on the per-day feedback
aggregate (`FeedbackDay`, kept in each feedback action's transaction: serviceindex.feedback_aggregates), one
grouped query per indicator and period; the drill-down lists the feedback items themselves. An item counts
for the agency handling it (the competent agency it was routed to).

- 5.1 handled on time: the items whose handling deadline falls in the period and which were answered
  (approved) or are already overdue; on time = approved and not late. Counting by deadline day means an
  unanswered item lowers the score once it is late, instead of staying out of the figures.
- 5.2 satisfaction with feedback handling: the answers published in the period; satisfied = not counted
  unsatisfied as the national portal does (more disagree than agree, a follow-up feedback about the answer,
  or handled late; feedback.selectors.unsatisfied).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.feedback.models import Feedback
from motcua.feedback.selectors import feedback_for
from motcua.feedback.workflows import Status
from motcua.org.models import User

from .computations import NUMERATOR, Fine, IndexComputation, Window, index_computations, local_range
from .feedback_aggregates import SATISFIED
from .models import FeedbackDay, FeedbackFact

UNIT = "agency__administrative_unit_id"


class FeedbackComputation(IndexComputation):
    row_kind = "feedback"
    numerator: Q = Q()

    def base(self, rows: QuerySet[Feedback], window: Window) -> QuerySet[Feedback]:
        raise NotImplementedError

    def _in(self, rows: QuerySet[Feedback], window: Window) -> QuerySet[Feedback]:
        rows = self.base(rows, window)
        return rows if window.agencies is None else rows.filter(agency__in=window.agencies)

    additive = True
    fact = ""

    def counted(self, today: date) -> Q:
        """The aggregate rows that count in the denominator."""
        return Q()

    def measure_fine(self, window: Window) -> Fine:
        """One grouped query per period on the aggregate: the province's, the units' and the agencies'
        figures are sums."""
        rows = FeedbackDay.objects.filter(fact=self.fact, day__range=(window.start, window.end))
        if window.agencies is not None:
            rows = rows.filter(agency__in=window.agencies)
        figures = {
            "den": Sum("items", filter=self.counted(timezone.localdate())),
            "num": Sum("items", filter=Q(good=True)),
        }
        fine: Fine = {}
        for row in rows.order_by().values("agency_id", "unit_id").annotate(**figures):
            if row["den"]:
                fine[(row["agency_id"], row["unit_id"])] = (row["num"] or 0, row["den"], row["den"])
        return fine

    def rows(self, actor: User, window: Window, part: str) -> QuerySet:
        rows = self._in(feedback_for(actor), window).select_related("agency")
        rows = rows.filter(self.numerator) if part == NUMERATOR else rows
        return rows.order_by("received_at", "pk")


class HandledOnTime(FeedbackComputation):
    name = "feedback.handled_on_time"
    label = _("Phản ánh, kiến nghị xử lý đúng hạn")
    numerator = Q(approved_at__isnull=False, handled_late=False)
    fact = FeedbackFact.HANDLING_DUE

    def counted(self, today: date) -> Q:
        # Answered, or unanswered and already overdue: due on a day before today (today's are read below).
        return Q(answered=True) | Q(day__lt=today)

    def measure_fine(self, window: Window) -> Fine:
        """The aggregate by day, plus today's unanswered items already past their deadline at this hour
        (a day's row cannot tell 9:00 from 17:00): a handful of items, by the handling-deadline index."""
        fine = super().measure_fine(window)
        today = timezone.localdate()
        if not window.start <= today <= window.end:
            return fine
        start, _end = local_range(today, today)
        late = Feedback.objects.filter(
            approved_at__isnull=True, handle_due_at__gte=start, handle_due_at__lt=timezone.now()
        )
        if window.agencies is not None:
            late = late.filter(agency__in=window.agencies)
        for row in late.order_by().values("agency_id", UNIT).annotate(n=Count("pk")):
            key = (row["agency_id"], row[UNIT])
            n, d, r = fine.get(key, (0, 0, 0))
            fine[key] = (n, d + row["n"], r + row["n"])
        return fine

    def base(self, rows: QuerySet[Feedback], window: Window) -> QuerySet[Feedback]:
        start, end = local_range(window.start, window.end)
        return rows.filter(handle_due_at__gte=start, handle_due_at__lt=end).filter(
            Q(approved_at__isnull=False) | Q(handle_due_at__lt=timezone.now())
        )


class Satisfaction(FeedbackComputation):
    name = "feedback.satisfaction"
    label = _("Hài lòng trong xử lý phản ánh, kiến nghị")
    numerator = SATISFIED
    fact = FeedbackFact.PUBLISHED

    def base(self, rows: QuerySet[Feedback], window: Window) -> QuerySet[Feedback]:
        start, end = local_range(window.start, window.end)
        return rows.filter(status=Status.PUBLISHED, published_at__gte=start, published_at__lt=end)


for computation in (HandledOnTime(), Satisfaction()):
    index_computations.register(computation, name=computation.name)
