"""The online payment gateway (the national payment platform or a VNPay-style gateway) as a payment plugin.

    MOTCUA_PAYMENT_PLUGIN = "gateway"
    MOTCUA_PAYMENT_GATEWAY = {
        "pay_url": "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",   # where the applicant is sent
        "merchant": "MOTCUA01",                                           # vnp_TmnCode
        "secret": "…",                                                    # the shared HMAC key
        "return_url": "https://motcua.example.gov.vn/tich-hop/thanh-toan/ve/",
    }
    MOTCUA_PAYMENT_GATEWAY_HANDLER = "motcua.dossiers.payments.gateway_paid"   # the default

1. Signed redirect: `instructions()` gives the applicant a `pay_url` with the vnp_* parameters, sorted and
   signed with HMAC-SHA512 (`vnp_SecureHash`). The reference `vnp_TxnRef` is `<dossier code>_<time>`.
2. Return: the gateway sends the applicant back to `return_url` with signed parameters; the page only
   tells them the outcome (`/tich-hop/thanh-toan/ve/`); it never confirms a payment.
3. IPN: the gateway calls `/tich-hop/thanh-toan/ipn/` server to server. A wrong signature is refused
   (RspCode 97); otherwise the handler confirms the dossier's payment once (00), and says 01 (unknown
   dossier), 04 (wrong amount) or 02 (already confirmed), the codes VNPay-style gateways expect.
A reconciliation against the gateway's daily file is not built yet (docs/integrations.md).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote_plus, urlencode

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from motcua.org.models import Agency

from .payment import Instructions, Plugin, register, transfer_content

PREFIX = "vnp_"
DEFAULT_HANDLER = "motcua.dossiers.payments.gateway_paid"
SUCCESS = "00"


def configuration() -> dict[str, Any]:
    return dict(getattr(settings, "MOTCUA_PAYMENT_GATEWAY", {}))


def _canonical(params: Mapping[str, str]) -> str:
    """The signed text: vnp_* parameters but the hash, sorted by name, URL-encoded as the gateway does."""
    items = sorted((k, v) for k, v in params.items() if k.startswith(PREFIX) and k not in _HASH_FIELDS and v)
    return "&".join(f"{k}={quote_plus(str(v))}" for k, v in items)


_HASH_FIELDS = {"vnp_SecureHash", "vnp_SecureHashType"}


def signature(params: Mapping[str, str], secret: str) -> str:
    return hmac.new(secret.encode(), _canonical(params).encode(), hashlib.sha512).hexdigest()


def signed(params: Mapping[str, str], secret: str) -> dict[str, str]:
    return {**params, "vnp_SecureHash": signature(params, secret)}


def signature_ok(params: Mapping[str, str], secret: str) -> bool:
    given = str(params.get("vnp_SecureHash", "")).lower()
    return bool(secret) and hmac.compare_digest(given, signature(params, secret))


def reference(code: str, at: datetime) -> str:
    return f"{code}_{timezone.localtime(at):%Y%m%d%H%M%S}"


def code_of(txn_ref: str) -> str:
    return txn_ref.rsplit("_", 1)[0]


@register
class GatewayPlugin(Plugin):
    """Pays online through the gateway; the gateway's IPN confirms the payment (paid online)."""

    name = "gateway"
    online = True

    def accepts(self, method: str) -> bool:
        return method == "online"

    def instructions(self, *, code: str, amount: int, agency: Agency | None = None) -> Instructions:
        config = configuration()
        now = timezone.now()
        params = {
            "vnp_Version": "2.1.0",
            "vnp_Command": "pay",
            "vnp_TmnCode": config.get("merchant", ""),
            "vnp_Amount": str(amount * 100),  # in hundredths of a đồng, as the gateway counts
            "vnp_CurrCode": "VND",
            "vnp_TxnRef": reference(code, now),
            "vnp_OrderInfo": transfer_content(code),
            "vnp_OrderType": "other",
            "vnp_Locale": "vn",
            "vnp_ReturnUrl": config.get("return_url", ""),
            "vnp_CreateDate": f"{timezone.localtime(now):%Y%m%d%H%M%S}",
        }
        url = f"{config.get('pay_url', '')}?{urlencode(signed(params, config.get('secret', '')))}"
        return Instructions(amount=amount, transfer_content=transfer_content(code), account=None, pay_url=url)


@dataclass(frozen=True)
class Notice:
    """What the gateway says about one payment, once its signature is checked."""

    code: str
    reference: str
    amount: int
    succeeded: bool
    bank_reference: str


def read_notice(params: Mapping[str, str]) -> Notice | None:
    """The gateway's notice, or None when its signature is wrong (or the key is not configured)."""
    if not signature_ok(params, configuration().get("secret", "")):
        return None
    txn = str(params.get("vnp_TxnRef", ""))
    try:
        amount = int(str(params.get("vnp_Amount", "0"))) // 100
    except ValueError:
        return None
    return Notice(
        code=code_of(txn),
        reference=txn[:100],
        amount=amount,
        succeeded=params.get("vnp_ResponseCode") == SUCCESS
        and params.get("vnp_TransactionStatus", SUCCESS) == SUCCESS,
        bank_reference=str(params.get("vnp_TransactionNo", ""))[:60],
    )


# The handler's outcomes and the answer codes the gateway expects.
RSP = {"confirmed": "00", "unknown": "01", "already": "02", "amount": "04", "failed": "00"}


def handle_ipn(params: Mapping[str, str]) -> dict[str, str]:
    """The IPN answer: check the signature, then let the dossiers app confirm the payment (once)."""
    notice = read_notice(params)
    if notice is None:
        return {"RspCode": "97", "Message": "Invalid signature"}
    handler = import_string(getattr(settings, "MOTCUA_PAYMENT_GATEWAY_HANDLER", DEFAULT_HANDLER))
    outcome = handler(notice)
    return {"RspCode": RSP.get(outcome, "99"), "Message": outcome}
