"""VietQR transfer codes: the EMVCo QR payload NAPAS defines for a transfer to a bank account (NAPAS QR
Switching technical specification, part IV; EMVCo Merchant-Presented QR), which every Vietnamese bank app
reads to fill in the bank, the account, the amount and the transfer note.

The payload is a string of ID-length-value fields: format "01", a dynamic code ("12": it carries an amount),
the NAPAS merchant account field (ID 38: GUID A000000727, the bank's BIN and the account, service
QRIBFTTA "to an account"), currency 704 (đồng), the amount, country VN, the purpose of the transfer (ID 62/08:
the dossier code, at most 25 characters) and a CRC-16/CCITT-FALSE over everything before its value (ID 63).
"""

from __future__ import annotations

import re

import segno

from .payment import BankAccount

NAPAS_GUID = "A000000727"
TO_ACCOUNT = "QRIBFTTA"
DONG = "704"
NOTE_MAX = 25
_BIN = re.compile(r"^\d{6}$")
_ACCOUNT = re.compile(r"^[0-9A-Za-z]{1,19}$")
_NOTE = re.compile(r"^[ -~]*$")  # printable ASCII: what the banks' transfer notes carry


def _field(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"VietQR field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def crc16(text: str) -> str:
    """CRC-16/CCITT-FALSE (polynomial 0x1021, start 0xFFFF) as four upper-case hex digits."""
    crc = 0xFFFF
    for byte in text.encode():
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def payload(*, bank_bin: str, account: str, amount: int, note: str) -> str:
    """The text of the QR code for a transfer of `amount` đồng to `account` at the bank with `bank_bin`."""
    if not _BIN.match(bank_bin):
        raise ValueError("a bank BIN is six digits")
    if not _ACCOUNT.match(account):
        raise ValueError("an account number is 1 to 19 letters and digits")
    if amount <= 0:
        raise ValueError("a transfer code carries a positive amount")
    if len(note) > NOTE_MAX or not _NOTE.match(note):
        raise ValueError(f"a transfer note is at most {NOTE_MAX} ASCII characters")
    beneficiary = _field("00", bank_bin) + _field("01", account)
    merchant = _field("00", NAPAS_GUID) + _field("01", beneficiary) + _field("02", TO_ACCOUNT)
    body = (
        _field("00", "01")
        + _field("01", "12")
        + _field("38", merchant)
        + _field("53", DONG)
        + _field("54", str(amount))
        + _field("58", "VN")
        + (_field("62", _field("08", note)) if note else "")
        + "6304"
    )
    return body + crc16(body)


def svg(text: str, title: str) -> str:
    """The QR code as inline SVG (segno, as the dossier papers draw theirs), named for screen readers."""
    drawn = segno.make(text, error="m").svg_inline(scale=4, title=title, svgclass="vietqr")
    # An image to assistive technologies, named by its <title> (segno writes no role).
    return drawn.replace("<svg ", '<svg role="img" ', 1)


def transfer_code(account: BankAccount | None, *, amount: int, code: str) -> str:
    """The payload for paying a dossier's fee into `account`, the dossier code as the note; "" when the
    account has no BIN (an account from the settings) or the code does not fit the note."""
    if account is None or not account.bank_bin:
        return ""
    try:
        return payload(bank_bin=account.bank_bin, account=account.account_number, amount=amount, note=code)
    except ValueError:
        return ""
