"""Bearer tokens from the province's LGSP / the NDXP by OAuth2 client credentials (RFC 6749 §4.4).

An adapter's settings name the token endpoint instead of a fixed token:

    MOTCUA_NATIONAL_PORTAL = {
        "base_url": "https://lgsp.<tinh>.gov.vn/dvcqg/1.0",
        "token_url": "https://lgsp.<tinh>.gov.vn/oauth2/token",
        "client_id": "motcua", "client_secret": "…", "scope": "",   # scope: when the LGSP asks for one
        "client_cert": [crt, key], "timeout": 10,
    }

`bearer(config)` posts `grant_type=client_credentials` with the client's id and secret (HTTP Basic, as
WSO2-based LGSPs expect), keeps the token in this process until `expires_in` minus a margin, and fetches a
new one after that, or when the service answered 401 to it (`bearer(config, renew=True)`). A fixed `token`
setting still works (no `token_url`). The endpoint down, a 5xx or an unreadable answer: `Unavailable` (try
again later); the credentials refused (4xx): `Refused` (an administrator must change the settings). Either
is what the row waiting to be sent shows as its last error, so the status page says why nothing moves.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import requests
from django.utils import timezone

MARGIN = timedelta(seconds=30)  # renew this long before the token expires: a request in flight keeps it
DEFAULT_LIFETIME = 300  # seconds, when the endpoint does not say


class Unavailable(Exception):
    """The token endpoint could not give a token now (unreachable, timeout, 5xx, not a token)."""


class Refused(Exception):
    """The token endpoint refused the client's credentials (4xx)."""


@dataclass(frozen=True)
class Token:
    value: str
    expires_at: datetime


_tokens: dict[tuple[str, str], Token] = {}
_lock = threading.Lock()


def bearer(config: dict[str, Any], *, renew: bool = False) -> str:
    """The token to send as `Authorization: Bearer …` ('' when the settings name none)."""
    url = config.get("token_url")
    if not url:
        return str(config.get("token") or "")
    key = (url, str(config.get("client_id", "")))
    with _lock:
        cached = _tokens.get(key)
        if cached and not renew and cached.expires_at - MARGIN > timezone.now():
            return cached.value
        token = _fetch(config)
        _tokens[key] = token
        return token.value


def forget() -> None:
    """Drop every cached token (tests, and a settings change in a long-lived process)."""
    with _lock:
        _tokens.clear()


def _fetch(config: dict[str, Any]) -> Token:
    data = {"grant_type": "client_credentials"}
    if config.get("scope"):
        data["scope"] = config["scope"]
    try:
        answer = requests.post(
            config["token_url"],
            data=data,
            auth=(str(config.get("client_id", "")), str(config.get("client_secret", ""))),
            timeout=config.get("timeout", 10),
            cert=tuple(config["client_cert"]) if config.get("client_cert") else None,
        )
    except requests.RequestException as error:
        raise Unavailable(f"LGSP token: {type(error).__name__}") from error
    if answer.status_code >= 500 or answer.status_code == 429:
        raise Unavailable(f"LGSP token: HTTP {answer.status_code}")
    if answer.status_code >= 400:
        raise Refused(f"LGSP token: HTTP {answer.status_code} {_error_of(answer)}".strip())
    try:
        body = answer.json()
        value = body["access_token"]
        lifetime = int(body.get("expires_in") or DEFAULT_LIFETIME)
    except (ValueError, KeyError, TypeError) as error:
        raise Unavailable("LGSP token: the answer is not a token") from error
    if not isinstance(value, str) or not value:
        raise Unavailable("LGSP token: the answer is not a token")
    return Token(value, timezone.now() + timedelta(seconds=max(lifetime, 0)))


def _error_of(answer: requests.Response) -> str:
    """The OAuth2 error code (invalid_client, unauthorized_client…), never the echoed secret."""
    try:
        error = answer.json().get("error", "")
    except (ValueError, AttributeError):
        return ""
    return str(error)[:60]
