"""A local national TTHC database speaking the same HTTP shape as the real one (mapping.py), for
development, the demo and tests: a WSGI application (served over real HTTP in tests) and the same object
used in-process by the `simulator` plugin.

    GET /quyet-dinh?tu-ngay=YYYY-MM-DD   decisions in force from that day on, oldest first
        401 with a wrong bearer token
    POST /oauth2/token   the LGSP's token endpoint when built with `clients` (token_endpoint.py): its
        tokens are then what /quyet-dinh accepts; `revoke_tokens()` ends them early
Tests and the demo add decisions with `publish(decision)`; `fail_next(times, status)` answers 5xx.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from typing import Any
from urllib.parse import parse_qs

from ..token_endpoint import TokenIssuing


class NationalCatalogSimulator(TokenIssuing):
    def __init__(
        self, token: str = "", *, clients: dict[str, str] | None = None, token_lifetime: int = 3600
    ) -> None:
        self.init_tokens(token, clients, token_lifetime)
        self.decisions: list[dict[str, Any]] = []
        self.requests = 0
        self._faults: deque[int] = deque()
        self._lock = threading.Lock()

    def publish(self, decision: dict[str, Any]) -> None:
        with self._lock:
            self.decisions.append(decision)

    def fail_next(self, times: int = 1, status: int = 503) -> None:
        self._faults.extend([status] * times)

    def clear_faults(self) -> None:
        self._faults.clear()

    def since(self, day: str = "") -> list[dict[str, Any]]:
        with self._lock:
            chosen = [d for d in self.decisions if not day or str(d.get("NgayHieuLuc", "")) >= day]
        return sorted(chosen, key=lambda d: str(d.get("NgayHieuLuc", "")))

    def answer(self, path: str, query: str, authorization: str = "") -> tuple[int, Any]:
        """One request: (status, JSON body); the in-process plugin calls this as the server does."""
        with self._lock:
            self.requests += 1
            fault = self._faults.popleft() if self._faults else None
        if fault:
            return fault, {"error": "simulated failure"}
        if not self.authorised(authorization):
            return 401, {"error": "unauthorised"}
        if path != "/quyet-dinh":
            return 404, {"error": "not found"}
        day = (parse_qs(query).get("tu-ngay") or [""])[0]
        return 200, self.since(day)

    def __call__(self, environ, start_response):
        if self.is_token_request(environ):
            status, body = self.issue(environ)
        elif environ["REQUEST_METHOD"] != "GET":
            status, body = 405, {"error": "GET only"}
        else:
            status, body = self.answer(
                environ.get("PATH_INFO", ""),
                environ.get("QUERY_STRING", ""),
                environ.get("HTTP_AUTHORIZATION", ""),
            )
        payload = json.dumps(body, ensure_ascii=False).encode()
        start_response(
            f"{status} {'OK' if status < 400 else 'Error'}",
            [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(payload)))],
        )
        return [payload]


# The in-process database of the `simulator` plugin (development and the demo).
LOCAL = NationalCatalogSimulator()
