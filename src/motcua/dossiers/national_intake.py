"""Dossiers citizens submitted on the National Public Service Portal, taken into the province.

`pull()` asks the portal (integrations.portal) what was submitted and not taken yet, and makes each one an
online dossier in the competent centre's checking queue, with its files fetched and checked and the
applicant as the portal identified them. Each submission is its own transaction: one that fails (a file
that does not match its hash, an unknown procedure or centre, an applicant the platform cannot accept) is
reported and recorded for the administrator, the others go in, and the next pull tries it again. A
submission already taken (the portal offers it again until it learns of the first change) is skipped, by
the portal's code. The portal unreachable: nothing changes, the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog.models import Procedure
from motcua.catalog.selectors import version_in_force
from motcua.core.errors import message_of
from motcua.core.uploads import DOSSIER_DOCUMENT
from motcua.integrations.portal import client, intake, mapping
from motcua.org.models import AdministrativeUnit, Agency

from . import services
from .models import Dossier


@dataclass
class IntakeReport:
    received: list[Dossier] = field(default_factory=list)
    skipped: int = 0  # already taken
    failed: list[tuple[str, str]] = field(default_factory=list)  # (portal code, message)
    waiting: list[str] = field(default_factory=list)  # a file could not be fetched now: next pull
    unreachable: str = ""  # the portal could not be asked at all


def pull(plugin: client.Plugin | None = None) -> IntakeReport:
    plugin = plugin or client.current()
    report = IntakeReport()
    try:
        items = plugin.submissions()
    except (client.Transient, client.Rejected) as error:
        report.unreachable = str(error)
        return report
    for data in items:
        try:
            submission = mapping.national_submission(data)
        except mapping.MalformedSubmission as error:
            code = str(data.get("MaHoSoQG", "")) if isinstance(data, dict) else ""
            report.failed.append((code[: mapping.NATIONAL_CODE_LIMIT], str(error)))
            if code and len(code) <= mapping.NATIONAL_CODE_LIMIT:
                intake.failed(code, str(error))
            continue
        _take(plugin, submission, report)
    return report


def _take(plugin: client.Plugin, submission: mapping.NationalSubmission, report: IntakeReport) -> None:
    code = submission.national_code
    if intake.PortalIntake.objects.filter(national_code=code, state="received").exists():
        report.skipped += 1
        return
    try:
        files = intake.files_of(plugin, submission, DOSSIER_DOCUMENT.limit())
    except client.Transient as error:
        report.waiting.append(code)
        intake.failed(code, _("Cổng không trả tệp: %(error)s") % {"error": error})
        return
    except intake.BadFile as error:
        report.failed.append((code, str(error)))
        intake.failed(code, str(error))
        return
    try:
        with transaction.atomic():
            row = intake.claim(code)
            if row is None:
                report.skipped += 1
                return
            dossier = _create(submission, files)
            intake.link(dossier, code)
            intake.received(row, dossier)
    except ValidationError as error:
        report.failed.append((code, message_of(error)))
        intake.failed(code, message_of(error))
        return
    finally:
        for item in files:
            item.content.close()
    report.received.append(dossier)


def _create(submission: mapping.NationalSubmission, files: list[intake.FetchedFile]) -> Dossier:
    centre = Agency.objects.filter(code=submission.centre_code).first()
    procedure = Procedure.objects.filter(national_code=submission.procedure_code).first()
    if centre is None or procedure is None:
        raise ValidationError(
            _(
                "Không có nơi tiếp nhận %(centre)s hoặc thủ tục %(procedure)s trong tỉnh. "
                "/ The receiving centre or the procedure is unknown here."
            )
            % {"centre": submission.centre_code or "—", "procedure": submission.procedure_code or "—"}
        )
    commune = (
        AdministrativeUnit.objects.filter(code=submission.commune_code).first()
        if submission.commune_code
        else None
    )
    applicant = services.Applicant(
        name=submission.name,
        id_number=submission.id_number,
        phone=submission.phone,
        email=submission.email,
        address=submission.address,
        commune=commune,
    )
    now = timezone.now()
    at = min(submission.submitted_at or now, now)
    return services.submit_from_national_portal(
        centre=centre,
        procedure=procedure,
        applicant=applicant,
        documents=_lines(procedure, at, files),
        result_by_post=submission.result_by_post,
        submitted_at=at,
        identity_verified=submission.identity_verified,
    )


def _lines(
    procedure: Procedure, at: datetime, files: list[intake.FetchedFile]
) -> list[services.DocumentLine]:
    """One line per file, an electronic copy of the paper the portal names; matched to the procedure's
    list by name (the portal's list is the national database's, which the province's is made from)."""
    version = version_in_force(procedure, at)
    papers = {_key(d.name): d for d in version.documents.all()} if version else {}
    lines, seen = [], {}
    for item in files:
        required = papers.get(_key(item.document))
        count = seen[item.document] = seen.get(item.document, 0) + 1
        name = item.document or item.content.name or ""
        lines.append(
            services.DocumentLine(
                name=name if count == 1 else f"{name} ({count})",
                copies=1,
                required_document=required,
                file=item.content,
            )
        )
    return lines


def _key(name: str) -> str:
    return " ".join(name.lower().split())
