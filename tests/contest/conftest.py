"""A Hà Nội-style contest in a small province: the provincial office organises, two secretaries, three
jurors (one from the department of justice), three criteria weighted 40/35/25, three prizes."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from motcua.contest import services
from motcua.contest.models import Contest, Criterion, Entry, Member, MemberRole, Phase, PhaseKind, Prize
from motcua.org.models import Role, User
from tests.factories import CitizenFactory, RoleAssignmentFactory, StaffFactory, province_with_communes

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(*args) -> datetime:
    return datetime(*args, 9, 0, tzinfo=VN)


def staff(username: str, agency, role: str = Role.SPECIALIST) -> User:
    user = StaffFactory(username=username, full_name=username)
    RoleAssignmentFactory(user=user, agency=agency, role=role)
    return user


@dataclass
class World:
    province: object
    contest: Contest
    secretary: User
    jurors: list[User]
    members: list[Member]
    criteria: list[Criterion]
    prizes: list[Prize]
    citizens: list[User] = field(default_factory=list)
    officer: User | None = None  # an officer of the department of justice, entering for it


def build_contest(
    province, *, today: date, code: str = "SK2026"
) -> tuple[Contest, list[Criterion], list[Prize]]:
    """Phases around `today` so that entries are being taken: launched the month before."""
    contest = Contest.objects.create(
        code=code,
        title="Hội thi Tìm kiếm sáng kiến, giải pháp, mô hình cải cách TTHC",
        organiser=province.office,
        legal_basis="Kế hoạch 45/KH-UBND ngày 01/3/2026",
        rules="Mỗi tác giả gửi tối đa hai bài.\n\nBài gửi qua Cổng dịch vụ công.",
        finalists=3,
        min_award_score=Decimal("50"),
    )
    starts = [
        today - timedelta(days=30),
        today - timedelta(days=5),
        today + timedelta(days=60),
        today + timedelta(days=90),
        today + timedelta(days=110),
    ]
    for kind, start in zip(PhaseKind.values, starts, strict=True):
        Phase.objects.create(contest=contest, kind=kind, starts_on=start, ends_on=start + timedelta(days=19))
    criteria = [
        Criterion.objects.create(
            contest=contest, name="Tính mới, sáng tạo", weight=40, max_score=10, order=1
        ),
        Criterion.objects.create(contest=contest, name="Hiệu quả", weight=35, max_score=10, order=2),
        Criterion.objects.create(contest=contest, name="Khả năng nhân rộng", weight=25, max_score=5, order=3),
    ]
    prizes = [
        Prize.objects.create(contest=contest, name="Giải Nhất", count=1, amount=10_000_000, order=1),
        Prize.objects.create(contest=contest, name="Giải Nhì", count=1, amount=7_000_000, order=2),
        Prize.objects.create(contest=contest, name="Giải Ba", count=1, amount=5_000_000, order=3),
    ]
    return contest, criteria, prizes


@pytest.fixture
def world(db) -> World:
    province = province_with_communes(["Xã A"])
    contest, criteria, prizes = build_contest(province, today=date.today())
    secretary = staff("thuky", province.office, Role.CONTROL_OFFICER)
    jurors = [
        staff("giamkhao1", province.office, Role.CONTROL_OFFICER),
        staff("giamkhao2", province.centre, Role.ONE_STOP_OFFICER),
        staff("giamkhao3", province.department, Role.AGENCY_LEADER),
    ]
    Member.objects.create(
        contest=contest, user=secretary, role=MemberRole.SECRETARIAT, agency=province.office
    )
    members = [
        Member.objects.create(contest=contest, user=u, role=MemberRole.JUROR, agency=a)
        for u, a in zip(jurors, [province.office, province.centre, province.department], strict=True)
    ]
    return World(
        province=province,
        contest=contest,
        secretary=secretary,
        jurors=jurors,
        members=members,
        criteria=criteria,
        prizes=prizes,
        citizens=[CitizenFactory(username=f"congdan{i}", full_name=f"Công dân {i}") for i in range(1, 6)],
        officer=staff("canbo.tuphap", province.department),
    )


ENTRY = {
    "category": "initiative",
    "summary": "Tóm tắt sáng kiến.",
    "description": "Cách làm và hiệu quả.",
    "phone": "0912345678",
}


def enter(world: World, citizen: User, title: str) -> Entry:
    return services.submit_entry(actor=citizen, contest=world.contest, data={**ENTRY, "title": title})


def launched(world: World) -> World:
    services.launch(actor=world.secretary, contest=world.contest)
    world.contest.refresh_from_db()
    return world


def marks(world: World, *values) -> dict[int, Decimal]:
    return {c.pk: Decimal(str(v)) for c, v in zip(world.criteria, values, strict=True)}
