"""A provincial TTHC-control plan with staff at the office (the owner) and at two communes."""

from datetime import date

import pytest

from motcua.control import services
from motcua.control.models import PlanKind
from motcua.org.models import Role


@pytest.fixture
def officer(province, make_staff):
    """The provincial office's TTHC-control officer: owns and reviews the province's plans."""
    return make_staff(
        province.office, Role.CONTROL_OFFICER, username="kiemsoat", email="kiemsoat@example.invalid"
    )


@pytest.fixture
def staff_a(province, make_staff):
    return make_staff(
        province.communes["Xã A"]["committee"], Role.SPECIALIST, username="xa-a", email="a@example.invalid"
    )


@pytest.fixture
def staff_b(province, make_staff):
    return make_staff(
        province.communes["Xã B"]["committee"], Role.SPECIALIST, username="xa-b", email="b@example.invalid"
    )


@pytest.fixture
def commune_a(province):
    return province.communes["Xã A"]["committee"]


@pytest.fixture
def commune_b(province):
    return province.communes["Xã B"]["committee"]


@pytest.fixture
def draft_plan(province, officer):
    return services.create_plan(
        actor=officer,
        kind=PlanKind.TTHC_CONTROL,
        title="Kế hoạch kiểm soát TTHC năm 2026",
        issuing_agency=province.committee,
        owner_agency=province.office,
        year_from=2026,
        year_to=2026,
        number="1739/KH-UBND",
        signer="Chủ tịch UBND tỉnh",
        signed_on=date(2026, 1, 10),
    )


@pytest.fixture
def plan(draft_plan, officer, commune_a, commune_b, province):
    """Issued, with a one-off task for commune A (supported by B) and a quarterly task for commune B."""
    services.add_task(
        actor=officer,
        plan=draft_plan,
        content="Niêm yết công khai TTHC tại Bộ phận Một cửa",
        lead_agency=commune_a,
        supporting_agencies=[commune_b],
        start_on=date(2026, 1, 15),
        due_on=date(2026, 3, 31),
        expected_output="Ảnh chụp khu vực niêm yết",
    )
    services.add_task(
        actor=officer,
        plan=draft_plan,
        content="Báo cáo tình hình giải quyết hồ sơ",
        lead_agency=commune_b,
        start_on=date(2026, 1, 1),
        recurrence="quarterly",
        due_day=14,
    )
    return services.issue_plan(actor=officer, plan=draft_plan)
