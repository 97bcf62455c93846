"""Feedback figures for plan targets and periodic reports, registered into control's registry.

Each counts the items of the agencies in the groups (the agency handling the item, or receiving it for
what never left the desk) over the period: received by reception day, handled by approval day, published
by publication day. Parameters: none.
"""

from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from motcua.control.computations import AgencyGroups, register, union

from .models import Feedback
from .selectors import unsatisfied
from .workflows import Status

NOT_IN_SCOPE = (Status.RECEIVED, Status.INCOMPLETE, Status.REFUSED)


def _of(groups: AgencyGroups) -> QuerySet[Feedback]:
    ids = union(groups)
    return Feedback.objects.filter(Q(agency__in=ids) | Q(receiving_agency__in=ids))


def _rate(part: int, whole: int) -> Decimal:
    return Decimal(0) if not whole else (Decimal(100) * part / whole).quantize(Decimal("0.01"))


def received(groups: AgencyGroups, start: date, end: date) -> QuerySet[Feedback]:
    return _of(groups).filter(received_at__date__range=(start, end))


def handled(groups: AgencyGroups, start: date, end: date) -> QuerySet[Feedback]:
    return _of(groups).filter(approved_at__date__range=(start, end))


def published(groups: AgencyGroups, start: date, end: date) -> QuerySet[Feedback]:
    return _of(groups).filter(status=Status.PUBLISHED, published_at__date__range=(start, end))


@register("feedback.received", _("Phản ánh, kiến nghị tiếp nhận"), _("Theo ngày tiếp nhận"))
def received_count(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    return Decimal(received(groups, start, end).count())


@register(
    "feedback.in_scope",
    _("Phản ánh, kiến nghị thuộc phạm vi"),
    _("Tiếp nhận trong kỳ, đã phân loại (không tính bị từ chối, chờ kiểm tra, chờ bổ sung)"),
)
def in_scope_count(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    return Decimal(received(groups, start, end).exclude(status__in=NOT_IN_SCOPE).count())


@register("feedback.handled", _("Phản ánh, kiến nghị đã xử lý"), _("Theo ngày lãnh đạo duyệt trả lời"))
def handled_count(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    return Decimal(handled(groups, start, end).count())


@register(
    "feedback.handled_on_time", _("Phản ánh, kiến nghị xử lý đúng hạn"), _("Duyệt trong thời hạn xử lý")
)
def handled_on_time_count(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    return Decimal(handled(groups, start, end).filter(handled_late=False).count())


@register("feedback.handled_late", _("Phản ánh, kiến nghị xử lý quá hạn"), _("Duyệt sau thời hạn xử lý"))
def handled_late_count(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    return Decimal(handled(groups, start, end).filter(handled_late=True).count())


@register(
    "feedback.handled_on_time_rate",
    _("Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn (%)"),
    _("Chỉ số 5.1 của Bộ chỉ số 766 (tham khảo)"),
)
def handled_on_time_rate(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    rows = handled(groups, start, end)
    return _rate(rows.filter(handled_late=False).count(), rows.count())


@register("feedback.published", _("Kết quả xử lý phản ánh đã công khai"), _("Theo ngày công khai"))
def published_count(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    return Decimal(published(groups, start, end).count())


@register(
    "feedback.satisfied_rate",
    _("Tỷ lệ hài lòng về xử lý phản ánh, kiến nghị (%)"),
    _(
        "Kết quả công khai trong kỳ không bị tính là không hài lòng (nhiều ý kiến không đồng ý hơn đồng ý, "
        "có phản ánh tiếp về kết quả, hoặc xử lý quá hạn)"
    ),
)
def satisfied_rate(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    rows = published(groups, start, end)
    total = rows.count()
    return _rate(total - unsatisfied(rows).count(), total)
