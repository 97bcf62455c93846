"""The contest through its services on the database: launch, entries and receipts, the eligibility check,
blind scoring, conflicts of interest, closing the rounds, prizes, the register."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.contest import selectors, services
from motcua.contest.models import Criterion, Entry, GoodModel, Phase, PhaseKind, Score
from motcua.contest.workflows import ContestStatus, EntryStatus, Round
from motcua.core.models import AuditEvent
from motcua.core.workflow import ActionNotAllowed
from tests.contest.conftest import ENTRY, enter, launched, marks

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# ------------------------------------------------------------------------------------------------ launch


def test_a_draft_with_weights_not_adding_to_100_is_not_launched(world):
    Criterion.objects.filter(pk=world.criteria[2].pk).update(weight=20)
    with pytest.raises(ValidationError, match="100%"):
        services.launch(actor=world.secretary, contest=world.contest)
    world.contest.refresh_from_db()
    assert world.contest.status == ContestStatus.DRAFT


def test_only_the_secretariat_launches_and_the_launch_is_audited(world):
    with pytest.raises(ActionNotAllowed):
        services.launch(actor=world.jurors[0], contest=world.contest)
    launched(world)
    assert world.contest.status == ContestStatus.OPEN
    assert AuditEvent.objects.filter(action="contest.launch", target_id=str(world.contest.pk)).count() == 1


def test_a_missing_phase_keeps_the_contest_in_draft(world):
    Phase.objects.filter(contest=world.contest, kind=PhaseKind.FINAL).delete()
    with pytest.raises(ValidationError, match="5"):
        services.launch(actor=world.secretary, contest=world.contest)


# ------------------------------------------------------------------------------------------------ entries


def test_a_citizen_entry_gets_a_numbered_receipt_and_its_files_are_checked(world):
    launched(world)
    first = enter(world, world.citizens[0], "Sổ tay điện tử thủ tục")
    upload = SimpleUploadedFile("mo-ta.pdf", PDF, content_type="application/pdf")
    second = services.submit_entry(
        actor=world.citizens[1], contest=world.contest, data={**ENTRY, "title": "Mô hình"}, files=[upload]
    )
    assert (first.code, second.code) == ("SK2026-0001", "SK2026-0002")
    assert first.status == EntryStatus.SUBMITTED
    assert first.entrant_kind == "citizen"
    assert second.files.count() == 1
    event = AuditEvent.objects.get(action="contest.entry.submit", target_id=str(first.pk))
    assert "0912345678" not in str(event.changes)  # contacts never in the trail
    assert AuditEvent.objects.get(action="contest.entry.submit", target_id=str(second.pk)).changes[
        "files"
    ] == [
        None,
        1,
    ]


def test_a_web_page_named_pdf_is_refused_and_nothing_is_stored(world):
    launched(world)
    page = SimpleUploadedFile(
        "bai.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
    with pytest.raises(ValidationError):
        services.submit_entry(
            actor=world.citizens[0], contest=world.contest, data={**ENTRY, "title": "X"}, files=[page]
        )
    assert not Entry.objects.exists()
    world.contest.refresh_from_db()
    assert world.contest.entry_count == 0


def test_entries_are_taken_only_in_the_entries_phase(world):
    services.launch(actor=world.secretary, contest=world.contest)
    Phase.objects.filter(contest=world.contest, kind=PhaseKind.ENTRIES).update(
        starts_on=date.today() + timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="thời gian nhận bài"):
        enter(world, world.citizens[0], "Quá sớm")


def test_a_draft_takes_no_entries(world):
    with pytest.raises(ValidationError):
        enter(world, world.citizens[0], "Chưa phát động")


def test_members_of_the_secretariat_or_jury_cannot_enter(world):
    launched(world)
    with pytest.raises(ValidationError, match="không dự thi"):
        services.submit_entry(
            actor=world.jurors[2],
            contest=world.contest,
            data={**ENTRY, "title": "X"},
            agency=world.province.department,
        )


def test_the_audience_is_honoured(world):
    world.contest.for_citizens = False
    world.contest.save()
    launched(world)
    with pytest.raises(ValidationError, match="không dành cho"):
        enter(world, world.citizens[0], "Cá nhân")
    entry = services.submit_entry(
        actor=world.citizens[0],
        contest=world.contest,
        data={**ENTRY, "title": "Tổ chức", "organisation_name": "HTX An Bình"},
    )
    assert entry.entrant_kind == "organisation"


def test_an_officer_enters_only_for_an_agency_where_they_work(world):
    launched(world)
    with pytest.raises(ValidationError):
        services.submit_entry(
            actor=world.officer,
            contest=world.contest,
            data={**ENTRY, "title": "X"},
            agency=world.province.centre,
        )
    entry = services.submit_entry(
        actor=world.officer,
        contest=world.contest,
        data={**ENTRY, "title": "Số hóa hộ tịch"},
        agency=world.province.department,
    )
    assert entry.entrant_kind == "agency"
    assert entry.agency == world.province.department


def test_the_secretariat_checks_eligibility_with_a_reason_for_a_refusal(world):
    launched(world)
    entry = enter(world, world.citizens[0], "Trùng bài năm trước")
    with pytest.raises(ValidationError):
        services.check_entry(actor=world.secretary, entry=entry, eligible=False, note="  ")
    with pytest.raises(ActionNotAllowed):
        services.check_entry(actor=world.jurors[0], entry=entry, eligible=True)
    services.check_entry(actor=world.secretary, entry=entry, eligible=False, note="Đã đạt giải năm 2025")
    entry.refresh_from_db()
    assert entry.status == EntryStatus.INELIGIBLE
    assert selectors.own_entry(world.citizens[0], entry.code).eligibility_note == "Đã đạt giải năm 2025"


# ------------------------------------------------------------------------------------------------ rounds


def _preliminary(world, count=4):
    """`count` citizen entries checked eligible and the preliminary round open."""
    launched(world)
    entries = [enter(world, world.citizens[i], f"Sáng kiến {i + 1}") for i in range(count)]
    for entry in entries:
        services.check_entry(actor=world.secretary, entry=entry, eligible=True)
    services.close_entries(actor=world.secretary, contest=world.contest)
    world.contest.refresh_from_db()
    return entries


def _score_all(world, entries, round_, table):
    """table[juror index][entry index] = (a, b, c)."""
    for j, juror in enumerate(world.jurors):
        for e, entry in enumerate(entries):
            if table[j][e] is not None:
                services.score_entry(actor=juror, entry=entry, round=round_, marks=marks(world, *table[j][e]))


def test_scoring_is_blind_until_the_round_closes(world):
    entries = _preliminary(world, 2)
    juror, other = world.jurors[0], world.jurors[1]
    services.score_entry(
        actor=juror, entry=entries[0], round=Round.PRELIMINARY, marks=marks(world, 8, 7, 4), comment="Tốt"
    )
    services.score_entry(actor=other, entry=entries[0], round=Round.PRELIMINARY, marks=marks(world, 6, 6, 3))
    # each juror reads back only their own marks
    own, comment = selectors.own_marks(other, entries[0], Round.PRELIMINARY)
    assert own == marks(world, 6, 6, 3)
    assert comment == ""
    assert selectors.own_marks(world.secretary, entries[0], Round.PRELIMINARY) == ({}, "")
    # nobody gets the standings or the marks of the open round: not the jury, not the secretariat
    for actor in (juror, other, world.secretary):
        assert selectors.standings(actor, world.contest, Round.PRELIMINARY) == []
        assert not selectors.all_marks(actor, world.contest, Round.PRELIMINARY).exists()
    # the secretariat follows progress only: sheets complete out of expected
    assert selectors.progress(world.secretary, world.contest)[entries[0].pk] == (2, 3)
    assert selectors.progress(juror, world.contest) == {}
    # the audit trail of a sheet names the juror and round, never the marks
    event = AuditEvent.objects.filter(action="contest.entry.score").first()
    assert "8" not in str(event.changes.get("criteria"))
    assert "value" not in str(event.changes)


def test_marks_out_of_range_or_not_numbers_are_refused(world):
    entries = _preliminary(world, 1)
    juror = world.jurors[0]
    a, b, c = world.criteria
    for bad in [
        {a.pk: "11", b.pk: 5, c.pk: 2},
        {a.pk: "-1", b.pk: 5, c.pk: 2},
        {a.pk: "NaN", b.pk: 5, c.pk: 2},
        {a.pk: "7.555", b.pk: 5, c.pk: 2},
        {a.pk: "bảy", b.pk: 5, c.pk: 2},
        {a.pk: 7, b.pk: 5, c.pk: "6"},
        {a.pk: 7, b.pk: 5},
    ]:
        with pytest.raises(ValidationError):
            services.score_entry(actor=juror, entry=entries[0], round=Round.PRELIMINARY, marks=bad)
    assert not Score.objects.exists()
    services.score_entry(
        actor=juror, entry=entries[0], round=Round.PRELIMINARY, marks={a.pk: "7,5", b.pk: 5, c.pk: "2.25"}
    )
    assert Score.objects.get(criterion=a).value == Decimal("7.5")


def test_only_jurors_score_and_only_in_the_open_round(world):
    entries = _preliminary(world, 1)
    with pytest.raises(PermissionDenied):
        services.score_entry(
            actor=world.secretary, entry=entries[0], round=Round.PRELIMINARY, marks=marks(world, 1, 1, 1)
        )
    with pytest.raises(ValidationError, match="không mở"):
        services.score_entry(
            actor=world.jurors[0], entry=entries[0], round=Round.FINAL, marks=marks(world, 1, 1, 1)
        )


def test_a_juror_never_scores_an_entry_of_their_own_agency(world):
    launched(world)
    own = services.submit_entry(
        actor=world.officer,
        contest=world.contest,
        data={**ENTRY, "title": "Của Sở"},
        agency=world.province.department,
    )
    other = enter(world, world.citizens[0], "Của công dân")
    for entry in (own, other):
        services.check_entry(actor=world.secretary, entry=entry, eligible=True)
    services.close_entries(actor=world.secretary, contest=world.contest)
    world.contest.refresh_from_db()
    department_juror = world.jurors[2]
    with pytest.raises(PermissionDenied, match="cơ quan"):
        services.score_entry(
            actor=department_juror, entry=own, round=Round.PRELIMINARY, marks=marks(world, 9, 9, 5)
        )
    rows = {r.entry.pk: r.conflict for r in selectors.juror_worklist(department_juror, world.contest)}
    assert rows[own.pk]
    assert not rows[other.pk]
    # the sheet is not expected: two jurors for the department's entry, three for the citizen's
    progress = selectors.progress(world.secretary, world.contest)
    assert progress[own.pk] == (0, 2)
    assert progress[other.pk] == (0, 3)


def test_a_declared_conflict_withdraws_the_marks_and_blocks_scoring(world):
    entries = _preliminary(world, 1)
    juror = world.jurors[0]
    services.score_entry(actor=juror, entry=entries[0], round=Round.PRELIMINARY, marks=marks(world, 9, 9, 5))
    services.declare_conflict(actor=juror, entry=entries[0], reason="Tác giả là người thân")
    assert not Score.objects.filter(juror=world.members[0]).exists()
    with pytest.raises(PermissionDenied, match="người thân"):
        services.score_entry(
            actor=juror, entry=entries[0], round=Round.PRELIMINARY, marks=marks(world, 9, 9, 5)
        )
    # the secretariat records one for another juror; a juror cannot record one for someone else
    services.declare_conflict(
        actor=world.secretary, entry=entries[0], reason="Cùng đơn vị", juror_id=world.members[1].pk
    )
    with pytest.raises(PermissionDenied):
        services.declare_conflict(actor=juror, entry=entries[0], reason="x", juror_id=world.members[2].pk)
    assert selectors.progress(world.secretary, world.contest)[entries[0].pk] == (0, 1)


def test_a_round_closes_only_when_every_sheet_is_complete(world):
    entries = _preliminary(world, 2)
    _score_all(
        world, entries, Round.PRELIMINARY, [[(8, 8, 4), (7, 7, 3)], [(8, 8, 4), None], [(8, 8, 4), (7, 7, 3)]]
    )
    with pytest.raises(ValidationError, match="1 phiếu"):
        services.close_preliminary(actor=world.secretary, contest=world.contest)
    world.contest.refresh_from_db()
    assert world.contest.status == ContestStatus.PRELIMINARY


def test_an_unchecked_entry_keeps_the_preliminary_round_open(world):
    entries = _preliminary(world, 1)
    services.reconsider_entry(actor=world.secretary, entry=entries[0])
    with pytest.raises(ValidationError, match="chưa kiểm tra"):
        services.close_preliminary(actor=world.secretary, contest=world.contest)


def test_from_launch_to_awards_with_a_tie_for_second_place(world):
    entries = _preliminary(world, 5)
    # totals per juror: e0 = 90 for everybody; e1 and e2 tie at 70 on every criterion; e3 = 60; e4 = 30
    top, tie, fourth, low = (10, 10, "3"), (7, 7, "3.5"), (6, 6, 3), (3, 3, "1.5")
    row = [top, tie, tie, fourth, low]
    _score_all(world, entries, Round.PRELIMINARY, [row, row, row])
    services.close_preliminary(actor=world.secretary, contest=world.contest)
    world.contest.refresh_from_db()
    by_pk = {e.pk: e for e in Entry.objects.all()}
    assert [by_pk[e.pk].preliminary_rank for e in entries] == [1, 2, 2, 4, 5]
    assert [by_pk[e.pk].status for e in entries] == ["finalist"] * 3 + ["eligible"] * 2
    assert by_pk[entries[0].pk].preliminary_score == Decimal("90.00")  # 40 + 35 + 3/5×25
    # after the close, the jury and the secretariat see every mark and the standings
    assert selectors.all_marks(world.jurors[0], world.contest, Round.PRELIMINARY).count() == 45
    assert [r.rank for r in selectors.standings(world.secretary, world.contest, Round.PRELIMINARY)] == [
        1,
        2,
        2,
        4,
        5,
    ]
    assert selectors.standings(world.citizens[0], world.contest, Round.PRELIMINARY) == []
    # final: e1 and e2 still tie exactly (same marks, same preliminary score); e0 drops to third
    final = [(9, 9, 4), (10, 10, 5), (10, 10, 5)]
    _score_all(world, entries[:3], Round.FINAL, [final, final, final])
    with pytest.raises(ValidationError):  # preliminary entries are out of the final
        services.score_entry(
            actor=world.jurors[0], entry=entries[3], round=Round.FINAL, marks=marks(world, 1, 1, 1)
        )
    services.close_final(actor=world.secretary, contest=world.contest)
    assert selectors.winners(world.contest) == []  # decided, not yet announced
    services.announce(actor=world.secretary, contest=world.contest)
    world.contest.refresh_from_db()
    won = {e.code: (e.final_rank, e.prize.name) for e in selectors.winners(world.contest)}
    # e1 and e2 share first and both take Giải Nhất; e0 is third: the Nhì place went to the tie
    assert won == {
        entries[1].code: (1, "Giải Nhất"),
        entries[2].code: (1, "Giải Nhất"),
        entries[0].code: (3, "Giải Ba"),
    }
    assert world.contest.status == ContestStatus.AWARDED
    # an awarded entry goes into the register, published, once
    good = services.register_winner(actor=world.secretary, entry=entries[1])
    assert services.register_winner(actor=world.secretary, entry=entries[1]) == good
    assert list(selectors.published_models()) == [good]
    with pytest.raises(ValidationError):
        services.register_winner(actor=world.secretary, entry=entries[4])
    assert GoodModel.objects.count() == 1


def test_an_entry_no_juror_may_score_blocks_the_close_until_a_juror_is_added(world):
    entries = _preliminary(world, 1)
    for member in world.members:
        services.declare_conflict(
            actor=world.secretary, entry=entries[0], reason="Cùng đơn vị", juror_id=member.pk
        )
    with pytest.raises(ValidationError, match="bổ sung giám khảo"):
        services.close_preliminary(actor=world.secretary, contest=world.contest)


def test_an_activity_links_to_a_registered_model_and_its_page_can_show_it(world):
    from django.template import Context, Template

    from motcua.contest.models import GoodModelKind
    from motcua.outreach.models import CommunicationActivity

    officer = world.jurors[0]  # a TTHC-control officer of the provincial office keeps the register
    good = services.record_good_model(
        actor=officer,
        data={
            "kind": GoodModelKind.MODEL,
            "title": "Một cửa không hẹn lần hai",
            "agency": world.province.office,
            "summary": "Hướng dẫn một lần.",
            "published": True,
        },
    )
    activity = CommunicationActivity.objects.create(
        agency=world.province.office, kind="radio", title="Chuyên mục CCHC", held_on=date.today()
    )
    services.link_good_model(actor=officer, good_model=good, target=activity)
    services.link_good_model(actor=officer, good_model=good, target=activity)  # once
    assert list(selectors.models_linked_to(activity)) == [good]
    assert selectors.links_of(good) == [activity]
    html = Template("{% load contest_links %}{% good_models_for a %}").render(Context({"a": activity}))
    assert "Một cửa không hẹn lần hai" in html
    with pytest.raises(PermissionDenied):
        services.record_good_model(
            actor=world.citizens[0],
            data={"kind": "model", "title": "X", "agency": world.province.office, "summary": "Y"},
        )
