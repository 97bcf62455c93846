"""A local remote-signing service for development and tests (remote.py's shape, over HTTP as WSGI).

The "phone" is this object: `confirm(id)` / `refuse(id)` answer a request; `auto_confirm_after=n` makes the
leader confirm on the n-th poll, `refuse=True` refuse on the first. Signatures are made with the local CA's
certificate of the signer. `tamper=True` returns another document (what the plugin must refuse)."""

from __future__ import annotations

import base64
import json
import threading
import uuid
from typing import Any

from weasyprint import HTML

from . import local_ca
from .plugins import LocalPlugin


class RemoteSigningSimulator:
    def __init__(
        self, *, auto_confirm_after: int | None = None, tamper: bool = False, refuse: bool = False
    ) -> None:
        self.auto_confirm_after = auto_confirm_after
        self.tamper = tamper
        self.refuse_all = refuse  # the leader presses "refuse" on the phone
        self.requests: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def confirm(self, request_id: str) -> None:
        with self._lock:
            self._sign(self.requests[request_id])

    def refuse(self, request_id: str) -> None:
        self.requests[request_id]["status"] = "refused"

    def _sign(self, item: dict[str, Any]) -> None:
        who = local_ca.Signatory(
            int(item["signer"].removeprefix("motcua-")), item["name"], item["organisation"]
        )
        content = base64.b64decode(item["document"])
        if self.tamper:  # a service that signs another document than the one it was sent
            content = HTML(string="<p>Văn bản khác / another document</p>").write_pdf()
        signed = LocalPlugin().sign(content, who, reason=item["reason"], location=item["location"])
        item.update(status="signed", signed=base64.b64encode(signed).decode())

    def __call__(self, environ, start_response):
        status, body = self._answer(environ)
        payload = json.dumps(body).encode()
        start_response(
            f"{status} {'OK' if status < 400 else 'Error'}", [("Content-Type", "application/json")]
        )
        return [payload]

    def _answer(self, environ) -> tuple[int, Any]:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        if method == "POST" and path == "/sign-requests":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            item = json.loads(environ["wsgi.input"].read(length))
            request_id = uuid.uuid4().hex
            self.requests[request_id] = {**item, "status": "pending", "polls": 0}
            return 201, {"id": request_id}
        if method == "GET" and path.startswith("/sign-requests/"):
            item = self.requests.get(path.removeprefix("/sign-requests/"))
            if item is None:
                return 404, {"error": "not found"}
            with self._lock:
                item["polls"] += 1
                if item["status"] == "pending" and self.refuse_all:
                    item["status"] = "refused"
                if (
                    item["status"] == "pending"
                    and self.auto_confirm_after
                    and item["polls"] >= self.auto_confirm_after
                ):
                    self._sign(item)
            return 200, {"status": item["status"], "document": item.get("signed", "")}
        return 404, {"error": "not found"}
