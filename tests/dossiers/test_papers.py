"""Papers as an inspector reads them (issue 13, problems 3–7): the PDF's text (pdftotext), its date, its
reason, the name order, the register's columns, and a reprint a month later."""

from __future__ import annotations

import io
import subprocess
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl import load_workbook

from motcua.core.models import AuditEvent
from motcua.dossiers import documents, services
from motcua.dossiers.models import IssuedPaper
from tests.dossiers.factories import applicant, receive, to_leader, vn


def pdf_text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode()


def pdf_pages(pdf: bytes) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    return int(fields["Pages"]), fields["Page size"].strip()


def words(text: str) -> str:
    return " ".join(text.split())


def printed(client, dossier, kind: str, event=None) -> str:
    url = f"/ho-so/{dossier.pk}/phieu/{kind}/" + (f"?su-kien={event.pk}" if event else "")
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/pdf"
    return pdf_text(response.content)


def without_mark(text: str) -> list[str]:
    """The text lines apart from the reprint mark (layout spacing aside: the margin box shifts columns)."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip() and "BẢN IN LẠI" not in line]


def a_month_later(moment: datetime):
    return mock.patch("django.utils.timezone.now", return_value=moment + timedelta(days=31))


def extended(desk, dossier):
    """The dossier at the leader, extended on 03/03/2026 by a week (form 04)."""
    dossier = to_leader(desk, dossier, at=vn(2026, 3, 2, 10))
    return services.extend(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=dossier.version,
        new_due_day=timezone.localtime(dossier.due_at).date() + timedelta(days=7),
        reason="Cần xác minh thêm",
        at=vn(2026, 3, 3, 9),
    )


def test_the_receipt_is_dated_and_numbered_with_the_reception_in_two_copies_of_one_page(client, desk):
    receive(desk, at=vn(2026, 3, 2, 8, 30))
    dossier = receive(desk, at=vn(2026, 3, 2, 9, 15), applicant=applicant(name="Đỗ Thị Mai"))
    client.force_login(desk.officer_a)
    response = client.get(f"/ho-so/{dossier.pk}/phieu/receipt/")
    text = words(pdf_text(response.content))
    assert pdf_pages(response.content)[0] == 2  # Liên 1 and Liên 2, one page each
    assert "Liên 1: Giao người nộp hồ sơ" in text
    assert "Liên 2: Lưu tại Bộ phận Một cửa" in text
    assert text.count("A, ngày 02 tháng 3 năm 2026") == 2  # the place-and-date line of the reception
    assert "Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 02/03/2026" in text
    assert "Quyển số: 2026, Số thứ tự: 2" in text  # the second reception of the year at this centre
    assert "Đỗ Thị Mai" in text
    assert "Mai Đỗ Thị" not in text
    assert "Mẫu số 01" in text


def test_a_reprint_a_month_later_is_the_same_paper_with_the_reprint_mark(client, desk):
    dossier = receive(desk, at=vn(2026, 3, 2, 9))
    client.force_login(desk.officer_a)
    first = printed(client, dossier, "receipt")
    assert "BẢN IN LẠI" not in first
    later = timezone.now() + timedelta(days=31)
    with a_month_later(timezone.now()):
        client.force_login(desk.officer_a)  # the session of a month ago has expired
        again = printed(client, dossier, "receipt")
    mark = f"BẢN IN LẠI — in ngày {timezone.localtime(later):%d/%m/%Y}"
    assert mark in again
    assert without_mark(again) == without_mark(first)
    assert IssuedPaper.objects.filter(dossier=dossier, kind="receipt").count() == 1
    actions = list(AuditEvent.objects.filter(target_id=str(dossier.pk)).values_list("action", flat=True))
    assert actions.count("dossier.paper_issue") == 1
    assert actions.count("dossier.paper_reprint") == 1


def test_the_receipt_keeps_the_appointment_after_an_extension(client, desk):
    dossier = receive(desk, at=vn(2026, 3, 2, 9))
    client.force_login(desk.officer_a)
    first = printed(client, dossier, "receipt")
    appointment = timezone.localtime(dossier.due_at).strftime("%H giờ %M phút, ngày %d/%m/%Y")
    assert appointment in words(first)
    dossier = extended(desk, dossier)
    again = printed(client, dossier, "receipt")
    assert without_mark(again) == without_mark(first)


def test_form_02_prints_the_reason_the_papers_and_who_asked_dated_with_the_request(client, desk):
    dossier = to_leader(desk, receive(desk, at=vn(2026, 3, 2, 9)), at=vn(2026, 3, 2, 10))
    dossier = services.send_back(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=3,
        reason="Thẩm định lại",
        at=vn(2026, 3, 2, 11),
    )
    dossier = services.request_supplement(
        actor=desk.specialist_a,
        dossier=dossier,
        expected_version=dossier.version,
        missing="Bản sao giấy chứng sinh không rõ chữ",
        papers=[{"name": "Giấy chứng sinh", "detail": "Nộp bản sao rõ nét"}, {"name": "Tờ khai"}],
        at=vn(2026, 3, 3, 14, 5),
    )
    with a_month_later(timezone.now()):
        client.force_login(desk.specialist_a)
        text = words(printed(client, dossier, "supplement"))
    assert "A, ngày 03 tháng 3 năm 2026" in text  # the request's day, not the printing day
    assert "Bản sao giấy chứng sinh không rõ chữ" in text
    assert "1 Giấy chứng sinh Nộp bản sao rõ nét" in text
    assert "2 Tờ khai" in text
    assert "(Chuyên viên)" in text
    assert "theo quy định tại thủ tục hành chính đã được công bố" not in text  # no boilerplate reason


def test_two_supplement_requests_give_two_forms_each_with_its_own_date(client, desk):
    dossier = receive(desk, at=vn(2026, 3, 2, 9))
    dossier = services.request_supplement(
        actor=desk.officer_a,
        dossier=dossier,
        expected_version=1,
        missing="Thiếu tờ khai",
        at=vn(2026, 3, 2, 10),
    )
    dossier = services.record_supplement(
        actor=desk.officer_a, dossier=dossier, expected_version=2, at=vn(2026, 3, 4, 9)
    )
    dossier = services.request_supplement(
        actor=desk.officer_a, dossier=dossier, expected_version=3, missing="Thiếu ảnh", at=vn(2026, 3, 5, 9)
    )
    first, second = documents.paper_events(dossier, "supplement").order_by("occurred_at")
    client.force_login(desk.officer_a)
    one = words(printed(client, dossier, "supplement", first))
    two = words(printed(client, dossier, "supplement", second))
    assert "ngày 02 tháng 3 năm 2026" in one
    assert "Thiếu tờ khai" in one
    assert "(Công chức Bộ phận Một cửa)" in one
    assert "ngày 05 tháng 3 năm 2026" in two
    assert "Thiếu ảnh" in two
    page = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert f"?su-kien={first.pk}" in page
    assert f"?su-kien={second.pk}" in page


def test_a_refusal_reprinted_later_says_the_refusals_date_and_reason(client, desk):
    dossier = to_leader(desk, receive(desk, at=vn(2026, 10, 16, 9)), at=vn(2026, 10, 16, 10))
    dossier = services.refuse(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=dossier.version,
        reason="Không thuộc thẩm quyền",
        at=vn(2026, 10, 19, 15),
    )
    client.force_login(desk.leader_a)
    text = words(printed(client, dossier, "refusal"))
    assert "A, ngày 19 tháng 10 năm 2026" in text
    assert "Không thuộc thẩm quyền" in text
    assert "Nguyễn Văn An" in text


def test_the_template_is_the_one_in_force_on_the_day_of_the_event(client, desk):
    # Received under TT 01/2018's forms, refused after TT 03/2025 took effect on 15/9/2025.
    dossier = to_leader(desk, receive(desk, at=vn(2025, 9, 10, 9)), at=vn(2025, 9, 10, 10))
    dossier = services.refuse(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=dossier.version,
        reason="Sai mẫu",
        at=vn(2025, 9, 16, 9),
    )
    client.force_login(desk.leader_a)
    printed(client, dossier, "receipt")
    printed(client, dossier, "refusal")
    codes = dict(IssuedPaper.objects.filter(dossier=dossier).values_list("kind", "template__code"))
    assert codes == {"receipt": "TT01-2018-01", "refusal": "TT03-2025-03"}


def test_a_paper_with_no_event_says_so_instead_of_failing(client, desk):
    dossier = receive(desk, at=vn(2026, 3, 2, 9))
    client.force_login(desk.officer_a)
    response = client.get(f"/ho-so/{dossier.pk}/phieu/refusal/", follow=True)
    assert response.status_code == 200
    assert "The dossier has no event this paper records." in response.content.decode()


def test_the_register_is_landscape_with_the_forms_columns_in_order_and_numbered_per_centre(client, desk):
    receive(desk, at=vn(2026, 1, 5, 9))
    receive(desk, at=vn(2026, 3, 2, 9), applicant=applicant(name="Đỗ Thị Mai"))
    receive(desk, at=vn(2026, 3, 3, 9), centre=desk.centre("Xã B"), officer=desk.officer_b)
    client.force_login(desk.officer_a)
    query = {"agency": desk.centre().pk, "start": "2026-03-01", "end": "2026-03-31"}
    response = client.get("/ho-so/so-theo-doi/", {**query, "format": "pdf"})
    assert pdf_pages(response.content)[1].startswith("841.89 x 595.276")  # A4 landscape
    text = words(pdf_text(response.content))
    assert "Đỗ Thị" in text  # the name wraps in its narrow column
    numbers = " ".join(f"({n})" for n in range(1, len(documents.REGISTER_COLUMNS) + 1))
    assert numbers in text  # the column numbers row, under a header of as many columns
    sheet = load_workbook(io.BytesIO(client.get("/ho-so/so-theo-doi/", query).content)).active
    header = [cell.value for cell in sheet[3]]
    assert header == documents.REGISTER_COLUMNS
    assert header[3] == "Số lượng hồ sơ (bộ)"
    assert header[9] == "Chuyển hồ sơ đến cơ quan giải quyết"
    assert header[12] == "Ký nhận"
    row = [cell.value for cell in sheet[4]]
    assert row[0] == 2  # the second entry of the centre's 2026 volume (the January one is the first)
    assert row[4] == "Đỗ Thị Mai"
    assert sheet.max_row == 4
    assert sheet.page_setup.orientation == "landscape"


def test_the_register_rows_line_up_with_the_header(desk):
    dossier = to_leader(desk, receive(desk, at=vn(2026, 3, 2, 9)), at=vn(2026, 3, 2, 10))
    row = documents.register_rows([dossier])[0]
    assert len(row) == len(documents.REGISTER_COLUMNS)
    cells = dict(zip(documents.REGISTER_COLUMNS, row, strict=True))
    assert cells["Mã hồ sơ"] == dossier.code
    assert cells["Số lượng hồ sơ (bộ)"] == 1
    assert cells["Nhận hồ sơ"] == "09 giờ 00 phút, ngày 02/03/2026"
    assert cells["Chuyển hồ sơ đến cơ quan giải quyết"] == "10 giờ 00 phút, ngày 02/03/2026"
    assert cells["Ký nhận"] == ""


@pytest.mark.parametrize("kind", ["receipt", "supplement", "refusal", "apology", "stop", "control_sheet"])
def test_every_form_renders(client, desk, kind):
    dossier = to_leader(desk, receive(desk, at=vn(2026, 3, 2, 9)), at=vn(2026, 3, 2, 10))
    actions = {
        "supplement": lambda d: services.request_supplement(
            actor=desk.leader_a, dossier=d, expected_version=d.version, missing="Thiếu", at=vn(2026, 3, 2, 11)
        ),
        "refusal": lambda d: services.refuse(
            actor=desk.leader_a,
            dossier=d,
            expected_version=d.version,
            reason="Từ chối",
            at=vn(2026, 3, 2, 11),
        ),
        "apology": lambda d: services.extend(
            actor=desk.leader_a,
            dossier=d,
            expected_version=d.version,
            new_due_day=timezone.localtime(d.due_at).date() + timedelta(days=5),
            reason="Chậm",
            at=vn(2026, 3, 3, 9),
        ),
        "stop": lambda d: services.stop(
            actor=desk.leader_a, dossier=d, expected_version=d.version, reason="Dừng", at=vn(2026, 3, 2, 11)
        ),
    }
    if kind in actions:
        dossier = actions[kind](dossier)
    client.force_login(desk.leader_a)
    text = words(printed(client, dossier, kind))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert dossier.code in text


def test_the_page_takes_the_papers_to_supplement_one_a_line(client, desk):
    dossier = receive(desk, at=vn(2026, 3, 2, 9))
    client.force_login(desk.officer_a)
    page = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert 'name="papers"' in page
    client.post(
        f"/ho-so/{dossier.pk}/request_supplement/",
        {"version": "1", "reason": "Giấy tờ chưa hợp lệ", "papers": "Tờ khai: ký tên\n\nẢnh 4x6\n"},
    )
    asked = dossier.supplement_requests_made.get()
    assert (asked.reason, asked.requested_as) == ("Giấy tờ chưa hợp lệ", "one_stop_officer")
    assert [(p.name, p.detail) for p in asked.papers.all()] == [("Tờ khai", "ký tên"), ("Ảnh 4x6", "")]


def test_the_api_takes_and_returns_the_papers_to_supplement(desk):
    from tests.dossiers.test_api import client_for

    dossier = receive(desk, at=vn(2026, 3, 2, 9))
    api = client_for(desk.officer_a)
    bad = api.post(
        f"/api/v1/dossiers/{dossier.pk}/request-supplement/",
        {"expected_version": 1, "missing": "Thiếu", "papers": [{"detail": "không tên"}]},
        format="json",
    )
    assert bad.status_code == 400
    assert "papers.0.name" in bad.json()["errors"]
    done = api.post(
        f"/api/v1/dossiers/{dossier.pk}/request-supplement/",
        {
            "expected_version": 1,
            "missing": "Thiếu tờ khai",
            "papers": [{"name": "Tờ khai", "detail": "bản chính"}],
        },
        format="json",
    )
    assert done.status_code == 200, done.content
    [asked] = done.json()["supplement_details"]
    assert asked["requested_as"] == "one_stop_officer"
    assert asked["reason"] == "Thiếu tờ khai"
    assert asked["papers"] == [{"name": "Tờ khai", "detail": "bản chính"}]
    assert asked["requested_by"] == "motcua.a"


def test_too_many_papers_are_refused_in_both_languages(desk):
    dossier = receive(desk, at=vn(2026, 3, 2, 9))
    with pytest.raises(ValidationError, match="At most 30 papers"):
        services.request_supplement(
            actor=desk.officer_a,
            dossier=dossier,
            expected_version=1,
            missing="Thiếu",
            papers=[{"name": f"Giấy {n}"} for n in range(31)],
        )


def test_the_receipt_says_where_to_send_feedback_from_the_nearest_agency_that_lists_channels(client, desk):
    from motcua.org.models import FeedbackChannel

    committee = desk.province.communes["Xã A"]["committee"]  # above the commune's service centre
    FeedbackChannel.objects.create(agency=committee, kind="hotline", value="0203 3 888 999", position=2)
    FeedbackChannel.objects.create(agency=committee, kind="portal", value="/phan-anh/gui/", position=1)
    dossier = receive(desk, at=vn(2026, 3, 2, 9, 15))
    client.force_login(desk.officer_a)
    response = client.get(f"/ho-so/{dossier.pk}/phieu/receipt/")
    text = words(pdf_text(response.content))
    assert text.count("Phản ánh, kiến nghị về quy định hành chính và việc giải quyết hồ sơ này gửi qua") == 2
    assert (
        "Trang phản ánh, kiến nghị: http://testserver/phan-anh/gui/; Đường dây nóng: 0203 3 888 999" in text
    )
    assert pdf_pages(response.content)[0] == 2  # still one page per copy


def test_a_receipt_with_no_channels_anywhere_has_no_empty_line(client, desk):
    dossier = receive(desk, at=vn(2026, 3, 2, 9, 15))
    client.force_login(desk.officer_a)
    assert "gửi qua" not in words(printed(client, dossier, "receipt"))


def test_a_peoples_committee_heads_its_papers_alone_and_a_centre_under_its_committee(client, desk):
    """NĐ 30/2020, Appendix I, II.3: the governing body's line only where there is one. The commune's
    committee signs the apology (form 04) under its own name; the centre's receipt carries its committee."""
    dossier = extended(desk, receive(desk, at=vn(2026, 3, 2, 9)))
    client.force_login(desk.officer_a)
    committee, centre = dossier.competent_agency, dossier.receiving_agency
    apology_head = printed(client, dossier, "apology").split("VĂN BẢN XIN LỖI")[0]
    assert committee.name.upper() in words(apology_head)
    assert committee.parent.name.upper() not in words(apology_head)
    receipt_head = printed(client, dossier, "receipt").split("GIẤY TIẾP NHẬN")[0]
    assert centre.parent.name.upper() in words(receipt_head)
