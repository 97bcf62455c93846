"""VietQR transfer codes (issue 17): the EMVCo/NAPAS payload checked against a published example, the
collecting agency's dated account, and the code on the citizen's payment page."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from motcua.integrations import payment, vietqr
from motcua.integrations.models import CollectionAccount
from tests.dossiers.test_payment import ONLINE_FEE, fee_procedure, online
from tests.factories import CitizenFactory

# Published in the README of github.com/thanhtinhpas1/vietqr-parser (pkg.go.dev): a static code for account
# 0881000458086 at Vietcombank (BIN 970436), its CRC CD60.
PUBLISHED = "00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60"


def fields(text: str) -> dict[str, str]:
    """The ID-length-value fields of a payload, read back."""
    found, position = {}, 0
    while position < len(text):
        tag, length = text[position : position + 2], int(text[position + 2 : position + 4])
        found[tag] = text[position + 4 : position + 4 + length]
        position += 4 + length
    return found


def test_the_crc_is_the_one_of_the_published_example():
    assert vietqr.crc16(PUBLISHED[:-4]) == "CD60"


def test_the_payload_carries_bank_account_amount_and_dossier_code():
    code = "000.00.31.H99-260310-0001"
    text = vietqr.payload(bank_bin="970436", account="0881000458086", amount=50_000, note=code)
    read = fields(text)
    # The NAPAS account field is the published example's, byte for byte.
    assert read["38"] == fields(PUBLISHED)["38"]
    assert fields(read["38"])["01"] == "0006970436" + "0113" + "0881000458086"
    assert (read["00"], read["01"], read["53"], read["54"], read["58"]) == ("01", "12", "704", "50000", "VN")
    assert fields(read["62"]) == {"08": code}
    assert text[-8:-4] == "6304"
    assert vietqr.crc16(text[:-4]) == read["63"]


@pytest.mark.parametrize(
    ("wrong", "message"),
    [
        ({"bank_bin": "97043"}, "BIN"),
        ({"account": "0881 000"}, "account number"),
        ({"amount": 0}, "positive amount"),
        ({"note": "x" * 26}, "transfer note"),
        ({"note": "Hồ sơ"}, "transfer note"),
    ],
)
def test_what_a_bank_app_cannot_read_is_refused(wrong, message):
    arguments = {"bank_bin": "970436", "account": "0881000458086", "amount": 1000, "note": "HS1"} | wrong
    with pytest.raises(ValueError, match=message):
        vietqr.payload(**arguments)


def account(agency, since: date, number: str, until: date | None = None) -> CollectionAccount:
    row = CollectionAccount(
        agency=agency,
        bank_name="Ngân hàng TMCP Công Thương Việt Nam",
        bank_bin="970415",
        account_number=number,
        account_name="TRUNG TAM PHUC VU HANH CHINH CONG XA A",
        valid_from=since,
        valid_to=until,
    )
    row.full_clean()
    row.save()
    return row


def test_the_account_is_the_agencys_in_force_that_day(desk, settings):
    settings.MOTCUA_PAYMENT_BANK = {"bank": "Ngân hàng Thử", "account_number": "999", "account_name": "X"}
    today = timezone.localdate()
    account(desk.centre(), today - timedelta(days=400), "111", until=today - timedelta(days=1))
    account(desk.centre(), today, "222")
    assert payment.bank_account(desk.centre(), today - timedelta(days=2)).account_number == "111"
    assert payment.bank_account(desk.centre()).account_number == "222"
    assert payment.bank_account(desk.centre()).bank_bin == "970415"
    assert payment.bank_account(desk.centre("Xã B")).account_number == "999"  # none of its own: the settings


def test_the_citizens_payment_page_shows_the_vietqr_code(client, desk):
    account(desk.centre(), date(2025, 7, 1), "119000990001")
    citizen = CitizenFactory()
    dossier = online(desk, citizen, fee_procedure(desk))
    client.force_login(citizen)
    page = client.get(f"/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/").content.decode()
    assert "119000990001" in page
    figure = re.search(r'<figure class="mb-3" data-testid="vietqr">(.*?)</figure>', page, re.S)
    assert figure is not None
    assert '<svg role="img" width="' in figure.group(1)
    assert f"<title>Mã VietQR chuyển khoản phí hồ sơ {dossier.code}</title>" in figure.group(1)
    expected = vietqr.payload(bank_bin="970415", account="119000990001", amount=ONLINE_FEE, note=dossier.code)
    assert vietqr.svg(expected, f"Mã VietQR chuyển khoản phí hồ sơ {dossier.code}") in page


def test_no_code_without_a_bin(client, desk, settings):
    settings.MOTCUA_PAYMENT_BANK = {"bank": "Ngân hàng Thử", "account_number": "0123", "account_name": "X"}
    citizen = CitizenFactory()
    dossier = online(desk, citizen, fee_procedure(desk))
    client.force_login(citizen)
    page = client.get(f"/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/").content.decode()
    assert "0123" in page
    assert 'data-testid="vietqr"' not in page
