"""The review pages over HTTP, as the officers use them: the office adds an item, the department fills and
sends the form, the office records the decision; the summary, its Excel file and the form's PDF carry the
hand-computed figures; another department gets 404s; bad input is a message, never a 500."""

import subprocess
from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from motcua.review.models import ProcedureReview, ReviewItem
from motcua.review.workflows import ReviewStatus
from tests.catalog.factories import published

from .conftest import AFTER, BEFORE, PARTS, filled_review

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def actions_post(phase: str, rows: list[dict]) -> dict:
    data = {
        "section": phase,
        f"{phase}-TOTAL_FORMS": str(len(rows)),
        f"{phase}-INITIAL_FORMS": "0",
        f"{phase}-MIN_NUM_FORMS": "0",
        f"{phase}-MAX_NUM_FORMS": "60",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{phase}-{i}-{key}"] = value
    return data


def parts_post(rows: list[dict]) -> dict:
    from motcua.review.models import PART_CHOICES

    data = {
        "section": "parts",
        "parts-TOTAL_FORMS": str(len(PART_CHOICES)),
        "parts-INITIAL_FORMS": str(len(PART_CHOICES)),
        "parts-MIN_NUM_FORMS": "0",
        "parts-MAX_NUM_FORMS": str(len(PART_CHOICES)),
    }
    given = {r["part"]: r for r in rows}
    for i, (code, _label) in enumerate(PART_CHOICES):
        row = given.get(code, {"part": code, "proposal": "keep"})
        for key in ("part", "necessary", "reasonable", "lawful", "finding", "proposal", "reason"):
            data[f"parts-{i}-{key}"] = row.get(key, "")
    return data


def test_the_review_journey_over_http(world, client):
    second = published(name="Đăng ký lại kết hôn")
    client.force_login(world.officer)
    page = client.get(reverse("review:plan", args=[world.plan.pk]))
    assert page.status_code == 200
    added = client.post(
        reverse("review:plan", args=[world.plan.pk]),
        {
            "codes": f"{second.national_code}",
            "reviewing_agency": world.justice.pk,
            "due_on": "2026-10-31",
            "group_name": "",
        },
    )
    assert added.status_code == 302
    item = ReviewItem.objects.get(procedures=second)
    assert item.task.lead_agency == world.justice

    client.force_login(world.reviewer)
    assert client.get(reverse("review:plans")).status_code == 200
    assert client.get(reverse("review:item", args=[item.pk])).status_code == 200
    started = client.post(reverse("review:start", args=[item.pk]), {"procedure": second.pk})
    review = ProcedureReview.objects.get(item=item)
    url = reverse("review:review", args=[review.pk])
    assert started.url == url
    assert client.post(url, parts_post(PARTS)).status_code == 302
    assert client.post(url, actions_post("before", BEFORE)).status_code == 302
    assert client.post(url, actions_post("after", AFTER)).status_code == 302
    option = {
        "section": "option",
        "proposal": "simplify",
        "option_text": "Tiếp nhận trực tuyến toàn trình",
        "reason": "Giảm đi lại",
        "implementation": "",
        "times_before": "1",
        "times_after": "1",
        "subjects": "1200",
    }
    assert client.post(url, option).status_code == 302
    shown = client.get(url).content.decode()
    assert "573.750.000" in shown
    assert "165.000.000" in shown
    assert "71,24%" in shown
    assert client.post(url, {"section": "submit"}).status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewStatus.SUBMITTED

    client.force_login(world.officer)
    approved = client.post(
        reverse("review:approve", args=[world.plan.pk]),
        {
            "number": "150/QĐ-UBND",
            "signed_on": "2026-04-15",
            "signer": "Chủ tịch UBND tỉnh",
            "reviews": [review.pk],
            "file": SimpleUploadedFile("qd.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert approved.status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED
    assert review.catalog_draft is not None
    summary = client.get(reverse("review:summary"), {"ke-hoach": world.plan.pk}).content.decode()
    assert 'data-total="before">573.750.000' in summary
    assert 'data-total="percent">71,24' in summary


def test_excel_summary_has_the_figures_and_no_formula(world, client):
    review = filled_review(world)
    review.option_text = '=HYPERLINK("http://evil.example","Bấm")'
    review.save()
    from motcua.review import services

    services.submit(actor=world.reviewer, review=review)
    services.approve(
        actor=world.officer,
        plan=world.plan,
        number="9/QĐ",
        signed_on=date(2026, 4, 1),
        signer="Chủ tịch",
        reviews=[review],
    )
    client.force_login(world.officer)
    response = client.get(reverse("review:summary_xlsx"), {"nam": "2026"})
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    sheet = book.worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    total = next(r for r in rows if r[1] == "Tổng cộng")
    assert total[2:9] == [1, 1, 1, 573750000, 165000000, 408750000, 71.24]
    detail = book.worksheets[1]
    cell = detail.cell(row=2, column=6)
    assert cell.value.startswith("=HYPERLINK")
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_the_review_form_pdf_reads_back(world, client, tmp_path):
    review = filled_review(world)
    client.force_login(world.reviewer)
    response = client.get(reverse("review:review_pdf", args=[review.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "phieu.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    assert "BIỂU MẪU RÀ SOÁT" in text
    assert "Đăng ký kết hôn" in text
    assert "478.125" in text
    assert "573.750.000" in text
    assert "71,24%" in text
    assert "43.750" in text


def test_another_department_gets_404(world, client):
    review = filled_review(world)
    client.force_login(world.outsider)
    for url in (
        reverse("review:review", args=[review.pk]),
        reverse("review:review_pdf", args=[review.pk]),
        reverse("review:item", args=[world.item.pk]),
        reverse("review:plan", args=[world.plan.pk]),
    ):
        assert client.get(url).status_code == 404, url
    summary = client.get(reverse("review:summary")).content.decode()
    assert "Sở Tư pháp" not in summary


def test_a_reviewer_cannot_add_items_or_approve(world, client):
    client.force_login(world.reviewer)
    assert client.post(reverse("review:plan", args=[world.plan.pk]), {"codes": "x"}).status_code == 403
    assert client.get(reverse("review:approve", args=[world.plan.pk])).status_code == 403


@pytest.mark.parametrize(
    "data",
    [
        {
            "section": "option",
            "proposal": "amend",
            "times_before": "abc",
            "times_after": "1",
            "subjects": "1",
        },
        {"section": "option", "proposal": "amend", "times_before": "1", "times_after": "1", "subjects": "-5"},
        {"section": "option", "proposal": "nope", "times_before": "1", "times_after": "1", "subjects": "1"},
        {
            "section": "option",
            "proposal": "amend",
            "option_text": "a\x00b",
            "times_before": "1",
            "times_after": "1",
            "subjects": "1",
        },
        {"section": "bogus"},
        actions_post("before", [{"kind": "papers", "description": "x", "hours": "1e999", "money": "0"}]),
        actions_post("before", [{"kind": "rocket", "description": "x", "hours": "1", "money": "0"}]),
        {**actions_post("before", []), "before-TOTAL_FORMS": "100000"},
    ],
)
def test_bad_input_is_a_message_not_a_500(world, client, data):
    review = filled_review(world)
    client.force_login(world.reviewer)
    response = client.post(reverse("review:review", args=[review.pk]), data)
    assert response.status_code in (200, 400)
    review.refresh_from_db()
    assert review.annual_before == 573750000


def test_bad_query_parameters_are_400(world, client):
    client.force_login(world.officer)
    assert client.get(reverse("review:summary"), {"nam": "abc"}).status_code == 400
    assert client.get(reverse("review:summary"), {"nam": "99999"}).status_code == 400
    assert client.get(reverse("review:summary"), {"ke-hoach": "1\x00"}).status_code == 400
    assert client.post(reverse("review:start", args=[world.item.pk]), {"procedure": "x"}).status_code == 400


def test_the_control_plan_and_task_are_linked_only_to_who_can_open_them(world, client):
    """Issue 17 ("buttons a role cannot use are not shown"): a division head of the reviewing department
    drafts its forms and opens the review plan and item, but the control app scopes the plan and its task to
    their own agencies (404 for the division): the review pages do not link them for that role; the
    control officer who follows the plan keeps both links."""
    from motcua.org.models import AgencyKind, Role
    from tests.factories import AgencyFactory

    from .conftest import staff

    division = AgencyFactory(
        code="000.05.03.H99",
        name="Phòng Hành chính tư pháp",
        kind=AgencyKind.DIVISION,
        administrative_unit=world.justice.administrative_unit,
        parent=world.justice,
    )
    head = staff("truongphong", division, Role.DIVISION_HEAD)
    pages = [reverse("review:plan", args=[world.plan.pk]), reverse("review:item", args=[world.item.pk])]
    task = world.item.task
    links = [reverse("control:plan", args=[world.plan.pk]), reverse("control:task", args=[task.pk])]

    client.force_login(world.officer)
    for page, link in zip(pages, links, strict=True):
        assert link in client.get(page).content.decode()
        assert client.get(link).status_code == 200

    client.force_login(head)
    for page, link in zip(pages, links, strict=True):
        response = client.get(page)
        assert response.status_code == 200
        assert link not in response.content.decode()
        assert client.get(link).status_code == 404
