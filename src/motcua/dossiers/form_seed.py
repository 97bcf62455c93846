"""The legal forms as installed (data migrations 0002 and 0010, and the demo): TT 03/2025/TT-VPCP's Phụ lục I
from 15/9/2025, the day it was signed and took effect, and TT 01/2018/TT-VPCP's forms before (they stayed in
use after NĐ 118/2025 replaced NĐ 61/2018 on 1/7/2025, until TT 03/2025 replaced them). Administrators edit
them in the admin; a new legal text is a new row with its dates.

The bodies start from the HTML files in templates/dossiers/forms/ (Django template language, with the
context built by `documents.paper_context`); once installed, the database row is what gets printed.
"""

from datetime import date
from pathlib import Path

TT03 = "Thông tư 03/2025/TT-VPCP, Phụ lục I"
TT01 = "Thông tư 01/2018/TT-VPCP, Phụ lục"
SWITCH = date(2025, 9, 15)
TT01_FROM = date(2018, 8, 21)
BODIES = Path(__file__).resolve().parent / "templates" / "dossiers" / "forms"

# kind, TT 03/2025 number, TT 01/2018 number (None: that form did not exist then), title
FORMS = [
    ("receipt", "01", "01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
    ("supplement", "02", "02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
    ("refusal", "03", "03", "Phiếu từ chối tiếp nhận, giải quyết hồ sơ"),
    ("apology", "04", "04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
    ("stop", "05", None, "Thông báo về việc dừng giải quyết hồ sơ"),
    ("control_sheet", "06", "05", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
    ("register", "07", "06", "Sổ theo dõi hồ sơ"),
]
# Where TT 03/2025 renamed a form.
NEW_TITLES = {"apology": "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"}


def body(kind: str) -> str:
    return (BODIES / f"{kind}.html").read_text(encoding="utf-8")


def rows() -> list[dict]:
    found = []
    for kind, new_number, old_number, title in FORMS:
        common = {"kind": kind, "title": title, "body": body(kind)}
        found.append(
            {
                **common,
                "title": NEW_TITLES.get(kind, title),
                "code": f"TT03-2025-{new_number}",
                "number": f"Mẫu số {new_number}",
                "valid_from": SWITCH,
                "valid_to": None,
                "legal_basis": TT03,
            }
        )
        if old_number:
            found.append(
                {
                    **common,
                    "code": f"TT01-2018-{old_number}",
                    "number": f"Mẫu số {old_number}",
                    "valid_from": TT01_FROM,
                    "valid_to": date(2025, 9, 14),
                    "legal_basis": TT01,
                }
            )
    return found


def install(model) -> int:
    """Create the rows that are missing (by code); existing ones, perhaps edited, are left alone."""
    created = 0
    for row in rows():
        _obj, made = model.objects.get_or_create(code=row["code"], defaults=row)
        created += made
    return created


def refresh(model) -> int:
    """Bring the shipped rows (by code) to the shipped bodies, titles and dates, and add missing ones: the
    papers now carry the place-and-date line, the receipt's copies and register number, form 02's table,
    and the register's columns. An administrator's edit of a shipped row is overwritten (noted in
    docs/dossiers.md); rows of other codes are left alone."""
    changed = 0
    for row in rows():
        obj = model.objects.filter(code=row["code"]).first()
        if obj is None:
            model.objects.create(**row)
            changed += 1
            continue
        differs = {key: value for key, value in row.items() if getattr(obj, key) != value}
        if differs:
            model.objects.filter(pk=obj.pk).update(**differs)
            changed += 1
    return changed
