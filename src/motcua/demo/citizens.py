"""Dossiers of the demo citizen `congdan1`, submitted online, so that "Hồ sơ của tôi" shows every stage.

One dossier waits for the check, one waits for a supplement, one is being processed, one has an electronic
result ready and one was returned and can be rated. They go through the same services as real ones
(citizen submits, officers act), a few working hours apart in the last days. Idempotent: nothing happens
when the citizen already has dossiers.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from motcua.catalog.models import Procedure
from motcua.catalog.selectors import version_in_force
from motcua.dossiers import deadlines, services
from motcua.dossiers.models import Dossier, SubmissionChannel
from motcua.org.models import AdministrativeUnit, Agency, User

CITIZEN = "congdan1"
PROCEDURE = "1.001193"  # Đăng ký khai sinh
CENTRE = "000.01.41.H99"
ID_NUMBER = "099190001234"  # demo ID numbers start with 0990/0991: never a real person's
STAGES = ("submitted", "supplement", "processing", "result_ready", "returned")
# A one-page PDF standing for the signed electronic result.
RESULT_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def load() -> dict[str, int]:
    citizen = User.objects.filter(username=CITIZEN).first()
    people = {n: User.objects.filter(username=n).first() for n in ("motcua.minhson", "chuyenvien.minhson")}
    people["leader"] = User.objects.filter(username="lanhdao.minhson").first()
    procedure = Procedure.objects.filter(national_code=PROCEDURE).first()
    centre = Agency.objects.filter(code=CENTRE).first()
    if citizen is None or procedure is None or centre is None or None in people.values():
        return {"citizen_dossiers": 0}
    if Dossier.objects.filter(applicant_user=citizen).exists():
        return {"citizen_dossiers": Dossier.objects.filter(applicant_user=citizen).count()}
    cal = deadlines.working_calendar()
    days = _working_days_back(cal, len(STAGES) * 2)
    for index, stage in enumerate(STAGES):
        start = datetime.combine(days[index * 2], time(9, 0), cal.tz)
        _play(stage, start, citizen, centre, procedure, people)
    return {"citizen_dossiers": Dossier.objects.filter(applicant_user=citizen).count()}


def _working_days_back(cal, count: int) -> list:
    found, day = [], timezone.localdate() - timedelta(days=1)
    while len(found) < count:
        if cal.is_working_day(day):
            found.append(day)
        day -= timedelta(days=1)
    return found


def _play(stage: str, start: datetime, citizen, centre, procedure, people) -> None:
    officer, specialist, leader = people["motcua.minhson"], people["chuyenvien.minhson"], people["leader"]
    version = version_in_force(procedure, start)
    commune = AdministrativeUnit.objects.filter(code="99001", valid_to__isnull=True).first()
    d = services.submit(
        actor=citizen,
        centre=centre,
        procedure=procedure,
        applicant=services.Applicant(
            name=citizen.get_full_name() or "Nguyễn Văn An",
            id_number=ID_NUMBER,
            phone="0912345678",
            email="congdan1@example.vn",
            address="Số 12 đường Minh Khai",
            commune=commune,
        ),
        documents=[
            services.DocumentLine(name=doc.name, copies=1, required_document=doc)
            for doc in version.documents.all()
        ],
        channel=SubmissionChannel.ONLINE,
        at=start,
    )
    if stage == "submitted":
        return
    later = iter(start + timedelta(hours=h) for h in range(1, 40))
    d = services.receive(actor=officer, dossier=d, expected_version=d.version, at=next(later))
    d = services.hand_over(actor=officer, dossier=d, expected_version=d.version, at=next(later))
    if stage == "supplement":
        services.request_supplement(
            actor=specialist,
            dossier=d,
            expected_version=d.version,
            at=next(later),
            missing="Bản chụp Giấy chứng sinh rõ nét (bản đã nộp bị mờ phần ngày sinh).",
        )
        return
    if stage == "processing":
        return
    d = services.hand_over(actor=specialist, dossier=d, expected_version=d.version, at=next(later))
    d = services.attach_result(
        actor=leader,
        dossier=d,
        expected_version=d.version,
        at=next(later),
        number=f"{d.pk}/TLKS",
        signed_on=timezone.localtime(start).date(),
        signer=str(leader),
        file=ContentFile(RESULT_PDF, name="giay-khai-sinh.pdf"),
    )
    if stage == "returned":
        services.return_result(
            actor=officer, dossier=d, expected_version=d.version, at=next(later), method="electronic"
        )
