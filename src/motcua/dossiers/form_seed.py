"""The legal forms as first installed (data migration 0002 and the demo): TT 03/2025 from 1/7/2025 and
TT 01/2018 before. Administrators edit them in the admin; a new legal text is a new row with its dates.

The bodies start from the HTML files in templates/dossiers/forms/ (Django template language, with the
context built by `documents.form_context`); once installed, the database row is what gets printed.
"""

from datetime import date
from pathlib import Path

TT03 = "Thông tư 03/2025/TT-VPCP"
TT01 = "Thông tư 01/2018/TT-VPCP"
SWITCH = date(2025, 7, 1)
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


def body(kind: str) -> str:
    return (BODIES / f"{kind}.html").read_text(encoding="utf-8")


def rows() -> list[dict]:
    found = []
    for kind, new_number, old_number, title in FORMS:
        common = {"kind": kind, "title": title, "body": body(kind)}
        found.append(
            {
                **common,
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
                    "valid_to": date(2025, 6, 30),
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
