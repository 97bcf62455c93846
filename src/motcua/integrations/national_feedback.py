"""Feedback the National Public Service Portal's PAKN system forwards to the province, as a plugin.

    MOTCUA_NATIONAL_FEEDBACK_PLUGIN = "local_json"   # the default
    MOTCUA_NATIONAL_FEEDBACK_DIR = "/var/lib/motcua/pakn-inbox"

A plugin's `fetch()` returns the items waiting, in the portal's shape turned into `ForwardedItem`s; the
feedback app records each one once (by its national id) through its services. `local_json` reads JSON
files from a folder (one object or a list per file), the form in which the items are kept in development,
tests and at provinces that receive them as exported files; a province connects the live system (LGSP/NDXP,
REST with a bearer token) by registering a plugin with the same `fetch`.

The field names follow what the national system's exports use [R, not an official specification]:
`MaPAKN`, `TieuDe`, `NoiDung`, `KienNghi`, `NgayGui` (ISO 8601), `MaTTHC`, `VanBan`, `DieuKhoan`,
`NguoiGui` {`HoTen`, `DienThoai`, `Email`, `DiaChi`, `LaToChuc`}.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from motcua.core.plugins import Registry

from .models import PortalSync, SyncTarget
from .portal import client as portal_client
from .portal.simulator import PortalSimulator


@dataclass(frozen=True)
class ForwardedItem:
    external_id: str
    title: str
    content: str
    proposal: str
    sent_at: datetime | None
    procedure_code: str
    regulation: str
    regulation_article: str
    sender_name: str
    sender_phone: str
    sender_email: str
    sender_address: str
    sender_is_organisation: bool
    source: str = ""  # where it was read from, for messages


class Plugin(ABC):
    name = ""

    @abstractmethod
    def fetch(self) -> list[ForwardedItem]:
        """The items waiting to be recorded (already recorded ones may come again: the caller skips them)."""


def _text(value: Any, limit: int) -> str:
    return str(value or "").strip()[:limit]


def parse_item(data: Any, source: str = "") -> ForwardedItem:
    """One item in the portal's shape; a ValidationError names what is missing, in both languages."""
    if not isinstance(data, dict):
        raise ValidationError(_("Mục không phải đối tượng JSON. / The item is not a JSON object."))
    given = data.get("NguoiGui")
    sender: dict[str, Any] = given if isinstance(given, dict) else {}
    item = ForwardedItem(
        external_id=_text(data.get("MaPAKN"), 60),
        title=_text(data.get("TieuDe"), 255),
        content=_text(data.get("NoiDung"), 10000),
        proposal=_text(data.get("KienNghi"), 5000),
        sent_at=parse_datetime(str(data.get("NgayGui") or "")) if data.get("NgayGui") else None,
        procedure_code=_text(data.get("MaTTHC"), 30),
        regulation=_text(data.get("VanBan"), 255),
        regulation_article=_text(data.get("DieuKhoan"), 100),
        sender_name=_text(sender.get("HoTen"), 200),
        sender_phone=_text(sender.get("DienThoai"), 20),
        sender_email=_text(sender.get("Email"), 254),
        sender_address=_text(sender.get("DiaChi"), 255),
        sender_is_organisation=bool(sender.get("LaToChuc")),
        source=source,
    )
    if not item.external_id:
        raise ValidationError(_("Thiếu mã phản ánh (MaPAKN). / The national id (MaPAKN) is missing."))
    return item


class LocalJsonPlugin(Plugin):
    """JSON files in MOTCUA_NATIONAL_FEEDBACK_DIR, read in name order."""

    name = "local_json"

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = Path(folder or getattr(settings, "MOTCUA_NATIONAL_FEEDBACK_DIR", "") or ".")

    def fetch(self) -> list[ForwardedItem]:
        items: list[ForwardedItem] = []
        if not self.folder.is_dir():
            return items
        for path in sorted(self.folder.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
                raise ValidationError(
                    _("Không đọc được tệp %(name)s. / The file could not be read.") % {"name": path.name}
                ) from error
            for entry in data if isinstance(data, list) else [data]:
                items.append(parse_item(entry, source=path.name))
        return items


plugins: Registry[type[Plugin]] = Registry(
    "national_feedback", base=Plugin, setting="MOTCUA_NATIONAL_FEEDBACK_PLUGIN", default=LocalJsonPlugin.name
)
register = plugins.register
register(LocalJsonPlugin)


def current() -> Plugin:
    return plugins.active()()


# ------------------------------------------------------------------------------- answers sent back
#
# A published answer to an item the national system forwarded goes back to it through the dossier sync's
# outbox (models.PortalSync, target "feedback"): same transaction as the publication, same worker, retries,
# failure list and resend. The answer's shape [chosen here, see docs/integrations.md]:
#   POST {base_url}/pakn-answers, header Idempotency-Key: <MaPAKN>/<SoThuTu>-publish
#   {"MaPAKN", "SoThuTu", "NoiDungTraLoi", "CoQuanTraLoi" (agency code), "TenCoQuanTraLoi",
#    "NgayTraLoi" (ISO 8601), "DuongDanCongKhai" (the public page of the answer)}
#   -> 200 {"receipt", "duplicate"}; 4xx refused; 5xx/429 retried.
# MOTCUA_NATIONAL_FEEDBACK_SYSTEM = {"base_url", "token", "client_cert", "timeout"} (the system, or the
# province's LGSP/NDXP route); MOTCUA_NATIONAL_FEEDBACK_ANSWERS_PLUGIN = "http" | "simulator".

ANSWERS_LOCAL = PortalSimulator(events_path="/pakn-answers", code_field="MaPAKN")


class AnswersHttp(portal_client.HttpPlugin):
    setting = "MOTCUA_NATIONAL_FEEDBACK_SYSTEM"
    events_path = "/pakn-answers"

    def submissions(self) -> list[Any]:
        return []  # the PAKN system forwards feedback, not dossiers

    def download(self, path: str, limit: int) -> bytes:
        raise portal_client.Rejected("no files on the PAKN system")


class AnswersSimulator(portal_client.SimulatorPlugin):
    local = ANSWERS_LOCAL

    def describe(self) -> str:
        return "simulator (in-process, PAKN)"

    def submissions(self) -> list[Any]:
        return []

    def download(self, path: str, limit: int) -> bytes:
        raise portal_client.Rejected("no files on the PAKN system")


answer_plugins: Registry[type[portal_client.Plugin]] = Registry(
    "national feedback answers", base=portal_client.Plugin, setting="MOTCUA_NATIONAL_FEEDBACK_ANSWERS_PLUGIN"
)
answer_plugins.register(AnswersHttp)
answer_plugins.register(AnswersSimulator)


def answers() -> portal_client.Plugin:
    chosen = getattr(settings, "MOTCUA_NATIONAL_FEEDBACK_ANSWERS_PLUGIN", "") or (
        AnswersSimulator.name if settings.DEBUG else AnswersHttp.name
    )
    return answer_plugins.get(chosen)()


def answer_row(feedback: Any, *, at: datetime, public_url: str) -> PortalSync:
    """The unsaved outbox row of a published answer (`feedback`: the feedback app's item, which this layer
    reads by its fields: external_id, version, answer, agency)."""
    return PortalSync(
        target=SyncTarget.FEEDBACK,
        dossier_code=feedback.external_id,
        sequence=feedback.version,
        event="publish",
        agency=feedback.agency,
        occurred_at=at,
        next_attempt_at=at,
        payload={
            "MaPAKN": feedback.external_id,
            "SoThuTu": feedback.version,
            "NoiDungTraLoi": feedback.answer,
            "CoQuanTraLoi": feedback.agency.code,
            "TenCoQuanTraLoi": feedback.agency.name,
            "NgayTraLoi": at.isoformat(timespec="seconds"),
            "DuongDanCongKhai": public_url,
        },
    )
