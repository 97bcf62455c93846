"""Writes of many new catalog rows at once: a province's first import of its 1,500–2,000 procedures.

The services in `services` write one procedure, one application or one process at a time: each row is
validated against the database (`full_clean` asks it about every unique and check constraint), saved,
given its history row and its audit event, about 280 statements a procedure. Here the same rows are built
and checked in Python, then inserted a model at a time with `bulk_create`, their history rows with
django-simple-history's `bulk_create_with_history`, and their audit events in one INSERT: a handful of
statements for a chunk of procedures (docs/performance.md, "Catalog import").

What is bypassed, and why it is safe:
- `full_clean`'s database questions. Field values are still checked (`clean_fields`, `Procedure.clean`);
  uniqueness and check constraints are left to PostgreSQL, which holds the same constraints. A chunk the
  database refuses (IntegrityError) is rolled back to its savepoint and written nothing here, and so is a
  row whose fields do not validate: the caller then takes those rows through the one-row services, which
  report each refusal with its message, as they always did.
- `pre_save`/`post_save` signals of the rows: the listeners are the published-version guard
  (`catalog.signals`; these rows are new drafts, never published content) and django-simple-history
  (whose rows are written here in bulk, with the same user).

Only new rows take this path: a procedure, application or process that exists already goes through the
services, which compare, version and audit it as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from simple_history.utils import bulk_create_with_history

from motcua.core import audit
from motcua.core.access import require
from motcua.core.models import AuditEvent
from motcua.org.models import Agency

from .content import BOOL_FIELDS, TEXT_FIELDS, normalized
from .models import (
    AgencyProcedure,
    CodeKind,
    FeeItem,
    Level,
    LimitCase,
    Procedure,
    ProcedureVersion,
    Process,
    ProcessStep,
    RequiredDocument,
    Sector,
    VersionChannel,
)
from .services import MANAGE, STEP_FIELDS, check_process, fill_version, process_steps, search_columns

T = TypeVar("T")
FOREIGN_KEYS = {"procedure", "version", "channel", "sector", "decision", "replaced_by", "process", "agency"}


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _valid(build: Callable[..., T], *args: Any) -> T | None:
    """What `build` makes of `args`, or None when a value does not validate (the caller's fallback)."""
    try:
        return build(*args)
    except ValidationError:
        return None


def _written(insert: Callable[..., None], *args: Any) -> bool:
    """Run `insert` in a savepoint: False, and nothing written, when the database refuses a row."""
    try:
        with transaction.atomic():
            insert(*args)
    except IntegrityError:
        return False
    return True


def _checked(obj: Any) -> Any:
    """Field values as `full_clean` checks them, without its database questions (see the module)."""
    obj.clean_fields(exclude=FOREIGN_KEYS)
    obj.clean()
    return obj


# Drafts of new procedures -------------------------------------------------------------------------------


@dataclass
class _NewDraft:
    procedure: Procedure
    version: ProcedureVersion
    levels: list[Level]
    channels: list[tuple[VersionChannel, list[LimitCase]]]
    fee_items: list[FeeItem]
    documents: list[RequiredDocument]
    content: dict[str, Any] = field(default_factory=dict)


def create_drafts(*, actor, contents: Sequence[Mapping[str, Any]]) -> set[str]:
    """Create new procedures with their first draft (as `services.save_draft` does for a code not yet
    stored), all at once; returns the codes written. A content that does not validate, and every content
    of a chunk the database refuses, is not written: the caller takes those through `save_draft`."""
    require(actor, MANAGE)
    sectors = Sector.objects.in_bulk({c.get("sector") for c in contents}, field_name="code")
    levels = Level.objects.in_bulk(
        {code for c in contents for code in c.get("levels", [])}, field_name="code"
    )
    built = [draft for content in contents if (draft := _valid(_build_draft, content, sectors, levels))]
    if not built or not _written(_insert_drafts, actor, built):
        return set()
    return {draft.procedure.national_code for draft in built}


def _build_draft(content: Mapping[str, Any], sectors: dict, levels: dict) -> _NewDraft:
    sector = sectors.get(content.get("sector"))
    unknown = [code for code in content.get("levels", []) if code not in levels]
    if sector is None or unknown:
        raise ValidationError("unknown sector or level")  # save_draft reports it with its message
    procedure = _checked(
        Procedure(
            national_code=content["national_code"],
            code_kind=content.get("code_kind") or CodeKind.NATIONAL,
            name=content["name"],
            sector=sector,
        )
    )
    version = ProcedureVersion(procedure=procedure)
    fill_version(version, content, sector)
    data = normalized(dict(content))
    channels = []
    for spec in data["channels"]:
        spec = dict(spec)
        cases = spec.pop("cases")
        channel = _checked(VersionChannel(version=version, **spec))
        channels.append(
            (
                channel,
                [
                    _checked(LimitCase(channel=channel, position=position, **case))
                    for position, case in enumerate(cases, start=1)
                ],
            )
        )
    fee_items = [
        _checked(FeeItem(version=version, position=position, **spec))
        for position, spec in enumerate(data["fee_items"], start=1)
    ]
    documents = [
        _checked(RequiredDocument(version=version, position=position, **spec, form_template=""))
        for position, spec in enumerate(data["documents"], start=1)
    ]
    version.search_name, version.search_text = search_columns(version, [d.name for d in documents])
    _checked(version)
    draft_levels = [levels[code] for code in content.get("levels", [])]
    data["levels"] = [level.code for level in sorted(draft_levels, key=lambda level: level.rank)]
    return _NewDraft(
        procedure, version, draft_levels, channels, fee_items, documents, _content(data, version)
    )


def _content(data: dict[str, Any], version: ProcedureVersion) -> dict[str, Any]:
    """What `catalog.content.version_content` gives for the draft: the new values of its audit event."""
    return {
        "national_code": data["national_code"],
        "code_kind": data["code_kind"],
        **{name: getattr(version, name) for name in TEXT_FIELDS},
        **{name: bool(getattr(version, name)) for name in BOOL_FIELDS},
        "sector": version.sector.code,
        "levels": data["levels"],
        "applicants": list(version.applicants),
        "channels": data["channels"],
        "fee_items": data["fee_items"],
        "documents": data["documents"],
    }


def _insert_drafts(actor: Any, built: list[_NewDraft]) -> None:
    user = _user(actor)
    bulk_create_with_history([d.procedure for d in built], Procedure, default_user=user)
    for draft in built:
        draft.version.procedure = draft.procedure
    bulk_create_with_history([d.version for d in built], ProcedureVersion, default_user=user)
    through = ProcedureVersion.levels.through
    through.objects.bulk_create(
        [through(procedureversion_id=d.version.pk, level_id=level.pk) for d in built for level in d.levels]
    )
    for draft in built:
        for channel, _cases in draft.channels:
            channel.version = draft.version
        for fee_item in draft.fee_items:
            fee_item.version = draft.version
        for document in draft.documents:
            document.version = draft.version
    channels = [(channel, cases) for d in built for channel, cases in d.channels]
    bulk_create_with_history([c for c, _cases in channels], VersionChannel, default_user=user)
    for channel, cases in channels:
        for case in cases:
            case.channel = channel
    bulk_create_with_history([case for _c, cases in channels for case in cases], LimitCase, default_user=user)
    bulk_create_with_history([f for d in built for f in d.fee_items], FeeItem, default_user=user)
    bulk_create_with_history([doc for d in built for doc in d.documents], RequiredDocument, default_user=user)
    events = []
    for draft in built:
        events.append(
            audit.entry(
                actor=actor,
                action="procedure.create",
                target=draft.procedure,
                changes=audit.diff({}, audit.snapshot(draft.procedure)),
            )
        )
        events.append(
            audit.entry(
                actor=actor,
                action="procedure.draft",
                target=draft.version,
                changes={key: [None, value] for key, value in draft.content.items()},
            )
        )
    AuditEvent.objects.bulk_create(events)


# Applicability -----------------------------------------------------------------------------------------


def apply_procedures(*, actor, applications: Sequence[tuple[Procedure, Agency, Mapping[str, Any]]]) -> int:
    """Agencies start applying procedures (as `services.apply_procedure` does for a new pair), all at once;
    returns how many were written (0 when the database refused them: the caller goes row by row)."""
    require(actor, MANAGE)
    rows = [row for item in applications if (row := _valid(_application, *item))]
    if len(rows) < len(applications) or not rows or not _written(_insert_applications, actor, rows):
        return 0
    return len(rows)


def _application(procedure: Procedure, agency: Agency, values: Mapping[str, Any]) -> AgencyProcedure:
    local_code = f"{procedure.national_code}.{agency.code}"
    return _checked(AgencyProcedure(procedure=procedure, agency=agency, local_code=local_code, **values))


def _insert_applications(actor: Any, rows: list[AgencyProcedure]) -> None:
    bulk_create_with_history(rows, AgencyProcedure, default_user=_user(actor))
    AuditEvent.objects.bulk_create(
        [
            audit.entry(
                actor=actor, action="procedure.apply", target=row, changes=audit.diff({}, audit.snapshot(row))
            )
            for row in rows
        ]
    )


# Processes ---------------------------------------------------------------------------------------------


@dataclass
class NewProcess:
    procedure: Procedure
    name: str
    steps: Sequence[Mapping[str, Any]]
    agency: Agency | None = None
    channel: str = ""


def create_processes(
    *, actor, processes: Sequence[NewProcess], versions: Mapping[int, ProcedureVersion | None], calendar
) -> set[int]:
    """Save new processes (none stored yet for their procedure, agency and channel) at once, as
    `services.save_process` does one; `versions` holds each procedure's version the steps are measured
    against. Returns the positions in `processes` written: one that `check_process` refuses, or a chunk the
    database refuses, is left for the caller to take through `save_process`."""
    require(actor, MANAGE)
    built: list[tuple[int, Process, list[ProcessStep]]] = []
    for index, item in enumerate(processes):
        version = versions.get(item.procedure.pk)
        problems = check_process(
            procedure=item.procedure,
            channel=item.channel,
            steps=item.steps,
            version=version,
            calendar=calendar,
        )
        made = None if problems or version is None else _valid(_build_process, item)
        if made is not None:
            built.append((index, *made))
    if not built or not _written(_insert_processes, actor, built):
        return set()
    return {index for index, _process, _steps in built}


def _build_process(item: NewProcess) -> tuple[Process, list[ProcessStep]]:
    process = _checked(
        Process(procedure=item.procedure, agency=item.agency, channel=item.channel, name=item.name)
    )
    return process, [_checked(step) for step in process_steps(process, item.steps)]


def _insert_processes(actor: Any, built: list[tuple[int, Process, list[ProcessStep]]]) -> None:
    user = _user(actor)
    bulk_create_with_history([process for _i, process, _steps in built], Process, default_user=user)
    for _index, process, steps in built:
        for step in steps:
            step.process = process
    bulk_create_with_history([s for _i, _p, steps in built for s in steps], ProcessStep, default_user=user)
    AuditEvent.objects.bulk_create(
        [
            audit.entry(
                actor=actor,
                action="process.save",
                target=process,
                changes=audit.diff(
                    {},
                    {
                        **audit.snapshot(process),
                        "steps": [audit.snapshot(step, fields=STEP_FIELDS) for step in steps],
                    },
                ),
            )
            for _index, process, steps in built
        ]
    )
