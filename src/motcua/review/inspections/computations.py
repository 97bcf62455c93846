"""Inspection figures for periodic reports, registered into control's registry: inspections held and
recommendations carried out in the period, for the inspected agencies in the groups. Parameters: none."""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from motcua.control.computations import AgencyGroups, register, union

from .models import Inspection, Recommendation
from .workflows import FollowUpStatus


@register(
    "review.inspections", _("Số cuộc kiểm tra việc thực hiện kiểm soát TTHC"), _("Theo ngày lập biên bản")
)
def inspections(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    found = Inspection.objects.filter(agencies__in=union(groups), minutes_on__range=(start, end)).distinct()
    return Decimal(found.count())


@register(
    "review.recommendations_done",
    _("Số kiến nghị sau kiểm tra đã thực hiện"),
    _("Theo ngày hoàn thành; chỉ kết quả đã được cơ quan kiểm tra chấp nhận"),
)
def recommendations_done(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    done = Recommendation.objects.filter(
        agency__in=union(groups), done_on__range=(start, end), status=FollowUpStatus.ACCEPTED
    )
    return Decimal(done.count())
