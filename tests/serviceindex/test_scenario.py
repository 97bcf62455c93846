"""The index of a hand-computed month, point by point (the figures are worked out in the comments).

Agency A (commune Xã A): a1 online, full-online procedure, early, fee paid online, electronic result,
reused data, identity verified, rated satisfied; a2 online, on time, fee paid at the counter, rated
unsatisfied; a3 at the counter, late; a4 at the counter, partial-online procedure, on time, fee paid online,
electronic result; a5 at the counter, still in processing. Agency B (Xã B): b1 online, on time, electronic,
rated satisfied; b2 at the counter, partial procedure, late, fee not paid online.
Digitisation (3.2): a1 and b1 hold their paper as a file, a4 reused it from the store, a3 has a paper copy
only, the others no checklist line. Fee integration (4.2): A's fee for the full-online procedure is
integrated for online payment since January; nothing else is.
"""

from decimal import Decimal

from motcua.serviceindex import scores
from motcua.serviceindex.periods import month

MARCH = month(2026, 3)
NO_SOURCE = {"1.4", "3.3", "3.5", "3.7"}  # 14 points


def by_code(score):
    return {s.indicator.code: s for s in score.indicators}


def test_agency_a_point_by_point(scenario):
    table = scores.table(MARCH, by="agency")
    a = next(s for s in table if s.key == scenario.a.pk)
    got = by_code(a)
    expected = {
        "2.1": (3, 4, "75.00", "18.75"),  # 75% < 80%: 20 × 75 ÷ 80
        "3.1": (2, 4, "50.00", "3.75"),  # 6 × 50 ÷ 80
        "3.2": (2, 5, "40.00", "2.00"),  # a1, a4 of five received: 4 × 40 ÷ 80
        "3.4": (1, 5, "20.00", "0.50"),
        "3.6": (1, 5, "20.00", "0.50"),
        "4.1": (2, 4, "50.00", "12.00"),  # the target is 50%: full points
        "4.2": (1, 2, "50.00", "1.25"),  # two procedures with fees, one integrated: 2 × 50 ÷ 80
        "4.3": (2, 2, "100.00", "2.00"),  # both procedures with fees had an online payment
        "4.4": (2, 3, "66.67", "5.00"),  # 6 × 66.67 ÷ 80 = 5.00025
        "5.3": (2, 4, "50.00", "3.33"),  # a2 unsatisfied, a3 late: 6 × 50 ÷ 90
    }
    for code, (num, den, rate, points) in expected.items():
        s = got[code]
        assert (s.status, s.numerator, s.denominator) == (scores.SCORED, num, den), code
        assert (s.rate, s.points) == (Decimal(rate), Decimal(points)), code
    assert {c for c, s in got.items() if s.status == scores.NO_SOURCE} == NO_SOURCE
    # No publication decision signed by A in March: 1.1–1.3 have no cases (12 points), stated, not zero;
    # nor any feedback: 5.1 and 5.2 have a source (the feedback rows) but no cases (12 points).
    assert {c for c, s in got.items() if s.status == scores.NO_CASES} == {"1.1", "1.2", "1.3", "5.1", "5.2"}
    assert a.maximum == Decimal(62)
    assert a.excluded == Decimal(38)
    assert a.points == Decimal("49.08")
    assert a.percent == Decimal("79.16")
    assert (a.rank, a.peers) == (1, 2)


def test_agency_b_and_the_ranking(scenario):
    table = scores.table(MARCH, by="agency")
    b = next(s for s in table if s.key == scenario.b.pk)
    got = by_code(b)
    codes = ("2.1", "3.1", "3.2", "3.4", "3.6", "4.1", "4.2", "4.3", "4.4", "5.3")
    assert [got[c].points for c in codes] == [
        Decimal(x) for x in ("12.50", "3.75", "2.50", "0.00", "0.00", "12.00", "0.00", "0.00", "0.00", "3.33")
    ]
    assert b.points == Decimal("34.08")
    assert b.percent == Decimal("54.97")
    assert (b.rank, b.peers) == (2, 2)
    # February: B's one dossier was late (0 of 1 on time); the change is measured against it.
    feb = by_code(next(s for s in scores.table(month(2026, 2), by="agency") if s.key == scenario.b.pk))
    assert (feb["2.1"].numerator, feb["2.1"].denominator) == (0, 1)
    assert b.previous_percent is not None
    assert b.change == b.percent - b.previous_percent


def test_province_point_by_point(scenario):
    [province] = scores.table(MARCH, by=None)
    got = by_code(province)
    assert {c: (got[c].numerator, got[c].denominator, got[c].points) for c in got if got[c].points} == {
        "2.1": (4, 6, Decimal("16.67")),  # 66.67% → 20 × 66.67 ÷ 80 = 16.6675
        "3.1": (3, 6, Decimal("3.75")),
        "3.2": (3, 7, Decimal("2.14")),  # 42.86% → 4 × 42.86 ÷ 80 = 2.143
        "3.4": (1, 7, Decimal("0.36")),  # 14.29% → 0.35725
        "3.6": (1, 7, Decimal("0.36")),
        "4.1": (3, 5, Decimal("12.00")),
        "4.2": (1, 2, Decimal("1.25")),  # the partial procedure (A and B) is integrated nowhere
        "4.3": (2, 2, Decimal("2.00")),
        "4.4": (2, 4, Decimal("3.75")),
        "5.3": (3, 6, Decimal("3.33")),
    }
    assert province.points == Decimal("45.61")
    assert province.maximum == Decimal(62)
    assert province.percent == Decimal("73.56")


def test_units_rank_communes_among_communes(scenario):
    table = scores.table(MARCH, by="unit")
    units = {s.key: s for s in table}
    a_unit = scenario.province.commune_units["Xã A"].pk
    b_unit = scenario.province.commune_units["Xã B"].pk
    assert units[a_unit].percent == Decimal("79.16")
    assert units[a_unit].rank == 1
    assert units[b_unit].rank == 2
    assert units[b_unit].level == "commune"
