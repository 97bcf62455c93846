"""Reads of the index, given the actor: the public figures (no personal data) and the officer's own rows.

Scores are aggregate figures: the public page shows the province's and every agency's and commune's. An
officer's dashboard lists the agencies `visible_agencies` gives them (ranked among all their peers), and the
rows behind a number come only from what the owning app's actor-scoped selector lets them see (dossiers
through `dossiers_for`, feedback through `feedback_for`), of an agency they may see; anything else is "not
found".
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from motcua.org.models import Agency, User
from motcua.org.selectors import visible_agencies

from . import computations, scores
from .computations import PARTS, Window
from .models import Indicator
from .periods import Period


def public_tables(period: Period) -> dict[str, list[scores.Score]]:
    """The province's index, the agencies' and the units' tables: figures only."""
    memo: scores.Memo = {}  # the three tables read the same counts: measured once per period
    return {
        "province": scores.table(period, by=None, memo=memo),
        "agencies": scores.table(period, by="agency", memo=memo),
        "units": scores.table(period, by="unit", memo=memo),
    }


def officer_table(actor: User, period: Period) -> list[scores.Score]:
    visible = set(visible_agencies(actor).values_list("pk", flat=True))
    return [s for s in scores.table(period, by="agency") if s.key in visible]


def agency_for(actor: User, pk: int) -> Agency:
    agency = visible_agencies(actor).filter(pk=pk).select_related("administrative_unit").first()
    if agency is None:
        raise Http404(_("Không tìm thấy cơ quan. / Agency not found."))
    return agency


def indicator_in_force(period: Period, code: str) -> Indicator:
    for indicator in scores.indicators_on(period.end):
        if indicator.code == code:
            return indicator
    raise Http404(_("Không có chỉ số này trong kỳ. / No such indicator in the period."))


def rows_behind(actor: User, period: Period, *, agency: Agency, indicator: Indicator, part: str) -> QuerySet:
    """The rows behind the numerator or the denominator of an agency's indicator, within the actor's scope."""
    if part not in PARTS:
        raise Http404(_("Không tìm thấy. / Not found."))
    computation = computations.get(indicator.computation)
    if computation is None:
        raise Http404(_("Chỉ số chưa có nguồn dữ liệu. / The indicator has no data source."))
    window = Window(period.start, period.end, frozenset({agency.pk}), "agency")
    return computation.rows(actor, window, part)


def row_kind(indicator: Indicator) -> str:
    """What the indicator's drill-down lists ("dossier", "feedback", or rows shown as text)."""
    computation = computations.get(indicator.computation)
    return computation.row_kind if computation else ""
