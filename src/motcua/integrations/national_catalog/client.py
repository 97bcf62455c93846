"""How the platform reads the national TTHC database, as plugins.

MOTCUA_NATIONAL_CATALOG_PLUGIN = "http"       # the real interface (the default when DEBUG is off)
MOTCUA_NATIONAL_CATALOG_PLUGIN = "simulator"  # the in-process simulator (the default with DEBUG)
MOTCUA_NATIONAL_CATALOG = {
    "base_url": "https://lgsp.example.gov.vn/csdltthc",  # the database, or the province's LGSP/NDXP route
    "token": "…", "client_cert": [crt, key], "timeout": 20,
}
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date
from typing import Any

import requests
from django.conf import settings

from motcua.core.plugins import Registry

from .simulator import LOCAL


class Unavailable(Exception):
    """The database could not be asked (unreachable, timeout, an error answer, not JSON)."""


class Plugin(ABC):
    name = ""

    @abstractmethod
    def decisions(self, since: date | None) -> list[Any]:
        """Publication decisions in force from `since` on (all without), oldest first; Unavailable."""

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

    def decisions(self, since: date | None) -> list[Any]:
        base = self.config.get("base_url")
        if not base:
            raise Unavailable("MOTCUA_NATIONAL_CATALOG['base_url'] is not set")
        headers = {"Authorization": f"Bearer {self.config['token']}"} if self.config.get("token") else {}
        try:
            answer = requests.get(
                base.rstrip("/") + "/quyet-dinh",
                params={"tu-ngay": since.isoformat()} if since else None,
                headers=headers,
                timeout=self.config["timeout"],
                cert=tuple(self.config["client_cert"]) if self.config.get("client_cert") else None,
            )
            body = answer.json() if answer.status_code < 400 else None
        except requests.RequestException as error:
            raise Unavailable(type(error).__name__) from error
        except ValueError as error:
            raise Unavailable("the answer is not JSON") from error
        return _checked(answer.status_code, body)


class SimulatorPlugin(Plugin):
    name = "simulator"

    def describe(self) -> str:
        return "simulator (in-process)"

    def decisions(self, since: date | None) -> list[Any]:
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
