"""How the platform talks to the National Public Service Portal, as plugins.

MOTCUA_NATIONAL_PORTAL_PLUGIN = "http"       # the real interface (the default when DEBUG is off)
MOTCUA_NATIONAL_PORTAL_PLUGIN = "simulator"  # the in-process simulator (the default with DEBUG)
MOTCUA_NATIONAL_PORTAL = {
    "base_url": "https://lgsp.example.gov.vn/dvcqg",   # the portal, or the province's LGSP/NDXP route
    "token": "…",                                      # a fixed bearer token, or OAuth2 client credentials:
    "token_url": "…", "client_id": "…", "client_secret": "…",   # the LGSP token endpoint (lgsp.py)
    "client_cert": ["/etc/motcua/lgsp.crt", "/etc/motcua/lgsp.key"],   # when the LGSP asks for one
    "timeout": 10,                                     # seconds
}
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import requests
from django.conf import settings

from motcua.core.plugins import Registry

from .. import lgsp
from .simulator import LOCAL


class Transient(Exception):
    """Worth trying again later: a timeout, a refused connection, a 5xx, a 429."""


class Rejected(Exception):
    """The portal refused the content (4xx): trying again sends the same thing; an administrator looks."""


@dataclass(frozen=True)
class Acknowledgement:
    receipt: str
    duplicate: bool


class Plugin(ABC):
    name = ""

    @abstractmethod
    def send(self, key: str, body: dict[str, Any]) -> Acknowledgement:
        """Deliver one change; Transient or Rejected when it was not acknowledged."""

    @abstractmethod
    def listing(self, start: datetime, end: datetime) -> list[dict[str, Any]]:
        """What the portal holds for changes in [start, end), for reconciliation."""

    @abstractmethod
    def submissions(self) -> list[Any]:
        """Dossiers submitted on the portal for the province and not taken yet (mapping's shape)."""

    @abstractmethod
    def download(self, path: str, limit: int) -> bytes:
        """One submitted file (its `DuongDan`); Rejected when it is larger than `limit` bytes."""

    def describe(self) -> str:
        return self.name


def configuration(setting: str = "MOTCUA_NATIONAL_PORTAL") -> dict[str, Any]:
    return {"timeout": 10, **getattr(settings, setting, {})}


class HttpPlugin(Plugin):
    """The real interface. A subclass serves another national system with the same envelope (bearer
    token, client certificate, Idempotency-Key, the same answers): its own `setting` and `events_path`."""

    name = "http"
    setting = "MOTCUA_NATIONAL_PORTAL"
    events_path = "/dossier-events"

    def __init__(self) -> None:
        self.config = configuration(self.setting)

    def describe(self) -> str:
        return self.config.get("base_url") or "—"

    def send(self, key: str, body: dict[str, Any]) -> Acknowledgement:
        answer = self._call("POST", self.events_path, json=body, headers={"Idempotency-Key": key})
        data = answer.json()
        return Acknowledgement(
            receipt=str(data.get("receipt", ""))[:64], duplicate=bool(data.get("duplicate"))
        )

    def listing(self, start: datetime, end: datetime) -> list[dict[str, Any]]:
        answer = self._call(
            "GET", "/dossier-events", params={"from": start.isoformat(), "to": end.isoformat()}
        )
        return list(answer.json())

    def submissions(self) -> list[Any]:
        answer = self._call("GET", "/submissions")
        items = answer.json()
        if not isinstance(items, list):
            raise Rejected("GET /submissions: a JSON list is expected")
        return items

    def download(self, path: str, limit: int) -> bytes:
        answer = self._call("GET", path, stream=True, expect_json=False)
        with answer:
            content = bytearray()
            for chunk in answer.iter_content(64 * 1024):
                content += chunk
                if len(content) > limit:  # read no further than the platform accepts
                    raise Rejected(f"{path}: larger than {limit} bytes")
        return bytes(content)

    def _call(self, method: str, path: str, *, expect_json: bool = True, **kwargs: Any) -> requests.Response:
        base = self.config.get("base_url")
        if not base:
            raise Transient(f"{self.setting}['base_url'] is not set")
        headers = kwargs.pop("headers", {})
        answer = self._request(method, base.rstrip("/") + path, headers, kwargs)
        if answer.status_code == 401 and self.config.get("token_url"):
            # The LGSP revoked or expired the token before its time: one new token, one more try.
            answer = self._request(method, base.rstrip("/") + path, headers, kwargs, renew=True)
        if answer.status_code >= 500 or answer.status_code == 429:
            raise Transient(f"HTTP {answer.status_code}")
        if answer.status_code >= 400:
            raise Rejected(f"HTTP {answer.status_code}: {answer.text[:200]}")
        if not expect_json:
            return answer
        try:
            answer.json()
        except ValueError as error:
            raise Transient("the answer is not JSON") from error
        return answer

    def _request(
        self, method: str, url: str, headers: dict, kwargs: dict, *, renew: bool = False
    ) -> requests.Response:
        try:
            token = lgsp.bearer(self.config, renew=renew)
        except lgsp.Unavailable as error:
            raise Transient(str(error)) from error
        except lgsp.Refused as error:
            raise Rejected(str(error)) from error
        if token:
            headers = {**headers, "Authorization": f"Bearer {token}"}
        try:
            return requests.request(
                method,
                url,
                headers=headers,
                timeout=self.config["timeout"],
                cert=tuple(self.config["client_cert"]) if self.config.get("client_cert") else None,
                **kwargs,
            )
        except requests.RequestException as error:  # timeouts, refused connections, TLS errors
            raise Transient(type(error).__name__) from error


class SimulatorPlugin(Plugin):
    """The in-process simulator: what `make run` and the demo use, so the sync status shows something."""

    name = "simulator"
    local = LOCAL

    def describe(self) -> str:
        return "simulator (in-process)"

    def send(self, key: str, body: dict[str, Any]) -> Acknowledgement:
        status, data = self.local.post(key, body)
        if status >= 500:
            raise Transient(f"HTTP {status}")
        if status >= 400:
            raise Rejected(f"HTTP {status}: {data}")
        return Acknowledgement(receipt=data["receipt"], duplicate=data["duplicate"])

    def listing(self, start: datetime, end: datetime) -> list[dict[str, Any]]:
        return self.local.listing(start, end)

    def submissions(self) -> list[Any]:
        return self.local.waiting_submissions()

    def download(self, path: str, limit: int) -> bytes:
        content = self.local.file_at(path)
        if content is None:
            raise Rejected(f"HTTP 404: {path}")
        if len(content) > limit:
            raise Rejected(f"{path}: larger than {limit} bytes")
        return content


plugins: Registry[type[Plugin]] = Registry(
    "national portal", base=Plugin, setting="MOTCUA_NATIONAL_PORTAL_PLUGIN"
)
register = plugins.register
register(HttpPlugin)
register(SimulatorPlugin)


def current() -> Plugin:
    chosen = getattr(settings, "MOTCUA_NATIONAL_PORTAL_PLUGIN", "") or (
        SimulatorPlugin.name if settings.DEBUG else HttpPlugin.name
    )
    return plugins.get(chosen)()


def for_target(target: str) -> Plugin:
    """The plugin a PortalSync row of that target is sent through (models.SyncTarget)."""
    if target == "feedback":
        from .. import national_feedback  # it builds on this module

        return national_feedback.answers()
    return current()
