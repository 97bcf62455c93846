"""The simulators' side of lgsp.py: an OAuth2 client-credentials token endpoint (RFC 6749 §4.4) and the
check of the bearer tokens it issued, shared by every local simulator of a national system (the portal,
the national TTHC database) so that their clients are tested against the same LGSP behaviour.

    POST <token path>   grant_type=client_credentials, client id and secret as HTTP Basic
        200 {"access_token", "token_type": "Bearer", "expires_in"}
        400 {"error": "unsupported_grant_type"}   401 {"error": "invalid_client"}
"""

from __future__ import annotations

import base64
import threading
import time
import uuid
from collections import deque
from typing import Any
from urllib.parse import parse_qs, unquote_plus

TOKEN_PATH = "/oauth2/token"


class TokenIssuing:
    """Mixed into a simulator: `clients` {client id: secret} get tokens valid `token_lifetime` seconds; a
    fixed `token` (the older setting) is accepted as well; neither: every request is let in."""

    token: str = ""

    def init_tokens(self, token: str, clients: dict[str, str] | None, lifetime: int) -> None:
        self.token = token
        self.clients = clients or {}
        self.token_lifetime = lifetime
        self.issued: dict[str, float] = {}  # access token -> when it expires (time.monotonic)
        self.tokens_issued = 0
        self._token_faults: deque[int] = deque()
        self._token_lock = threading.Lock()

    def fail_tokens_next(self, times: int = 1, status: int = 503) -> None:
        """The token endpoint answers `status` the next `times` times."""
        self._token_faults.extend([status] * times)

    def revoke_tokens(self) -> None:
        """Every issued token stops working (the LGSP restarted, or revoked them before their time)."""
        with self._token_lock:
            self.issued.clear()

    def is_token_request(self, environ) -> bool:
        return bool(self.clients) and environ.get("PATH_INFO") == TOKEN_PATH

    def issue(self, environ) -> tuple[int, Any]:
        with self._token_lock:
            fault = self._token_faults.popleft() if self._token_faults else None
        if fault:
            return fault, {"error": "temporarily_unavailable"}
        length = int(environ.get("CONTENT_LENGTH") or 0)
        form = parse_qs(environ["wsgi.input"].read(length).decode("utf-8", "replace"))
        if environ["REQUEST_METHOD"] != "POST" or form.get("grant_type") != ["client_credentials"]:
            return 400, {"error": "unsupported_grant_type"}
        client_id, secret = _basic(environ.get("HTTP_AUTHORIZATION", ""))
        if not client_id or self.clients.get(client_id) != secret:
            return 401, {"error": "invalid_client"}
        token = uuid.uuid4().hex
        with self._token_lock:
            self.issued[token] = time.monotonic() + self.token_lifetime
            self.tokens_issued += 1
        return 200, {"access_token": token, "token_type": "Bearer", "expires_in": self.token_lifetime}

    def authorised(self, header: str) -> bool:
        if not self.token and not self.clients:
            return True
        if not header.startswith("Bearer "):
            return False
        presented = header.removeprefix("Bearer ")
        if self.token and presented == self.token:
            return True
        with self._token_lock:
            return self.issued.get(presented, 0) > time.monotonic()


def _basic(header: str) -> tuple[str, str]:
    """(client id, secret) of an HTTP Basic header, ("", "") when it is not one."""
    if not header.startswith("Basic "):
        return "", ""
    try:
        decoded = base64.b64decode(header.removeprefix("Basic "), validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        return "", ""
    client_id, _, secret = decoded.partition(":")
    return unquote_plus(client_id), unquote_plus(secret)
