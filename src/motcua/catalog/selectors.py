"""Every read of the catalog. The published catalog is public; drafts are for the control officer only."""

from collections.abc import Iterable
from datetime import date, datetime

from django.db.models import Prefetch, QuerySet

from motcua.org.models import Agency

from .models import (
    ENDING_KINDS,
    AgencyProcedure,
    Level,
    Procedure,
    ProcedureVersion,
    Process,
    PublicationDecision,
    RequiredDocument,
    Sector,
)
from .search import day_of, in_force, search_procedures


def version_in_force(procedure: Procedure, at: date | datetime | None = None) -> ProcedureVersion | None:
    """The published version governing `procedure` on the day of `at`; None before it exists or once ended."""
    day = day_of(at)
    latest = (
        ProcedureVersion.objects.filter(procedure=procedure, decision__isnull=False, valid_from__lte=day)
        .order_by("-valid_from", "-number")
        .first()
    )
    if latest is None or latest.change_kind in ENDING_KINDS:
        return None
    return latest


def latest_version(procedure: Procedure) -> ProcedureVersion | None:
    """The newest published version, even if not yet in force or an ending one."""
    return procedure.versions.filter(decision__isnull=False).order_by("-number").first()


def latest_versions(procedures: Iterable[Procedure]) -> dict[int, ProcedureVersion]:
    """`latest_version` of many procedures in one query (procedures never published are left out)."""
    latest: dict[int, ProcedureVersion] = {}
    for version in ProcedureVersion.objects.filter(
        procedure__in=[p.pk for p in procedures], decision__isnull=False
    ).order_by("procedure_id", "-number"):
        latest.setdefault(version.procedure_id, version)
    return latest


def open_draft(procedure: Procedure) -> ProcedureVersion | None:
    return procedure.versions.filter(decision__isnull=True).first()


def current_content_version(procedure: Procedure) -> ProcedureVersion | None:
    """What the officer works from: the open draft, else the latest published content."""
    return open_draft(procedure) or latest_version(procedure)


def process_version(procedure: Procedure) -> ProcedureVersion | None:
    """The version a process of `procedure` is measured against: in force, else the one being worked on."""
    return version_in_force(procedure) or current_content_version(procedure)


def process_versions(procedures: Iterable[Procedure]) -> dict[int, ProcedureVersion | None]:
    """`process_version` of many procedures in a few queries, channels and their cases prefetched."""
    procedures = list(procedures)
    today = day_of(None)
    versions = (
        ProcedureVersion.objects.filter(procedure__in=procedures)
        .prefetch_related("channels__cases")
        .order_by("procedure_id", "-valid_from", "-number")
    )
    in_force: dict[int, ProcedureVersion] = {}
    drafts: dict[int, ProcedureVersion] = {}
    latest: dict[int, ProcedureVersion] = {}
    for version in versions:
        if version.decision_id is None:
            drafts.setdefault(version.procedure_id, version)
            continue
        if version.valid_from is not None and version.valid_from <= today:
            in_force.setdefault(version.procedure_id, version)
        if version.number is not None and (
            version.procedure_id not in latest or version.number > (latest[version.procedure_id].number or 0)
        ):
            latest[version.procedure_id] = version
    found: dict[int, ProcedureVersion | None] = {}
    for procedure in procedures:
        current = in_force.get(procedure.pk)
        if current is None or current.change_kind in ENDING_KINDS:
            current = drafts.get(procedure.pk) or latest.get(procedure.pk)
        found[procedure.pk] = current
    return found


def published_versions(procedure: Procedure) -> QuerySet[ProcedureVersion]:
    return procedure.versions.filter(decision__isnull=False).select_related("decision").order_by("-number")


def public_procedure(code: str) -> Procedure | None:
    """A procedure that has been published at least once (drafts are not public)."""
    return Procedure.objects.filter(national_code=code, versions__decision__isnull=False).distinct().first()


def version_detail(version_id: int) -> ProcedureVersion:
    """A published version with everything its page shows."""
    return (
        ProcedureVersion.objects.filter(decision__isnull=False)
        .select_related("procedure", "sector", "decision")
        .prefetch_related(
            "levels",
            "channels",
            Prefetch("documents", queryset=RequiredDocument.objects.order_by("position", "id")),
        )
        .get(pk=version_id)
    )


def applying_agencies(procedure: Procedure) -> QuerySet[AgencyProcedure]:
    return procedure.applications.select_related("agency", "agency__administrative_unit").order_by(
        "agency__code"
    )


def processes_of(procedure: Procedure) -> QuerySet[Process]:
    return procedure.processes.select_related("agency").prefetch_related("steps", "steps__agency")


def sectors_in_force(at: date | datetime | None = None) -> QuerySet[Sector]:
    return Sector.objects.filter(pk__in=in_force(at).values("sector")).order_by("name")


def levels() -> QuerySet[Level]:
    return Level.objects.all()


def applying_agency_choices() -> QuerySet[Agency]:
    """Agencies that apply at least one procedure: the choices of the public agency filter."""
    return Agency.objects.filter(procedures__isnull=False).distinct().order_by("code")


def any_boundary_procedures(at: date | datetime | None = None) -> QuerySet[ProcedureVersion]:
    """Procedures that may be received regardless of administrative boundary (NĐ 118/2025)."""
    return search_procedures("", at=at).filter(any_boundary=True)


def decisions() -> QuerySet[PublicationDecision]:
    return PublicationDecision.objects.prefetch_related("versions__procedure")
