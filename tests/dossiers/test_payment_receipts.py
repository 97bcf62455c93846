"""Issue 17: an e-receipt (biên lai điện tử) for every confirmed payment, at the counter or online, read back
from the PDF as an inspector would; only the citizen who paid and the dossier's officers download it."""

import subprocess
from datetime import UTC, datetime

import pytest

from motcua.core.models import AuditEvent
from motcua.core.text import amount_in_words
from motcua.dossiers import payments
from motcua.dossiers.models import Payment
from motcua.dossiers.payment_receipts import receipt_number
from tests.dossiers.factories import receive
from tests.dossiers.test_payment import DIRECT_FEE, ONLINE_FEE, fee_procedure, online
from tests.factories import CitizenFactory
from tests.integrations.test_payment_gateway import gateway_notice, owing, redirect_params  # noqa: F401


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (105, "Một trăm linh năm đồng"),
        (1_050, "Một nghìn không trăm năm mươi đồng"),
        (50_000, "Năm mươi nghìn đồng"),
        (1_105_000, "Một triệu một trăm linh năm nghìn đồng"),
        (2_000_050_000, "Hai tỷ không trăm năm mươi nghìn đồng"),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
    ],
)
def test_amounts_are_written_in_words_as_receipts_read(amount, words):
    assert amount_in_words(amount) == words


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "receipt.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True).stdout
    return " ".join(text.decode().split())


def test_the_counter_payment_has_a_receipt_the_desk_and_the_payer_download(client, desk, tmp_path):
    citizen = CitizenFactory(username="nguoinop")
    dossier = online(desk, citizen, fee_procedure(desk))
    # 18:30 UTC is 01:30 the next morning in Vietnam: the receipt is dated in Vietnam time.
    at = datetime(2026, 3, 10, 18, 30, tzinfo=UTC)
    paid = payments.confirm_payment(actor=desk.officer_a, dossier=dossier, method="counter", at=at)
    staff_url = f"/ho-so/{dossier.pk}/thu-phi/{paid.pk}/bien-lai.pdf"
    mine_url = f"/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/bien-lai/{paid.pk}.pdf"

    client.force_login(desk.officer_a)
    assert staff_url in client.get(f"/ho-so/{dossier.pk}/").content.decode()
    response = client.get(staff_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert "BIÊN LAI THU PHÍ, LỆ PHÍ" in text
    assert "Số: 0000001/2026" in text
    assert f"Đơn vị thu: {dossier.receiving_agency.name}" in text
    assert "Người nộp: Nguyễn Văn An" in text
    assert dossier.code in text
    assert f"{ONLINE_FEE:,}".replace(",", ".") in text
    assert "Số tiền bằng chữ: Hai mươi lăm nghìn đồng" in text
    assert "Nộp tại quầy" in text
    assert "01 giờ 30 phút, ngày 11/03/2026" in text
    assert str(desk.officer_a) in text
    assert AuditEvent.objects.filter(action="dossier.payment_receipt", target_id=str(paid.pk)).count() == 1

    client.force_login(citizen)
    assert mine_url in client.get(f"/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/").content.decode()
    mine = client.get(mine_url)
    assert mine.status_code == 200
    assert "Số: 0000001/2026" in pdf_text(mine.content, tmp_path)


def test_nobody_else_downloads_a_receipt(client, desk):
    citizen = CitizenFactory(username="nguoinop")
    dossier = online(desk, citizen, fee_procedure(desk))
    declared = payments.declare_transfer(actor=citizen, dossier=dossier, reference="FT1")
    staff_url = f"/ho-so/{dossier.pk}/thu-phi/{declared.pk}/bien-lai.pdf"
    mine_url = f"/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/bien-lai/{declared.pk}.pdf"
    client.force_login(desk.officer_a)
    assert client.get(staff_url).status_code == 404  # not confirmed yet: no receipt
    payments.confirm_payment(actor=desk.officer_a, payment=declared)
    assert client.get(staff_url).status_code == 200
    client.force_login(desk.officer_b)  # another commune's desk
    assert client.get(staff_url).status_code == 404
    client.force_login(CitizenFactory(username="nguoila"))
    assert client.get(mine_url).status_code == 404
    client.logout()
    assert client.get(mine_url).status_code == 302
    assert client.get(staff_url).status_code == 302


def test_receipts_are_numbered_in_the_order_the_centre_collected_them(desk):
    procedure = fee_procedure(desk)
    first = receive(desk, procedure=procedure)
    second = receive(desk, procedure=procedure)
    later = payments.confirm_payment(
        actor=desk.officer_a, dossier=second, at=datetime(2026, 5, 2, 2, 0, tzinfo=UTC)
    )
    earlier = payments.confirm_payment(
        actor=desk.officer_a, dossier=first, at=datetime(2026, 5, 1, 2, 0, tzinfo=UTC)
    )
    assert (receipt_number(earlier), receipt_number(later)) == ("0000001/2026", "0000002/2026")
    assert earlier.amount == DIRECT_FEE


def test_the_online_payment_has_its_receipt(client, owing, tmp_path):  # noqa: F811
    assert (
        client.get("/tich-hop/thanh-toan/ipn/", gateway_notice(redirect_params(owing))).json()["RspCode"]
        == "00"
    )
    paid = Payment.objects.get(dossier=owing)
    owing.applicant_user = CitizenFactory(username="tructuyen")
    owing.save(update_fields=["applicant_user"])
    client.force_login(owing.applicant_user)
    response = client.get(f"/dich-vu-cong/ho-so-cua-toi/{owing.pk}/bien-lai/{paid.pk}.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    assert "Thanh toán trực tuyến" in text
    assert "Số tiền bằng chữ: Năm mươi nghìn đồng" in text
    assert paid.reference in text
