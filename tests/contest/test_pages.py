"""The contest's pages through Django's test client: the public pages, entering with a receipt, the
secretariat's check, a juror's sheet, the rounds, the Excel file, the winners page, hostile input."""

from datetime import date, timedelta
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from motcua.contest import services
from motcua.contest.models import Entry, Phase, PhaseKind, Score
from motcua.contest.workflows import ContestStatus, Round
from tests.contest.conftest import ENTRY, enter, launched, marks

PASSWORD = "matkhau-thu-123"


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_a_draft_is_not_public_and_a_launched_contest_is(client, world):
    assert client.get("/sang-kien/SK2026/").status_code == 404
    assert world.contest.title not in client.get("/sang-kien/").content.decode()
    launched(world)
    page = client.get("/sang-kien/SK2026/").content.decode()
    assert "Tính mới, sáng tạo" in page
    assert "40%" in page
    assert "Gửi bài dự thi" in page
    assert "Giải Nhất" in page


def test_entering_needs_an_account(client, world):
    launched(world)
    response = client.get("/sang-kien/SK2026/du-thi/")
    assert response.status_code == 302
    assert "/dang-nhap/" in response["Location"]


def test_a_citizen_enters_and_gets_a_receipt_only_they_can_open(client, world):
    launched(world)
    login(client, world.citizens[0])
    upload = SimpleUploadedFile("mo-ta.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = client.post(
        "/sang-kien/SK2026/du-thi/",
        {**ENTRY, "title": "Một cửa trên điện thoại", "author_name": "Công dân 1", "files": [upload]},
    )
    assert response.status_code == 302
    assert response["Location"] == "/sang-kien/bien-nhan/SK2026-0001/"
    page = client.get(response["Location"]).content.decode()
    assert "SK2026-0001" in page
    assert "mo-ta.pdf" in page
    assert "Đã nộp, chờ kiểm tra" in page
    other = login(client.__class__(), world.citizens[1])
    assert other.get("/sang-kien/bien-nhan/SK2026-0001/").status_code == 404


def test_bad_input_is_a_message_never_a_500(client, world):
    launched(world)
    login(client, world.citizens[0])
    page = SimpleUploadedFile("bai.pdf", b"<html><script>1</script></html>", content_type="application/pdf")
    response = client.post(
        "/sang-kien/SK2026/du-thi/", {**ENTRY, "title": "X", "author_name": "A", "files": [page]}
    )
    assert response.status_code == 400
    assert "PDF" in response.content.decode()
    too_long = client.post("/sang-kien/SK2026/du-thi/", {**ENTRY, "title": "X" * 300, "author_name": "A"})
    assert too_long.status_code == 400
    nul = client.post("/sang-kien/SK2026/du-thi/", {**ENTRY, "title": "A\x00B", "author_name": "A"})
    assert nul.status_code == 400
    assert not Entry.objects.exists()


def test_after_the_entries_phase_the_form_says_so(client, world):
    launched(world)
    Phase.objects.filter(contest=world.contest, kind=PhaseKind.ENTRIES).update(
        starts_on=date.today() - timedelta(days=20), ends_on=date.today() - timedelta(days=1)
    )
    login(client, world.citizens[0])
    response = client.post("/sang-kien/SK2026/du-thi/", {**ENTRY, "title": "Muộn", "author_name": "A"})
    assert response.status_code == 400
    assert "không trong thời gian nhận bài" in response.content.decode()


def test_members_pages_are_for_members_only(client, world):
    launched(world)
    login(client, world.citizens[0])
    assert client.get("/sang-kien/quan-ly/SK2026/").status_code == 403
    login(client, world.officer)
    assert client.get("/sang-kien/quan-ly/SK2026/").status_code == 404


def _round_with_two_entries(world):
    launched(world)
    entries = [enter(world, world.citizens[i], f"Sáng kiến {i + 1}") for i in range(2)]
    for entry in entries:
        services.check_entry(actor=world.secretary, entry=entry, eligible=True)
    services.close_entries(actor=world.secretary, contest=world.contest)
    return entries


def test_the_secretariat_checks_an_entry_on_its_page(client, world):
    launched(world)
    entry = enter(world, world.citizens[0], "Bài cần kiểm tra")
    login(client, world.secretary)
    board = client.get("/sang-kien/quan-ly/SK2026/").content.decode()
    assert "SK2026-0001" in board
    url = f"/sang-kien/quan-ly/SK2026/bai/{entry.pk}/kiem-tra/"
    refused = client.post(url, {"eligible": "0", "note": ""})
    assert refused.status_code == 400
    assert "Cần nêu lý do" in refused.content.decode()
    assert client.post(url, {"eligible": "1", "note": ""}).status_code == 302
    entry.refresh_from_db()
    assert entry.status == "eligible"


def test_a_juror_scores_on_the_page_and_sees_only_their_own_marks(client, world):
    entries = _round_with_two_entries(world)
    services.score_entry(
        actor=world.jurors[1], entry=entries[0], round=Round.PRELIMINARY, marks=marks(world, 3, 3, 1)
    )
    login(client, world.jurors[0])
    url = f"/sang-kien/quan-ly/SK2026/bai/{entries[0].pk}/"
    a, b, c = world.criteria
    bad = client.post(url + "cham-diem/", {f"c{a.pk}": "12", f"c{b.pk}": "7", f"c{c.pk}": "4"})
    assert bad.status_code == 400
    done = client.post(
        url + "cham-diem/", {f"c{a.pk}": "8,5", f"c{b.pk}": "7", f"c{c.pk}": "4", "comment": "Hay"}
    )
    assert done.status_code == 302
    assert Score.objects.get(juror=world.members[0], criterion=a).value == 8.5
    page = client.get(url).content.decode()
    assert "Điểm các giám khảo" not in page  # blind while the round is open
    assert 'value="3"' not in page
    assert "3.00/10" not in page
    board = client.get("/sang-kien/quan-ly/SK2026/").content.decode()
    assert "Đã chấm" in board
    assert "Kết quả sơ khảo" not in board


def test_rounds_close_from_the_board_and_the_excel_file_keeps_formulas_as_text(client, world):
    launched(world)
    evil = services.submit_entry(
        actor=world.citizens[0], contest=world.contest, data={**ENTRY, "title": '=HYPERLINK("http://x","y")'}
    )
    plain = enter(world, world.citizens[1], "Bình thường")
    for entry in (evil, plain):
        services.check_entry(actor=world.secretary, entry=entry, eligible=True)
    login(client, world.secretary)
    assert client.post("/sang-kien/quan-ly/SK2026/close_entries/").status_code == 302
    world.contest.refresh_from_db()
    assert world.contest.status == ContestStatus.PRELIMINARY
    assert client.get("/sang-kien/quan-ly/SK2026/excel/").status_code == 302  # nothing closed yet
    for juror in world.jurors:
        for entry, row in ((evil, (9, 9, 4)), (plain, (5, 5, 2))):
            services.score_entry(actor=juror, entry=entry, round=Round.PRELIMINARY, marks=marks(world, *row))
    response = client.post("/sang-kien/quan-ly/SK2026/close_preliminary/", follow=True)
    assert "Đã thực hiện" in response.content.decode()
    board = client.get("/sang-kien/quan-ly/SK2026/").content.decode()
    assert "Kết quả sơ khảo" in board
    book = load_workbook(BytesIO(client.get("/sang-kien/quan-ly/SK2026/excel/").content))
    ranking = book.worksheets[0]
    rows = list(ranking.iter_rows(min_row=3, values_only=True))
    assert rows[0][:2] == (1, "SK2026-0001")
    assert rows[0][4] == 87.5  # 9/10×40 + 9/10×35 + 4/5×25
    cell = ranking.cell(row=3, column=3)
    assert cell.value.startswith("=")
    assert cell.data_type == "s"
    assert len(list(book.worksheets[1].iter_rows(min_row=2))) == 18  # 2 entries × 3 jurors × 3 criteria


def test_unknown_actions_and_wrong_types_are_404_or_messages(client, world):
    entries = _round_with_two_entries(world)
    login(client, world.secretary)
    assert client.post("/sang-kien/quan-ly/SK2026/xoa-het/").status_code == 404
    assert client.post(f"/sang-kien/quan-ly/SK2026/bai/{entries[0].pk}/khong-co/").status_code == 404
    response = client.post("/sang-kien/quan-ly/SK2026/close_preliminary/", follow=True)
    assert "phiếu chấm chưa hoàn thành" in response.content.decode()


def test_the_winners_page_is_public_once_announced(client, world):
    entries = _round_with_two_entries(world)
    for juror in world.jurors:
        services.score_entry(
            actor=juror, entry=entries[0], round=Round.PRELIMINARY, marks=marks(world, 9, 9, 5)
        )
        services.score_entry(
            actor=juror, entry=entries[1], round=Round.PRELIMINARY, marks=marks(world, 6, 6, 3)
        )
    services.close_preliminary(actor=world.secretary, contest=world.contest)
    for juror in world.jurors:
        services.score_entry(actor=juror, entry=entries[0], round=Round.FINAL, marks=marks(world, 10, 9, 5))
        services.score_entry(actor=juror, entry=entries[1], round=Round.FINAL, marks=marks(world, 6, 7, 3))
    services.close_final(actor=world.secretary, contest=world.contest)
    assert client.get("/sang-kien/SK2026/ket-qua/").status_code == 404
    services.announce(actor=world.secretary, contest=world.contest)
    page = client.get("/sang-kien/SK2026/ket-qua/").content.decode()
    assert (
        page.index("Giải Nhất")
        < page.index("Sáng kiến 1")
        < page.index("Giải Nhì")
        < page.index("Sáng kiến 2")
    )
    assert "0912345678" not in page
