"""Draft-regulation figures for plan targets and periodic reports, registered into control's registry, so a
report's "drafts given an opinion" and "opinions accepted" are counted from the register.

Each counts the drafts whose control unit or drafting agency is in the groups: answered by the day of the
opinion letter, procedures likewise, opinions accepted (fully or partly) by the day the explanation came.
Parameters: none.
"""

from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from motcua.control.computations import AgencyGroups, register, union

from .models import Acceptance, DraftProcedure, DraftRegulation


def _of(groups: AgencyGroups) -> QuerySet[DraftRegulation]:
    agencies = union(groups)
    return DraftRegulation.objects.filter(Q(control_agency__in=agencies) | Q(drafting_agency__in=agencies))


@register(
    "review.drafts_answered",
    _("Số dự thảo văn bản QPPL có quy định TTHC đã được góp ý"),
    _("Theo ngày văn bản góp ý"),
)
def drafts_answered(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    return Decimal(_of(groups).filter(opinion_on__range=(start, end)).count())


@register(
    "review.draft_procedures",
    _("Số TTHC trong các dự thảo đã được góp ý"),
    _("Theo ngày văn bản góp ý"),
)
def draft_procedures(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    drafts = _of(groups).filter(opinion_on__range=(start, end))
    return Decimal(DraftProcedure.objects.filter(draft__in=drafts.values("pk")).count())


@register(
    "review.draft_opinions_accepted",
    _("Số ý kiến về TTHC trong dự thảo được tiếp thu"),
    _("Tiếp thu toàn bộ hoặc một phần, theo ngày nhận văn bản giải trình"),
)
def draft_opinions_accepted(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    drafts = _of(groups).filter(explanation_on__range=(start, end))
    rows = DraftProcedure.objects.filter(
        draft__in=drafts.values("pk"), acceptance__in=[Acceptance.ACCEPTED, Acceptance.PARTLY]
    )
    return Decimal(rows.count())
