"""The index of a hand-computed month, point by point (the figures are worked out in the comments).

Agency A (commune Xã A): a1 online, full-online procedure, early, fee paid online, electronic result,
reused data, identity verified, rated satisfied; a2 online, on time, fee paid at the counter, rated
unsatisfied; a3 at the counter, late; a4 at the counter, partial-online procedure, on time, fee paid online,
electronic result; a5 at the counter, still in processing. Agency B (Xã B): b1 online, on time, electronic,
rated satisfied; b2 at the counter, partial procedure, late, fee not paid online.
Digitisation (3.2): a1 and b1 hold their paper as a file, a4 reused it from the store, a3 has a paper copy
only, the others no checklist line. Fee integration (4.2): A's fee for the full-online procedure is
integrated for online payment since January; nothing else is.
Sync to the national portal (1.4): every change of a1, a3, a5, b1 and b2 was acknowledged; a2's second change
was given up (failed), a4's reception still waits. B's February dossier has a failed change in February.
"""

from decimal import Decimal

from motcua.serviceindex import scores
from motcua.serviceindex.periods import month

MARCH = month(2026, 3)
NO_SOURCE = {"3.3", "3.5", "3.7"}  # 8 points (1.4 reads the portal sync outbox)


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
        "1.4": (3, 5, "60.00", "4.50"),  # a1, a3, a5 of five changed (a2 failed, a4 waits): 6 × 60 ÷ 80
    }
    for code, (num, den, rate, points) in expected.items():
        s = got[code]
        assert (s.status, s.numerator, s.denominator) == (scores.SCORED, num, den), code
        assert (s.rate, s.points) == (Decimal(rate), Decimal(points)), code
    assert {c for c, s in got.items() if s.status == scores.NO_SOURCE} == NO_SOURCE
    # No publication decision signed by A in March: 1.1–1.3 have no cases (12 points), stated, not zero;
    # nor any feedback: 5.1 and 5.2 have a source (the feedback rows) but no cases (12 points).
    assert {c for c, s in got.items() if s.status == scores.NO_CASES} == {"1.1", "1.2", "1.3", "5.1", "5.2"}
    # Scored: 1.4 (6) + 2.1 (20) + 3.1 (6) + 3.2 (4) + 3.4 (2) + 3.6 (2) + 4.1 (12) + 4.2 (2) + 4.3 (2)
    # + 4.4 (6) + 5.3 (6) = 68 of 100; excluded: 1.1–1.3 (12) + 5.1, 5.2 (12) + 3.3, 3.5, 3.7 (8) = 32.
    assert a.maximum == Decimal(68)
    assert a.excluded == Decimal(32)
    # 4.50 + 18.75 + 3.75 + 2.00 + 0.50 + 0.50 + 12.00 + 1.25 + 2.00 + 5.00 + 3.33 = 53.58
    assert a.points == Decimal("53.58")
    assert a.percent == Decimal("78.79")  # 53.58 × 100 ÷ 68 = 78.794…
    assert (a.rank, a.peers) == (1, 2)


def test_agency_b_and_the_ranking(scenario):
    table = scores.table(MARCH, by="agency")
    b = next(s for s in table if s.key == scenario.b.pk)
    got = by_code(b)
    codes = ("1.4", "2.1", "3.1", "3.2", "3.4", "3.6", "4.1", "4.2", "4.3", "4.4", "5.3")
    # 1.4: b1 and b2 both synced, 2 of 2 = 100% ≥ 80%: full 6 points (b0's failed change is February's).
    assert (got["1.4"].numerator, got["1.4"].denominator) == (2, 2)
    assert [got[c].points for c in codes] == [
        Decimal(x)
        for x in ("6.00", "12.50", "3.75", "2.50", "0.00", "0.00", "12.00", "0.00", "0.00", "0.00", "3.33")
    ]
    assert b.points == Decimal("40.08")  # 6.00 + 12.50 + 3.75 + 2.50 + 12.00 + 3.33
    assert b.maximum == Decimal(68)  # the same eleven indicators as A
    assert b.percent == Decimal("58.94")  # 40.08 × 100 ÷ 68 = 58.941…
    assert (b.rank, b.peers) == (2, 2)
    # February: B's one dossier was late (0 of 1 on time); the change is measured against it.
    feb = by_code(next(s for s in scores.table(month(2026, 2), by="agency") if s.key == scenario.b.pk))
    assert (feb["2.1"].numerator, feb["2.1"].denominator) == (0, 1)
    assert (feb["1.4"].numerator, feb["1.4"].denominator, feb["1.4"].points) == (0, 1, Decimal("0.00"))
    assert b.previous_percent is not None
    assert b.change == b.percent - b.previous_percent


def test_province_point_by_point(scenario):
    [province] = scores.table(MARCH, by=None)
    got = by_code(province)
    assert {c: (got[c].numerator, got[c].denominator, got[c].points) for c in got if got[c].points} == {
        "1.4": (5, 7, Decimal("5.36")),  # 71.43% → 6 × 71.43 ÷ 80 = 5.35725
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
    # 5.36 + 16.67 + 3.75 + 2.14 + 0.36 + 0.36 + 12.00 + 1.25 + 2.00 + 3.75 + 3.33 = 50.97
    assert province.points == Decimal("50.97")
    assert province.maximum == Decimal(68)
    assert province.percent == Decimal("74.96")  # 50.97 × 100 ÷ 68 = 74.955…


def test_units_rank_communes_among_communes(scenario):
    table = scores.table(MARCH, by="unit")
    units = {s.key: s for s in table}
    a_unit = scenario.province.commune_units["Xã A"].pk
    b_unit = scenario.province.commune_units["Xã B"].pk
    assert units[a_unit].percent == Decimal("78.79")  # Xã A holds agency A only
    assert (by_code(units[b_unit])["1.4"].numerator, by_code(units[b_unit])["1.4"].denominator) == (2, 2)
    assert units[a_unit].rank == 1
    assert units[b_unit].rank == 2
    assert units[b_unit].level == "commune"
