"""An apology (form 04) issued after the appointment, in the browser (issue 13, problems 1–3): the leader
apologises for a dossier already overdue and names a new date, the result comes after the appointment, the
verdict stays late ("late, apologised", never on time), and the receipt printed again keeps the original
appointment, byte for byte apart from the reprint mark."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from motcua.dossiers import deadlines, reference
from motcua.dossiers.models import Dossier, Timeliness
from tests.dossiers.factories import build_desk, receive, to_leader, vn
from tests.dossiers.test_papers import pdf_text, without_mark, words
from tests.e2e.helpers import log_in, press

pytestmark = pytest.mark.e2e


@pytest.fixture
def desk(transactional_db):
    reference.clear()  # reference data is memoised per process; the flush changed the rows behind it
    return build_desk()


def _paper(page, live_server, dossier: Dossier, kind: str) -> str:
    response = page.request.get(f"{live_server.url}/ho-so/{dossier.pk}/phieu/{kind}/")
    assert response.ok, response.text()[:300]
    assert response.headers["content-type"] == "application/pdf"
    return pdf_text(response.body())


def test_an_apology_after_the_appointment_keeps_the_dossier_late(new_context, viewport, live_server, desk):
    today = timezone.localdate()
    start = today - timedelta(days=21)
    dossier = receive(desk, at=vn(start.year, start.month, start.day, 9))  # 3 working days: long past
    appointment = timezone.localtime(dossier.due_at)
    assert appointment < timezone.now()
    dossier = to_leader(desk, dossier, at=vn(start.year, start.month, start.day, 10))

    officer = log_in(new_context, viewport, live_server, "motcua.a")
    first_receipt = _paper(officer, live_server, dossier, "receipt")
    printed_appointment = appointment.strftime("%H giờ %M phút, ngày %d/%m/%Y")
    assert printed_appointment in words(first_receipt)

    calendar = deadlines.working_calendar()
    promised = calendar.next_working_day(today + timedelta(days=3))
    leader = log_in(new_context, viewport, live_server, "lanhdao.a")
    leader.goto(f"{live_server.url}/ho-so/{dossier.pk}/")
    leader.locator("#due-extend").fill(promised.strftime("%d/%m/%Y"))
    leader.locator("#reason-extend").fill("Chờ kết quả xác minh của cơ quan công an")
    press(leader, "Xin lỗi và gia hạn")
    expect(leader.get_by_role("status")).to_contain_text("Đã thực hiện")
    apologised = Dossier.objects.get()
    # The appointment is untouched; the promise is apart; a second apology is not offered.
    assert apologised.due_at == dossier.due_at
    assert timezone.localtime(apologised.promised_at).date() == promised
    expect(leader.get_by_role("button", name="Xin lỗi và gia hạn", exact=True)).to_have_count(0)
    apology = words(_paper(leader, live_server, apologised, "apology"))
    assert "Chờ kết quả xác minh của cơ quan công an" in apology
    assert promised.strftime("%d/%m/%Y") in apology

    leader.get_by_label("Số văn bản kết quả").fill("21/QĐ-UBND")
    press(leader, "Cập nhật kết quả")
    expect(leader.get_by_role("status")).to_contain_text("Đã thực hiện")
    finished = Dossier.objects.get()
    assert finished.timeliness == Timeliness.LATE_APOLOGISED
    expect(leader.get_by_test_id("verdict")).to_have_text("Quá hạn, đã xin lỗi")

    # The receipt printed again, three weeks on, still says the original appointment.
    again = _paper(officer, live_server, finished, "receipt")
    assert "BẢN IN LẠI" in again
    assert without_mark(again) == without_mark(first_receipt)
    assert printed_appointment in words(again)
    assert promised.strftime("%d/%m/%Y") not in again
