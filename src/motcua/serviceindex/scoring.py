"""The index's dossier rates offered to control's emulation scorecard, read from the per-day aggregates (one
grouped query per measure for every agency on the page, never a scan of the dossiers)."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from motcua.control.scoring import Counts, ScoreMeasure, score_measures, sum_by_group

from .computations import Window, get


def _from_cube(name: str):
    def counts(groups: dict[int, frozenset[int]], start: date, end: date) -> Counts:
        computation = get(name)
        if computation is None or not groups:
            return {}
        members = frozenset().union(*groups.values())
        per_agency = computation.measure(Window(start, end, agencies=members, by="agency"))
        return sum_by_group({pk: (m.numerator, m.denominator) for pk, m in per_agency.items()}, groups)

    return counts


score_measures.register(
    ScoreMeasure(
        name="serviceindex.on_time",
        label=_("Hồ sơ giải quyết trước hạn, đúng hạn"),
        counts=_from_cube("dossiers.on_time"),
    )
)
score_measures.register(
    ScoreMeasure(
        name="serviceindex.satisfaction",
        label=_("Hài lòng trong tiếp nhận, giải quyết hồ sơ"),
        counts=_from_cube("dossiers.satisfaction"),
    )
)
