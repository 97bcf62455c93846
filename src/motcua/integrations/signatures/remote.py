"""Remote signing (SmartCA-style services used in Vietnam): the key stays with the service, the leader
confirms each signature on a phone, and the plugin polls until it is confirmed, refused or too late.

    MOTCUA_SIGNING_PLUGIN = "remote"
    MOTCUA_REMOTE_SIGNING = {
        "base_url": "https://ky-so.example.vn/api",   # the service, or the province's LGSP route to it
        "token": "…",                                 # bearer token of the province's account
        "timeout": 10,                                # seconds per HTTP call
        "wait": 120,                                  # seconds the leader has to confirm
        "interval": 2,                                # seconds between polls
    }

The shape (the services differ in names; a province's plugin maps them here, in one place):

    POST {base_url}/sign-requests   {"signer": "motcua-<account id>", "name": …, "reason": …,
                                     "location": …, "document": base64 PDF}
         201 {"id": "…"}
    GET  {base_url}/sign-requests/<id>
         200 {"status": "pending" | "signed" | "refused" | "expired", "document": base64 signed PDF}

The signed PDF must be the document sent plus an incremental update with the signature: anything else
is refused, so a service cannot hand back another document.
"""

from __future__ import annotations

import base64
import time
from typing import Any

import requests
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .local_ca import Signatory
from .plugins import Plugin, SigningFailed, register
from .verification import Verdict, verify


def configuration() -> dict[str, Any]:
    return {"timeout": 10, "wait": 120, "interval": 2, **getattr(settings, "MOTCUA_REMOTE_SIGNING", {})}


@register
class RemotePlugin(Plugin):
    name = "remote"
    label = gettext_lazy("Ký số từ xa (xác nhận trên điện thoại)")

    def sign(self, content: bytes, who: Signatory, *, reason: str, location: str) -> bytes:
        config = configuration()
        request_id = self._call(
            config,
            "POST",
            "/sign-requests",
            json={
                "signer": f"motcua-{who.account_id}",
                "name": who.name,
                "organisation": who.organisation,
                "reason": reason,
                "location": location,
                "document": base64.b64encode(content).decode(),
            },
        )["id"]
        deadline = time.monotonic() + float(config["wait"])
        while True:
            answer = self._call(config, "GET", f"/sign-requests/{request_id}")
            if answer.get("status") == "signed":
                return _checked(content, base64.b64decode(answer.get("document", "")))
            if answer.get("status") == "refused":
                raise SigningFailed(
                    _("Lãnh đạo đã từ chối ký trên điện thoại. / The leader declined to sign on the phone.")
                )
            if answer.get("status") == "expired" or time.monotonic() >= deadline:
                raise SigningFailed(
                    _(
                        "Lãnh đạo chưa xác nhận ký trên điện thoại trong thời gian cho phép; hãy thử lại. "
                        "/ The signature was not confirmed on the phone in time; try again."
                    )
                )
            time.sleep(float(config["interval"]))

    def _call(self, config: dict[str, Any], method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        if not config.get("base_url"):
            raise SigningFailed(_("Chưa cấu hình dịch vụ ký số từ xa. / Remote signing is not configured."))
        headers = {"Authorization": f"Bearer {config['token']}"} if config.get("token") else {}
        try:
            answer = requests.request(
                method,
                config["base_url"].rstrip("/") + path,
                headers=headers,
                timeout=float(config["timeout"]),
                **kwargs,
            )
            answer.raise_for_status()
            data = answer.json()
        except (requests.RequestException, ValueError) as error:
            raise SigningFailed(
                _(
                    "Dịch vụ ký số không trả lời (%(error)s); hãy thử lại. "
                    "/ The signing service did not answer (%(error)s); try again."
                )
                % {"error": type(error).__name__}
            ) from error
        if not isinstance(data, dict):
            raise SigningFailed(
                _("Dịch vụ ký số trả lời sai định dạng. / The signing service answered wrongly.")
            )
        return data


def _checked(sent: bytes, signed: bytes) -> bytes:
    """The service's PDF: the document sent, unchanged, plus an intact signature."""
    checks = verify(signed)
    intact = bool(checks) and checks[-1].verdict in (Verdict.VALID, Verdict.UNTRUSTED)
    if not signed.startswith(sent) or not intact:
        raise SigningFailed(
            _(
                "Tệp dịch vụ ký số trả về không phải văn bản đã gửi ký. "
                "/ The signing service returned a document other than the one sent."
            )
        )
    return signed
