"""Pages: queues, counter reception, actions with conflicts, printing, register, public tracking."""

import io
from datetime import date

import pytest
from django.core.cache import cache
from openpyxl import load_workbook

from motcua.dossiers.models import Dossier
from tests.dossiers.factories import receive, vn


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_the_officer_receives_at_the_counter_through_the_page(client, desk):
    client.force_login(desk.officer_a)
    page = client.get("/ho-so/tiep-nhan/", {"procedure": desk.procedure.pk})
    assert "Giấy chứng sinh" in page.content.decode()
    docs = {f"doc_{d.pk}_originals": "1" for d in desk.procedure.versions.get().documents.all()}
    docs.update({f"doc_{d.pk}_copies": "0" for d in desk.procedure.versions.get().documents.all()})
    response = client.post(
        "/ho-so/tiep-nhan/",
        {
            "procedure": desk.procedure.pk,
            "centre": desk.centre().pk,
            "applicant_name": "Lê Văn Cường",
            "applicant_id_number": "001200000111",
            "applicant_phone": "0901234567",
            "applicant_commune": desk.commune().pk,
            **docs,
        },
    )
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response.url == f"/ho-so/{dossier.pk}/"
    detail = client.get(response.url).content.decode()
    assert dossier.code in detail
    assert "Chuyển bước tiếp theo" in detail


def test_bad_input_on_the_counter_form_shows_messages_not_a_stack_trace(client, desk):
    client.force_login(desk.officer_a)
    response = client.post(
        "/ho-so/tiep-nhan/",
        {
            "procedure": desk.procedure.pk,
            "centre": desk.centre().pk,
            "applicant_name": "A",
            "applicant_id_number": "12",
            "applicant_phone": "1",
            "applicant_commune": "",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "12 chữ số" in body
    assert "Số điện thoại không hợp lệ" in body
    assert "Traceback" not in body


def test_the_nav_shows_queue_counts_and_the_queue_lists_by_due_date(client, desk):
    receive(desk, at=vn(2026, 3, 2, 9))
    client.force_login(desk.officer_a)
    home = client.get("/").content.decode()
    assert "/ho-so/" in home
    assert "hồ sơ chờ xử lý" in home
    queue = client.get("/ho-so/", {"q": "mine"}).content.decode()
    assert "Hẹn trả" in queue
    assert '<th scope="row" data-label=' in queue


def test_two_officers_on_the_same_page_one_gets_the_conflict_message(client, desk):
    dossier = receive(desk)
    client.force_login(desk.officer_a)
    client.post(f"/ho-so/{dossier.pk}/hand_over/", {"version": "1"})
    response = client.post(
        f"/ho-so/{dossier.pk}/request_supplement/", {"version": "1", "reason": "Tờ khai"}, follow=True
    )
    assert "vừa được người khác cập nhật" in response.content.decode()
    assert Dossier.objects.get().version == 2


def test_another_commune_gets_404_on_the_page(client, desk):
    dossier = receive(desk)
    client.force_login(desk.officer_b)
    assert client.get(f"/ho-so/{dossier.pk}/").status_code == 404


def test_the_receipt_prints_as_pdf_with_the_tt03_form(client, desk):
    dossier = receive(desk)
    client.force_login(desk.officer_a)
    response = client.get(f"/ho-so/{dossier.pk}/phieu/receipt/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_forms_follow_the_reception_date(desk):
    from motcua.dossiers import documents

    # TT 03/2025/TT-VPCP's forms from the day it took effect, 15/9/2025; TT 01/2018's before.
    assert documents.template_for("receipt", date(2025, 9, 14)).legal_basis.startswith("Thông tư 01/2018")
    assert documents.template_for("receipt", date(2025, 9, 15)).legal_basis.startswith("Thông tư 03/2025")
    with pytest.raises(Exception, match="Không có mẫu"):
        documents.template_for("stop", date(2025, 9, 14))  # TT 01/2018 had no stop notice


def test_the_receipt_html_has_the_qr_code_and_vietnamese_text(rf, desk):
    from motcua.dossiers import documents

    dossier = receive(desk)
    html = documents.render_html(
        documents.template_for("receipt", date(2026, 3, 2)),
        documents.paper_context(dossier, "receipt", dossier.events.first(), rf.get("/")),
    )
    assert "<svg" in html
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in html
    assert f"/ho-so/tra-cuu/?code={dossier.code}" in html
    assert "Noto Serif" in html


def test_the_register_exports_to_excel_per_unit_and_period(client, desk):
    receive(desk, at=vn(2026, 3, 2, 9))
    receive(desk, at=vn(2026, 4, 2, 9))
    client.force_login(desk.officer_a)
    response = client.get(
        "/ho-so/so-theo-doi/", {"agency": desk.centre().pk, "start": "2026-03-01", "end": "2026-03-31"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["B3"].value == "Mã hồ sơ"
    assert sheet.max_row == 4  # title, period, header, one dossier


def test_tracking_shows_status_and_timeline_but_no_personal_data(client, desk):
    dossier = receive(desk)
    response = client.post("/ho-so/tra-cuu/", {"code": dossier.code.lower(), "last4": "5678"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Đã tiếp nhận" in body
    assert "tiếp nhận tại quầy" in body
    assert "Nguyễn Văn An" not in body
    assert "001099012345" not in body
    assert "0912345678" not in body


def test_tracking_with_wrong_digits_finds_nothing(client, desk):
    dossier = receive(desk)
    response = client.post("/ho-so/tra-cuu/", {"code": dossier.code, "last4": "0000"})
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


def test_tracking_is_rate_limited_per_address(client, desk, settings):
    settings.MOTCUA_TRACKING_LIMIT = (3, 60)
    dossier = receive(desk)
    codes = [
        client.post("/ho-so/tra-cuu/", {"code": dossier.code, "last4": f"{n:04d}"}).status_code
        for n in range(4)
    ]
    assert codes == [404, 404, 404, 429]
    right = client.post("/ho-so/tra-cuu/", {"code": dossier.code, "last4": "5678"})
    assert right.status_code == 429  # even the right answer waits: guessing must not pay
    other = client.post("/ho-so/tra-cuu/", {"code": dossier.code, "last4": "5678"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_the_api_tracking_is_rate_limited_too(client, desk, settings):
    settings.MOTCUA_TRACKING_LIMIT = (2, 60)
    dossier = receive(desk)
    url = "/api/v1/dossiers/track/"
    assert client.get(url, {"code": dossier.code, "last4": "5678"}).json()["status"] == "received"
    assert client.post(url, {"code": dossier.code, "last4": "1111"}).status_code == 404
    refused = client.post(url, {"code": dossier.code, "last4": "5678"})
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"
    assert "Too many" in refused.json()["detail"]
