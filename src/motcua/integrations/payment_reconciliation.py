"""The payment gateway's daily reconciliation file against the payments the platform confirmed.

The gateway (VNPay-style, payment_gateway.py) publishes each day a CSV of the transactions it settled for
the merchant. Its columns [chosen here after the gateway's IPN fields; docs/integrations.md]:
    vnp_TxnRef, vnp_Amount (đồng × 100), vnp_TransactionNo, vnp_PayDate (yyyyMMddHHmmss, Vietnam time),
    vnp_ResponseCode ("00" paid)
`read_file` reads it (a row it cannot read is a problem with its line number, never a guess), `compare`
matches it, by vnp_TxnRef, with the platform's confirmed online payments of the day: matched, missing on
the platform (the gateway took the money, no fee was confirmed: an IPN lost), extra on the platform
(confirmed here, absent from the gateway's file) and amounts that differ.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

COLUMNS = ("vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo", "vnp_PayDate", "vnp_ResponseCode")
MAX_BYTES = 10 * 1024 * 1024
DEFAULT_SOURCE = "motcua.dossiers.payments.confirmed_online"


class Unreadable(ValueError):
    """The file as a whole cannot be read (not UTF-8 CSV, columns missing, too large)."""


@dataclass(frozen=True)
class GatewayLine:
    reference: str
    amount: int  # đồng
    transaction_no: str
    paid_at: str


@dataclass(frozen=True)
class PlatformPayment:
    reference: str
    amount: int
    dossier_code: str


@dataclass
class Reconciliation:
    matched: list[tuple[GatewayLine, PlatformPayment]] = field(default_factory=list)
    missing_on_platform: list[GatewayLine] = field(default_factory=list)
    extra_on_platform: list[PlatformPayment] = field(default_factory=list)
    amount_differs: list[tuple[GatewayLine, PlatformPayment]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # rows of the file that could not be read

    @property
    def clean(self) -> bool:
        return not (
            self.missing_on_platform or self.extra_on_platform or self.amount_differs or self.problems
        )


def read_file(data: bytes) -> tuple[list[GatewayLine], list[str]]:
    """The file's paid transactions and the problems of its rows."""
    if len(data) > MAX_BYTES:
        raise Unreadable(_("Tệp quá lớn. / The file is too large."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable(_("Tệp không phải CSV UTF-8. / The file is not UTF-8 CSV.")) from None
    if "\x00" in text:
        raise Unreadable(_("Tệp không phải CSV UTF-8. / The file is not UTF-8 CSV."))
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise Unreadable(
            _("Tệp thiếu cột: %(columns)s. / Columns missing: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    lines, problems = [], []
    for number, row in enumerate(reader, start=2):
        if (row.get("vnp_ResponseCode") or "").strip() != "00":
            continue  # declined or cancelled: no money moved
        reference = (row.get("vnp_TxnRef") or "").strip()[:100]
        amount = (row.get("vnp_Amount") or "").strip()
        if not reference or not amount.isdigit() or int(amount) % 100:
            problems.append(
                _(
                    "Dòng %(n)s: thiếu mã giao dịch hoặc số tiền không hợp lệ. "
                    "/ Line %(n)s: bad reference or amount."
                )
                % {"n": number}
            )
            continue
        lines.append(
            GatewayLine(
                reference,
                int(amount) // 100,
                (row.get("vnp_TransactionNo") or "").strip()[:60],
                (row.get("vnp_PayDate") or "").strip()[:14],
            )
        )
    return lines, problems


def compare(lines: list[GatewayLine], payments: list[PlatformPayment]) -> Reconciliation:
    result = Reconciliation()
    ours = {p.reference: p for p in payments}
    seen = set()
    for line in lines:
        payment = ours.get(line.reference)
        if payment is None:
            result.missing_on_platform.append(line)
            continue
        seen.add(line.reference)
        (result.matched if payment.amount == line.amount else result.amount_differs).append((line, payment))
    result.extra_on_platform = [p for p in payments if p.reference not in seen]
    return result


def platform_payments(day: date) -> list[PlatformPayment]:
    """The online payments the platform confirmed on `day`: read by the module that owns payments
    (`MOTCUA_PAYMENT_CONFIRMED_SOURCE`, like the gateway's IPN handler), which this layer does not import."""
    source = getattr(settings, "MOTCUA_PAYMENT_CONFIRMED_SOURCE", DEFAULT_SOURCE)
    return list(import_string(source)(day))


def run(data: bytes, day: date) -> Reconciliation:
    """The gateway's file of `day` against the platform's payments of that day; Unreadable as read_file."""
    lines, problems = read_file(data)
    result = compare(lines, platform_payments(day))
    result.problems = problems
    return result
