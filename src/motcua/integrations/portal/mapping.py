"""The one place where a dossier change becomes what the National Public Service Portal receives.

The portal's dossier-sync interface is not published in full; the names below follow the fields of the
integration documents provinces describe for đồng bộ hồ sơ (MaHoSo, MaTTHC, TrangThaiHoSo …) and the
status numbers 1–10 they list. Where a name could not be confirmed it is chosen here and documented in
docs/integrations.md; a province whose LGSP wants other names changes this module only.
"""

from __future__ import annotations

from dataclasses import dataclass
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


# ------------------------------------------------------------------ dossiers submitted on the national portal
#
# GET {base_url}/submissions lists what citizens submitted on the portal for this province and the province
# has not taken yet (the portal learns it was taken from the first change synced with `MaHoSoQG`). One item:
#   {"MaHoSoQG", "MaTTHC", "MaCoQuan" (the receiving centre), "NgayNop" (ISO 8601),
#    "NhanKetQuaBuuChinh": bool,
#    "ChuHoSo": {"HoTen", "SoDinhDanh", "DienThoai", "Email", "DiaChi", "MaXa",
#                "XacThucDinhDanh": 0 none | 1 VNeID level 1 | 2 VNeID level 2},
#    "GiayTo": [{"TenGiayTo", "TepTin": [{"TenTep", "DuongDan", "KichThuoc", "MaBam" (SHA-256 hex)}]}]}
# Each file is fetched with GET {base_url}{DuongDan} and must have exactly KichThuoc bytes and that hash.

NATIONAL_CODE_LIMIT = 40


class MalformedSubmission(ValueError):
    """An item of the portal's list that does not have the shape above (its message names what is wrong)."""


@dataclass(frozen=True)
class SubmittedFile:
    name: str
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class SubmittedDocument:
    name: str
    files: tuple[SubmittedFile, ...]


@dataclass(frozen=True)
class NationalSubmission:
    national_code: str
    procedure_code: str
    centre_code: str
    submitted_at: datetime | None
    result_by_post: bool
    name: str
    id_number: str
    phone: str
    email: str
    address: str
    commune_code: str
    identity_level: int  # what the portal says of the citizen's VNeID account: 0, 1 or 2
    documents: tuple[SubmittedDocument, ...]

    @property
    def identity_verified(self) -> bool:
        """The platform's "identity verified" is VNeID level 2 (the portal checked the person's face/chip)."""
        return self.identity_level >= 2


def _text(value: Any, limit: int) -> str:
    return str(value if value is not None else "").replace("\x00", "").strip()[:limit]


def _file(data: Any) -> SubmittedFile:
    if not isinstance(data, dict):
        raise MalformedSubmission("TepTin: an object is expected")
    size, digest = data.get("KichThuoc"), _text(data.get("MaBam"), 64).lower()
    path = _text(data.get("DuongDan"), 500)
    if not path.startswith("/") or ".." in path:
        raise MalformedSubmission("TepTin.DuongDan: a path on the portal is expected")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise MalformedSubmission("TepTin.KichThuoc: a number of bytes is expected")
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise MalformedSubmission("TepTin.MaBam: a SHA-256 in hexadecimal is expected")
    return SubmittedFile(_text(data.get("TenTep"), 200) or "tep", path, size, digest)


def national_submission(data: Any) -> NationalSubmission:
    """One item of GET /submissions in the platform's terms; MalformedSubmission when it cannot be read."""
    if not isinstance(data, dict):
        raise MalformedSubmission("an object is expected")
    code = _text(data.get("MaHoSoQG"), NATIONAL_CODE_LIMIT + 1)
    if not code or len(code) > NATIONAL_CODE_LIMIT:
        raise MalformedSubmission("MaHoSoQG is missing or too long")
    person = data.get("ChuHoSo")
    documents = data.get("GiayTo")
    if not isinstance(person, dict) or not isinstance(documents, list):
        raise MalformedSubmission(f"{code}: ChuHoSo (object) and GiayTo (list) are required")
    submitted = None
    if data.get("NgayNop"):
        try:
            submitted = datetime.fromisoformat(str(data["NgayNop"]))
        except ValueError:
            raise MalformedSubmission(f"{code}: NgayNop is not an ISO 8601 moment") from None
        if timezone.is_naive(submitted):
            raise MalformedSubmission(f"{code}: NgayNop has no UTC offset")
    level = person.get("XacThucDinhDanh")
    papers = []
    for item in documents:
        if not isinstance(item, dict) or not isinstance(item.get("TepTin", []), list):
            raise MalformedSubmission(f"{code}: GiayTo items are objects with a TepTin list")
        papers.append(
            SubmittedDocument(
                _text(item.get("TenGiayTo"), 500), tuple(_file(f) for f in item.get("TepTin", []))
            )
        )
    return NationalSubmission(
        national_code=code,
        procedure_code=_text(data.get("MaTTHC"), 30),
        centre_code=_text(data.get("MaCoQuan"), 30),
        submitted_at=submitted,
        result_by_post=data.get("NhanKetQuaBuuChinh") is True,
        name=_text(person.get("HoTen"), 200),
        id_number=_text(person.get("SoDinhDanh"), 20),
        phone=_text(person.get("DienThoai"), 20),
        email=_text(person.get("Email"), 254),
        address=_text(person.get("DiaChi"), 255),
        commune_code=_text(person.get("MaXa"), 10),
        identity_level=level if isinstance(level, int) and not isinstance(level, bool) else 0,
        documents=tuple(papers),
    )
