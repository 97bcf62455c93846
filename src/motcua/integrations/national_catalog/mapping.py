"""The one place where the national TTHC database's shape becomes what the catalog's import reads.

The database's publication API is not public in full; the names below follow the fields of its procedure
page and of the ministries' publication decisions (Mã TTHC, Tên TTHC, Cấp thực hiện …). A province whose
LGSP names them otherwise changes this module only (docs/integrations.md).

GET {base_url}/quyet-dinh?tu-ngay=YYYY-MM-DD  ->  [decision, …] oldest first; one decision:
  {"SoQuyetDinh", "TrichYeu", "NgayBanHanh", "NguoiKy", "NgayHieuLuc",
   "CanCuPhapLy", "BaiBo": [MaTTHC …], "ThayThe": [{"MaCu", "MaMoi"} …],
   "ThuTuc": [{"MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "CapThucHien", "LoaiTTHC",
              "DoiTuongThucHien", "CoQuanThucHien", "CoQuanCoThamQuyen", "TrinhTuThucHien",
              "CachThucThucHien", "ThanhPhanHoSo", "ThoiHanGiaiQuyet", "PhiLePhi", "KetQuaThucHien",
              "YeuCauDieuKien", "CanCuPhapLy", "MucDoDVC", "KhongPhuThuocDiaGioi"} …]}
Texts are the database's own wording ("05 ngày làm việc", "Trực tiếp; Trực tuyến", one paper a line), which
the catalog's flat-layout reader (catalog.national) understands, the same reader as for its Excel exports.
"""

from __future__ import annotations

from typing import Any

# The database's field -> the header of the flat layout the catalog reads (catalog.national.ALIASES).
PROCEDURE_COLUMNS = {
    "MaTTHC": "Mã thủ tục",
    "TenTTHC": "Tên thủ tục",
    "MaLinhVuc": "Mã lĩnh vực",
    "TenLinhVuc": "Lĩnh vực",
    "CapThucHien": "Cấp thực hiện",
    "LoaiTTHC": "Loại thủ tục",
    "DoiTuongThucHien": "Đối tượng thực hiện",
    "CoQuanThucHien": "Cơ quan thực hiện",
    "CoQuanCoThamQuyen": "Cơ quan có thẩm quyền",
    "TrinhTuThucHien": "Trình tự thực hiện",
    "CachThucThucHien": "Cách thức thực hiện",
    "ThanhPhanHoSo": "Thành phần hồ sơ",
    "ThoiHanGiaiQuyet": "Thời hạn giải quyết",
    "PhiLePhi": "Phí, lệ phí",
    "KetQuaThucHien": "Kết quả thực hiện",
    "YeuCauDieuKien": "Yêu cầu, điều kiện thực hiện",
    "CanCuPhapLy": "Căn cứ pháp lý",
    "MucDoDVC": "Mức độ dịch vụ công trực tuyến",
    "KhongPhuThuocDiaGioi": "Không phụ thuộc địa giới hành chính",
}


class MalformedDecision(ValueError):
    """A decision that does not have the shape above."""


def _text(value: Any) -> str:
    return "" if value is None else str(value).replace("\x00", "").strip()


def flat_table(decision: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The decision's procedures as a table: the header row, then one row a procedure."""
    items = decision.get("ThuTuc")
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise MalformedDecision("ThuTuc: a list of objects is expected")
    header = tuple(PROCEDURE_COLUMNS.values())
    rows: list[tuple[Any, ...]] = [header]
    for item in items:
        rows.append(tuple(_cell(item.get(field)) for field in PROCEDURE_COLUMNS))
    return rows


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return _text(value) or None


def decision_fields(decision: dict[str, Any]) -> dict[str, Any]:
    """The decision in the catalog import's `decision` sheet fields (catalog.transfer.DECISION_FIELDS)."""
    if not isinstance(decision, dict):
        raise MalformedDecision("a decision is an object")
    replaced = decision.get("ThayThe") or []
    abolished = decision.get("BaiBo") or []
    if not isinstance(replaced, list) or not isinstance(abolished, list):
        raise MalformedDecision("BaiBo and ThayThe are lists")
    return {
        "number": _text(decision.get("SoQuyetDinh"))[:60],
        "title": _text(decision.get("TrichYeu"))[:255],
        "signed_on": _text(decision.get("NgayBanHanh")),
        "signer": _text(decision.get("NguoiKy"))[:150],
        "effective_from": _text(decision.get("NgayHieuLuc")),
        "legal_documents": _text(decision.get("CanCuPhapLy")),
        "abolish": [_text(code) for code in abolished],
        "replace": [
            {"old": _text(pair.get("MaCu")), "new": _text(pair.get("MaMoi"))}
            for pair in replaced
            if isinstance(pair, dict)
        ],
    }


def sectors(decision: dict[str, Any]) -> dict[str, str]:
    """{sector code: name} of the decision's procedures (the database names each procedure's sector)."""
    found: dict[str, str] = {}
    for item in decision.get("ThuTuc") or []:
        if isinstance(item, dict) and _text(item.get("MaLinhVuc")) and _text(item.get("TenLinhVuc")):
            found.setdefault(_text(item["MaLinhVuc"])[:20], _text(item["TenLinhVuc"])[:255])
    return found
