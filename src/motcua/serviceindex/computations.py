"""Each indicator of the index is a named computation: a numerator, a denominator and the rows behind each.

Dossier indicators read the per-day aggregates (`DossierDay`): one grouped query per indicator for every
agency or unit at once. Their drill-down reads the dossiers themselves, through the caller's actor-scoped
queryset, with the same conditions written over the dossier's fields. Publication indicators read the
catalog's decisions (a few rows a year). An indicator whose computation is not registered here has no data
source: the platform lacks the connection (national portal sync, citizen data store, population database)
it needs, and the score says so instead of counting zero. The feedback indicators live in
feedback_indicators.py.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import OnlineLevel, ProcedureVersion, PublicationDecision
from motcua.core.plugins import Registry, UnknownPlugin
from motcua.core.validity import valid_on
from motcua.dossiers.models import DossierDocument, ReturnMethod, SubmissionChannel
from motcua.dossiers.selectors import dossiers_for
from motcua.feedback.models import Feedback
from motcua.feedback.workflows import Status as FeedbackStatus
from motcua.org.models import User

from . import verdicts
from .models import DossierDay, Fact, FeeIntegration, RatingState

NUMERATOR = "numerator"
DENOMINATOR = "denominator"
PARTS = (NUMERATOR, DENOMINATOR)
BY = {None: None, "agency": "agency_id", "unit": "unit_id"}


@dataclass(frozen=True)
class Measure:
    numerator: int
    denominator: int


@dataclass(frozen=True)
class Window:
    """What is measured: a date range (both days included), the agencies (None: all), grouped by."""

    start: date
    end: date
    agencies: frozenset[int] | None = None
    by: str | None = None  # None (one total), "agency" or "unit"


# An additive computation's counts per (agency, unit): (numerator, denominator, rows behind them).
Fine = dict[tuple[Any, Any], tuple[int, int, int]]


class IndexComputation:
    name: str = ""
    label: Any = ""
    # What `rows` lists, for the drill-down page: "dossier", "feedback" or anything else (shown as text).
    row_kind: str = ""
    # Additive: its counts per agency add up to the unit's and the province's, so one query per period
    # (`measure_fine`) serves every grouping (`from_fine`); else `measure` is asked for each grouping.
    additive: bool = False

    def measure(self, window: Window) -> dict[Any, Measure]:
        if self.additive:
            return from_fine(self.measure_fine(window), window.by)
        raise NotImplementedError

    def measure_fine(self, window: Window) -> Fine:
        raise NotImplementedError

    # Computations measured from one shared reading of a period (`shared`: its name; `read_shared` reads
    # it, `from_shared` derives a grouping's measures), so a request reads it once per period for every
    # grouping and every computation sharing it.
    shared: str = ""

    def read_shared(self, window: Window) -> Any:
        raise NotImplementedError

    def from_shared(self, reading: Any, window: Window) -> dict[Any, Measure]:
        raise NotImplementedError

    def rows(self, actor: User, window: Window, part: str) -> QuerySet:
        """The rows behind a number, within the actor's own scope (its app's actor-scoped selector)."""
        raise NotImplementedError


index_computations: Registry[IndexComputation] = Registry("index_computation", base=IndexComputation)


def get(name: str) -> IndexComputation | None:
    """The computation of that name, or None: the indicator has no data source (checked at run time)."""
    try:
        return index_computations.get(name)
    except UnknownPlugin:
        return None


def from_fine(fine: Fine, by: str | None) -> dict[Any, Measure]:
    """The measures of one grouping from the counts per (agency, unit). As a grouped query would: the
    province only when it has cases, an agency or unit whenever rows named it."""
    if by is None:
        numerator = sum(n for n, _, _ in fine.values())
        denominator = sum(d for _, d, _ in fine.values())
        return {None: Measure(numerator, denominator)} if denominator else {}
    position = 0 if by == "agency" else 1
    sums: dict[Any, list[int]] = defaultdict(lambda: [0, 0, 0])
    for key, figures in fine.items():
        total = sums[key[position]]
        for i, value in enumerate(figures):
            total[i] += value
    return {key: Measure(n, d) for key, (n, d, rows) in sums.items() if rows}


def local_range(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, the day after end 00:00) in the installation's time zone."""
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tz),
        datetime.combine(end + timedelta(days=1), time.min, tz),
    )


class CubeComputation(IndexComputation):
    """A rate over the aggregates: conditions over `DossierDay` and the same conditions over `Dossier`."""

    row_kind = "dossier"

    def __init__(
        self,
        name: str,
        label: Any,
        *,
        fact: str,
        denominator: Q,
        numerator: Q,
        dossier_denominator: Q,
        dossier_numerator: Q,
    ) -> None:
        self.name, self.label, self.fact = name, label, fact
        self.denominator, self.numerator = denominator, numerator
        self.dossier_denominator, self.dossier_numerator = dossier_denominator, dossier_numerator

    additive = True

    def measure_fine(self, window: Window) -> Fine:
        return measure_cubes([self], window)[self.name]

    def rows(self, actor: User, window: Window, part: str) -> QuerySet:
        dossiers = dossiers_for(actor)
        start, end = local_range(window.start, window.end)
        if self.fact == Fact.RECEIVED:
            base = dossiers.filter(received_at__gte=start, received_at__lt=end)
        else:
            base = dossiers.filter(
                received_at__isnull=False, processing_ended_at__gte=start, processing_ended_at__lt=end
            )
        if window.agencies is not None:
            base = base.filter(competent_agency__in=window.agencies)
        base = base.filter(self.dossier_denominator)
        return base.filter(self.dossier_numerator) if part == NUMERATOR else base


def measure_cubes(cubes: list[CubeComputation], window: Window) -> dict[str, Fine]:
    """Every cube computation over the period in one grouped query on `DossierDay` (a numerator, a
    denominator and a row count filtered per computation), per (agency, unit)."""
    rows = DossierDay.objects.filter(day__range=(window.start, window.end))
    if window.agencies is not None:
        rows = rows.filter(agency__in=window.agencies)
    # Each distinct sum or count once: cubes sharing a denominator (every dossier received, every dossier
    # graded) share its two columns, which PostgreSQL computes for each aggregate row it reads.
    figures: dict[str, Any] = {}
    aliases: dict[tuple[str, Q], str] = {}

    def column(kind: str, condition: Q) -> str:
        if (kind, condition) not in aliases:
            aliases[(kind, condition)] = alias = f"c{len(aliases)}"
            figures[alias] = (
                Sum("dossiers", filter=condition) if kind == "sum" else Count("pk", filter=condition)
            )
        return aliases[(kind, condition)]

    names = []
    for cube in cubes:
        among = Q(fact=cube.fact) & cube.denominator
        names.append((column("sum", among & cube.numerator), column("sum", among), column("count", among)))
    found: dict[str, Fine] = {cube.name: {} for cube in cubes}
    grouped: Any = rows.order_by().values("agency_id", "unit_id").annotate(**figures)
    for row in grouped:
        key = (row["agency_id"], row["unit_id"])
        for cube, (n, d, r) in zip(cubes, names, strict=True):
            if row[r]:
                found[cube.name][key] = (row[n] or 0, row[d] or 0, row[r])
    return found


# Fee dossiers of a period per (agency, unit, procedure): [paid online, all]; what 4.2 and 4.3 count from.
FeeProcedures = dict[tuple[int, int, int], tuple[int, int]]


def fee_procedures(window: Window) -> FeeProcedures:
    """One grouped query on `DossierDay` for the period: the procedures with fee dossiers, per agency and
    unit, and how many of those dossiers were paid online. Procedures whose rows sum to no dossier (a
    count moved away) are left out, as a grouped query over the dossiers would."""
    rows = DossierDay.objects.filter(fact=Fact.RECEIVED, day__range=(window.start, window.end), fee=True)
    if window.agencies is not None:
        rows = rows.filter(agency__in=window.agencies)
    grouped = (
        rows.order_by()
        .values("agency_id", "unit_id", "procedure_id")
        .annotate(online=Sum("dossiers", filter=Q(paid_online=True)), all=Sum("dossiers"))
    )
    return {
        (row["agency_id"], row["unit_id"], row["procedure_id"]): (row["online"] or 0, row["all"])
        for row in grouped
        if row["all"]
    }


def _grouped(window: Window, agency: int, unit: int) -> Any:
    return {None: None, "agency": agency, "unit": unit}[window.by]


# What 4.2 and 4.3 read once per period: the fee procedures, and the (agency, procedure) pairs whose fee is
# integrated for online payment on the period's last day.
FeeReading = tuple[FeeProcedures, set[tuple[int, int]]]


class FeeComputation(IndexComputation):
    """Procedures with fee dossiers in the period, per grouping, from one reading shared by 4.2 and 4.3."""

    shared = "fee_procedures"

    def read_shared(self, window: Window) -> FeeReading:
        integrations = FeeIntegration.objects.filter(valid_on(window.end))
        if window.agencies is not None:
            integrations = integrations.filter(agency__in=window.agencies)
        return fee_procedures(window), set(integrations.order_by().values_list("agency_id", "procedure_id"))

    def measure(self, window: Window) -> dict[Any, Measure]:
        return self.from_shared(self.read_shared(window), window)


class PaidProcedures(FeeComputation):
    """Procedures with fees and at least one dossier paid online / procedures with fees (per agency)."""

    name = "dossiers.procedures_paid_online"
    label = _("Thủ tục có phát sinh thanh toán trực tuyến")

    def from_shared(self, reading: FeeReading, window: Window) -> dict[Any, Measure]:
        paid: dict[Any, dict[int, bool]] = defaultdict(dict)
        for (agency, unit, procedure), (online, _all) in reading[0].items():
            seen = paid[_grouped(window, agency, unit)]
            seen[procedure] = seen.get(procedure, False) or online > 0
        return {key: Measure(sum(seen.values()), len(seen)) for key, seen in paid.items()}

    def rows(self, actor: User, window: Window, part: str) -> QuerySet:
        start, end = local_range(window.start, window.end)
        with_fee = dossiers_for(actor).filter(received_at__gte=start, received_at__lt=end, fee_due__gt=0)
        if window.agencies is not None:
            with_fee = with_fee.filter(competent_agency__in=window.agencies)
        if part == NUMERATOR:
            with_fee = with_fee.filter(paid_online=True)
        from motcua.catalog.models import Procedure

        return Procedure.objects.filter(pk__in=with_fee.values("procedure")).order_by("national_code")


class FeeIntegrated(FeeComputation):
    """Procedures with fees whose fee is integrated for online payment / procedures with fees, counting
    the procedures with a fee dossier received in the period (as 4.3 does) and the integrations
    (FeeIntegration) in force on the period's last day at the agency that received them."""

    name = "integrations.fee_integrated"
    label = _("Thủ tục có phí, lệ phí tích hợp thanh toán trực tuyến")

    def from_shared(self, reading: FeeReading, window: Window) -> dict[Any, Measure]:
        found, integrated = reading
        procedures: dict[Any, dict[int, bool]] = defaultdict(dict)
        for agency, unit, procedure in found:
            seen = procedures[_grouped(window, agency, unit)]
            seen[procedure] = seen.get(procedure, False) or (agency, procedure) in integrated
        return {key: Measure(sum(seen.values()), len(seen)) for key, seen in procedures.items() if seen}

    def rows(self, actor: User, window: Window, part: str) -> QuerySet:
        from motcua.catalog.models import Procedure

        start, end = local_range(window.start, window.end)
        with_fee = dossiers_for(actor).filter(received_at__gte=start, received_at__lt=end, fee_due__gt=0)
        if window.agencies is not None:
            with_fee = with_fee.filter(competent_agency__in=window.agencies)
        procedures = Procedure.objects.filter(pk__in=with_fee.values("procedure"))
        if part == NUMERATOR:
            integrated = FeeIntegration.objects.filter(
                valid_on(window.end), procedure=OuterRef("pk"), agency__in=with_fee.values("competent_agency")
            )
            procedures = procedures.filter(Exists(integrated))
        return procedures.order_by("national_code")


class DecisionComputation(IndexComputation):
    """Publication decisions signed in the period by the agencies: a timing flag set / on time."""

    def __init__(self, name: str, label: Any, flag: str) -> None:
        self.name, self.label, self.flag = name, label, flag

    def _decisions(self, window: Window) -> QuerySet[PublicationDecision]:
        rows = PublicationDecision.objects.filter(
            signed_on__range=(window.start, window.end), **{f"{self.flag}__isnull": False}
        )
        if window.agencies is not None:
            rows = rows.filter(issuer__in=window.agencies)
        return rows

    def measure(self, window: Window) -> dict[Any, Measure]:
        group = {None: None, "agency": "issuer_id", "unit": "issuer__administrative_unit_id"}[window.by]
        rows = self._decisions(window).order_by()
        on_time = Count("pk", filter=Q(**{self.flag: True}))
        if group is None:
            figures = rows.aggregate(den=Count("pk"), num=on_time)
            return {None: Measure(figures["num"], figures["den"])} if figures["den"] else {}
        return {
            row[group]: Measure(row["num"], row["den"])
            for row in rows.values(group).annotate(den=Count("pk"), num=on_time)
            if row[group] is not None
        }

    def rows(self, actor: User, window: Window, part: str) -> QuerySet:
        rows = self._decisions(window)
        return rows.filter(**{self.flag: True}) if part == NUMERATOR else rows


# Constituent parts a published procedure must show (domain §4): name, sequence, channels, documents and
# counts, time limit (on each channel), applicants, implementing agency.
COMPLETE = (
    ~Q(name="")
    & ~Q(sequence="")
    & ~Q(implementing_agency="")
    & ~Q(applicants=[])
    & Q(channel_count__gt=0)
    & Q(document_count__gt=0)
)


class CompleteVersions(IndexComputation):
    name = "catalog.versions_complete"
    label = _("Thủ tục công bố có đủ bộ phận cấu thành")

    def _versions(self, window: Window) -> QuerySet[ProcedureVersion]:
        rows = ProcedureVersion.objects.filter(
            decision__signed_on__range=(window.start, window.end)
        ).annotate(
            channel_count=Count("channels", distinct=True), document_count=Count("documents", distinct=True)
        )
        if window.agencies is not None:
            rows = rows.filter(decision__issuer__in=window.agencies)
        return rows

    def measure(self, window: Window) -> dict[Any, Measure]:
        group = {
            None: None,
            "agency": "decision__issuer_id",
            "unit": "decision__issuer__administrative_unit_id",
        }[window.by]
        result: dict[Any, list[int]] = defaultdict(lambda: [0, 0])
        for version in (
            self._versions(window)
            .values(
                *(["pk", group] if group else ["pk"]), "name", "sequence", "implementing_agency", "applicants"
            )
            .annotate(
                channel_count=Count("channels", distinct=True),
                document_count=Count("documents", distinct=True),
            )
        ):
            key = version[group] if group else None
            if group and key is None:
                continue
            complete = (
                version["name"]
                and version["sequence"]
                and version["implementing_agency"]
                and version["applicants"]
                and version["channel_count"]
                and version["document_count"]
            )
            result[key][1] += 1
            result[key][0] += 1 if complete else 0
        return {key: Measure(n, d) for key, (n, d) in result.items()}

    def rows(self, actor: User, window: Window, part: str) -> QuerySet:
        rows = self._versions(window).select_related("procedure")
        return rows.filter(COMPLETE) if part == NUMERATOR else rows


def _register(computation: IndexComputation) -> None:
    index_computations.register(computation, name=computation.name)


EVERY = Q()

# 2.1 Dossiers handled early or on time / dossiers whose processing ended with a verdict.
_register(
    CubeComputation(
        "dossiers.on_time",
        _("Hồ sơ giải quyết trước hạn, đúng hạn"),
        fact=Fact.ENDED,
        denominator=Q(verdict__in=verdicts.graded_values()),
        numerator=Q(verdict__in=verdicts.on_time_values()),
        dossier_denominator=Q(timeliness__in=verdicts.graded_values()),
        dossier_numerator=Q(timeliness__in=verdicts.on_time_values()),
    )
)
# 4.1 Online dossiers / dossiers received of procedures eligible for full online service.
_register(
    CubeComputation(
        "dossiers.full_online",
        _("Hồ sơ nộp trực tuyến của thủ tục đủ điều kiện trực tuyến toàn trình"),
        fact=Fact.RECEIVED,
        denominator=Q(eligible_full_online=True),
        numerator=Q(channel=SubmissionChannel.ONLINE),
        dossier_denominator=Q(procedure_version__online_level=OnlineLevel.FULL),
        dossier_numerator=Q(channel=SubmissionChannel.ONLINE),
    )
)
# 4.4 Dossiers paid online / dossiers with a fee.
_register(
    CubeComputation(
        "dossiers.paid_online",
        _("Hồ sơ thanh toán trực tuyến"),
        fact=Fact.RECEIVED,
        denominator=Q(fee=True),
        numerator=Q(paid_online=True),
        dossier_denominator=Q(fee_due__gt=0),
        dossier_numerator=Q(paid_online=True),
    )
)
# 3.1 Results issued electronically / dossiers whose processing ended.
_register(
    CubeComputation(
        "dossiers.electronic_result",
        _("Hồ sơ cấp kết quả điện tử"),
        fact=Fact.ENDED,
        denominator=EVERY,
        numerator=Q(electronic_result=True),
        dossier_denominator=EVERY,
        dossier_numerator=Q(return_method=ReturnMethod.ELECTRONIC),
    )
)
# 3.4 Dossiers reusing digitised data / dossiers received.
_register(
    CubeComputation(
        "dossiers.reused_data",
        _("Hồ sơ khai thác, tái sử dụng dữ liệu đã số hóa"),
        fact=Fact.RECEIVED,
        denominator=EVERY,
        numerator=Q(reused=True),
        dossier_denominator=EVERY,
        dossier_numerator=Q(reused_data=True),
    )
)
# 3.6 Dossiers whose applicant's identity was verified electronically / dossiers received.
_register(
    CubeComputation(
        "dossiers.identity_verified",
        _("Hồ sơ xác thực định danh điện tử người nộp"),
        fact=Fact.RECEIVED,
        denominator=EVERY,
        numerator=Q(identity_verified=True),
        dossier_denominator=EVERY,
        dossier_numerator=Q(identity_verified=True),
    )
)
# 3.2 Digitised dossiers (every paper held as a file) / dossiers received.
_PAPERS = DossierDocument.objects.filter(dossier=OuterRef("pk"))
_register(
    CubeComputation(
        "dossiers.digitised",
        _("Hồ sơ được số hóa"),
        fact=Fact.RECEIVED,
        denominator=EVERY,
        numerator=Q(digitised=True),
        dossier_denominator=EVERY,
        dossier_numerator=Q(Exists(_PAPERS))
        & ~Q(Exists(_PAPERS.filter(Q(file="") | Q(file__isnull=True), reused=False))),
    )
)
# 5.3 Satisfaction with dossier handling (domain §9: 100% − overdue rate − rate of dossiers with a PAKN or
# an unsatisfied rating): dossiers neither late, nor rated unsatisfied, nor the subject of a feedback that
# was not refused / dossiers ended.
_FEEDBACK = Feedback.objects.filter(dossier=OuterRef("pk")).exclude(status=FeedbackStatus.REFUSED)
_register(
    CubeComputation(
        "dossiers.satisfaction",
        _("Hài lòng trong tiếp nhận, giải quyết hồ sơ"),
        fact=Fact.ENDED,
        denominator=Q(verdict__in=verdicts.graded_values()),
        numerator=Q(verdict__in=verdicts.on_time_values())
        & ~Q(rating=RatingState.UNSATISFIED)
        & Q(with_feedback=False),
        dossier_denominator=Q(timeliness__in=verdicts.graded_values()),
        dossier_numerator=Q(timeliness__in=verdicts.on_time_values())
        & ~Q(rating__satisfied=False)
        & ~Q(Exists(_FEEDBACK)),
    )
)
_register(PaidProcedures())
_register(FeeIntegrated())
_register(
    DecisionComputation("catalog.published_on_time", _("Quyết định công bố đúng hạn"), "published_on_time")
)
_register(DecisionComputation("catalog.posted_on_time", _("Thủ tục đăng tải đúng hạn"), "posted_on_time"))
_register(CompleteVersions())
