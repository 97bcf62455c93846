"""How the platform reads the national TTHC database, as plugins.

MOTCUA_NATIONAL_CATALOG_PLUGIN = "http"       # the real interface (the default when DEBUG is off)
MOTCUA_NATIONAL_CATALOG_PLUGIN = "simulator"  # the in-process simulator (the default with DEBUG)
MOTCUA_NATIONAL_CATALOG = {
    "base_url": "https://lgsp.example.gov.vn/csdltthc",  # the database, or the province's LGSP/NDXP route
    "token": "…",                                        # a fixed bearer token, or OAuth2 client credentials:
    "token_url": "…", "client_id": "…", "client_secret": "…",   # the LGSP token endpoint (lgsp.py)
    "client_cert": [crt, key], "timeout": 20,
}
Every call's outcome is kept for the status page (health.py): a nightly pull that fails says why there.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date
from typing import Any

import requests
from django.conf import settings

from motcua.core.plugins import Registry

from .. import health, lgsp
from .simulator import LOCAL


class Unavailable(Exception):
    """The database could not be asked (unreachable, timeout, an error answer, not JSON)."""


class Plugin(ABC):
    name = ""

    def decisions(self, since: date | None) -> list[Any]:
        """Publication decisions in force from `since` on (all without), oldest first; Unavailable."""
        try:
            found = self.fetch(since)
        except Unavailable as error:
            health.failed(health.NATIONAL_CATALOG, str(error))
            raise
        health.succeeded(health.NATIONAL_CATALOG)
        return found

    @abstractmethod
    def fetch(self, since: date | None) -> list[Any]:
        """The database's answer, as `decisions` describes it."""

    def describe(self) -> str:
        return self.name


def _checked(status: int, body: Any) -> list[Any]:
    if status >= 400:
        raise Unavailable(f"HTTP {status}")
    if not isinstance(body, list):
        raise Unavailable("a JSON list is expected")
    return body


def _query(since: date | None) -> str:
    return f"tu-ngay={since.isoformat()}" if since else ""


class HttpPlugin(Plugin):
    name = "http"

    def __init__(self) -> None:
        self.config = {"timeout": 20, **getattr(settings, "MOTCUA_NATIONAL_CATALOG", {})}

    def describe(self) -> str:
        return self.config.get("base_url") or "—"

    def fetch(self, since: date | None) -> list[Any]:
        base = self.config.get("base_url")
        if not base:
            raise Unavailable("MOTCUA_NATIONAL_CATALOG['base_url'] is not set")
        params = {"tu-ngay": since.isoformat()} if since else None
        answer = self._get(base.rstrip("/") + "/quyet-dinh", params)
        if answer.status_code == 401 and self.config.get("token_url"):
            # The LGSP revoked or expired the token before its time: one new token, one more try.
            answer = self._get(base.rstrip("/") + "/quyet-dinh", params, renew=True)
        try:
            body = answer.json() if answer.status_code < 400 else None
        except ValueError as error:
            raise Unavailable("the answer is not JSON") from error
        return _checked(answer.status_code, body)

    def _get(self, url: str, params: dict | None, *, renew: bool = False) -> requests.Response:
        try:
            token = lgsp.bearer(self.config, renew=renew)
        except (lgsp.Unavailable, lgsp.Refused) as error:
            raise Unavailable(str(error)) from error
        try:
            return requests.get(
                url,
                params=params,
                headers={"Authorization": f"Bearer {token}"} if token else {},
                timeout=self.config["timeout"],
                cert=tuple(self.config["client_cert"]) if self.config.get("client_cert") else None,
            )
        except requests.RequestException as error:
            raise Unavailable(type(error).__name__) from error


class SimulatorPlugin(Plugin):
    name = "simulator"

    def describe(self) -> str:
        return "simulator (in-process)"

    def fetch(self, since: date | None) -> list[Any]:
        return _checked(*LOCAL.answer("/quyet-dinh", _query(since), f"Bearer {LOCAL.token}"))


plugins: Registry[type[Plugin]] = Registry(
    "national TTHC database", base=Plugin, setting="MOTCUA_NATIONAL_CATALOG_PLUGIN"
)
plugins.register(HttpPlugin)
plugins.register(SimulatorPlugin)


def current() -> Plugin:
    chosen = getattr(settings, "MOTCUA_NATIONAL_CATALOG_PLUGIN", "") or (
        SimulatorPlugin.name if settings.DEBUG else HttpPlugin.name
    )
    return plugins.get(chosen)()
