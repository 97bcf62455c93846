"""The one place where a dossier change becomes what the National Public Service Portal receives.

The portal's dossier-sync interface is not published in full; the names below follow the fields of the
integration documents provinces describe for đồng bộ hồ sơ (MaHoSo, MaTTHC, TrangThaiHoSo …) and the
status numbers 1–10 they list. Where a name could not be confirmed it is chosen here and documented in
docs/integrations.md; a province whose LGSP wants other names changes this module only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from django.utils import timezone

# The portal's status numbers (TrangThaiHoSo) for the platform's dossier states.
PORTAL_STATUS = {
    "submitted": 1,  # Mới đăng ký
    "received": 2,  # Được tiếp nhận
    "refused": 3,  # Không được tiếp nhận
    "processing": 4,  # Đang xử lý
    "supplement_requested": 5,  # Yêu cầu bổ sung giấy tờ
    "withdrawn": 7,  # Công dân yêu cầu rút hồ sơ
    "stopped": 8,  # Dừng xử lý
    "result_ready": 9,  # Đã xử lý xong
    "returned": 10,  # Đã trả kết quả
}


class DossierLike(Protocol):
    """What the mapping reads of a dossier (integrations sits below the dossiers app and cannot import it)."""

    code: str
    status: str
    version: int
    channel: int
    applicant_name: str
    applicant_id_number: str
    submitted_at: datetime
    received_at: datetime | None
    due_at: datetime | None
    processing_ended_at: datetime | None
    closed_at: datetime | None
    result_number: str
    identity_verified: bool


def _when(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def dossier_change(
    dossier: Any,
    *,
    event: str,
    at: datetime,
    procedure_code: str,
    agency_code: str,
    reason: str = "",
) -> dict[str, Any]:
    """The JSON body sent for one change (`event`: the platform's action name, kept as MaSuKien)."""
    return {
        "MaHoSo": dossier.code,
        "SoThuTu": dossier.version,
        "MaSuKien": event,
        "ThoiDiem": _when(at),
        "MaTTHC": procedure_code,
        "MaCoQuan": agency_code,
        "KenhThucHien": dossier.channel,
        "ChuHoSo": dossier.applicant_name,
        "SoDinhDanh": dossier.applicant_id_number,
        "XacThucDinhDanh": bool(dossier.identity_verified),
        "TrangThaiHoSo": PORTAL_STATUS.get(dossier.status, 4),
        "NgayNop": _when(dossier.submitted_at),
        "NgayTiepNhan": _when(dossier.received_at),
        "NgayHenTra": _when(dossier.due_at),
        "NgayKetThucXuLy": _when(dossier.processing_ended_at),
        "NgayTra": _when(dossier.closed_at) if dossier.status == "returned" else None,
        "SoKetQua": dossier.result_number or None,
        "GhiChu": reason[:500],
    }
