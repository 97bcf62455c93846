"""Catalog import and export: Excel (.xlsx: the platform's sheets or the national database's one-row-per-
procedure layout), JSON and CSV; the layouts are documented in docs/catalog-import.md.

Import reads every row first and reports every problem (sheet, row, column, message in Vietnamese and
English), then writes in one transaction, procedure by procedure, through the catalog services, so the
rules of a draft, a code and a publication are the services' own. Each procedure row ends with one outcome:
created, changed (its draft), versioned (a new version by the file's publication decision, or a draft over a
published procedure), unchanged or refused. A file with problems is refused whole (nothing is written; the
outcomes still say what would have happened), unless `partial` is set: then the refused procedures are
left out. A dry run does everything and rolls it back. Importing the same file twice changes nothing.
"""

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from motcua.core import spreadsheets
from motcua.core.text import fold
from motcua.org.models import Agency

from . import selectors, services
from .codes import code_problem, collision, stored_codes
from .completeness import missing_parts
from .content import (
    BOOL_FIELDS,
    CASE_FIELDS,
    CHANNEL_FIELDS,
    DOCUMENT_FIELDS,
    FEE_FIELDS,
    TEXT_FIELDS,
    differences,
    version_content,
)
from .models import (
    Applicant,
    Channel,
    CodeKind,
    FeeBasis,
    FeeKind,
    Level,
    OnlineLevel,
    Procedure,
    ProcedureType,
    ProcedureVersion,
    Sector,
    TimeUnit,
)

PROCEDURE_COLUMNS = (
    "national_code",
    "name",
    "sector",
    "levels",
    *TEXT_FIELDS[1:],
    "applicants",
    *BOOL_FIELDS,
    "code_kind",
)
SECTOR_COLUMNS = ("code", "name", "managing_body")
SHEETS = {
    "sectors": SECTOR_COLUMNS,
    "procedures": PROCEDURE_COLUMNS,
    "channels": ("national_code", *CHANNEL_FIELDS),
    "cases": ("national_code", "channel", *CASE_FIELDS),
    "documents": ("national_code", *DOCUMENT_FIELDS),
    "fee_items": ("national_code", *FEE_FIELDS),
    # The province's configuration (catalog.configuration): who applies each procedure, and its processes.
    "applications": ("national_code", "agency", "office_address", "fee", "online_level", "note"),
    "processes": (
        "national_code",
        "process_agency",
        "process_channel",
        "process_name",
        "position",
        "name",
        "agency_kind",
        "agency",
        "role",
        "duration",
        "duration_unit",
    ),
}
REQUIRED = {
    "sectors": ("code", "name"),
    "procedures": ("national_code", "name", "sector", "levels"),
    "channels": ("national_code", "channel", "time_limit", "time_unit"),
    "cases": ("national_code", "channel", "condition", "time_limit", "time_unit"),
    "documents": ("national_code", "name"),
    "fee_items": ("national_code",),
    "applications": ("national_code", "agency"),
    "processes": ("national_code", "process_name", "name", "role", "duration"),
}
DECISION_SHEET = "decision"
DECISION_FIELDS = (
    "number",
    "title",
    "signed_on",
    "signer",
    "effective_from",
    "legal_documents",
    "legal_effective_on",
    "abolish",
    "replace",
    "issuer",
    "posted_on",
)
TRUE_WORDS, FALSE_WORDS = {"1", "true", "co", "có", "x", "yes"}, {"", "0", "false", "khong", "không", "no"}
APPLICANT_LABELS = {fold(str(label)): value for value, label in Applicant.choices}
# Wordings seen in provinces' annexes beside the national database's own.
APPLICANT_LABELS |= {value: value for value in Applicant.values} | {
    "ca nhan": "citizen",
    "cong dan": "citizen",
    "to chuc": "organisation",
    "to chuc, ca nhan": "organisation",
    "ho gia dinh": "citizen",  # a household applies through its members, Vietnamese citizens
}


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


class Action:
    CREATED = "created"
    CHANGED = "changed"
    VERSIONED = "versioned"
    UNCHANGED = "unchanged"
    REFUSED = "refused"


ACTION_LABELS = {
    Action.CREATED: "Tạo mới / created",
    Action.CHANGED: "Thay đổi dự thảo / draft changed",
    Action.VERSIONED: "Phiên bản mới / new version",
    Action.UNCHANGED: "Giữ nguyên / unchanged",
    Action.REFUSED: "Từ chối / refused",
}


@dataclass
class RowOutcome:
    sheet: str
    row: int
    code: str
    name: str
    action: str = Action.UNCHANGED
    messages: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return ACTION_LABELS[self.action]


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)
    sectors_saved: int = 0
    applications_saved: int = 0
    processes_saved: int = 0
    refused: bool = False
    dry_run: bool = False
    decision: str = ""

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def created(self) -> int:
        return self.count(Action.CREATED)

    @property
    def changed(self) -> int:
        return self.count(Action.CHANGED)

    @property
    def versioned(self) -> int:
        return self.count(Action.VERSIONED)

    @property
    def unchanged(self) -> int:
        return self.count(Action.UNCHANGED)

    @property
    def skipped(self) -> int:
        return self.count(Action.REFUSED)

    @property
    def written(self) -> bool:
        return not (self.refused or self.dry_run)

    def summary(self) -> str:
        return (
            f"Mới {self.created}, thay đổi {self.changed}, phiên bản mới {self.versioned}, giữ nguyên "
            f"{self.unchanged}, bỏ qua {self.skipped}, lĩnh vực {self.sectors_saved}, cơ quan áp dụng "
            f"{self.applications_saved}, quy trình {self.processes_saved}. / New {self.created}, "
            f"changed {self.changed}, versioned {self.versioned}, unchanged {self.unchanged}, skipped "
            f"{self.skipped}, sectors {self.sectors_saved}, applications {self.applications_saved}, "
            f"processes {self.processes_saved}."
        )

    def as_csv(self) -> str:
        """The downloadable report: one line per procedure, then one per problem."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["sheet", "row", "national_code", "name", "action", "messages"])
        for row in self.rows:
            writer.writerow([row.sheet, row.row, row.code, row.name, row.label, " | ".join(row.messages)])
        return out.getvalue()


Row = tuple[int, dict[str, Any]]
Sheets = dict[str, list[Row]]
Progress = Callable[[int, int], None]


# Reading -----------------------------------------------------------------------------------------------


def read_file(path: Path) -> Sheets:
    """Rows per sheet, each with its row number in the file (Excel/CSV rows from 2; JSON items from 1)."""
    if not path.exists():
        raise FileProblem(f"Không tìm thấy tệp {path}. / File not found: {path}.")
    return read_bytes(path.name, path.read_bytes())


def read_bytes(name: str, data: bytes) -> Sheets:
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return _read_json(data)
    if suffix == ".xlsx":
        return _read_xlsx(data)
    if suffix == ".csv":
        from .national import flat_sheets

        return flat_sheets(_csv_rows(data), sheet="csv")
    raise FileProblem(
        f"Chỉ nhận tệp .xlsx, .json hoặc .csv: {name}. / Only .xlsx, .json or .csv files: {name}."
    )


def _empty() -> Sheets:
    return {name: [] for name in (*SHEETS, DECISION_SHEET)}


def _read_json(data: bytes) -> Sheets:
    try:
        loaded = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as error:
        raise FileProblem(f"Tệp JSON không đọc được: {error}. / Unreadable JSON: {error}.") from None
    if not isinstance(loaded, dict):
        raise FileProblem("Tệp JSON phải là một đối tượng. / The JSON file must be an object.")
    sheets = _empty()
    sheets["sectors"] = [
        (n, s if isinstance(s, dict) else {}) for n, s in enumerate(loaded.get("sectors", []), 1)
    ]
    for number, item in enumerate(loaded.get("procedures", []), start=1):
        if not isinstance(item, dict):
            item = {}
        code = item.get("national_code", "")
        nested = ("channels", "documents", "fee_items", "applications")
        sheets["procedures"].append(
            (number, {k: v for k, v in item.items() if k not in (*nested, "processes")})
        )
        for key in nested:
            sheets[key] += [
                (number, {"national_code": code, **x}) for x in _items(item.get(key)) if isinstance(x, dict)
            ]
        for process in _items(item.get("processes")):
            if isinstance(process, dict):
                sheets["processes"] += _process_rows(number, code, process)
    if isinstance(loaded.get("decision"), dict):
        sheets[DECISION_SHEET] = [(1, loaded["decision"])]
    return sheets


def _items(value: Any) -> list:
    return value if isinstance(value, list) else []


def _process_rows(number: int, code: str, process: dict) -> list[Row]:
    """A JSON process (agency, channel, name, steps) as the rows of the `processes` sheet."""
    head = {
        "national_code": code,
        "process_agency": process.get("agency", ""),
        "process_channel": process.get("channel", ""),
        "process_name": process.get("name", ""),
    }
    steps = [s for s in _items(process.get("steps")) if isinstance(s, dict)]
    return [(number, {**head, "position": position, **step}) for position, step in enumerate(steps, 1)]


def _read_xlsx(data: bytes) -> Sheets:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken file; all mean "unreadable"
        raise FileProblem(f"Tệp Excel không đọc được: {error}. / Unreadable Excel file: {error}.") from None
    try:
        if "procedures" not in book.sheetnames:
            # The national database's export: one sheet, one row per procedure, titles above the header.
            from .national import flat_sheets

            first = book[book.sheetnames[0]]
            return flat_sheets(list(first.iter_rows(values_only=True)), sheet=first.title)
        sheets = _empty()
        for name in (*SHEETS, DECISION_SHEET):
            if name not in book.sheetnames:
                continue
            rows = book[name].iter_rows(values_only=True)
            header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
            for number, values in enumerate(rows, start=2):
                if values and any(v not in (None, "") for v in values):
                    sheets[name].append((number, dict(zip(header, values, strict=False))))
        if sheets[DECISION_SHEET]:
            # The decision sheet is "field | value" lines: one decision.
            sheets[DECISION_SHEET] = [
                (2, {_text(r.get("field")): r.get("value") for _n, r in sheets[DECISION_SHEET]})
            ]
        return sheets
    finally:
        book.close()


def _csv_rows(data: bytes) -> list[tuple[Any, ...]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem("Tệp CSV phải mã hóa UTF-8. / The CSV file must be UTF-8.") from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [tuple(row) for row in csv.reader(io.StringIO(text), dialect)]


# Checking ----------------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _codes(value: Any) -> list[str]:
    if isinstance(value, list):
        return [_text(v) for v in value if _text(v)]
    return [part.strip() for part in _text(value).replace(";", ",").split(",") if part.strip()]


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


def _int(problems, sheet, row, column, value, default: int | None) -> int | None:
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


def _amount(problems, sheet, row, column, value, *, required: bool) -> str | None:
    """A time limit or a rate: decimals with ',' or '.', not negative."""
    if value in (None, "") and not required:
        return None
    try:
        number = Decimal(_text(value).replace(",", "."))
        if number < 0 or number >= 10000 or number != number.quantize(Decimal("0.0001")):
            raise InvalidOperation
        return f"{number.normalize():f}"
    except InvalidOperation:
        problems.append(
            _problem(
                sheet,
                row,
                column,
                f"'{value}' không phải {'tỷ lệ' if column == 'rate' else 'thời hạn'} hợp lệ",
                f"'{value}' is not a valid {'rate' if column == 'rate' else 'time limit'}",
            )
        )
        return "0" if required else None


def _cutoff(problems, sheet, row, value) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, (time, datetime)):
        return f"{value:%H:%M}"
    try:
        return f"{datetime.strptime(_text(value).replace('h', ':').rstrip(':') or '', '%H:%M'):%H:%M}"
    except ValueError:
        try:
            return f"{datetime.strptime(_text(value), '%H'):%H:%M}"
        except ValueError:
            problems.append(
                _problem(
                    sheet, row, "cutoff", f"'{value}' không phải giờ (15:00)", f"'{value}' is not an hour"
                )
            )
            return None


def _missing(problems, sheet, row, data, label: str = "") -> bool:
    absent = [c for c in REQUIRED[sheet] if _text(data.get(c)) == "" and not isinstance(data.get(c), list)]
    for column in absent:
        problems.append(
            _problem(label or sheet, row, column, "thiếu giá trị bắt buộc", "required value missing")
        )
    return bool(absent)


@dataclass
class Checked:
    sectors: list[dict]
    contents: list[dict]
    rows_of: dict[str, tuple[str, int]]
    problems: list[Problem]
    bad: dict[str, list[str]]
    decision: dict | None
    applications: list[dict] = field(default_factory=list)
    processes: list[dict] = field(default_factory=list)


def check(sheets: Sheets) -> Checked:
    """Sectors and procedure contents from the rows, every problem, and the problems of each bad code."""
    problems: list[Problem] = list(sheets.get("_problems", []))  # type: ignore[arg-type]
    sectors = _check_sectors(sheets["sectors"], problems)
    known_sectors = {s["code"] for s in sectors} | set(Sector.objects.values_list("code", flat=True))
    levels = set(Level.objects.values_list("code", flat=True))
    contents: dict[str, dict] = {}
    rows_of: dict[str, tuple[str, int]] = {}
    bad: dict[str, list[str]] = {}
    procedure_sheet = sheets.get("_sheet_name", "procedures")

    def mark(code: str, since: int) -> None:
        if len(problems) > since:
            bad.setdefault(code, []).extend(str(p) for p in problems[since:])

    stored = stored_codes(_text(data.get("national_code")) for _row, data in sheets["procedures"])
    for row, data in sheets["procedures"]:
        before = len(problems)
        content = _check_procedure(str(procedure_sheet), row, data, known_sectors, levels, problems, stored)
        code = content["national_code"]
        if code in contents:
            problems.append(
                _problem(
                    str(procedure_sheet),
                    row,
                    "national_code",
                    f"mã {code} trùng với dòng {rows_of[code][1]}",
                    f"code {code} repeats row {rows_of[code][1]}",
                )
            )
        contents.setdefault(code, content)
        rows_of.setdefault(code, (str(procedure_sheet), row))
        mark(code, before)
    checkers = {
        "channels": _check_channel,
        "documents": _check_document,
        "fee_items": _check_fee_item,
    }
    for sheet, checker in checkers.items():
        for row, data in sheets[sheet]:
            before = len(problems)
            code = _text(data.get("national_code"))
            item = checker(sheet, row, data, problems)
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
                contents[code][sheet].append(item)
                mark(code, before)
    for row, data in sheets["cases"]:
        before = len(problems)
        code, channel = _text(data.get("national_code")), _text(data.get("channel"))
        case = _check_case("cases", row, data, problems)
        target = [c for c in contents.get(code, {}).get("channels", []) if c["channel"] == channel]
        if not target:
            problems.append(
                _problem(
                    "cases",
                    row,
                    "channel",
                    f"thủ tục '{code}' không có cách thức '{channel}' trong tệp",
                    f"procedure '{code}' has no channel '{channel}' in the file",
                )
            )
        else:
            target[0]["cases"].append(case)
        mark(code, before)
    for code, content in contents.items():
        seen = [c["channel"] for c in content["channels"]]
        if len(seen) != len(set(seen)):
            before = len(problems)
            problems.append(
                _problem(
                    "channels",
                    rows_of[code][1],
                    "channel",
                    f"thủ tục {code} có cách thức lặp lại",
                    f"procedure {code} repeats a channel",
                )
            )
            mark(code, before)
    decision = _check_decision(sheets[DECISION_SHEET], problems)
    from .configuration import check_applications, check_processes  # it reads cells with this module

    applications = check_applications(sheets["applications"], problems, set(contents))
    processes = check_processes(sheets["processes"], problems, set(contents))
    return Checked(
        sectors, list(contents.values()), rows_of, problems, bad, decision, applications, processes
    )


def _check_sectors(rows: list[Row], problems: list[Problem]) -> list[dict]:
    sectors = []
    for row, data in rows:
        if not _missing(problems, "sectors", row, data):
            sectors.append({column: _text(data.get(column)) for column in SECTOR_COLUMNS})
    return sectors


def applicant_codes(value: Any) -> list[str]:
    """Codes (`citizen, business`) or the national database's wording ("Công dân Việt Nam; Cán bộ, công
    chức, viên chức") -> codes in the order written. Labels hold commas, so they are found longest first
    rather than split; what is left over is returned as is, to be reported."""
    if isinstance(value, list):
        return [APPLICANT_LABELS.get(fold(_text(v)), _text(v)) for v in value if _text(v)]
    text = fold(_text(value))
    found: list[tuple[int, str]] = []
    for label in sorted(APPLICANT_LABELS, key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w]){re.escape(label)}(?![\w])")
        while match := pattern.search(text):
            found.append((match.start(), APPLICANT_LABELS[label]))
            text = text[: match.start()] + " " * len(label) + text[match.end() :]
    codes = []
    for _position, code in sorted(found):
        if code not in codes:
            codes.append(code)
    leftover = " ".join(re.sub(r"[,;.()\n]|\bva\b", " ", text).split())
    return codes + ([leftover] if leftover else [])


def _check_procedure(
    sheet: str,
    row: int,
    data: dict,
    known_sectors: set[str],
    levels: set[str],
    problems: list[Problem],
    stored: dict[str, Procedure],
) -> dict:
    _missing(problems, "procedures", row, data, sheet)
    content: dict[str, Any] = {
        column: _text(data.get(column)) for column in ("national_code", "name", "sector")
    }
    for column in TEXT_FIELDS[1:]:
        content[column] = _text(data.get(column))
    content["procedure_type"] = content["procedure_type"] or ProcedureType.NOT_ROUTED
    content["online_level"] = content["online_level"] or OnlineLevel.NONE
    content["code_kind"] = _text(data.get("code_kind")) or CodeKind.NATIONAL
    _check_choice(problems, sheet, row, "procedure_type", content["procedure_type"], ProcedureType.values)
    _check_choice(problems, sheet, row, "online_level", content["online_level"], OnlineLevel.values)
    _check_choice(problems, sheet, row, "code_kind", content["code_kind"], CodeKind.values)
    code = content["national_code"]
    if code:
        clash = collision(code, content["code_kind"], stored)
        for message in (code_problem(code, content["code_kind"]), clash):
            if message:
                problems.append(Problem(sheet, row, "national_code", message))
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
    content["levels"] = _codes(data.get("levels"))
    for level in content["levels"]:
        _check_choice(problems, sheet, row, "levels", level, sorted(levels))
    content["applicants"] = applicant_codes(data.get("applicants"))
    for applicant in content["applicants"]:
        _check_choice(problems, sheet, row, "applicants", applicant, Applicant.values)
    for column in BOOL_FIELDS:
        content[column] = _bool(problems, sheet, row, column, data.get(column))
    content["channels"], content["documents"], content["fee_items"] = [], [], []
    return content


def _check_case(sheet: str, row: int, data: dict, problems: list[Problem]) -> dict:
    item = {
        "condition": _text(data.get("condition")),
        "time_unit": _text(data.get("time_unit")),
        "time_limit": _amount(problems, sheet, row, "time_limit", data.get("time_limit"), required=True),
        "time_limit_min": _amount(
            problems, sheet, row, "time_limit_min", data.get("time_limit_min"), required=False
        ),
        "cutoff": _cutoff(problems, sheet, row, data.get("cutoff")),
        "at_most": _bool(problems, sheet, row, "at_most", data.get("at_most")),
    }
    if not item["condition"]:
        problems.append(_problem(sheet, row, "condition", "thiếu tên trường hợp", "the case needs its name"))
    _check_choice(problems, sheet, row, "time_unit", item["time_unit"], TimeUnit.values)
    _check_range(problems, sheet, row, item)
    return item


def _check_range(problems: list[Problem], sheet: str, row: int, item: dict) -> None:
    low, high = item.get("time_limit_min"), item.get("time_limit")
    if low is not None and high is not None and Decimal(low) > Decimal(high):
        problems.append(
            _problem(
                sheet,
                row,
                "time_limit_min",
                f"thời hạn tối thiểu {low} lớn hơn thời hạn {high}",
                f"the lower bound {low} exceeds the limit {high}",
            )
        )


def _check_channel(sheet: str, row: int, data: dict, problems: list[Problem]) -> dict:
    _missing(problems, "channels", row, data)
    item = {
        "channel": _text(data.get("channel")),
        "time_unit": _text(data.get("time_unit")),
        "description": _text(data.get("description")),
        "fee": _int(problems, sheet, row, "fee", data.get("fee"), 0),
        "time_limit": _amount(problems, sheet, row, "time_limit", data.get("time_limit"), required=True),
        "time_limit_min": _amount(
            problems, sheet, row, "time_limit_min", data.get("time_limit_min"), required=False
        ),
        "cutoff": _cutoff(problems, sheet, row, data.get("cutoff")),
        "at_most": _bool(problems, sheet, row, "at_most", data.get("at_most")),
        "time_limit_text": _text(data.get("time_limit_text")),
        "cases": [
            _check_case(sheet, row, c, problems) for c in data.get("cases") or [] if isinstance(c, dict)
        ],
    }
    _check_choice(problems, sheet, row, "channel", item["channel"], Channel.values)
    _check_choice(problems, sheet, row, "time_unit", item["time_unit"], TimeUnit.values)
    _check_range(problems, sheet, row, item)
    return item


def _check_document(sheet: str, row: int, data: dict, problems: list[Problem]) -> dict:
    _missing(problems, "documents", row, data)
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


def _check_fee_item(sheet: str, row: int, data: dict, problems: list[Problem]) -> dict:
    item = {
        "kind": _text(data.get("kind")) or FeeKind.CHARGE,
        "channel": _text(data.get("channel")),
        "condition": _text(data.get("condition")),
        "area": _text(data.get("area")),
        "basis": _text(data.get("basis")) or FeeBasis.DOSSIER,
        "amount": _int(problems, sheet, row, "amount", data.get("amount"), None),
        "rate": _amount(problems, sheet, row, "rate", data.get("rate"), required=False),
        "maximum": _int(problems, sheet, row, "maximum", data.get("maximum"), None),
        "exempt": _bool(problems, sheet, row, "exempt", data.get("exempt")),
        "note": _text(data.get("note")),
    }
    _check_choice(problems, sheet, row, "kind", item["kind"], FeeKind.values)
    _check_choice(problems, sheet, row, "channel", item["channel"], ["", *Channel.values])
    _check_choice(problems, sheet, row, "basis", item["basis"], FeeBasis.values)
    if not item["exempt"]:
        if item["basis"] == FeeBasis.PERCENT and (item["rate"] is None or Decimal(item["rate"]) > 100):
            problems.append(
                _problem(sheet, row, "rate", "cần tỷ lệ từ 0 đến 100", "a rate between 0 and 100 is needed")
            )
        if item["basis"] != FeeBasis.PERCENT and item["amount"] is None:
            problems.append(_problem(sheet, row, "amount", "cần mức thu", "an amount is needed"))
    return item


def _date(problems: list[Problem], column: str, value: Any, *, required: bool) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text and not required:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    problems.append(
        _problem(
            DECISION_SHEET,
            2,
            column,
            f"'{text}' không phải ngày (dd/mm/yyyy)",
            f"'{text}' is not a date (dd/mm/yyyy)",
        )
    )
    return None


def _check_decision(rows: list[Row], problems: list[Problem]) -> dict | None:
    """The publication decision a file may carry: it publishes the file's procedures, abolishes and
    replaces the codes it lists."""
    if not rows:
        return None
    data = rows[0][1]
    decision: dict[str, Any] = {
        key: _text(data.get(key)) for key in ("number", "title", "signer", "legal_documents")
    }
    for key in ("number", "title", "signer", "legal_documents"):
        if not decision[key]:
            problems.append(
                _problem(DECISION_SHEET, 2, key, "thiếu giá trị bắt buộc", "required value missing")
            )
    decision["signed_on"] = _date(problems, "signed_on", data.get("signed_on"), required=True)
    decision["effective_from"] = _date(problems, "effective_from", data.get("effective_from"), required=True)
    decision["legal_effective_on"] = _date(
        problems, "legal_effective_on", data.get("legal_effective_on"), required=False
    )
    decision["posted_on"] = _date(problems, "posted_on", data.get("posted_on"), required=False)
    decision["issuer"] = _text(data.get("issuer"))
    if decision["issuer"] and not Agency.objects.filter(code=decision["issuer"]).exists():
        problems.append(
            _problem(
                DECISION_SHEET,
                2,
                "issuer",
                f"không có cơ quan mã {decision['issuer']}",
                f"no agency {decision['issuer']}",
            )
        )
    decision["abolish"] = _codes(data.get("abolish"))
    replace = data.get("replace") or []
    pairs = replace if isinstance(replace, list) else [p.split(">") for p in _codes(replace)]
    decision["replace"] = []
    for pair in pairs:
        old, new = (pair.get("old"), pair.get("new")) if isinstance(pair, dict) else [*pair, ""][:2]
        if not _text(old) or not _text(new):
            problems.append(
                _problem(DECISION_SHEET, 2, "replace", "ghi 'mã cũ>mã mới'", "write 'old code>new code'")
            )
            continue
        decision["replace"].append((_text(old), _text(new)))
    return decision


# Importing ---------------------------------------------------------------------------------------------


def import_catalog(
    path: Path,
    *,
    partial: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    actor: Any = None,
) -> ImportReport:
    return import_sheets(read_file(path), partial=partial, dry_run=dry_run, progress=progress, actor=actor)


def import_sheets(
    sheets: Sheets,
    *,
    partial: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    actor: Any = None,
) -> ImportReport:
    """Check the whole file, then import it in one transaction; roll back for a dry run or a refusal."""
    steps = import_steps(sheets, partial=partial, dry_run=dry_run, actor=actor)
    while True:
        try:
            done, total = next(steps)
        except StopIteration as finished:
            return finished.value
        if progress:
            progress(done, total)


def import_steps(
    sheets: Sheets, *, partial: bool = False, dry_run: bool = False, actor: Any = None
) -> Generator[tuple[int, int], None, ImportReport]:
    """The import as it goes: yields (procedures done, procedures in the file) after each chunk of
    procedures (`_import_chunk`), and returns the report. The transaction spans the whole run; a run
    abandoned halfway (the upload page's visitor left) is rolled back like a refusal."""
    checked = check(sheets)
    report = ImportReport(problems=checked.problems, dry_run=dry_run)
    with transaction.atomic():
        for sector in checked.sectors:
            report.sectors_saved += _import_sector(actor, sector)
        done, total = 0, len(checked.contents)
        folded = Counter(code.strip().lower() for code in checked.rows_of)
        clashing = {code for code in checked.rows_of if folded[code.strip().lower()] > 1}
        for chunk in _chunks(checked.contents, max(1, min(CHUNK, total // PROGRESS_STEPS))):
            _import_chunk(actor, chunk, checked, report, clashing)
            done += len(chunk)
            yield done, total
        if checked.decision is not None and not report.problems:
            _import_decision(actor, checked.decision, report)
        if not report.problems:
            from .configuration import import_configuration

            import_configuration(actor, checked.applications, checked.processes, report)
        refused_rows = any(r.action == Action.REFUSED for r in report.rows)
        report.refused = bool(report.problems or refused_rows) and not partial
        if not report.written:
            transaction.set_rollback(True)
    return report


# Procedures are written in chunks of at most CHUNK, and progress is reported after each chunk: at least
# PROGRESS_STEPS times an import (a file of 2,000 procedures: every 50; of 2: after each).
CHUNK, PROGRESS_STEPS = 50, 20


def _chunks(items: list, size: int) -> Iterable[list]:
    return (items[start : start + size] for start in range(0, len(items), size))


def _import_chunk(
    actor: Any, chunk: list[dict], checked: Checked, report: ImportReport, clashing: set[str]
) -> None:
    """Import a chunk of procedures: the new ones at once (`bulk.create_drafts`), the others (stored
    already, or refused by the bulk path) one by one through `services.save_draft`, which compares,
    versions and reports each."""
    from .bulk import create_drafts

    outcomes = []
    for content in chunk:
        code = content["national_code"]
        sheet, row = checked.rows_of[code]
        outcome = RowOutcome(sheet, row, code, content["name"])
        report.rows.append(outcome)
        outcomes.append((content, outcome))
    good = [
        (content, outcome) for content, outcome in outcomes if content["national_code"] not in checked.bad
    ]
    stored = set(
        Procedure.objects.filter(national_code__in=[c["national_code"] for c, _o in good]).values_list(
            "national_code", flat=True
        )
    )
    # Codes differing only by case are left to save_draft, which reports the clash.
    new = [c for c, _o in good if c["national_code"] not in stored and c["national_code"] not in clashing]
    created = create_drafts(actor=actor, contents=new) if new else set()
    for content, outcome in outcomes:
        code = content["national_code"]
        if code in checked.bad:
            outcome.action, outcome.messages = Action.REFUSED, checked.bad[code]
        elif code in created:
            outcome.action = Action.CREATED
            _note_missing(content, outcome)
        else:
            _import_procedure(actor, content, outcome)


def _note_missing(content: dict, outcome: RowOutcome) -> None:
    missing = missing_parts(content)
    if missing:
        outcome.messages.append(
            "Chưa đủ để công bố, thiếu / not publishable yet, missing: "
            + "; ".join(str(part.label) for part in missing)
        )


def _import_sector(actor: Any, data: dict) -> int:
    current = Sector.objects.filter(code=data["code"]).first()
    if current and (current.name, current.managing_body) == (data["name"], data["managing_body"]):
        return 0
    services.save_sector(actor=actor, **data)
    return 1


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [f"{key}: {m}" for key, messages in error.message_dict.items() for m in messages]
    return list(error.messages)


def _import_procedure(actor: Any, content: dict, outcome: RowOutcome) -> None:
    procedure = Procedure.objects.filter(national_code=content["national_code"]).first()
    draft = selectors.open_draft(procedure) if procedure else None
    current = selectors.current_content_version(procedure) if procedure else None
    _note_missing(content, outcome)
    if current is not None and not differences(version_content(current), content):
        return
    try:
        with transaction.atomic():
            services.save_draft(actor=actor, content=content)
    except ValidationError as error:
        outcome.action = Action.REFUSED
        outcome.messages.extend(_messages(error))
        return
    if current is None:
        outcome.action = Action.CREATED
    elif draft is not None:
        outcome.action = Action.CHANGED
    else:
        outcome.action = Action.VERSIONED


def _import_decision(actor: Any, decision: dict, report: ImportReport) -> None:
    """Issue the file's decision: publish the file's drafts, abolish and replace what it lists."""
    codes = [r.code for r in report.rows if r.action in (Action.CREATED, Action.CHANGED, Action.VERSIONED)]
    codes += [r.code for r in report.rows if r.action == Action.UNCHANGED]
    by_code = {
        p.national_code: p
        for p in Procedure.objects.filter(
            national_code__in=[
                *codes,
                *decision["abolish"],
                *(c for pair in decision["replace"] for c in pair),
            ]
        )
    }
    drafted = set(
        ProcedureVersion.objects.filter(
            procedure__national_code__in=codes, decision__isnull=True
        ).values_list("procedure__national_code", flat=True)
    )
    publish = [by_code[c] for c in codes if c in by_code and c in drafted]
    unknown = [
        c for c in [*decision["abolish"], *(c for p in decision["replace"] for c in p)] if c not in by_code
    ]
    if unknown:
        report.problems.append(
            _problem(
                DECISION_SHEET,
                2,
                "abolish",
                f"không có thủ tục mã {', '.join(unknown)}",
                f"no procedure {', '.join(unknown)}",
            )
        )
        return
    replacing = {new for _old, new in decision["replace"]}
    try:
        with transaction.atomic():
            issued = services.issue_publication_decision(
                actor=actor,
                number=decision["number"],
                title=decision["title"],
                signed_on=decision["signed_on"],
                signer=decision["signer"],
                effective_from=decision["effective_from"],
                legal_documents=decision["legal_documents"],
                legal_effective_on=decision["legal_effective_on"],
                publish=[p for p in publish if p.national_code not in replacing],
                abolish=[by_code[c] for c in decision["abolish"]],
                replace=[(by_code[old], by_code[new]) for old, new in decision["replace"]],
                issuer=Agency.objects.filter(code=decision["issuer"]).first() if decision["issuer"] else None,
                posted_on=decision["posted_on"],
            )
    except ValidationError as error:
        for message in _messages(error):
            report.problems.append(Problem(DECISION_SHEET, 2, "number", message))
        return
    report.decision = issued.number
    published = {p.national_code for p in publish}
    for row in report.rows:
        if row.code in published:
            row.action = Action.CREATED if row.action == Action.CREATED else Action.VERSIONED
            row.messages.append(f"{issued.number}")
    ended = [*decision["abolish"], *(old for old, _new in decision["replace"])]
    for code in ended:
        report.rows.append(
            RowOutcome(DECISION_SHEET, 2, code, by_code[code].name, Action.VERSIONED, [issued.number])
        )


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
    """The catalog and the province's configuration (applicability, processes) in one file."""
    from .configuration import export_applications, export_processes

    sectors, contents = export_contents()
    codes = [c["national_code"] for c in contents]
    applications, processes = export_applications(codes), export_processes(codes)
    suffix = path.suffix.lower()
    if suffix == ".json":
        path.write_text(
            json.dumps(
                {"sectors": sectors, "procedures": _nest(contents, applications, processes)},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    elif suffix == ".xlsx":
        _write_xlsx(path, sectors, contents, applications, processes)
    else:
        raise FileProblem(
            f"Chỉ ghi tệp .xlsx hoặc .json: {path.name}. / Only .xlsx or .json files: {path.name}."
        )
    return len(contents)


def _cell(value: Any) -> Any:
    return ", ".join(value) if isinstance(value, list) else value


def _nest(contents: list[dict], applications: list[dict], processes: list[dict]) -> list[dict]:
    """JSON keeps each procedure's applications and processes inside it (steps inside their process)."""
    nested = {c["national_code"]: {**c, "applications": [], "processes": []} for c in contents}
    for application in applications:
        row = {k: v for k, v in application.items() if k != "national_code"}
        nested[application["national_code"]]["applications"].append(row)
    grouped: dict[tuple, dict] = {}
    for step in processes:
        key = (step["national_code"], step["process_agency"], step["process_channel"])
        if key not in grouped:
            grouped[key] = {"agency": key[1], "channel": key[2], "name": step["process_name"], "steps": []}
            nested[key[0]]["processes"].append(grouped[key])
        grouped[key]["steps"].append(
            {k: step[k] for k in ("name", "agency_kind", "agency", "role", "duration", "duration_unit")}
        )
    return list(nested.values())


def _write_xlsx(
    path: Path, sectors: list[dict], contents: list[dict], applications: list[dict], processes: list[dict]
) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    channel_columns = list(CHANNEL_FIELDS)
    rows = {
        "sectors": [[s[c] for c in SECTOR_COLUMNS] for s in sectors],
        "procedures": [[_cell(c[k]) for k in PROCEDURE_COLUMNS] for c in contents],
        "channels": [
            [c["national_code"], *(ch[k] for k in channel_columns)] for c in contents for ch in c["channels"]
        ],
        "cases": [
            [c["national_code"], ch["channel"], *(case[k] for k in CASE_FIELDS)]
            for c in contents
            for ch in c["channels"]
            for case in ch["cases"]
        ],
        "documents": [
            [c["national_code"], *(d[k] for k in DOCUMENT_FIELDS)] for c in contents for d in c["documents"]
        ],
        "fee_items": [
            [c["national_code"], *(f[k] for k in FEE_FIELDS)] for c in contents for f in c["fee_items"]
        ],
        "applications": [[a[k] for k in SHEETS["applications"]] for a in applications],
        "processes": [[p[k] for k in SHEETS["processes"]] for p in processes],
    }
    for name, columns in SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append(list(columns))
        for row in rows[name]:
            sheet.append(spreadsheets.safe_row(sheet, row))  # typed text never becomes a formula
    book.save(path)
