"""A province's configuration in the catalog file: which agencies apply each procedure (applicability) and
the internal processes (steps), so that a whole installation moves to another through export and import.

Two sheets beside the procedures (JSON: lists inside each procedure, see docs/catalog-import.md):

- `applications`: one row per agency applying a procedure (its local fee, online level, office, note);
- `processes`: one row per step; the rows of one process share the procedure, the process's agency
  (empty: every agency) and channel (empty: every channel), and are taken in the order of `position`.

Rows are checked with the procedure rows (an unknown agency, role or unit is a problem of the file) and
written after them and after the file's decision, through the services `apply_procedure` and
`save_process`, whose own rules (a process longer than the legal time limit is refused) apply. A row that
says what the database already holds writes nothing, so importing the same file twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from motcua.org.models import Agency, AgencyKind, Role
from motcua.workdays.loader import installation_calendar

from . import bulk, selectors, services
from .models import AgencyProcedure, Channel, OnlineLevel, Procedure, Process, StepUnit
from .transfer import (
    ImportReport,
    Problem,
    Row,
    _amount,
    _check_choice,
    _int,
    _messages,
    _problem,
    _text,
)

APPLICATIONS, PROCESSES = "applications", "processes"


def _agency(problems: list[Problem], sheet: str, row: int, column: str, code: str, known: dict) -> int | None:
    if not code:
        return None
    if code not in known:
        problems.append(
            _problem(sheet, row, column, f"không có cơ quan mã '{code}'", f"no agency with code '{code}'")
        )
        return None
    return known[code]


def _known_agencies(codes: Iterable[str]) -> dict[str, int]:
    return dict(Agency.objects.filter(code__in=set(codes)).values_list("code", "pk"))


def _procedure_known(problems, sheet, row, code: str, in_file: set[str], in_db: set[str]) -> bool:
    if code and (code in in_file or code in in_db):
        return True
    problems.append(
        _problem(
            sheet,
            row,
            "national_code",
            f"không có thủ tục mã '{code}' trong tệp hoặc danh mục",
            f"no procedure '{code}' in the file or the catalog",
        )
    )
    return False


def check_applications(rows: list[Row], problems: list[Problem], in_file: set[str]) -> list[dict]:
    """One dict per row: national_code, agency (code), and the values apply_procedure takes."""
    codes = {_text(d.get("national_code")) for _r, d in rows}
    in_db = set(Procedure.objects.filter(national_code__in=codes).values_list("national_code", flat=True))
    agencies = _known_agencies(_text(d.get("agency")) for _r, d in rows)
    found: list = []
    seen: dict[tuple[str, str], int] = {}
    for row, data in rows:
        code, agency = _text(data.get("national_code")), _text(data.get("agency"))
        before = len(problems)
        _procedure_known(problems, APPLICATIONS, row, code, in_file, in_db)
        if not agency:
            problems.append(
                _problem(APPLICATIONS, row, "agency", "thiếu giá trị bắt buộc", "required value missing")
            )
        else:
            _agency(problems, APPLICATIONS, row, "agency", agency, agencies)
        level = _text(data.get("online_level"))
        if level:
            _check_choice(problems, APPLICATIONS, row, "online_level", level, OnlineLevel.values)
        fee = _int(problems, APPLICATIONS, row, "fee", data.get("fee"), None)
        if (code, agency) in seen:
            problems.append(
                _problem(
                    APPLICATIONS,
                    row,
                    "agency",
                    f"trùng với dòng {seen[(code, agency)]}",
                    f"repeats row {seen[(code, agency)]}",
                )
            )
        seen.setdefault((code, agency), row)
        if len(problems) == before:
            found.append(
                {
                    "national_code": code,
                    "agency": agency,
                    "office_address": _text(data.get("office_address")),
                    "fee": fee,
                    "online_level": level,
                    "note": _text(data.get("note")),
                }
            )
    return found


def check_processes(rows: list[Row], problems: list[Problem], in_file: set[str]) -> list[dict]:
    """One dict per process (procedure, agency, channel), with its steps in the order of `position`."""
    codes = {_text(d.get("national_code")) for _r, d in rows}
    in_db = set(Procedure.objects.filter(national_code__in=codes).values_list("national_code", flat=True))
    agencies = _known_agencies(
        [_text(d.get("process_agency")) for _r, d in rows] + [_text(d.get("agency")) for _r, d in rows]
    )
    processes: dict[tuple[str, str, str], dict] = {}
    bad: set[tuple[str, str, str]] = set()
    for row, data in rows:
        code = _text(data.get("national_code"))
        key = (code, _text(data.get("process_agency")), _text(data.get("process_channel")))
        before = len(problems)
        _procedure_known(problems, PROCESSES, row, code, in_file, in_db)
        _agency(problems, PROCESSES, row, "process_agency", key[1], agencies)
        if key[2]:
            _check_choice(problems, PROCESSES, row, "process_channel", key[2], Channel.values)
        step = _check_step(row, data, problems, agencies)
        process = processes.setdefault(
            key,
            {
                "national_code": code,
                "agency": key[1],
                "channel": key[2],
                "name": _text(data.get("process_name")),
                "row": row,
                "steps": [],
            },
        )
        process["name"] = process["name"] or _text(data.get("process_name"))
        process["steps"].append(step)
        if len(problems) > before:
            bad.add(key)
    for key, process in processes.items():
        if not process["name"]:
            problems.append(
                _problem(
                    PROCESSES, process["row"], "process_name", "thiếu tên quy trình", "process name missing"
                )
            )
            bad.add(key)
        positions = [s["position"] for s in process["steps"]]
        if len(positions) != len(set(positions)):
            problems.append(
                _problem(PROCESSES, process["row"], "position", "bước lặp lại", "a step position repeats")
            )
            bad.add(key)
        process["steps"].sort(key=lambda s: s["position"])
    return [p for key, p in processes.items() if key not in bad]


def _check_step(row: int, data: dict, problems: list[Problem], agencies: dict[str, int]) -> dict[str, Any]:
    kind, agency = _text(data.get("agency_kind")), _text(data.get("agency"))
    if bool(kind) == bool(agency):
        problems.append(
            _problem(
                PROCESSES,
                row,
                "agency_kind",
                "ghi loại cơ quan hoặc mã cơ quan thực hiện (một trong hai)",
                "give the kind of agency or the agency's code (one of them)",
            )
        )
    elif kind:
        _check_choice(problems, PROCESSES, row, "agency_kind", kind, AgencyKind.values)
    else:
        _agency(problems, PROCESSES, row, "agency", agency, agencies)
    role, unit = _text(data.get("role")), _text(data.get("duration_unit")) or StepUnit.WORKING_HOURS
    _check_choice(problems, PROCESSES, row, "role", role, Role.values)
    _check_choice(problems, PROCESSES, row, "duration_unit", unit, StepUnit.values)
    name = _text(data.get("name"))
    if not name:
        problems.append(_problem(PROCESSES, row, "name", "thiếu giá trị bắt buộc", "required value missing"))
    return {
        "position": _int(problems, PROCESSES, row, "position", data.get("position"), 0) or 0,
        "name": name,
        "agency_kind": kind,
        "agency": agency,
        "role": role,
        "duration": _amount(problems, PROCESSES, row, "duration", data.get("duration"), required=True),
        "duration_unit": unit,
    }


# Writing -----------------------------------------------------------------------------------------------


def import_configuration(
    actor: Any, applications: list[dict], processes: list[dict], report: ImportReport
) -> None:
    """Apply and write the processes after the procedures; a service's refusal is a problem of the file.

    What is stored is read once for the whole file; new applications and processes are written together
    (`catalog.bulk`), changed ones (and any the bulk path leaves) one by one through the services."""
    codes = {a["national_code"] for a in applications} | {p["national_code"] for p in processes}
    procedures = Procedure.objects.in_bulk(list(codes), field_name="national_code")
    agencies = Agency.objects.in_bulk(
        [a["agency"] for a in applications]
        + [p["agency"] for p in processes if p["agency"]]
        + [s["agency"] for p in processes for s in p["steps"] if s["agency"]],
        field_name="code",
    )
    _import_applications(actor, applications, procedures, agencies, report)
    _import_processes(actor, processes, procedures, agencies, report)


def _import_applications(
    actor: Any, applications: list[dict], procedures: dict, agencies: dict, report: ImportReport
) -> None:
    stored = {
        (a.procedure_id, a.agency_id): a
        for a in AgencyProcedure.objects.filter(procedure__in=list(procedures.values()))
    }
    new: list[tuple[Procedure, Agency, dict]] = []
    changed: list[tuple[Procedure, Agency, dict]] = []
    for application in applications:
        procedure, agency = procedures[application["national_code"]], agencies[application["agency"]]
        values = {k: application[k] for k in ("office_address", "fee", "online_level", "note")}
        current = stored.get((procedure.pk, agency.pk))
        if current is not None and all(getattr(current, k) == v for k, v in values.items()):
            continue
        (changed if current is not None else new).append((procedure, agency, values))
    written = bulk.apply_procedures(actor=actor, applications=new) if new else 0
    for procedure, agency, values in changed if written else [*new, *changed]:
        services.apply_procedure(actor=actor, procedure=procedure, agency=agency, **values)
    report.applications_saved += len(new) + len(changed)


def _import_processes(
    actor: Any, processes: list[dict], procedures: dict, agencies: dict, report: ImportReport
) -> None:
    stored = {
        (p.procedure_id, p.agency_id, p.channel): p
        for p in Process.objects.filter(procedure__in=list(procedures.values())).prefetch_related("steps")
    }
    new: list[tuple[dict, bulk.NewProcess]] = []
    one_by_one: list[tuple[dict, bulk.NewProcess]] = []
    for process in processes:
        procedure = procedures[process["national_code"]]
        agency = agencies.get(process["agency"]) if process["agency"] else None
        steps = [
            {**s, "agency": agencies.get(s["agency"]) if s["agency"] else None} for s in process["steps"]
        ]
        current = stored.get((procedure.pk, getattr(agency, "pk", None), process["channel"]))
        if current is not None and _process_as(current, process, steps):
            continue
        item = bulk.NewProcess(procedure, process["name"], steps, agency, process["channel"])
        (new if current is None else one_by_one).append((process, item))
    if new:
        written = bulk.create_processes(
            actor=actor,
            processes=[item for _p, item in new],
            versions=selectors.process_versions({item.procedure for _p, item in new}),
            calendar=installation_calendar(),
        )
        report.processes_saved += len(written)
        one_by_one = [pair for index, pair in enumerate(new) if index not in written] + one_by_one
    for process, item in one_by_one:
        try:
            with transaction.atomic():
                services.save_process(
                    actor=actor,
                    procedure=item.procedure,
                    name=item.name,
                    steps=item.steps,
                    agency=item.agency,
                    channel=item.channel,
                )
        except ValidationError as error:
            for message in _messages(error):
                report.problems.append(Problem(PROCESSES, process["row"], "duration", message))
            continue
        report.processes_saved += 1


def _process_as(current: Process, process: dict, steps: list[dict]) -> bool:
    if current.name != process["name"]:
        return False
    return _step_rows(current) == [
        (
            s["name"],
            s["agency_kind"],
            getattr(s["agency"], "pk", None),
            s["role"],
            Decimal(s["duration"]),
            s["duration_unit"],
        )
        for s in steps
    ]


def _step_rows(process: Process) -> list[tuple]:
    return [
        (s.name, s.agency_kind, s.agency_id, s.role, s.duration, s.duration_unit)
        for s in sorted(process.steps.all(), key=lambda s: s.position)
    ]


# Exporting ---------------------------------------------------------------------------------------------


def export_applications(codes: Iterable[str]) -> list[dict]:
    found = AgencyProcedure.objects.filter(procedure__national_code__in=list(codes)).select_related(
        "procedure", "agency"
    )
    return [
        {
            "national_code": a.procedure.national_code,
            "agency": a.agency.code,
            "office_address": a.office_address,
            "fee": a.fee,
            "online_level": a.online_level,
            "note": a.note,
        }
        for a in found.order_by("procedure__national_code", "agency__code")
    ]


def export_processes(codes: Iterable[str]) -> list[dict]:
    """One row per step, as the `processes` sheet holds them."""
    found = (
        Process.objects.filter(procedure__national_code__in=list(codes))
        .select_related("procedure", "agency")
        .prefetch_related("steps__agency")
        # The default process (no agency) first on every database.
        .order_by("procedure__national_code", F("agency__code").asc(nulls_first=True), "channel")
    )
    return [
        {
            "national_code": p.procedure.national_code,
            "process_agency": p.agency.code if p.agency else "",
            "process_channel": p.channel,
            "process_name": p.name,
            "position": s.position,
            "name": s.name,
            "agency_kind": s.agency_kind,
            "agency": s.agency.code if s.agency else "",
            "role": s.role,
            "duration": f"{s.duration.normalize():f}",
            "duration_unit": s.duration_unit,
        }
        for p in found
        for s in sorted(p.steps.all(), key=lambda s: s.position)
    ]
