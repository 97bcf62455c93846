"""The gateway's daily reconciliation file against the platform's confirmed online payments (issue 22):
matched, missing on the platform (an IPN lost), extra on the platform, amounts that differ; unreadable
files and rows are said, never guessed."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from motcua.integrations import payment_reconciliation as reconciliation
from tests.dossiers.factories import receive
from tests.integrations.test_payment_gateway import FEE, gateway_notice, owing, redirect_params  # noqa: F401

HEADER = "vnp_TxnRef,vnp_Amount,vnp_TransactionNo,vnp_PayDate,vnp_ResponseCode\n"


def paid_online(client, dossier) -> str:
    notice = gateway_notice(redirect_params(dossier))
    assert client.get("/tich-hop/thanh-toan/ipn/", notice).json()["RspCode"] == "00"
    return notice["vnp_TxnRef"]


def test_the_daily_file_is_matched_with_the_confirmed_payments(owing, desk, client, tmp_path, capsys):  # noqa: F811
    matched = paid_online(client, owing)
    other = receive(desk)
    type(other).objects.filter(pk=other.pk).update(fee_due=FEE)
    extra = paid_online(client, type(other).objects.get(pk=other.pk))
    today = timezone.localdate()
    file = tmp_path / "doi-soat.csv"
    file.write_text(
        HEADER
        + f"{matched},{FEE * 100},14123456,{today:%Y%m%d}101500,00\n"
        + f"HS-KHONG-CO_{today:%Y%m%d}101700,3000000,14123457,{today:%Y%m%d}101700,00\n"
        + f"TU-CHOI_{today:%Y%m%d}101800,3000000,14123458,{today:%Y%m%d}101800,24\n"
        + ",abc,1,2,00\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="chênh lệch"):
        call_command("payment_reconcile", str(file), "--date", today.isoformat())
    out = capsys.readouterr().out
    assert f"- HS-KHONG-CO_{today:%Y%m%d}101700 (30000 đ, GD 14123457): chưa xác nhận" in out
    assert f"+ {extra}" in out
    assert "Dòng 5:" in out
    assert "TU-CHOI" not in out  # declined on the gateway: no money moved
    assert "Khớp 1, lệch số tiền 0, thiếu trên hệ thống 1, thừa trên hệ thống 1." in out

    # The file that matches: nothing to report, exit 0.
    file.write_text(
        HEADER
        + f"{matched},{FEE * 100},14123456,{today:%Y%m%d}101500,00\n"
        + f"{extra},{FEE * 100},14123459,{today:%Y%m%d}101600,00\n",
        encoding="utf-8",
    )
    call_command("payment_reconcile", str(file), "--date", today.isoformat())
    assert "Khớp 2, lệch số tiền 0, thiếu trên hệ thống 0, thừa trên hệ thống 0." in capsys.readouterr().out


def test_a_different_amount_is_reported():
    line = reconciliation.GatewayLine("HS1_1", 50_000, "1", "")
    payment = reconciliation.PlatformPayment("HS1_1", 40_000, "HS1")
    result = reconciliation.compare([line], [payment])
    assert result.amount_differs == [(line, payment)]
    assert not result.clean


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00a", "không phải CSV UTF-8"),
        (b"TxnRef,Amount\nA,1\n", "thiếu cột"),
        (HEADER.encode() + b"A\x00,100,1,2,00\n", "không phải CSV UTF-8"),
    ],
)
def test_an_unreadable_file_is_refused_with_a_message(content, message):
    with pytest.raises(reconciliation.Unreadable, match=message):
        reconciliation.read_file(content)
