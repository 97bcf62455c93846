"""The entry's receipt as a paper (PDF read back with pdftotext): number, contest, entry, entrant, time,
files and what comes next; for the entrant and the secretariat, nobody else."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.contest.conftest import ENTRY, launched
from tests.contest.test_pages import login
from tests.dossiers.test_papers import pdf_text as papers_text


def pdf_text(pdf: bytes) -> str:
    """The text layer (pdftotext, shared with the dossiers' papers) with whitespace runs as one space."""
    return " ".join(papers_text(pdf).split())


def test_the_receipt_pdf_reads_as_the_secretariat_issues_it(client, world):
    launched(world)
    login(client, world.citizens[0])
    upload = SimpleUploadedFile("mo-ta.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    client.post(
        "/sang-kien/SK2026/du-thi/",
        {**ENTRY, "title": "Một cửa trên điện thoại", "author_name": "Công dân 1", "files": [upload]},
    )
    assert (
        'href="/sang-kien/bien-nhan/SK2026-0001/pdf/"'
        in client.get("/sang-kien/bien-nhan/SK2026-0001/").content.decode()
    )
    reply = client.get("/sang-kien/bien-nhan/SK2026-0001/pdf/")
    assert reply["Content-Type"] == "application/pdf"
    text = pdf_text(reply.content)
    entry = world.contest.entries.get()
    when = timezone.localtime(entry.submitted_at)
    review = world.contest.phases.get(kind="preliminary")
    for expected in (
        "BIÊN NHẬN BÀI DỰ THI",
        "SK2026-0001",
        world.contest.title,
        "Một cửa trên điện thoại",
        "Công dân 1",
        "Cá nhân",
        "mo-ta.pdf",
        f"{when:%H:%M} ngày {when:%d/%m/%Y}",
        f"từ {review.starts_on:%d/%m/%Y} đến {review.ends_on:%d/%m/%Y}",
        world.contest.organiser.name.upper(),
    ):
        assert expected in text, expected

    login(client, world.secretary)
    assert client.get("/sang-kien/bien-nhan/SK2026-0001/pdf/").status_code == 200
    login(client, world.citizens[1])
    assert client.get("/sang-kien/bien-nhan/SK2026-0001/pdf/").status_code == 404
    login(client, world.jurors[0])
    assert client.get("/sang-kien/bien-nhan/SK2026-0001/pdf/").status_code == 404


def test_the_secretariat_downloads_the_register_of_entries(client, world):
    from io import BytesIO

    from openpyxl import load_workbook

    from tests.contest.conftest import enter

    launched(world)
    enter(world, world.citizens[0], '=HYPERLINK("http://x")')
    enter(world, world.citizens[1], "Một cửa lưu động")
    login(client, world.secretary)
    assert (
        "/sang-kien/quan-ly/SK2026/so-nhan-bai/" in client.get("/sang-kien/quan-ly/SK2026/").content.decode()
    )
    reply = client.get("/sang-kien/quan-ly/SK2026/so-nhan-bai/")
    sheet = load_workbook(BytesIO(reply.content)).active
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=3)]
    assert [r[1] for r in rows] == ["SK2026-0001", "SK2026-0002"]
    assert rows[0][3] == '=HYPERLINK("http://x")'
    assert sheet.cell(row=3, column=4).data_type == "s"  # a typed title never becomes a formula
    assert rows[1][8] == "0912345678"  # the secretariat keeps the contacts
    login(client, world.jurors[0])
    assert client.get("/sang-kien/quan-ly/SK2026/so-nhan-bai/").status_code == 404
