"""The scoring arithmetic and the ranking rules (scoring.py, docs/contest.md), on plain numbers."""

from decimal import Decimal

from motcua.contest.scoring import (
    Result,
    Scheme,
    allocate,
    finalists,
    places,
    rank,
    result,
    sheet_total,
    weights_problem,
)

D = Decimal
CRITERIA = [Scheme(1, D(40), D(10)), Scheme(2, D(35), D(10)), Scheme(3, D(25), D(5))]


def sheet(a, b, c) -> dict[int, Decimal]:
    return {1: D(str(a)), 2: D(str(b)), 3: D(str(c))}


def test_a_juror_total_is_each_mark_over_its_maximum_times_its_weight():
    # 8/10×40 + 7/10×35 + 4/5×25 = 32 + 24.5 + 20
    assert sheet_total(CRITERIA, sheet(8, 7, 4)) == D("76.5")
    assert sheet_total(CRITERIA, sheet(10, 10, 5)) == D(100)
    assert sheet_total(CRITERIA, sheet(0, 0, 0)) == D(0)


def test_an_incomplete_sheet_has_no_total_and_does_not_count():
    assert sheet_total(CRITERIA, {1: D(8), 2: D(7)}) is None
    found = result("e", CRITERIA, [sheet(8, 7, 4), {1: D(1)}])
    assert found.score == D("76.50")
    assert found.sheets == 1


def test_the_entry_score_is_the_mean_of_the_sheets_rounded_half_up_to_cents():
    sheets = [sheet(8, 7, 4), sheet(8, 7, "3.75"), sheet("7.5", 7, "3.75")]
    totals = [sheet_total(CRITERIA, s) for s in sheets]
    assert totals == [D("76.5"), D("75.25"), D("73.25")]
    found = result("e", CRITERIA, sheets)
    assert found.score == D("75.00")  # 225 / 3
    # a total of 76.505 (765.05 out of 1000 on one criterion weighing 100) is shown 76.51: half up
    assert result("x", [Scheme(1, D(100), D(1000))], [{1: D("765.05")}]).score == D("76.51")
    # the per-criterion points are the weighted means: criterion 1 = (32 + 32 + 30) / 3
    assert found.points == {1: D("31.33"), 2: D("24.50"), 3: D("19.17")}


def test_no_complete_sheet_means_no_score_and_no_rank():
    ranked = rank([result("a", CRITERIA, []), result("b", CRITERIA, [sheet(1, 1, 1)])], CRITERIA)
    assert [(r.key, r.rank) for r in ranked] == [("b", 1), ("a", None)]


def test_a_tie_on_the_total_goes_to_the_heavier_criterion_first():
    # all three total 70; a has the most points on the 40% criterion, c beats b on the 35% one
    a = Result("a", D(70), {1: D(40), 2: D(10), 3: D(20)})
    b = Result("b", D(70), {1: D(30), 2: D(20), 3: D(20)})
    c = Result("c", D(70), {1: D(30), 2: D(25), 3: D(15)})
    ranked = rank([b, c, a], CRITERIA)
    assert [(r.key, r.rank) for r in ranked] == [("a", 1), ("c", 2), ("b", 3)]


def test_equal_weights_break_ties_in_listed_order():
    even = [Scheme(1, D(50), D(10)), Scheme(2, D(50), D(10))]
    first = Result("first", D(60), {1: D(35), 2: D(25)})
    second = Result("second", D(60), {1: D(25), 2: D(35)})
    assert [r.key for r in rank([second, first], even)] == ["first", "second"]


def test_in_the_final_the_preliminary_score_breaks_what_the_criteria_leave_equal():
    a = Result("a", D(80), {1: D(32), 2: D(28), 3: D(20)}, previous=D("70.00"))
    b = Result("b", D(80), {1: D(32), 2: D(28), 3: D(20)}, previous=D("75.00"))
    assert [(r.key, r.rank) for r in rank([a, b], CRITERIA)] == [("b", 1), ("a", 2)]


def test_entries_equal_on_everything_share_the_rank_and_the_next_rank_is_skipped():
    same = {1: D(30), 2: D(25), 3: D(15)}
    rows = [
        Result("top", D(90), {1: D(40), 2: D(30), 3: D(20)}),
        Result("x", D(70), dict(same)),
        Result("y", D(70), dict(same)),
        Result("last", D(60), {1: D(20), 2: D(20), 3: D(20)}),
    ]
    assert [(r.key, r.rank) for r in rank(rows, CRITERIA)] == [("top", 1), ("x", 2), ("y", 2), ("last", 4)]


def test_tied_entries_share_the_higher_prize_and_take_the_places_below():
    same = {1: D(30), 2: D(25), 3: D(15)}
    ranked = rank(
        [
            Result("top", D(90), {1: D(40), 2: D(30), 3: D(20)}),
            Result("x", D(70), dict(same)),
            Result("y", D(70), dict(same)),
            Result("fourth", D(60), {1: D(20), 2: D(20), 3: D(20)}),
            Result("fifth", D(55), {1: D(20), 2: D(20), 3: D(15)}),
        ],
        CRITERIA,
    )
    laid = places([("Nhất", 1), ("Nhì", 1), ("Ba", 1), ("Khuyến khích", 2)])
    assert laid == ["Nhất", "Nhì", "Ba", "Khuyến khích", "Khuyến khích"]
    won = allocate(ranked, laid, minimum=D(50))
    # x and y tie for 2nd: both Nhì; the Ba place is taken; 4th and 5th are encouragement prizes
    assert won == {"top": "Nhất", "x": "Nhì", "y": "Nhì", "fourth": "Khuyến khích", "fifth": "Khuyến khích"}


def test_no_prize_under_the_minimum_score_or_past_the_last_place():
    ranked = rank(
        [Result("a", D(80), {1: D(40)}), Result("b", D("49.99"), {1: D(20)}), Result("c", D(30), {1: D(10)})],
        CRITERIA,
    )
    assert allocate(ranked, ["Nhất", "Nhì"], minimum=D(50)) == {"a": "Nhất"}
    assert allocate(ranked, ["Nhất"], minimum=D(0)) == {"a": "Nhất"}


def test_ties_at_the_cut_off_all_go_to_the_final():
    same = {1: D(30)}
    ranked = rank(
        [
            Result("a", D(90), {1: D(40)}),
            Result("b", D(70), dict(same)),
            Result("c", D(70), dict(same)),
            Result("d", D(60), {1: D(20)}),
        ],
        CRITERIA,
    )
    assert finalists(ranked, 2) == ["a", "b", "c"]
    assert finalists(ranked, 1) == ["a"]


def test_the_weights_must_add_up_to_100():
    assert weights_problem(CRITERIA) is None
    assert weights_problem([]) == "no_criteria"
    assert weights_problem([Scheme(1, D(40), D(10)), Scheme(2, D(50), D(10))]) == "weights"
