"""The flat layout: one row per procedure, columns named as the national TTHC database and the provinces'
publication annexes name them ("Mã thủ tục", "Tên thủ tục", "Thời hạn giải quyết", "Thành phần hồ sơ"…),
as an Excel sheet or a CSV file.

The row is turned into the platform's sheets (catalog.transfer) so every check is the same: the published
time limit text becomes the channel's default case plus named cases (catalog.limit_text) and is kept
verbatim beside them; "Cách thức thực hiện" names the channels; "Thành phần hồ sơ" lists one document a
line with its counts; the fees text is kept, and its one amount (or "miễn"/"không") becomes the channel
fee. Headers are matched without accents or case, and the platform's own column names work too, so a file
exported from another installation or typed by hand reads the same. A value the reader cannot understand
is a problem on its row, never a guess.
"""

import re
from typing import Any

from motcua.core.text import fold

from .limit_text import Unreadable, parse
from .models import Sector

HEADER_ROWS_SCANNED = 15
# Folded header words -> the platform's field; the first matching alias wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "national_code": ("ma thu tuc", "ma tthc", "ma so", "ma", "national_code"),
    "code_kind": ("loai ma", "code_kind"),
    "name": ("ten thu tuc", "ten tthc", "ten thu tuc hanh chinh", "name"),
    "sector": ("ma linh vuc", "sector"),
    "sector_name": ("linh vuc", "ten linh vuc"),
    "levels": ("cap thuc hien", "levels"),
    "procedure_type": ("loai thu tuc", "procedure_type"),
    "applicants": ("doi tuong thuc hien", "applicants"),
    "implementing_agency": ("co quan thuc hien", "implementing_agency"),
    "competent_agency": ("co quan co tham quyen", "competent_agency"),
    "delegated_agency": ("co quan duoc uy quyen", "delegated_agency"),
    "supporting_agency": ("co quan phoi hop", "supporting_agency"),
    "sequence": ("trinh tu thuc hien", "sequence"),
    "channels_text": ("cach thuc thuc hien", "cach thuc"),
    "documents_text": ("thanh phan ho so", "thanh phan, so luong ho so", "ho so"),
    "time_limit_text": ("thoi han giai quyet", "thoi han"),
    "fees": ("phi, le phi", "phi le phi", "le phi", "fees"),
    "result": ("ket qua thuc hien", "ket qua", "result"),
    "requirements": (
        "yeu cau, dieu kien thuc hien",
        "yeu cau, dieu kien",
        "yeu cau dieu kien",
        "requirements",
    ),
    "legal_basis": ("can cu phap ly", "legal_basis"),
    "online_level": (
        "muc do dich vu cong truc tuyen",
        "muc do dvc",
        "dich vu cong truc tuyen",
        "online_level",
    ),
    "notes": ("ghi chu", "notes"),
    "any_boundary": ("khong phu thuoc dia gioi hanh chinh", "any_boundary"),
    "vertical_sector": ("nganh doc", "vertical_sector"),
}
LEVEL_WORDS: tuple[tuple[str, str], ...] = (
    ("trung uong", "central"),
    ("cap bo", "central"),
    ("tinh", "province"),
    ("huyen", "district"),
)
LEVEL_WORDS += (("xa", "commune"), ("central", "central"), ("province", "province"), ("district", "district"))
LEVEL_WORDS += (("commune", "commune"),)
CHANNEL_WORDS: tuple[tuple[str, str], ...] = (
    ("truc tiep", "direct"),
    ("truc tuyen", "online"),
    ("buu chinh", "postal"),
)
CHANNEL_WORDS += (("direct", "direct"), ("online", "online"), ("postal", "postal"))
ONLINE_WORDS = (("toan trinh", "full"), ("mot phan", "partial"), ("full", "full"), ("partial", "partial"))
MONEY = re.compile(r"(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|dong|đ\b|vnđ|vnd)", re.IGNORECASE)
FREE_WORDS = ("khong", "mien", "khong thu")
COUNT = re.compile(r"(\d+)\s*(ban chinh|ban sao)")
BULLET = re.compile(r"^\s*(?:[-+•*]|\d+[.)]|[a-zđ][.)])\s*")


def _folded_header(value: Any) -> str:
    return " ".join(fold(str(value or "")).replace("(", " ").replace(")", " ").split()).strip(" :*")


def _field_of(header: str) -> str:
    for field, aliases in ALIASES.items():
        if header in aliases:
            return field
    return ""


def _header_row(rows: list[tuple[Any, ...]]) -> int:
    for index, row in enumerate(rows[:HEADER_ROWS_SCANNED]):
        fields = {_field_of(_folded_header(cell)) for cell in row}
        if "name" in fields and "national_code" in fields:
            return index
    from .transfer import FileProblem

    raise FileProblem(
        "Không thấy dòng tiêu đề có cột 'Mã thủ tục' và 'Tên thủ tục'. "
        "/ No header row with the columns 'Mã thủ tục' and 'Tên thủ tục'."
    )


def flat_sheets(rows: list[tuple[Any, ...]], *, sheet: str) -> dict[str, list]:
    """The platform's sheets from a flat table; unreadable values go to `_problems`."""
    from .transfer import DECISION_SHEET, SHEETS, Problem

    start = _header_row(rows)
    fields = [_field_of(_folded_header(cell)) for cell in rows[start]]
    sheets: dict[str, list] = {name: [] for name in (*SHEETS, DECISION_SHEET)}
    sheets["_problems"], sheets["_sheet_name"] = [], sheet  # type: ignore[assignment]
    sectors = {fold(s.name): s.code for s in Sector.objects.all()}
    for offset, values in enumerate(rows[start + 1 :], start=start + 2):
        data = {f: v for f, v in zip(fields, values, strict=False) if f and v not in (None, "")}
        if not data:
            continue
        problems: list[Problem] = []
        for row_sheet, item in _split(data, offset, sheet, sectors, problems):
            sheets[row_sheet].append((offset, item))
        sheets["_problems"].extend(problems)
    return sheets


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _split(
    data: dict, row: int, sheet: str, sectors: dict[str, str], problems: list
) -> list[tuple[str, dict]]:
    from .transfer import Problem

    code = _text(data.get("national_code"))
    procedure = {k: v for k, v in data.items() if not k.endswith("_text") and k != "sector_name"}
    procedure["national_code"] = code
    kind = fold(_text(data.get("code_kind")))
    procedure["code_kind"] = "local" if kind in ("local", "ma rieng", "dia phuong", "rieng") else "national"
    if not data.get("sector") and data.get("sector_name"):
        name = _text(data["sector_name"])
        procedure["sector"] = sectors.get(fold(name), name)
    procedure["levels"] = _words(data.get("levels"), LEVEL_WORDS) or _text(data.get("levels"))
    online = _words(data.get("online_level"), ONLINE_WORDS)
    procedure["online_level"] = online[0] if online else ("none" if data.get("online_level") else "")
    procedure["procedure_type"] = _procedure_type(_text(data.get("procedure_type")))
    out: list[tuple[str, dict]] = [("procedures", procedure)]
    channels = _words(data.get("channels_text"), CHANNEL_WORDS) or ["direct"]
    limit_text = _text(data.get("time_limit_text"))
    cases = []
    if limit_text:
        try:
            cases = parse(limit_text)
        except Unreadable:
            problems.append(
                Problem(
                    sheet,
                    row,
                    "time_limit_text",
                    f"không đọc được thời hạn '{limit_text}' (ví dụ: '05 ngày làm việc') / unreadable time "
                    f"limit '{limit_text}' (e.g. '05 ngày làm việc')",
                )
            )
    fee = _fee(_text(data.get("fees")))
    if cases:
        default, others = cases[0], cases[1:]
        for channel in channels:
            out.append(
                (
                    "channels",
                    {
                        "national_code": code,
                        "channel": channel,
                        "time_limit": default.time_limit,
                        "time_unit": default.time_unit,
                        "time_limit_min": default.time_limit_min,
                        "cutoff": default.cutoff,
                        "at_most": default.at_most,
                        "time_limit_text": limit_text,
                        "fee": fee,
                        "cases": [
                            {
                                "condition": c.condition,
                                "time_limit": c.time_limit,
                                "time_unit": c.time_unit,
                                "time_limit_min": c.time_limit_min,
                                "cutoff": c.cutoff,
                                "at_most": c.at_most,
                            }
                            for c in others
                        ],
                    },
                )
            )
    for document in documents(_text(data.get("documents_text"))):
        out.append(("documents", {"national_code": code, **document}))
    return out


def _procedure_type(text: str) -> str:
    folded = fold(text)
    if text in ("routed", "not_routed") or not text:
        return text
    if "luan chuyen" in folded:
        return "not_routed" if "khong" in folded else "routed"
    return text


def _words(value: Any, table: tuple[tuple[str, str], ...]) -> list[str]:
    folded = fold(_text(value))
    found: list[str] = []
    for part in re.split(r"[;,\n]+", folded):
        for word, code in table:
            if re.search(rf"\b{word}\b", part) and code not in found:
                found.append(code)
                break
    return found


def _fee(text: str) -> int:
    """The channel fee from the published fees text: its one amount; 0 when free or when several amounts
    depend on the case (the text is kept, and the officer fills the fee table)."""
    amounts = {int(re.sub(r"[.,]", "", m)) for m in MONEY.findall(text)}
    if len(amounts) == 1:
        return amounts.pop()
    return 0


def documents(text: str) -> list[dict]:
    """One document a line (bullets and numbering dropped), counts read from "01 bản chính, 01 bản sao"."""
    found = []
    for line in text.splitlines():
        name = BULLET.sub("", line).strip().rstrip(";.")
        folded = fold(name)
        if not name or folded.startswith(("so luong ho so", "thanh phan ho so")) or name.endswith(":"):
            continue
        counts = {kind: int(number) for number, kind in COUNT.findall(folded)}
        found.append(
            {
                "name": name[:500],
                "form_name": "",
                "originals": counts.get("ban chinh", 1 if not counts else 0),
                "copies": counts.get("ban sao", 0),
                "mandatory": True,
                "condition": "",
            }
        )
    return found
