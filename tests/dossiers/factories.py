"""A ready one-stop desk for dossier tests: two communes, a published procedure with a process, and staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from motcua.catalog import services as catalog_services
from motcua.catalog.models import Procedure
from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import Applicant, DocumentLine
from motcua.org.models import AgencyKind, Role
from tests.catalog.factories import published
from tests.factories import Province, RoleAssignmentFactory, StaffFactory, province_with_communes

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(*args) -> datetime:
    return datetime(*args, tzinfo=VN)


STEPS = [
    {
        "name": "Tiếp nhận",
        "agency_kind": AgencyKind.COMMUNE_SERVICE_CENTRE,
        "role": Role.ONE_STOP_OFFICER,
        "duration": "1",
        "duration_unit": "h",
    },
    {
        "name": "Thẩm định",
        "agency_kind": AgencyKind.DIVISION,
        "role": Role.SPECIALIST,
        "duration": "12",
        "duration_unit": "h",
    },
    {
        "name": "Ký duyệt",
        "agency_kind": AgencyKind.PEOPLES_COMMITTEE,
        "role": Role.AGENCY_LEADER,
        "duration": "6",
        "duration_unit": "h",
    },
    {
        "name": "Trả kết quả",
        "agency_kind": AgencyKind.COMMUNE_SERVICE_CENTRE,
        "role": Role.ONE_STOP_OFFICER,
        "duration": "2",
        "duration_unit": "h",
    },
]


@dataclass
class Desk:
    province: Province
    procedure: Procedure
    bound_procedure: Procedure
    officer_a: object
    officer_b: object
    specialist_a: object
    leader_a: object
    head_a: object

    def centre(self, name: str = "Xã A"):
        return self.province.communes[name]["centre"]

    def commune(self, name: str = "Xã A"):
        return self.province.commune_units[name]


def _channels(limit: str, unit: str = "d") -> list[dict]:
    return [
        {"channel": c, "time_limit": limit, "time_unit": unit, "fee": 0, "description": ""}
        for c in ("direct", "online", "postal")
    ]


def build_desk(*, limit: str = "3", unit: str = "d", steps: list[dict] | None = None) -> Desk:
    province = province_with_communes(["Xã A", "Xã B"])
    procedure = published(name="Đăng ký khai sinh", any_boundary=True, channels=_channels(limit, unit))
    bound = published(
        name="Cấp giấy phép xây dựng nhà ở", any_boundary=False, channels=_channels(limit, unit)
    )
    for proc in (procedure, bound):
        for commune in province.communes.values():
            catalog_services.apply_procedure(actor=None, procedure=proc, agency=commune["committee"])
        catalog_services.save_process(actor=None, procedure=proc, name="Quy trình", steps=steps or STEPS)

    def staff(username, agency, role):
        user = StaffFactory(username=username, full_name=username)
        RoleAssignmentFactory(user=user, agency=agency, role=role)
        return user

    a = province.communes["Xã A"]
    return Desk(
        province=province,
        procedure=procedure,
        bound_procedure=bound,
        officer_a=staff("motcua.a", a["centre"], Role.ONE_STOP_OFFICER),
        officer_b=staff("motcua.b", province.communes["Xã B"]["centre"], Role.ONE_STOP_OFFICER),
        specialist_a=staff("chuyenvien.a", a["division"], Role.SPECIALIST),
        leader_a=staff("lanhdao.a", a["committee"], Role.AGENCY_LEADER),
        head_a=staff("truongphong.a", a["division"], Role.DIVISION_HEAD),
    )


def applicant(**overrides) -> Applicant:
    values = {
        "name": "Nguyễn Văn An",
        "id_number": "001099012345",
        "phone": "0912345678",
        "email": "an@example.vn",
        "address": "Số 5 đường Hoa Sữa",
    }
    values.update(overrides)
    return Applicant(**values)


def checklist(procedure: Procedure) -> list[DocumentLine]:
    version = procedure.versions.filter(decision__isnull=False).order_by("-number").first()
    return [
        DocumentLine(name=d.name, originals=d.originals, copies=d.copies, required_document=d)
        for d in version.documents.all()
    ]


def receive(
    desk: Desk, *, at: datetime | None = None, centre=None, officer=None, procedure=None, **kwargs
) -> Dossier:
    procedure = procedure or desk.procedure
    return services.receive_at_counter(
        actor=officer or desk.officer_a,
        centre=centre or desk.centre(),
        procedure=procedure,
        applicant=kwargs.pop("applicant", None) or applicant(commune=desk.commune()),
        documents=checklist(procedure),
        at=at,
        **kwargs,
    )


def submit_online(desk: Desk, citizen, *, at: datetime | None = None) -> Dossier:
    return services.submit(
        actor=citizen,
        centre=desk.centre(),
        procedure=desk.procedure,
        applicant=applicant(commune=desk.commune()),
        documents=checklist(desk.procedure),
        channel=2,
        at=at,
    )


def to_leader(desk: Desk, dossier: Dossier, at: datetime | None = None) -> Dossier:
    dossier = services.hand_over(
        actor=desk.officer_a, dossier=dossier, expected_version=dossier.version, at=at
    )
    return services.hand_over(
        actor=desk.specialist_a, dossier=dossier, expected_version=dossier.version, at=at
    )
