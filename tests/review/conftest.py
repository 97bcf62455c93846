"""A province with a review plan issued by its People's Committee and followed by its office; the department
of justice reviews a published procedure, the department of health has staff who must never see it."""

from dataclasses import dataclass
from datetime import date

import pytest

from motcua.catalog.models import Procedure
from motcua.control import services as control_services
from motcua.control.models import Plan, PlanKind
from motcua.org.models import Agency, AgencyKind, Role, User
from motcua.review import services
from motcua.review.models import ReviewItem
from tests.catalog.factories import published
from tests.factories import AgencyFactory, RoleAssignmentFactory, StaffFactory, province_with_communes


@dataclass
class World:
    office: Agency
    justice: Agency
    health: Agency
    officer: User
    reviewer: User
    outsider: User
    plan: Plan
    procedure: Procedure
    item: ReviewItem


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
    officer = staff("kiemsoat", province.office, Role.CONTROL_OFFICER)
    plan = control_services.create_plan(
        actor=officer,
        kind=PlanKind.REVIEW,
        title="Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2026",
        issuing_agency=province.committee,
        owner_agency=province.office,
        year_from=2026,
        year_to=2026,
        number="25/KH-UBND",
        signer="Chủ tịch UBND tỉnh",
        signed_on=date(2026, 1, 20),
    )
    procedure = published(name="Đăng ký kết hôn")
    item = services.add_item(
        actor=officer,
        plan=plan,
        procedures=[procedure],
        reviewing_agency=province.department,
        due_on=date(2026, 9, 30),
        start_on=date(2026, 2, 1),
    )
    control_services.issue_plan(actor=officer, plan=plan)
    plan.refresh_from_db()
    return World(
        office=province.office,
        justice=province.department,
        health=health,
        officer=officer,
        reviewer=staff("tuphap", province.department, Role.SPECIALIST),
        outsider=staff("yte", health, Role.SPECIALIST),
        plan=plan,
        procedure=procedure,
        item=item,
    )


# The worked example of docs/review.md, computed by hand: 7 700 000 đ/month ÷ 22 days ÷ 8 hours = 43 750 đ/h.
BEFORE = [
    {"kind": "papers", "description": "Chuẩn bị tờ khai, sao y giấy tờ", "hours": "4", "money": "20000"},
    {"kind": "travel", "description": "Đi nộp hồ sơ và nhận kết quả", "hours": "2", "money": "30000"},
    {"kind": "waiting", "description": "Chờ tiếp nhận", "hours": "1.5", "money": "0"},
    {"kind": "fees", "description": "Lệ phí", "hours": "0", "money": "100000"},
]
AFTER = [
    {"kind": "papers", "description": "Khai tờ khai trực tuyến", "hours": "2", "money": "0"},
    {"kind": "fees", "description": "Lệ phí nộp trực tuyến (giảm 50%)", "hours": "0", "money": "50000"},
]
PARTS = [
    {
        "part": "documents",
        "necessary": "yes",
        "reasonable": "no",
        "lawful": "yes",
        "finding": "Yêu cầu bản sao chứng thực giấy tờ đã có trong CSDL quốc gia về dân cư",
        "proposal": "simplify",
        "reason": "Khai thác dữ liệu dân cư thay cho bản sao",
    },
    {
        "part": "time_limit",
        "necessary": "yes",
        "reasonable": "yes",
        "lawful": "yes",
        "finding": "",
        "proposal": "keep",
        "reason": "",
    },
]


def filled_review(world: World, *, subjects: int = 1200):
    review = services.start_review(
        actor=world.reviewer, item=world.item, procedure=world.procedure, today=date(2026, 3, 2)
    )
    services.save_parts(actor=world.reviewer, review=review, parts=PARTS)
    services.save_actions(actor=world.reviewer, review=review, phase="before", actions=BEFORE)
    services.save_actions(actor=world.reviewer, review=review, phase="after", actions=AFTER)
    return services.save_form(
        actor=world.reviewer,
        review=review,
        data={
            "proposal": "simplify",
            "option_text": "Bỏ yêu cầu bản sao chứng thực; tiếp nhận trực tuyến toàn trình",
            "reason": "Giảm chi phí đi lại, sao chụp cho người dân",
            "implementation": "Sửa đổi khoản 1 Điều 18 Luật Hộ tịch",
            "times_before": "1",
            "times_after": "1",
            "subjects": str(subjects),
        },
    )
