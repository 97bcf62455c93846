"""Computed targets over communication activities, registered into control's registry at start-up.

Parameters: `kinds`, a list of activity kinds (all kinds when absent).
"""

from datetime import date
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from motcua.control.computations import AgencyGroups, register, union
from motcua.org.models import RoleAssignment

from .models import CommunicationActivity, ReadingPoint, ReadingPointKind
from .training import TRAINED_ROLES, holding_roles, trained_users


def _activities(agency_ids, start: date, end: date, params: dict):
    rows = CommunicationActivity.objects.filter(agency__in=agency_ids, held_on__range=(start, end))
    kinds = params.get("kinds") or []
    return rows.filter(kind__in=kinds) if kinds else rows


@register(
    "outreach.activity_count",
    _("Số hoạt động tuyên truyền"),
    _("Số hoạt động (theo loại) trong kỳ của kế hoạch"),
)
def activity_count(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    return Decimal(_activities(union(groups), start, end, params).count())


@register(
    "outreach.activity_monthly_average",
    _("Số hoạt động tuyên truyền bình quân mỗi tháng"),
    _("Ví dụ: số bài viết mỗi tháng; chia cho số tháng đã qua của kỳ"),
)
def activity_monthly_average(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    count = _activities(union(groups), start, end, params).count()
    return (Decimal(count) / months).quantize(Decimal("0.01"))


@register(
    "outreach.activity_reach",
    _("Số người, lượt tiếp cận"),
    _("Tổng số người, lượt tiếp cận của các hoạt động"),
)
def activity_reach(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    total = _activities(union(groups), start, end, params).aggregate(total=Sum("reach"))["total"]
    return Decimal(total or 0)


@register(
    "outreach.agencies_with_activity_rate",
    _("Tỷ lệ cơ quan có hoạt động (%)"),
    _(
        "Ví dụ: 100% đài truyền thanh xã có chuyên mục CCHC; mỗi cơ quan (kể cả đơn vị trực thuộc) "
        "có ít nhất một hoạt động thuộc loại đã chọn"
    ),
)
def agencies_with_activity_rate(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    if not groups:
        return Decimal(0)
    active = sum(1 for group in groups if _activities(group, start, end, params).exists())
    return (Decimal(100) * active / len(groups)).quantize(Decimal("0.01"))


@register(
    "outreach.reading_points_with_material_rate",
    _("Tỷ lệ điểm đọc có tài liệu CCHC (%)"),
    _(
        "Ví dụ: 100% điểm Bưu điện văn hóa xã có tài liệu CCHC; điểm đang hoạt động của các cơ quan đã "
        "nhận ít nhất một lần cấp phát trong kỳ. Tham số `point_kinds` (mặc định: post_office)."
    ),
)
def reading_points_with_material_rate(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    kinds = params.get("point_kinds") or [ReadingPointKind.POST_OFFICE]
    points = ReadingPoint.objects.filter(agency__in=union(groups), kind__in=kinds, active=True)
    total = points.count()
    if not total:
        return Decimal(0)
    served = points.filter(distributions__delivered_on__range=(start, end)).distinct().count()
    return (Decimal(100) * served / total).quantize(Decimal("0.01"))


@register(
    "outreach.officials_trained_rate",
    _("Tỷ lệ công chức được tập huấn (%)"),
    _(
        "Ví dụ: 100% công chức Bộ phận Một cửa cấp xã được tập huấn; người giữ vai trò tại các cơ quan trong "
        "kỳ và có mặt tại ít nhất một lớp kết thúc trong kỳ. Tham số `roles` (mặc định: one_stop_officer, "
        "control_officer)."
    ),
)
def officials_trained_rate(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    roles = params.get("roles") or list(TRAINED_ROLES)
    officials = set(
        RoleAssignment.objects.filter(holding_roles(union(groups), roles, start, end)).values_list(
            "user_id", flat=True
        )
    )
    if not officials:
        return Decimal(0)
    trained = trained_users(officials, start, end)
    return (Decimal(100) * len(trained) / len(officials)).quantize(Decimal("0.01"))
