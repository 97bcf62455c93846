"""The satisfaction group's feedback indicators (QĐ 766, 5.1 and 5.2), computed from the feedback rows.

Feedback is a few thousand items a year per province, so the measures group the rows themselves (one query
per indicator, by the feedback indexes) instead of keeping an aggregate. An item counts for the agency
handling it (the competent agency it was routed to).

- 5.1 handled on time: the items whose handling deadline falls in the period and which were answered
  (approved) or are already overdue; on time = approved and not late. Counting by deadline day means an
  unanswered item lowers the score once it is late, instead of staying out of the figures.
- 5.2 satisfaction with feedback handling: the answers published in the period; satisfied = not counted
  unsatisfied as the national portal does (more disagree than agree, a follow-up feedback about the answer,
  or handled late; feedback.selectors.unsatisfied).
"""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.feedback.models import Feedback
from motcua.feedback.selectors import feedback_for
from motcua.feedback.workflows import Status
from motcua.org.models import User

from .computations import NUMERATOR, Fine, IndexComputation, Window, index_computations, local_range

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

    def measure_fine(self, window: Window) -> Fine:
        """One grouped query per period: the province's, the units' and the agencies' figures are sums."""
        rows = self._in(Feedback.objects.all(), window).order_by()
        figures = {"den": Count("pk"), "num": Count("pk", filter=self.numerator)}
        return {
            (row["agency_id"], row[UNIT]): (row["num"], row["den"], row["den"])
            for row in rows.values("agency_id", UNIT).annotate(**figures)
        }

    def rows(self, actor: User, window: Window, part: str) -> QuerySet:
        rows = self._in(feedback_for(actor), window).select_related("agency")
        rows = rows.filter(self.numerator) if part == NUMERATOR else rows
        return rows.order_by("received_at", "pk")


class HandledOnTime(FeedbackComputation):
    name = "feedback.handled_on_time"
    label = _("Phản ánh, kiến nghị xử lý đúng hạn")
    numerator = Q(approved_at__isnull=False, handled_late=False)

    def base(self, rows: QuerySet[Feedback], window: Window) -> QuerySet[Feedback]:
        start, end = local_range(window.start, window.end)
        return rows.filter(handle_due_at__gte=start, handle_due_at__lt=end).filter(
            Q(approved_at__isnull=False) | Q(handle_due_at__lt=timezone.now())
        )


class Satisfaction(FeedbackComputation):
    name = "feedback.satisfaction"
    label = _("Hài lòng trong xử lý phản ánh, kiến nghị")
    numerator = ~(
        Q(disagree_count__gt=F("agree_count"))
        | Q(handled_late=True)
        | Q(Exists(Feedback.objects.filter(follow_up_of=OuterRef("pk"))))
    )

    def base(self, rows: QuerySet[Feedback], window: Window) -> QuerySet[Feedback]:
        start, end = local_range(window.start, window.end)
        return rows.filter(status=Status.PUBLISHED, published_at__gte=start, published_at__lt=end)


for computation in (HandledOnTime(), Satisfaction()):
    index_computations.register(computation, name=computation.name)
