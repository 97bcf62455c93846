"""A local National Public Service Portal that speaks the same HTTP shapes as the real one, for
development, the demo and tests: a WSGI application (served over real HTTP in tests) and the same object
used in-process by the `simulator` plugin.

    POST /dossier-events        body: a mapping.dossier_change, header Idempotency-Key
         200 {"receipt": "...", "duplicate": false}   the first time
         200 {"receipt": <same>, "duplicate": true}   the same key again: nothing recorded twice
         400 {"error": "..."}                         a body without MaHoSo/SoThuTu
         401                                          a wrong bearer token
    GET  /dossier-events?from=ISO&to=ISO          [{"key", "MaHoSo", "SoThuTu", "receipt", "ThoiDiem"}]
    GET  /dossiers/<code>                         the dossier's latest state (highest SoThuTu wins)
    GET  /submissions                             dossiers citizens submitted on the portal, not taken yet
    GET  /submissions/<MaHoSoQG>/files/<n>        one submitted file
    POST /oauth2/token   grant_type=client_credentials, HTTP Basic client id and secret (the LGSP's token
         endpoint, when built with `clients`): 200 {"access_token", "token_type", "expires_in"};
         401 {"error": "invalid_client"}. Its tokens are then what the other endpoints accept.
A change carrying `MaHoSoQG` tells the portal which province dossier its submission became: it is taken
(no longer listed) and its status is the province dossier's (`submission_status`).

Tests and the demo offer submissions with `offer(submission, {path: bytes})`.
Faults for tests: `fail_next(times, status)` answers 5xx without recording; `stall_next(times, seconds)`
records, then answers too late (the client times out, the portal has the change: a retry is a duplicate).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import deque
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs

from ..token_endpoint import TokenIssuing


class PortalSimulator(TokenIssuing):
    def __init__(
        self,
        token: str = "",
        *,
        events_path: str = "/dossier-events",
        code_field: str = "MaHoSo",
        clients: dict[str, str] | None = None,
        token_lifetime: int = 3600,
    ) -> None:
        """`events_path`, `code_field`: another national system with the same envelope (the PAKN system
        takes answers at /pakn-answers keyed by MaPAKN). `clients`: {client id: secret} the token endpoint
        issues tokens to, valid `token_lifetime` seconds."""
        self.init_tokens(token, clients, token_lifetime)
        self.events_path, self.code_field = events_path, code_field
        self.events: dict[str, dict[str, Any]] = {}
        self.deliveries = 0  # every POST that reached it over HTTP, failed and duplicate ones included
        self.submissions: dict[str, dict[str, Any]] = {}  # MaHoSoQG -> the item as listed
        self.files: dict[str, bytes] = {}  # DuongDan -> content
        self.taken: dict[str, str] = {}  # MaHoSoQG -> the province's MaHoSo
        self._faults: deque[tuple[str, float]] = deque()
        self._file_faults: deque[int] = deque()
        self._lock = threading.Lock()

    # ------------------------------------------------------------------------------------------ for tests

    def fail_next(self, times: int = 1, status: int = 503) -> None:
        self._faults.extend([("status", status)] * times)

    def fail_files_next(self, times: int = 1, status: int = 503) -> None:
        """The next `times` file downloads fail (the portal's file store is down), other requests do not."""
        self._file_faults.extend([status] * times)

    def clear_faults(self) -> None:
        """Forget faults queued and not yet answered (a demo load or a test left them behind)."""
        self._faults.clear()
        self._file_faults.clear()

    def stall_next(self, times: int = 1, seconds: float = 2.0) -> None:
        self._faults.extend([("stall", seconds)] * times)

    def latest(self, code: str) -> dict[str, Any] | None:
        """The dossier as the portal shows it: the change with the highest sequence, whatever the order of
        arrival."""
        mine = [e["body"] for e in self.events.values() if e["body"][self.code_field] == code]
        return max(mine, key=lambda body: body["SoThuTu"]) if mine else None

    def offer(self, submission: dict[str, Any], files: dict[str, bytes] | None = None) -> None:
        """A citizen submitted `submission` on the portal (files by their DuongDan). Offered again, it waits
        again: the simulator lives as long as the process, longer than a test's or a demo's database."""
        with self._lock:
            self.submissions[submission["MaHoSoQG"]] = submission
            self.taken.pop(submission["MaHoSoQG"], None)
            self.files.update(files or {})

    def waiting_submissions(self) -> list[dict[str, Any]]:
        with self._lock:
            return [item for code, item in self.submissions.items() if code not in self.taken]

    def file_at(self, path: str) -> bytes | None:
        return self.files.get(path)

    def submission_status(self, national_code: str) -> dict[str, Any] | None:
        """What the citizen sees on the portal: the latest change of the dossier the submission became."""
        local = self.taken.get(national_code)
        return self.latest(local) if local else None

    def forget(self, key: str) -> None:
        """Lose an acknowledged event (what reconciliation must find)."""
        self.events.pop(key, None)

    # ----------------------------------------------------------------------------------- the interface

    def receive(self, key: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            if not key or not body.get(self.code_field) or not isinstance(body.get("SoThuTu"), int):
                return 400, {"error": f"{self.code_field}, SoThuTu and Idempotency-Key are required"}
            if key in self.events:
                return 200, {"receipt": self.events[key]["receipt"], "duplicate": True}
            receipt = uuid.uuid4().hex
            self.events[key] = {"receipt": receipt, "body": body}
            if body.get("MaHoSoQG") in self.submissions:
                self.taken[body["MaHoSoQG"]] = body["MaHoSo"]
            return 200, {"receipt": receipt, "duplicate": False}

    def post(self, key: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """In-process delivery (the `simulator` plugin): the injected 5xx faults apply, stalls do not."""
        fault = self._take_fault()
        if fault and fault[0] == "status":
            return int(fault[1]), {"error": "simulated failure"}
        return self.receive(key, body)

    def listing(self, start: datetime | None, end: datetime | None) -> list[dict[str, Any]]:
        rows = []
        for key, event in sorted(self.events.items()):
            at = datetime.fromisoformat(event["body"]["ThoiDiem"])
            if (start and at < start) or (end and at >= end):
                continue
            body = event["body"]
            rows.append(
                {
                    "key": key,
                    self.code_field: body[self.code_field],
                    "SoThuTu": body["SoThuTu"],
                    "ThoiDiem": body["ThoiDiem"],
                    "receipt": event["receipt"],
                }
            )
        return rows

    # ---------------------------------------------------------------------------------------- over HTTP

    def __call__(self, environ, start_response):
        status, body = self._handle(environ)
        binary = isinstance(body, bytes)
        payload = body if binary else json.dumps(body).encode()
        start_response(
            f"{status} {'OK' if status < 400 else 'Error'}",
            [
                ("Content-Type", "application/octet-stream" if binary else "application/json"),
                ("Content-Length", str(len(payload))),
            ],
        )
        return [payload]

    def _handle(self, environ) -> tuple[int, Any]:
        if self.is_token_request(environ):
            return self.issue(environ)
        if environ["REQUEST_METHOD"] == "POST":
            with self._lock:
                self.deliveries += 1
        fault = self._take_fault()
        if fault and fault[0] == "status":
            return int(fault[1]), {"error": "simulated failure"}
        answer = self._answer(environ)
        if fault:  # a stall: the request was processed, the answer comes too late for the client
            time.sleep(fault[1])
        return answer

    def _answer(self, environ) -> tuple[int, Any]:
        if not self.authorised(environ.get("HTTP_AUTHORIZATION", "")):
            return 401, {"error": "unauthorised"}
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        if method == "POST" and path == self.events_path:
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
                body = json.loads(environ["wsgi.input"].read(length) or b"{}")
            except (ValueError, json.JSONDecodeError):
                return 400, {"error": "invalid JSON"}
            if not isinstance(body, dict):
                return 400, {"error": "a JSON object is expected"}
            return self.receive(environ.get("HTTP_IDEMPOTENCY_KEY", ""), body)
        if method == "GET" and path == self.events_path:
            query = parse_qs(environ.get("QUERY_STRING", ""))
            return 200, self.listing(_moment(query, "from"), _moment(query, "to"))
        if method == "GET" and path == "/submissions":
            return 200, self.waiting_submissions()
        if method == "GET" and path in self.files:
            with self._lock:
                fault = self._file_faults.popleft() if self._file_faults else None
            return (fault, {"error": "simulated failure"}) if fault else (200, self.files[path])
        if method == "GET" and path.startswith("/dossiers/"):
            found = self.latest(path.removeprefix("/dossiers/"))
            return (200, found) if found else (404, {"error": "not found"})
        return 404, {"error": "not found"}

    def _take_fault(self) -> tuple[str, float] | None:
        with self._lock:
            return self._faults.popleft() if self._faults else None


def _moment(query: dict[str, list[str]], name: str) -> datetime | None:
    values = query.get(name)
    return datetime.fromisoformat(values[0]) if values else None


# The in-process portal of the `simulator` plugin (development and the demo); lost when the process ends,
# which `motcua portal_reconcile --resend` then shows and repairs.
LOCAL = PortalSimulator()
