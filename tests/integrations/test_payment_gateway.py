"""The online payment gateway (issue 22): a signed redirect, the return page, and the IPN that confirms the
fee once when its signature is right; a wrong signature, amount or dossier confirms nothing."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from motcua.core.models import AuditEvent
from motcua.dossiers import payments
from motcua.dossiers.models import Dossier, Payment
from motcua.integrations import payment_gateway as gateway
from tests.dossiers.factories import receive

SECRET = "khoa-bi-mat-cua-cong-thanh-toan"
FEE = 50_000


@pytest.fixture
def owing(desk, settings):
    settings.MOTCUA_PAYMENT_PLUGIN = "gateway"
    settings.MOTCUA_PAYMENT_GATEWAY = {
        "pay_url": "https://pay.example.vn/vpcpay.html",
        "merchant": "MOTCUA01",
        "secret": SECRET,
        "return_url": "https://motcua.example.vn/tich-hop/thanh-toan/ve/",
    }
    dossier = receive(desk)
    Dossier.objects.filter(pk=dossier.pk).update(fee_due=FEE)
    return Dossier.objects.get(pk=dossier.pk)


def redirect_params(dossier) -> dict[str, str]:
    url = payments.instructions(dossier).pay_url
    assert url.startswith("https://pay.example.vn/vpcpay.html?")
    return dict(parse_qsl(urlsplit(url).query))


def gateway_notice(params: dict[str, str], **changes) -> dict[str, str]:
    """What the gateway sends back after the applicant paid: its fields, signed with the shared key."""
    answer = {
        "vnp_TmnCode": params["vnp_TmnCode"],
        "vnp_Amount": params["vnp_Amount"],
        "vnp_TxnRef": params["vnp_TxnRef"],
        "vnp_ResponseCode": "00",
        "vnp_TransactionStatus": "00",
        "vnp_TransactionNo": "14123456",
        "vnp_BankCode": "NCB",
        **changes,
    }
    return gateway.signed(answer, SECRET)


def test_the_applicant_is_sent_to_the_gateway_with_a_signed_request(owing):
    params = redirect_params(owing)
    assert params["vnp_Amount"] == str(FEE * 100)
    assert gateway.code_of(params["vnp_TxnRef"]) == owing.code
    assert gateway.signature_ok(params, SECRET)
    assert not gateway.signature_ok({**params, "vnp_Amount": "100"}, SECRET)


def test_the_ipn_confirms_the_fee_once_as_paid_online(owing, client):
    notice = gateway_notice(redirect_params(owing))
    first = client.get("/tich-hop/thanh-toan/ipn/", notice)
    assert first.json() == {"RspCode": "00", "Message": "confirmed"}
    stored = Dossier.objects.get(pk=owing.pk)
    assert (stored.paid, stored.paid_online) == (True, True)
    payment = Payment.objects.get(dossier=owing)
    assert (payment.method, payment.status, payment.reference) == (
        "online",
        "confirmed",
        notice["vnp_TxnRef"],
    )
    assert AuditEvent.objects.filter(action="dossier.paid", target_id=str(owing.pk)).count() == 1

    again = client.get("/tich-hop/thanh-toan/ipn/", notice)  # gateways repeat IPNs until answered 00/02
    assert again.json()["RspCode"] == "02"
    assert Payment.objects.filter(dossier=owing).count() == 1


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"vnp_SecureHash": "0" * 128}, "97"),  # forged signature
        ({"vnp_Amount": "100"}, "97"),  # amount changed after signing
    ],
)
def test_a_notice_with_a_wrong_signature_confirms_nothing(owing, client, change, code):
    notice = {**gateway_notice(redirect_params(owing)), **change}
    assert client.get("/tich-hop/thanh-toan/ipn/", notice).json()["RspCode"] == code
    assert not Dossier.objects.get(pk=owing.pk).paid
    assert not Payment.objects.exists()


def test_a_wrong_amount_an_unknown_dossier_or_a_declined_payment_confirm_nothing(owing, client):
    params = redirect_params(owing)
    wrong_amount = gateway_notice(params, vnp_Amount=str((FEE - 1) * 100))
    assert client.get("/tich-hop/thanh-toan/ipn/", wrong_amount).json()["RspCode"] == "04"
    unknown = gateway_notice(params, vnp_TxnRef="KHONG-CO_20260101000000")
    assert client.get("/tich-hop/thanh-toan/ipn/", unknown).json()["RspCode"] == "01"
    declined = gateway_notice(params, vnp_ResponseCode="24", vnp_TransactionStatus="02")
    assert client.get("/tich-hop/thanh-toan/ipn/", declined).json()["RspCode"] == "00"
    assert not Dossier.objects.get(pk=owing.pk).paid


def test_the_return_page_tells_the_applicant_and_refuses_an_unsigned_answer(owing, client):
    params = redirect_params(owing)
    paid = client.get("/tich-hop/thanh-toan/ve/", gateway_notice(params))
    assert paid.status_code == 200
    assert "Đã thanh toán 50000 đồng" in paid.content.decode()
    assert not Dossier.objects.get(pk=owing.pk).paid  # only the IPN confirms
    forged = client.get("/tich-hop/thanh-toan/ve/", {**gateway_notice(params), "vnp_SecureHash": "00"})
    assert forged.status_code == 400
    assert "không hợp lệ" in forged.content.decode()
