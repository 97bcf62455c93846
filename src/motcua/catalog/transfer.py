"""Catalog import and export as Excel (.xlsx) or JSON; the layout is documented in docs/catalog-import.md.

Import reads every row first and reports every problem (sheet, row, column, message in Vietnamese and
English). A file with problems is refused whole, unless `partial` is set: then the procedures without
problems are imported. Imported procedures become drafts (a publication decision publishes them); a
procedure whose content is identical to its current draft or latest published version is skipped, so
importing the same file twice changes nothing.
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import transaction

from motcua.core import spreadsheets

from . import selectors, services
from .content import BOOL_FIELDS, CHANNEL_FIELDS, DOCUMENT_FIELDS, TEXT_FIELDS, differences, version_content
from .models import Applicant, Channel, Level, OnlineLevel, Procedure, ProcedureType, Sector, TimeUnit

PROCEDURE_COLUMNS = (
    "national_code",
    "name",
    "sector",
    "levels",
    *TEXT_FIELDS[1:],
    "applicants",
    *BOOL_FIELDS,
)
SECTOR_COLUMNS = ("code", "name", "managing_body")
SHEETS = {
    "sectors": SECTOR_COLUMNS,
    "procedures": PROCEDURE_COLUMNS,
    "channels": ("national_code", *CHANNEL_FIELDS),
    "documents": ("national_code", *DOCUMENT_FIELDS),
}
REQUIRED = {
    "sectors": ("code", "name"),
    "procedures": ("national_code", "name", "sector", "levels"),
    "channels": ("national_code", "channel", "time_limit", "time_unit"),
    "documents": ("national_code", "name"),
}
TRUE_WORDS, FALSE_WORDS = {"1", "true", "co", "có", "x", "yes"}, {"", "0", "false", "khong", "không", "no"}


class FileProblem(Exception):
    """The file cannot be read at all (missing, wrong type, broken)."""


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.sheet}:{self.row}:{self.column}: {self.message}"


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    sectors_saved: int = 0
    refused: bool = False


Row = tuple[int, dict[str, Any]]
Progress = Callable[[int, int], None]


# Reading -----------------------------------------------------------------------------------------------


def read_file(path: Path) -> dict[str, list[Row]]:
    """Rows per sheet, each with its row number in the file (Excel rows from 2; JSON items from 1)."""
    if not path.exists():
        raise FileProblem(f"Không tìm thấy tệp {path}. / File not found: {path}.")
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _read_json(path)
    if suffix == ".xlsx":
        return _read_xlsx(path)
    raise FileProblem(
        f"Chỉ nhận tệp .xlsx hoặc .json: {path.name}. / Only .xlsx or .json files: {path.name}."
    )


def _read_json(path: Path) -> dict[str, list[Row]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise FileProblem(f"Tệp JSON không đọc được: {error}. / Unreadable JSON: {error}.") from None
    if not isinstance(data, dict):
        raise FileProblem("Tệp JSON phải là một đối tượng. / The JSON file must be an object.")
    sheets: dict[str, list[Row]] = {name: [] for name in SHEETS}
    sheets["sectors"] = list(enumerate(data.get("sectors", []), start=1))
    for number, item in enumerate(data.get("procedures", []), start=1):
        if not isinstance(item, dict):
            item = {}
        code = item.get("national_code", "")
        sheets["procedures"].append(
            (number, {k: v for k, v in item.items() if k not in ("channels", "documents")})
        )
        sheets["channels"] += [(number, {"national_code": code, **c}) for c in item.get("channels", [])]
        sheets["documents"] += [(number, {"national_code": code, **d}) for d in item.get("documents", [])]
    return sheets


def _read_xlsx(path: Path) -> dict[str, list[Row]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken file; all mean "unreadable"
        raise FileProblem(f"Tệp Excel không đọc được: {error}. / Unreadable Excel file: {error}.") from None
    sheets: dict[str, list[Row]] = {name: [] for name in SHEETS}
    for name in SHEETS:
        if name not in book.sheetnames:
            continue
        rows = book[name].iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        for number, values in enumerate(rows, start=2):
            if values and any(v not in (None, "") for v in values):
                sheets[name].append((number, dict(zip(header, values, strict=False))))
    book.close()
    return sheets


# Checking ----------------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _codes(value: Any) -> list[str]:
    if isinstance(value, list):
        return [_text(v) for v in value if _text(v)]
    return [part.strip() for part in _text(value).split(",") if part.strip()]


def _problem(sheet: str, row: int, column: str, vi: str, en: str) -> Problem:
    return Problem(sheet, row, column, f"{vi} / {en}")


def _check_choice(problems, sheet, row, column, value, allowed: Iterable[str]) -> None:
    allowed = list(allowed)
    if value not in allowed:
        problems.append(
            _problem(
                sheet,
                row,
                column,
                f"giá trị '{value}' không hợp lệ (dùng {', '.join(allowed)})",
                f"invalid value '{value}' (use {', '.join(allowed)})",
            )
        )


def _bool(problems, sheet, row, column, value) -> bool:
    if isinstance(value, bool):
        return value
    word = _text(value).casefold()
    if word in TRUE_WORDS:
        return True
    if word not in FALSE_WORDS:
        problems.append(
            _problem(sheet, row, column, f"'{value}' không phải có/không", f"'{value}' is not yes/no")
        )
    return False


def _int(problems, sheet, row, column, value, default: int) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(Decimal(str(value)))
        if number < 0 or Decimal(str(value)) != number:
            raise ValueError
        return number
    except (InvalidOperation, ValueError):
        problems.append(
            _problem(
                sheet,
                row,
                column,
                f"'{value}' không phải số nguyên không âm",
                f"'{value}' is not a non-negative whole number",
            )
        )
        return default


def _missing(problems, sheet, row, data) -> bool:
    absent = [c for c in REQUIRED[sheet] if _text(data.get(c)) == "" and not isinstance(data.get(c), list)]
    for column in absent:
        problems.append(_problem(sheet, row, column, "thiếu giá trị bắt buộc", "required value missing"))
    return bool(absent)


def check(sheets: dict[str, list[Row]]) -> tuple[list[dict], list[dict], list[Problem], set[str]]:
    """Sectors and procedure contents from the rows, every problem, and the codes of bad procedures."""
    problems: list[Problem] = []
    sectors = _check_sectors(sheets["sectors"], problems)
    known_sectors = {s["code"] for s in sectors} | set(Sector.objects.values_list("code", flat=True))
    contents: dict[str, dict] = {}
    rows_of: dict[str, int] = {}
    bad: set[str] = set()
    for row, data in sheets["procedures"]:
        before = len(problems)
        content = _check_procedure(row, data, known_sectors, problems)
        code = content["national_code"]
        if code in contents:
            problems.append(
                _problem(
                    "procedures",
                    row,
                    "national_code",
                    f"mã {code} trùng với dòng {rows_of[code]}",
                    f"code {code} repeats row {rows_of[code]}",
                )
            )
        contents.setdefault(code, content)
        rows_of.setdefault(code, row)
        if len(problems) > before:
            bad.add(code)
    for sheet, checker, key in (
        ("channels", _check_channel, "channels"),
        ("documents", _check_document, "documents"),
    ):
        for row, data in sheets[sheet]:
            before = len(problems)
            code = _text(data.get("national_code"))
            item = checker(row, data, problems)
            if code and code not in contents:
                problems.append(
                    _problem(
                        sheet,
                        row,
                        "national_code",
                        f"không có thủ tục mã '{code}' trong tệp",
                        f"no procedure '{code}' in the file",
                    )
                )
            elif code:
                contents[code][key].append(item)
                if len(problems) > before:
                    bad.add(code)
    for code, content in contents.items():
        seen = [c["channel"] for c in content["channels"]]
        if len(seen) != len(set(seen)):
            problems.append(
                _problem(
                    "channels",
                    rows_of[code],
                    "channel",
                    f"thủ tục {code} có cách thức lặp lại",
                    f"procedure {code} repeats a channel",
                )
            )
            bad.add(code)
    return sectors, list(contents.values()), problems, bad


def _check_sectors(rows: list[Row], problems: list[Problem]) -> list[dict]:
    sectors = []
    for row, data in rows:
        if not _missing(problems, "sectors", row, data):
            sectors.append({column: _text(data.get(column)) for column in SECTOR_COLUMNS})
    return sectors


def _check_procedure(row: int, data: dict, known_sectors: set[str], problems: list[Problem]) -> dict:
    sheet = "procedures"
    _missing(problems, sheet, row, data)
    content: dict[str, Any] = {
        column: _text(data.get(column)) for column in ("national_code", "name", "sector")
    }
    for column in TEXT_FIELDS[1:]:
        content[column] = _text(data.get(column))
    content["procedure_type"] = content["procedure_type"] or ProcedureType.NOT_ROUTED
    content["online_level"] = content["online_level"] or OnlineLevel.NONE
    _check_choice(problems, sheet, row, "procedure_type", content["procedure_type"], ProcedureType.values)
    _check_choice(problems, sheet, row, "online_level", content["online_level"], OnlineLevel.values)
    if content["sector"] and content["sector"] not in known_sectors:
        problems.append(
            _problem(
                sheet,
                row,
                "sector",
                f"không có lĩnh vực mã '{content['sector']}'",
                f"unknown sector '{content['sector']}'",
            )
        )
    level_codes = set(Level.objects.values_list("code", flat=True))
    content["levels"] = _codes(data.get("levels"))
    for code in content["levels"]:
        _check_choice(problems, sheet, row, "levels", code, sorted(level_codes))
    content["applicants"] = _codes(data.get("applicants"))
    for code in content["applicants"]:
        _check_choice(problems, sheet, row, "applicants", code, Applicant.values)
    for column in BOOL_FIELDS:
        content[column] = _bool(problems, sheet, row, column, data.get(column))
    content["channels"], content["documents"] = [], []
    return content


def _check_channel(row: int, data: dict, problems: list[Problem]) -> dict:
    sheet = "channels"
    _missing(problems, sheet, row, data)
    item = {
        "channel": _text(data.get("channel")),
        "time_unit": _text(data.get("time_unit")),
        "description": _text(data.get("description")),
        "fee": _int(problems, sheet, row, "fee", data.get("fee"), 0),
    }
    _check_choice(problems, sheet, row, "channel", item["channel"], Channel.values)
    _check_choice(problems, sheet, row, "time_unit", item["time_unit"], TimeUnit.values)
    try:
        limit = Decimal(_text(data.get("time_limit")).replace(",", "."))
        if limit < 0 or limit >= 10000 or limit != limit.quantize(Decimal("0.01")):
            raise InvalidOperation
        item["time_limit"] = f"{limit.normalize():f}"
    except InvalidOperation:
        problems.append(
            _problem(
                sheet,
                row,
                "time_limit",
                f"'{data.get('time_limit')}' không phải thời hạn hợp lệ",
                f"'{data.get('time_limit')}' is not a valid time limit",
            )
        )
        item["time_limit"] = "0"
    return item


def _check_document(row: int, data: dict, problems: list[Problem]) -> dict:
    sheet = "documents"
    _missing(problems, sheet, row, data)
    item = {
        "name": _text(data.get("name")),
        "form_name": _text(data.get("form_name")),
        "originals": _int(problems, sheet, row, "originals", data.get("originals"), 1),
        "copies": _int(problems, sheet, row, "copies", data.get("copies"), 0),
        "mandatory": _bool(problems, sheet, row, "mandatory", data.get("mandatory", True)),
        "condition": _text(data.get("condition")),
    }
    if not item["mandatory"] and not item["condition"]:
        problems.append(
            _problem(
                sheet,
                row,
                "condition",
                "giấy tờ không bắt buộc phải ghi điều kiện nộp",
                "a conditional document needs its condition",
            )
        )
    return item


# Importing ---------------------------------------------------------------------------------------------


def import_catalog(path: Path, *, partial: bool = False, progress: Progress | None = None) -> ImportReport:
    """Check the whole file, then import it (or its good procedures when `partial`) in one transaction."""
    sectors, contents, problems, bad = check(read_file(path))
    report = ImportReport(problems=problems)
    if problems and not partial:
        report.refused = True
        return report
    with transaction.atomic():
        for sector in sectors:
            report.sectors_saved += _import_sector(sector)
        for number, content in enumerate(contents, start=1):
            if content["national_code"] in bad:
                report.skipped += 1
            else:
                _import_procedure(content, report)
            if progress:
                progress(number, len(contents))
    return report


def _import_sector(data: dict) -> int:
    current = Sector.objects.filter(code=data["code"]).first()
    if current and (current.name, current.managing_body) == (data["name"], data["managing_body"]):
        return 0
    services.save_sector(actor=None, **data)
    return 1


def _import_procedure(content: dict, report: ImportReport) -> None:
    procedure = Procedure.objects.filter(national_code=content["national_code"]).first()
    current = selectors.current_content_version(procedure) if procedure else None
    if current is not None and not differences(version_content(current), content):
        report.unchanged += 1
        return
    services.save_draft(actor=None, content=content)
    if current is None:
        report.created += 1
    else:
        report.changed += 1


# Exporting ---------------------------------------------------------------------------------------------


def export_contents() -> tuple[list[dict], list[dict]]:
    """Sectors and the current content of every procedure that is not abolished (draft, else published)."""
    contents = []
    for procedure in Procedure.objects.exclude(status="abolished").order_by("national_code"):
        version = selectors.current_content_version(procedure)
        if version is not None:
            contents.append(version_content(version))
    used = {c["sector"] for c in contents}
    sectors = [
        {"code": s.code, "name": s.name, "managing_body": s.managing_body}
        for s in Sector.objects.filter(code__in=used).order_by("code")
    ]
    return sectors, contents


def export_catalog(path: Path) -> int:
    sectors, contents = export_contents()
    suffix = path.suffix.lower()
    if suffix == ".json":
        path.write_text(
            json.dumps({"sectors": sectors, "procedures": contents}, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    elif suffix == ".xlsx":
        _write_xlsx(path, sectors, contents)
    else:
        raise FileProblem(
            f"Chỉ ghi tệp .xlsx hoặc .json: {path.name}. / Only .xlsx or .json files: {path.name}."
        )
    return len(contents)


def _write_xlsx(path: Path, sectors: list[dict], contents: list[dict]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    rows = {
        "sectors": [[s[c] for c in SECTOR_COLUMNS] for s in sectors],
        "procedures": [
            [", ".join(c[k]) if isinstance(c[k], list) else c[k] for k in PROCEDURE_COLUMNS] for c in contents
        ],
        "channels": [
            [c["national_code"], *(ch[k] for k in CHANNEL_FIELDS)] for c in contents for ch in c["channels"]
        ],
        "documents": [
            [c["national_code"], *(d[k] for k in DOCUMENT_FIELDS)] for c in contents for d in c["documents"]
        ],
    }
    for name, columns in SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append(list(columns))
        for row in rows[name]:
            sheet.append(spreadsheets.safe_row(sheet, row))  # typed text never becomes a formula
    book.save(path)
