"""Every write to the catalog: one function per business action, transactional, permission-checked, audited.

`actor=None` means the system itself (demo loading); every other caller passes the user.
"""

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.core.access import require
from motcua.core.audited import audited_delete, audited_save
from motcua.core.models import AuditEvent
from motcua.core.workflow import acting_roles
from motcua.org.models import Agency, Role
from motcua.workdays.loader import installation_calendar

from . import selectors
from .codes import collision
from .completeness import missing_parts
from .content import BOOL_FIELDS, CONTENT_PREFETCH, TEXT_FIELDS, normalized, version_content
from .limits import process_overruns
from .models import (
    Applicant,
    ChangeKind,
    CodeKind,
    FeeItem,
    Level,
    LimitCase,
    Procedure,
    ProcedureVersion,
    Process,
    ProcessStep,
    PublicationDecision,
    RequiredDocument,
    Sector,
    Synonym,
    VersionChannel,
)
from .search import search_column, words
from .timing import decision_timing
from .workflows import ISSUER, PROCEDURE, ProcedureAction

MANAGE = "catalog.manage_catalog"


# Sectors -----------------------------------------------------------------------------------------------


@transaction.atomic
def save_sector(*, actor, code: str, name: str, managing_body: str = "") -> Sector:
    require(actor, MANAGE)
    sector = Sector.objects.filter(code=code).first() or Sector(code=code)
    if sector.pk and (sector.name, sector.managing_body) == (name, managing_body):
        return sector
    sector.name, sector.managing_body = name, managing_body
    return audited_save(sector, actor=actor, action="sector.save")


# Drafts ------------------------------------------------------------------------------------------------


@transaction.atomic
def save_draft(*, actor, content: Mapping[str, Any]) -> ProcedureVersion:
    """Create or replace the open draft of a procedure from a content dict (see catalog.content).

    A new national code creates the procedure, unpublished until a decision publishes it.
    """
    require(actor, MANAGE)
    sector = _sector(content.get("sector"))
    kind = content.get("code_kind") or CodeKind.NATIONAL
    clash = collision(content["national_code"], kind)
    if clash:
        raise ValidationError({"national_code": clash})
    procedure = Procedure.objects.filter(national_code=content["national_code"]).first()
    if procedure is None:
        procedure = Procedure(
            national_code=content["national_code"], code_kind=kind, name=content["name"], sector=sector
        )
        audited_save(procedure, actor=actor, action="procedure.create")
    draft = selectors.open_draft(procedure) or ProcedureVersion(procedure=procedure)
    before = version_content(draft) if draft.pk else {}
    fill_version(draft, content, sector)
    draft.full_clean()
    draft.save()
    draft.levels.set(_levels(content.get("levels", [])))
    templates = {d.name: d.form_template for d in draft.documents.all()} if draft.pk else {}
    _replace_children(draft, content, templates or _latest_templates(procedure))
    after = version_content(draft)
    audit.record(
        actor=actor,
        action="procedure.draft",
        target=draft,
        before={},
        after={},
        changes={field: [old, new] for field, old, new in _changes(before, after)},
    )
    return draft


@transaction.atomic
def discard_draft(*, actor, procedure: Procedure) -> None:
    require(actor, MANAGE)
    draft = selectors.open_draft(procedure)
    if draft is None:
        return
    audit.record(
        actor=actor, action="procedure.discard_draft", target=draft, before=version_content(draft), after={}
    )
    draft.delete()
    if not procedure.versions.exists():
        audit.record(
            actor=actor,
            action="procedure.delete",
            target=procedure,
            before=audit.snapshot(procedure),
            after={},
        )
        procedure.delete()


def _changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    if not before:
        return [(key, None, value) for key, value in after.items()]
    from .content import differences

    return differences(dict(before), dict(after))


def _sector(code: Any) -> Sector:
    if isinstance(code, Sector):
        return code
    sector = Sector.objects.filter(code=code).first()
    if sector is None:
        raise ValidationError(
            {"sector": _("Không có lĩnh vực mã '%(code)s'. / Unknown sector '%(code)s'.") % {"code": code}}
        )
    return sector


def _levels(codes: Iterable[str]) -> list[Level]:
    codes = list(codes)
    found = {level.code: level for level in Level.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValidationError(
            {
                "levels": _("Cấp thực hiện không hợp lệ: %(codes)s. / Unknown level: %(codes)s.")
                % {"codes": ", ".join(unknown)}
            }
        )
    return [found[code] for code in codes]


def fill_version(version: ProcedureVersion, content: Mapping[str, Any], sector: Sector) -> None:
    for field in TEXT_FIELDS:
        if field in content:
            setattr(version, field, content[field] or "")
    for field in BOOL_FIELDS:
        setattr(version, field, bool(content.get(field, False)))
    applicants = list(content.get("applicants", []))
    unknown = [a for a in applicants if a not in Applicant.values]
    if unknown:
        raise ValidationError(
            {
                "applicants": _("Đối tượng không hợp lệ: %(codes)s. / Unknown applicant: %(codes)s.")
                % {"codes": ", ".join(unknown)}
            }
        )
    version.applicants = applicants
    version.sector = sector


def _replace_children(
    version: ProcedureVersion, content: Mapping[str, Any], templates: Mapping[str, Any]
) -> None:
    version.channels.all().delete()
    version.documents.all().delete()
    version.fee_items.all().delete()
    data = normalized(dict(content))
    for spec in data["channels"]:
        cases = spec.pop("cases")
        channel = VersionChannel(version=version, **spec)
        channel.full_clean()
        channel.save()
        for position, case in enumerate(cases, start=1):
            limit_case = LimitCase(channel=channel, position=position, **case)
            limit_case.full_clean()
            limit_case.save()
    for position, spec in enumerate(data["fee_items"], start=1):
        item = FeeItem(version=version, position=position, **spec)
        item.full_clean()
        item.save()
    for position, spec in enumerate(data["documents"], start=1):
        document = RequiredDocument(
            version=version, position=position, **spec, form_template=templates.get(spec["name"]) or ""
        )
        document.full_clean()
        document.save()
    index_draft(version)


def index_draft(version: ProcedureVersion) -> None:
    """Refresh the folded search columns of a draft (they are frozen with it when it is published)."""
    version.search_name, version.search_text = search_columns(
        version, [d.name for d in version.documents.all()]
    )
    version.save(update_fields=["search_name", "search_text"])


def search_columns(version: ProcedureVersion, document_names: Iterable[str]) -> tuple[str, str]:
    """The folded name and text a draft is searched by (PostgreSQL derives its tsvector from them)."""
    text = " ".join(
        [
            version.name,
            version.procedure.national_code,
            version.sector.name,
            version.implementing_agency,
            version.result,
            *document_names,
        ]
    )
    return search_column(version.name), search_column(text)


def _latest_templates(procedure: Procedure) -> dict[str, Any]:
    latest = selectors.latest_version(procedure)
    return {d.name: d.form_template for d in latest.documents.all()} if latest else {}


def attach_form_template(*, actor, document: RequiredDocument, file) -> RequiredDocument:
    """Attach a form template file to a document of a draft (published versions keep their files)."""
    require(actor, MANAGE)
    with transaction.atomic():
        before = audit.snapshot(document)
        document.form_template.save(file.name, file, save=False)
        document.save()
        audit.record(actor=actor, action="document.form_template", target=document, before=before)
    return document


# Publication decisions ---------------------------------------------------------------------------------


@transaction.atomic
def issue_publication_decision(
    *,
    actor,
    number: str,
    title: str,
    signed_on: date,
    signer: str,
    effective_from: date,
    legal_documents: str,
    legal_effective_on: date | None = None,
    issuer: Agency | None = None,
    publish: Sequence[Procedure] = (),
    abolish: Sequence[Procedure] = (),
    replace: Sequence[tuple[Procedure, Procedure]] = (),
    posted_on: date | None = None,
) -> PublicationDecision:
    """Publish drafts (new or amended), abolish procedures, or replace old ones by new ones, in one decision.

    Each touched procedure gets a new immutable version in force from `effective_from`; the previous version
    ends the day before. Timing against the PublicationRule rows is stored on the decision.
    """
    require(actor, "catalog.issue_decision")
    latest = selectors.latest_versions([*publish, *abolish, *(p for pair in replace for p in pair)])
    problems = decision_problems(
        effective_from=effective_from,
        procedures=[*publish, *abolish, *(old for old, _new in replace)],
        latest=latest,
    )
    if problems:
        raise ValidationError(problems)
    replacing = {new.pk for _old, new in replace}
    publish = list(publish) + [new for _old, new in replace if new not in publish]
    if not publish and not abolish and not replace:
        raise ValidationError(
            _("Quyết định phải công bố ít nhất một thủ tục. / A decision must touch a procedure.")
        )
    timing = decision_timing(
        signed_on=signed_on,
        legal_effective_on=legal_effective_on,
        posted_on=posted_on,
        calendar=installation_calendar(signed_on),
    )
    decision = PublicationDecision(
        number=number,
        title=title,
        signed_on=signed_on,
        signer=signer,
        issuer=issuer,
        effective_from=effective_from,
        legal_documents=legal_documents,
        legal_effective_on=legal_effective_on,
        publish_deadline=timing.publish_deadline,
        published_on_time=timing.published_on_time,
        post_deadline=timing.post_deadline,
        posted_on=posted_on,
        posted_on_time=timing.posted_on_time,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audited_save(decision, actor=actor, action="decision.issue")
    _publish_drafts(actor, decision, publish, replacing=replacing, latest=latest)
    for procedure in abolish:
        _end_procedure(actor, decision, procedure, ChangeKind.ABOLISHED, None)
    for old, new in replace:
        _end_procedure(actor, decision, old, ChangeKind.REPLACED, new)
    return decision


def decision_problems(
    *,
    effective_from: date,
    procedures: Iterable[Procedure],
    latest: Mapping[int, ProcedureVersion] | None = None,
) -> list[str]:
    """Why a decision with this effective date cannot touch these procedures (empty when it can).
    `latest` (`selectors.latest_versions` of them) saves a query per procedure."""
    procedures = list(procedures)
    latest = selectors.latest_versions(procedures) if latest is None else latest
    problems = []
    for procedure in procedures:
        previous = latest.get(procedure.pk)
        if previous is not None and previous.valid_from is not None and effective_from <= previous.valid_from:
            problems.append(
                _(
                    "Ngày hiệu lực %(new)s phải sau ngày hiệu lực của phiên bản trước (%(old)s) "
                    "của thủ tục %(code)s. / The effective date %(new)s must be after that of the "
                    "previous version (%(old)s) of %(code)s."
                )
                % {
                    "new": f"{effective_from:%d/%m/%Y}",
                    "old": f"{previous.valid_from:%d/%m/%Y}",
                    "code": procedure.national_code,
                }
            )
    return problems


def _publish_drafts(
    actor,
    decision: PublicationDecision,
    procedures: Sequence[Procedure],
    *,
    replacing: set[int],
    latest: Mapping[int, ProcedureVersion],
) -> None:
    """Publish the open drafts of `procedures`: each becomes the next version, in force from the decision.

    Drafts are read with their content in a few queries and written with an UPDATE per set of shared
    values (`_update_alike`), their history rows as `save()` would add them in one INSERT, without the
    published-version guard's query per row (nothing to guard on a draft), one audit event per procedure.
    """
    if not procedures:
        return
    drafts = {
        draft.procedure_id: draft
        for draft in ProcedureVersion.objects.filter(procedure__in=procedures, decision__isnull=True)
        .select_related("procedure", "sector")
        .prefetch_related(*CONTENT_PREFETCH)
    }
    stored = Procedure.objects.in_bulk([p.pk for p in procedures])
    published = []
    for procedure in procedures:
        draft = drafts.get(procedure.pk)
        if draft is None:
            raise ValidationError(
                _(
                    "Thủ tục %(code)s không có dự thảo để công bố. "
                    "/ Procedure %(code)s has no draft to publish."
                )
                % {"code": procedure.national_code}
            )
        missing = missing_parts(version_content(draft))
        if missing:
            raise ValidationError(
                _(
                    "Thủ tục %(code)s chưa đủ bộ phận tạo thành để công bố (khoản 2 Điều 8 Nghị định "
                    "63/2010/NĐ-CP, sửa đổi bởi Nghị định 92/2017/NĐ-CP), còn thiếu: %(parts)s. / Procedure "
                    "%(code)s cannot be published without all its constituent parts; missing: %(parts)s."
                )
                % {"code": procedure.national_code, "parts": "; ".join(str(p.label) for p in missing)}
            )
        previous = latest.get(procedure.pk)
        _close_previous(previous, decision)
        draft.decision = decision
        draft.number = (previous.number or 0) + 1 if previous else 1
        draft.change_kind = (
            ChangeKind.AMENDED if previous and procedure.pk not in replacing else ChangeKind.NEW
        )
        draft.valid_from = decision.effective_from
        draft.clean_fields(exclude=["procedure", "sector", "decision", "replaced_by"])
        procedure.name, procedure.sector = draft.name, draft.sector
        PROCEDURE.apply(
            procedure, ProcedureAction.AMEND if previous else ProcedureAction.PUBLISH, issuing(actor)
        )
        procedure.clean_fields(exclude=["sector"])
        procedure.clean()
        published.append((procedure, draft))
    user = actor if getattr(actor, "is_authenticated", False) else None
    versions = [draft for _p, draft in published]
    _update_alike(ProcedureVersion, versions, ["decision", "number", "change_kind", "valid_from"])
    ProcedureVersion.history.bulk_history_create(versions, update=True, default_user=user)
    touched = [procedure for procedure, _d in published]
    _update_alike(Procedure, touched, ["status"])
    renamed = [p for p in touched if (p.name, p.sector_id) != (stored[p.pk].name, stored[p.pk].sector_id)]
    if renamed:
        Procedure.objects.bulk_update(renamed, ["name", "sector"])
    Procedure.history.bulk_history_create(touched, update=True, default_user=user)
    AuditEvent.objects.bulk_create(
        [
            audit.entry(
                actor=actor,
                action=f"procedure.{draft.change_kind}",
                target=procedure,
                changes=audit.diff(audit.snapshot(stored[procedure.pk]), audit.snapshot(procedure)),
                reason=decision.number,
            )
            for procedure, draft in published
        ]
    )


def _update_alike(model, rows: Sequence[Any], fields: list[str]) -> None:
    """Write `fields` of `rows` with one UPDATE per set of values they share (a decision gives its drafts
    the same decision, date and mostly the same number): `bulk_update`'s CASE per row costs far more."""
    groups: dict[tuple, list[int]] = {}
    for row in rows:
        groups.setdefault(tuple(getattr(row, name) for name in fields), []).append(row.pk)
    for values, keys in groups.items():
        model._default_manager.filter(pk__in=keys).update(**dict(zip(fields, values, strict=True)))


def _end_procedure(
    actor, decision: PublicationDecision, procedure: Procedure, kind: str, successor: Procedure | None
) -> None:
    previous = selectors.latest_version(procedure)
    if previous is None or previous.change_kind in (ChangeKind.ABOLISHED, ChangeKind.REPLACED):
        raise ValidationError(
            _(
                "Thủ tục %(code)s chưa công bố hoặc đã bãi bỏ. "
                "/ Procedure %(code)s is not published or already ended."
            )
            % {"code": procedure.national_code}
        )
    _close_previous(previous, decision)
    # The ending version repeats the last content, so history reads whole; no dossier can start on it.
    ending = ProcedureVersion.objects.get(pk=previous.pk)
    levels = list(previous.levels.all())
    ending.pk = ending.id = None
    ending._state.adding = True
    ending.decision, ending.number, ending.change_kind = decision, (previous.number or 0) + 1, kind
    ending.valid_from, ending.valid_to, ending.replaced_by = decision.effective_from, None, successor
    ending.full_clean()
    ending.save()
    ProcedureVersion.levels.through.objects.bulk_create(
        [
            ProcedureVersion.levels.through(procedureversion_id=ending.pk, level_id=level.pk)
            for level in levels
        ]
    )
    PROCEDURE.apply(procedure, ProcedureAction.END, issuing(actor))
    audited_save(procedure, actor=actor, action=f"procedure.{kind}", reason=decision.number)


def issuing(actor) -> frozenset[str]:
    """The roles of the actor of a publication decision, once `require(actor, "catalog.issue_decision")`
    passed: the issuer's, or the platform's own (imports, demo data)."""
    return acting_roles(actor, ISSUER)


def _close_previous(previous: ProcedureVersion | None, decision: PublicationDecision) -> None:
    if previous is None:
        return
    previous.valid_to = decision.effective_from - timedelta(days=1)
    previous.save(update_fields=["valid_to"])


@transaction.atomic
def record_national_posting(*, actor, decision: PublicationDecision, posted_on: date) -> PublicationDecision:
    """The decision was posted to the national database on `posted_on`: on time or late, for the index."""
    require(actor, "catalog.issue_decision")
    decision.posted_on = posted_on
    # A decision without a deadline (none was computed) is not graded.
    deadline = decision.post_deadline
    decision.posted_on_time = None if deadline is None else posted_on <= deadline
    return audited_save(decision, actor=actor, action="decision.posted")


# Applicability -----------------------------------------------------------------------------------------


@transaction.atomic
def apply_procedure(
    *,
    actor,
    procedure: Procedure,
    agency: Agency,
    office_address: str = "",
    fee: int | None = None,
    online_level: str = "",
    note: str = "",
):
    """`agency` applies `procedure` under the local code {national code}.{agency code}; idempotent."""
    require(actor, MANAGE)
    from .models import AgencyProcedure

    application = AgencyProcedure.objects.filter(procedure=procedure, agency=agency).first()
    before = audit.snapshot(application) if application else {}
    application = application or AgencyProcedure(procedure=procedure, agency=agency)
    values = {
        "local_code": f"{procedure.national_code}.{agency.code}",
        "office_address": office_address,
        "fee": fee,
        "online_level": online_level,
        "note": note,
    }
    if before and all(getattr(application, k) == v for k, v in values.items()):
        return application
    for key, value in values.items():
        setattr(application, key, value)
    return audited_save(application, actor=actor, action="procedure.apply")


@transaction.atomic
def withdraw_procedure(*, actor, procedure: Procedure, agency: Agency) -> None:
    require(actor, MANAGE)
    from .models import AgencyProcedure

    application = AgencyProcedure.objects.filter(procedure=procedure, agency=agency).first()
    if application is None:
        return
    audited_delete(application, actor=actor, action="procedure.withdraw")


# Processes ---------------------------------------------------------------------------------------------


def check_process(
    *,
    procedure: Procedure,
    channel: str,
    steps: Sequence[Mapping[str, Any]],
    version: ProcedureVersion | None = None,
    calendar=None,
) -> list[str]:
    """Problems that keep a process from being saved (empty when it may be saved). `version` (the one
    `selectors.process_version` gives) and `calendar` may be passed by a caller checking many processes."""
    version = version or selectors.process_version(procedure)
    if version is None:
        return [_("Thủ tục chưa có nội dung. / The procedure has no content yet.")]
    problems = [problem for step in steps for problem in _step_problems(step)] + _signing_problems(steps)
    if problems:
        return problems
    return process_overruns(
        channels=version.channels.all(),
        channel=channel,
        steps=steps,
        calendar=calendar or installation_calendar(),
    )


def signing_position(steps: Sequence[Mapping[str, Any]]) -> int | None:
    """The index of the step that approves and signs the result: the one marked so, else the last step not
    done by the one-stop desk (the step before the result goes back to the desk)."""
    marked = [index for index, step in enumerate(steps) if step.get("signs_result")]
    if marked:
        return marked[0]
    others = [index for index, step in enumerate(steps) if step.get("role") != Role.ONE_STOP_OFFICER]
    return others[-1] if others else None


def _signing_problems(steps: Sequence[Mapping[str, Any]]) -> list[str]:
    marked = [step for step in steps if step.get("signs_result")]
    if len(marked) > 1:
        return [_("Chỉ một bước được ký duyệt kết quả. / Only one step may approve and sign the result.")]
    if marked and marked[0].get("role") == Role.ONE_STOP_OFFICER:
        return [
            _(
                "Bước ký duyệt kết quả không thể là bước của Bộ phận Một cửa. "
                "/ The one-stop desk cannot be the step that signs the result."
            )
        ]
    if steps and not marked and signing_position(steps) is None:
        return [
            _(
                "Quy trình cần một bước giải quyết ký duyệt kết quả. "
                "/ The process needs a step that approves and signs the result."
            )
        ]
    return []


def _step_problems(step: Mapping[str, Any]) -> list[str]:
    try:
        amount = Decimal(str(step["duration"]))
    except (InvalidOperation, KeyError):
        return [
            _("Bước '%(name)s': thời gian không hợp lệ. / Step '%(name)s': invalid duration.")
            % {"name": step.get("name", "")}
        ]
    if amount <= 0:
        return [
            _("Bước '%(name)s': thời gian phải lớn hơn 0. / Step '%(name)s': duration must be positive.")
            % {"name": step.get("name", "")}
        ]
    return []


@transaction.atomic
def save_process(
    *,
    actor,
    procedure: Procedure,
    name: str,
    steps: Sequence[Mapping[str, Any]],
    agency: Agency | None = None,
    channel: str = "",
) -> Process:
    """Create or replace the process of a procedure (for one agency, or the default for all agencies).

    Refused when the steps add up to more than a legal time limit of the channel(s) it covers.
    """
    require(actor, MANAGE)
    problems = check_process(procedure=procedure, channel=channel, steps=steps)
    if problems:
        raise ValidationError(problems)
    process = Process.objects.filter(procedure=procedure, agency=agency, channel=channel).first()
    before = _process_snapshot(process) if process else {}
    process = process or Process(procedure=procedure, agency=agency, channel=channel)
    process.name = name
    process.full_clean()
    process.save()
    process.steps.all().delete()
    for step in process_steps(process, steps):
        step.full_clean()
        step.save()
    after = _process_snapshot(process)
    if before != after:
        audit.record(actor=actor, action="process.save", target=process, before=before, after=after)
    return process


def process_steps(process: Process, steps: Sequence[Mapping[str, Any]]) -> list[ProcessStep]:
    """The unsaved steps of `process`, in order, the step that signs the result marked."""
    signing = signing_position(steps)
    return [
        ProcessStep(
            process=process,
            position=position,
            name=spec["name"],
            agency_kind=spec.get("agency_kind", "") if not spec.get("agency") else "",
            agency=spec.get("agency"),
            role=spec["role"],
            duration=Decimal(str(spec["duration"])),
            duration_unit=spec.get("duration_unit", "h"),
            signs_result=position - 1 == signing,
        )
        for position, spec in enumerate(steps, start=1)
    ]


STEP_FIELDS = [
    "position",
    "name",
    "agency_kind",
    "agency",
    "role",
    "duration",
    "duration_unit",
    "signs_result",
]


def _process_snapshot(process: Process) -> dict[str, Any]:
    return {
        **audit.snapshot(process),
        "steps": [audit.snapshot(step, fields=STEP_FIELDS) for step in process.steps.order_by("position")],
    }


# Synonyms ----------------------------------------------------------------------------------------------


@transaction.atomic
def save_synonym(*, actor, term: str, expansion: str, weight: Decimal | float | str | None = None) -> Synonym:
    """Citizens' phrase → the catalog's term; the phrase is stored folded so that any spelling finds it.

    `weight` (0.10–1.00, default 0.70) is the share of the phrase given to the expansion when searching.
    """
    require(actor, MANAGE)
    folded = " ".join(words(term))
    if not folded or not words(expansion):
        raise ValidationError(
            _("Cần nhập cả cách nói và thuật ngữ. / Both the phrase and the term are needed.")
        )
    synonym = Synonym.objects.filter(term_folded=folded).first()
    share = _synonym_weight(weight, synonym)
    if synonym and (synonym.term, synonym.expansion, synonym.weight) == (
        term.strip(),
        expansion.strip(),
        share,
    ):
        return synonym
    synonym = synonym or Synonym(term_folded=folded)
    synonym.term, synonym.expansion, synonym.weight = term.strip(), expansion.strip(), share
    return audited_save(synonym, actor=actor, action="synonym.save")


def _synonym_weight(weight, synonym: Synonym | None) -> Decimal:
    if weight is None or weight == "":
        return synonym.weight if synonym else Synonym._meta.get_field("weight").default
    try:
        return Decimal(str(weight)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError) as error:
        raise ValidationError(
            {"weight": _("Trọng số là một số từ 0,10 đến 1,00. / The weight is a number from 0.10 to 1.00.")}
        ) from error


DEFAULT_SYNONYMS = Path(__file__).resolve().parent / "data" / "synonyms.json"


@transaction.atomic
def load_synonyms(*, actor, path: Path | str = DEFAULT_SYNONYMS) -> int:
    """Add the synonyms of a JSON file ({"synonyms": [{"term", "expansion", "weight"}]}) that are missing.

    A phrase the officer already keeps is left as it is, so loading again never undoes an edit.
    Returns how many were added.
    """
    require(actor, MANAGE)
    try:
        rows = json.loads(Path(path).read_text(encoding="utf-8"))["synonyms"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(
            _("Không đọc được tệp từ đồng nghĩa %(path)s. / Cannot read the synonyms file %(path)s.")
            % {"path": path}
        ) from error
    known = set(Synonym.objects.values_list("term_folded", flat=True))
    added = 0
    for row in rows:
        if " ".join(words(row["term"])) in known:
            continue
        save_synonym(actor=actor, term=row["term"], expansion=row["expansion"], weight=row.get("weight"))
        known.add(" ".join(words(row["term"])))
        added += 1
    return added


@transaction.atomic
def delete_synonym(*, actor, synonym: Synonym) -> None:
    require(actor, MANAGE)
    audit.record(
        actor=actor, action="synonym.delete", target=synonym, before=audit.snapshot(synonym), after={}
    )
    synonym.delete()
