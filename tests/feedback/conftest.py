"""A province with a feedback desk at the provincial office, two departments with their staff, a citizen."""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from motcua.catalog.models import Sector
from motcua.feedback import services
from motcua.feedback.models import FeedbackDesk
from motcua.org.models import Agency, AgencyKind, User
from tests.factories import (
    AgencyFactory,
    CitizenFactory,
    RoleAssignmentFactory,
    StaffFactory,
    province_with_communes,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(*args) -> datetime:
    return datetime(*args, tzinfo=VN)


@dataclass
class World:
    office: Agency
    justice: Agency
    health: Agency
    receiver: User
    specialist: User
    leader: User
    other_specialist: User
    other_leader: User
    citizen: User
    sector: Sector


def staff(username: str, agency: Agency, role: str) -> User:
    user = StaffFactory(username=username)
    RoleAssignmentFactory(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def world(db) -> World:
    province = province_with_communes(["Xã A"])
    health = AgencyFactory(
        code="000.04.00.H99",
        name="Sở Y tế",
        kind=AgencyKind.DEPARTMENT,
        administrative_unit=province.unit,
        parent=province.committee,
    )
    FeedbackDesk.objects.create(agency=province.office, role="control_officer", is_default=True)
    return World(
        office=province.office,
        justice=province.department,
        health=health,
        receiver=staff("tiepnhan", province.office, "control_officer"),
        specialist=staff("chuyenvien", province.department, "specialist"),
        leader=staff("lanhdao", province.department, "agency_leader"),
        other_specialist=staff("chuyenvien_yte", health, "specialist"),
        other_leader=staff("lanhdao_yte", health, "agency_leader"),
        citizen=CitizenFactory(username="congdan", full_name="Nguyễn Văn An"),
        sector=Sector.objects.create(code="G01-TP01", name="Hộ tịch"),
    )


SENDER = {"name": "Nguyễn Văn An", "phone": "0912 345 678", "email": "an@example.vn", "address": "Xã A"}
CONTENT = {
    "title": "Thủ tục đăng ký khai sinh đòi giấy tờ không có trong quy định",
    "content": "Cán bộ yêu cầu nộp bản sao sổ hộ khẩu, quy định không đòi hỏi.",
    "regulation": "Nghị định 123/2015/NĐ-CP",
    "regulation_article": "Điều 9",
}


def send(world: World, *, actor=None, at=None, **overrides):
    return services.send(
        actor=actor if actor is not None else world.citizen,
        sender={**SENDER, **overrides.pop("sender", {})},
        content={**CONTENT, **overrides.pop("content", {})},
        at=at or vn(2026, 12, 1, 9, 0),
        **overrides,
    )


def published(world: World, at=None):
    """An item walked through every stage to publication."""
    item = send(world, at=at or vn(2026, 12, 1, 9, 0))
    item = services.accept(
        actor=world.receiver,
        feedback=item,
        expected_version=item.version,
        category="regulation",
        sector=world.sector,
    )
    item = services.route(
        actor=world.receiver, feedback=item, expected_version=item.version, agency=world.justice
    )
    item = services.draft_answer(
        actor=world.specialist,
        feedback=item,
        expected_version=item.version,
        answer="Sở đã chấn chỉnh; không yêu cầu sổ hộ khẩu.",
    )
    item = services.approve(actor=world.leader, feedback=item, expected_version=item.version)
    return services.publish(actor=world.receiver, feedback=item, expected_version=item.version)
