"""Review figures for plan targets and periodic reports, registered into control's registry, so a report's
"procedures reviewed" and "options" are counted from the forms instead of typed by hand.

Each counts the forms of the reviewing agencies in the groups: reviewed by the day the form was sent,
options by the day the decision approving them was signed. Parameters: none.
"""

from datetime import date
from decimal import Decimal

from django.db.models import F, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from motcua.control.computations import AgencyGroups, register, union

from .models import ProcedureReview, Proposal
from .workflows import ReviewStatus


def _of(groups: AgencyGroups) -> QuerySet[ProcedureReview]:
    return ProcedureReview.objects.filter(item__reviewing_agency__in=union(groups))


def _approved(groups: AgencyGroups, start: date, end: date) -> QuerySet[ProcedureReview]:
    return (
        _of(groups)
        .filter(status=ReviewStatus.APPROVED, decision__signed_on__range=(start, end))
        .exclude(proposal=Proposal.KEEP)
    )


@register(
    "review.procedures_reviewed",
    _("Số thủ tục hành chính đã rà soát, đánh giá"),
    _("Thủ tục có phiếu rà soát gửi trong kỳ"),
)
def procedures_reviewed(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    reviewed = _of(groups).filter(submitted_at__date__range=(start, end))
    return Decimal(reviewed.values("procedure").distinct().count())


@register(
    "review.options_proposed",
    _("Số phương án đơn giản hóa được đề xuất"),
    _("Phiếu rà soát gửi trong kỳ đề xuất sửa đổi, thay thế, bãi bỏ, đơn giản hóa (trừ giữ nguyên)"),
)
def options_proposed(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    proposed = _of(groups).filter(submitted_at__date__range=(start, end)).exclude(proposal=Proposal.KEEP)
    return Decimal(proposed.count())


@register(
    "review.options_approved",
    _("Số phương án đơn giản hóa được phê duyệt"),
    _("Theo ngày ký quyết định phê duyệt"),
)
def options_approved(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    return Decimal(_approved(groups, start, end).count())


@register(
    "review.annual_saving",
    _("Chi phí tuân thủ cắt giảm được (đồng/năm)"),
    _("Tổng chi phí tuân thủ hiện tại trừ sau đơn giản hóa của các phương án được phê duyệt trong kỳ"),
)
def annual_saving(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    total = _approved(groups, start, end).aggregate(s=Sum(F("annual_before") - F("annual_after")))["s"]
    return Decimal(total or 0)
