"""Dossiers of the demo citizen (data/citizens.json), submitted online, so that "Hồ sơ của tôi" shows every
stage: one waits for the check, one for a supplement, one is being processed, one has an electronic result
ready and one was returned and can be rated. They go through the same services as real ones (the citizen
submits, officers act), a few working hours apart in the last days. Idempotent: nothing happens when the
citizen already has dossiers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from motcua.catalog.models import Procedure
from motcua.catalog.selectors import version_in_force
from motcua.core.identifiers import normalise_phone, validate_id_number
from motcua.dossiers import deadlines, services
from motcua.dossiers.models import Dossier, SubmissionChannel
from motcua.org.models import AdministrativeUnit, Agency, User
from motcua.workdays.calendar import Calendar

from . import records


@dataclass(frozen=True)
class Cast:
    """Who plays the demo: the citizen and the officers of the commune's centre."""

    citizen: User
    desk: User
    specialist: User
    leader: User
    centre: Agency
    procedure: Procedure


def load() -> dict[str, int]:
    data = records.read("citizens.json")
    cast = _cast(data)
    if cast is None:
        return {"citizen_dossiers": 0}
    mine = Dossier.objects.filter(applicant_user=cast.citizen)
    if mine.exists():
        return {"citizen_dossiers": mine.count()}
    applicant = _applicant(data["applicant"], cast.citizen)
    cal = deadlines.working_calendar()
    days = _working_days_back(cal, len(data["stages"]) * 2)
    for index, stage in enumerate(data["stages"]):
        start = datetime.combine(days[index * 2], time(9, 0), cal.tz)
        _play(stage, start, cast, applicant, data)
    return {"citizen_dossiers": mine.count()}


def _cast(data: dict[str, Any]) -> Cast | None:
    """The accounts, centre and procedure the file names; None while the rest of the demo is missing."""
    found = {
        role: User.objects.filter(username=username).first()
        for role, username in {"citizen": data["citizen"], **data["officers"]}.items()
    }
    centre = Agency.objects.filter(code=data["centre"]).first()
    procedure = Procedure.objects.filter(national_code=data["procedure"]).first()
    if None in found.values() or centre is None or procedure is None:
        return None
    return Cast(centre=centre, procedure=procedure, **found)  # type: ignore[arg-type]


def _applicant(row: dict[str, str], citizen: User) -> services.Applicant:
    """The applicant as the citizen declares them; the file's numbers follow the platform's rules."""
    validate_id_number(row["id_number"])
    return services.Applicant(
        name=citizen.get_full_name() or row["name"],
        id_number=row["id_number"],
        phone=normalise_phone(row["phone"]),
        email=row["email"],
        address=row["address"],
        commune=AdministrativeUnit.objects.filter(code=row["commune"], valid_to__isnull=True).first(),
    )


def _working_days_back(cal: Calendar, count: int) -> list[date]:
    found: list[date] = []
    day = timezone.localdate() - timedelta(days=1)
    while len(found) < count:
        if cal.is_working_day(day):
            found.append(day)
        day -= timedelta(days=1)
    return found


def _play(
    stage: str, start: datetime, cast: Cast, applicant: services.Applicant, data: dict[str, Any]
) -> None:
    """Submit one dossier and take it as far as `stage`, each officer in turn, an hour apart."""
    version = version_in_force(cast.procedure, start)
    d = services.submit(
        actor=cast.citizen,
        centre=cast.centre,
        procedure=cast.procedure,
        applicant=applicant,
        documents=[
            services.DocumentLine(name=doc.name, copies=1, required_document=doc)
            for doc in version.documents.all()
        ],
        channel=SubmissionChannel.ONLINE,
        at=start,
    )
    if stage == "submitted":
        return
    later: Iterator[datetime] = iter(start + timedelta(hours=h) for h in range(1, 40))
    d = services.receive(actor=cast.desk, dossier=d, expected_version=d.version, at=next(later))
    d = services.hand_over(actor=cast.desk, dossier=d, expected_version=d.version, at=next(later))
    if stage == "supplement":
        services.request_supplement(
            actor=cast.specialist,
            dossier=d,
            expected_version=d.version,
            at=next(later),
            missing=data["supplement"],
        )
        return
    if stage == "processing":
        return
    d = services.hand_over(actor=cast.specialist, dossier=d, expected_version=d.version, at=next(later))
    result = data["result"]
    d = services.attach_result(
        actor=cast.leader,
        dossier=d,
        expected_version=d.version,
        at=next(later),
        number=result["number"].format(pk=d.pk),
        signed_on=timezone.localtime(start).date(),
        file=ContentFile(records.file_bytes(result["file"]), name=result["name"]),
    )
    if stage == "returned":
        services.return_result(
            actor=cast.desk,
            dossier=d,
            expected_version=d.version,
            at=next(later),
            method=result["returned_by"],
        )
