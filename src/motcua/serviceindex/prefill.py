"""Figures of the periodic TTHC-control report (TT 01/2020/TT-VPCP style), offered to control's registry of
computations so that a report field naming one is pre-filled for the reporting agency and period.

Definitions (docs/index.md, "Statistics of the periodic report"): a dossier counts for its competent agency;
"received" = received in the period (by channel); "carried over" = received before the period and whose
processing had not ended before it; "done early or on time" / "done late" = processing ended in the period
with that verdict (dossiers.timeliness, read in serviceindex.verdicts); "pending in time" / "pending overdue"
= received by the period's end, not ended by then, due after / before that moment; "apologies" = apology and
extension actions in the period. Each entry gets groups of agency ids (control.computations) and sums over
their union; the flows come from the per-day aggregates, the pending ones from the dossiers' due dates.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import ProcedureVersion
from motcua.control.computations import AgencyGroups, register, union
from motcua.dossiers.lifecycle import Action
from motcua.dossiers.models import Dossier, DossierEvent, SubmissionChannel

from . import verdicts
from .computations import local_range
from .models import DossierDay, Fact


def _sum(agencies: frozenset[int], condition: Q) -> Decimal:
    total = DossierDay.objects.filter(condition, agency__in=agencies).aggregate(n=Sum("dossiers"))["n"]
    return Decimal(total or 0)


def _received(channel: int):
    def compute(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
        return _sum(union(groups), Q(fact=Fact.RECEIVED, day__range=(start, end), channel=channel))

    return compute


register(
    "serviceindex.received_online",
    _("Hồ sơ tiếp nhận trực tuyến"),
    _("Hồ sơ được tiếp nhận trong kỳ qua kênh trực tuyến (cơ quan có thẩm quyền)"),
)(_received(SubmissionChannel.ONLINE))
register(
    "serviceindex.received_direct",
    _("Hồ sơ tiếp nhận trực tiếp"),
    _("Hồ sơ được tiếp nhận trong kỳ tại Bộ phận Một cửa"),
)(_received(SubmissionChannel.DIRECT))
register(
    "serviceindex.received_postal",
    _("Hồ sơ tiếp nhận qua bưu chính công ích"),
    _("Hồ sơ được tiếp nhận trong kỳ qua dịch vụ bưu chính công ích"),
)(_received(SubmissionChannel.POSTAL))


@register(
    "serviceindex.carried_over",
    _("Hồ sơ kỳ trước chuyển qua"),
    _("Tiếp nhận trước kỳ và chưa kết thúc giải quyết trước ngày đầu kỳ"),
)
def carried_over(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    agencies = union(groups)
    return _sum(agencies, Q(fact=Fact.RECEIVED, day__lt=start)) - _sum(
        agencies, Q(fact=Fact.ENDED, day__lt=start)
    )


def _done(values):
    def compute(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
        return _sum(union(groups), Q(fact=Fact.ENDED, day__range=(start, end), verdict__in=values()))

    return compute


register(
    "serviceindex.done_on_time",
    _("Hồ sơ giải quyết trước hạn, đúng hạn"),
    _("Kết thúc giải quyết trong kỳ, trước hạn hoặc đúng hạn"),
)(_done(verdicts.on_time_values))
register(
    "serviceindex.done_late",
    _("Hồ sơ giải quyết quá hạn"),
    _("Kết thúc giải quyết trong kỳ, quá hạn"),
)(_done(verdicts.late_values))


def _pending(agencies: frozenset[int], end: date):
    _start, after = local_range(end, end)
    return (
        Dossier.objects.filter(competent_agency__in=agencies, received_at__lt=after)
        .exclude(processing_ended_at__lt=after)
        .exclude(status__in=("withdrawn", "refused")),
        after,
    )


@register(
    "serviceindex.pending_in_time",
    _("Hồ sơ đang giải quyết trong hạn"),
    _("Đã tiếp nhận, chưa kết thúc giải quyết vào cuối kỳ, chưa đến hạn"),
)
def pending_in_time(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    rows, after = _pending(union(groups), end)
    return Decimal(rows.filter(due_at__gte=after).count())


@register(
    "serviceindex.pending_overdue",
    _("Hồ sơ đang giải quyết quá hạn"),
    _("Đã tiếp nhận, chưa kết thúc giải quyết vào cuối kỳ, đã quá hạn"),
)
def pending_overdue(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    rows, after = _pending(union(groups), end)
    return Decimal(rows.filter(due_at__lt=after).count())


@register(
    "serviceindex.apologies",
    _("Số văn bản xin lỗi"),
    _("Số lần xin lỗi, hẹn lại ngày trả kết quả trong kỳ"),
)
def apologies(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    first, after = local_range(start, end)
    return Decimal(
        DossierEvent.objects.filter(
            action=Action.EXTEND,
            occurred_at__gte=first,
            occurred_at__lt=after,
            dossier__competent_agency__in=union(groups),
        ).count()
    )


@register(
    "serviceindex.procedures_published",
    _("Số TTHC được công bố trong kỳ"),
    _("Phiên bản thủ tục công bố bằng quyết định ký trong kỳ của cơ quan"),
)
def procedures_published(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    return Decimal(
        ProcedureVersion.objects.filter(
            decision__signed_on__range=(start, end), decision__issuer__in=union(groups)
        ).count()
    )


@register(
    "serviceindex.procedures_posted",
    _("Số TTHC được công khai trên Cơ sở dữ liệu quốc gia"),
    _("Phiên bản thủ tục của quyết định được đăng tải trong kỳ"),
)
def procedures_posted(groups: AgencyGroups, start: date, end: date, params: dict) -> Decimal:
    return Decimal(
        ProcedureVersion.objects.filter(
            decision__posted_on__range=(start, end), decision__issuer__in=union(groups)
        ).count()
    )
