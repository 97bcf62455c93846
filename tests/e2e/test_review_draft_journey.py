"""A draft regulation in the browser: the provincial control officer enters the draft sent by the department
of justice (the deadline counted in working days shows at once); the department's specialist prices the
impact assessment of the amended procedure; the officer sends the opinion and the register counts it.
axe-core checks each page at phone and desktop width."""

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from motcua.control import services as control_services
from motcua.control.models import PlanKind
from motcua.org.models import Role
from tests.catalog.factories import published
from tests.e2e.helpers import log_in
from tests.e2e.test_review_journey import accessible, fill_action
from tests.factories import RoleAssignmentFactory, StaffFactory, province_with_communes

pytestmark = pytest.mark.e2e


@pytest.fixture
def world(transactional_db):
    province = province_with_communes(["Xã A"])
    officer = StaffFactory(username="kiemsoat-e2e", full_name="Kiểm", email="ks@example.invalid")
    RoleAssignmentFactory(user=officer, agency=province.office, role=Role.CONTROL_OFFICER)
    drafter = StaffFactory(username="tuphap-e2e", full_name="Tư pháp", email="tp@example.invalid")
    RoleAssignmentFactory(user=drafter, agency=province.department, role=Role.SPECIALIST)
    year = timezone.localdate().year
    plan = control_services.create_plan(
        actor=officer,
        kind=PlanKind.TTHC_CONTROL,
        title="Kế hoạch kiểm soát TTHC năm thử",
        issuing_agency=province.committee,
        owner_agency=province.office,
        year_from=year,
        year_to=year,
        number="10/KH-UBND",
        signer="Chủ tịch UBND tỉnh",
        signed_on=date(year, 1, 5),
    )
    control_services.add_task(  # a plan is issued with at least one task
        actor=officer,
        plan=plan,
        content="Công bố, công khai thủ tục hành chính",
        lead_agency=province.office,
        start_on=date(year, 1, 5),
        due_on=date(year, 12, 31),
    )
    control_services.issue_plan(actor=officer, plan=plan)
    return published(name="Đăng ký kết hôn", effective_from=date(2025, 7, 1))


def test_a_draft_from_registration_to_opinion(new_context, viewport, live_server, world):
    procedure = world
    today = timezone.localdate()
    officer = log_in(new_context, viewport, live_server, "kiemsoat-e2e")
    officer.goto(f"{live_server.url}/ra-soat/du-thao/")
    accessible(officer)
    officer.get_by_label("Kế hoạch kiểm soát").select_option(index=1)
    officer.get_by_label("Loại văn bản").select_option(label="Quyết định của Ủy ban nhân dân")
    officer.get_by_label("Tên dự thảo").fill("Quyết định quy định thủ tục hộ tịch liên thông")
    officer.get_by_label("Cơ quan ban hành").fill("UBND tỉnh")
    officer.get_by_label("Cơ quan chủ trì soạn thảo").select_option(label="Sở Tư pháp")
    officer.get_by_label("Ngày gửi lấy ý kiến").fill(today.isoformat())
    officer.get_by_label("Ngày nhận hồ sơ").fill(today.isoformat())
    officer.get_by_label("Mã thủ tục được sửa đổi, bổ sung").fill(procedure.national_code)
    officer.get_by_role("button", name="Vào sổ", exact=True).click()
    expect(officer.get_by_role("status")).to_have_text("Đã vào sổ dự thảo và giao nhiệm vụ góp ý.")
    expect(officer.locator("[data-figure=due]")).to_contain_text("10 ngày làm việc")
    accessible(officer)
    draft_url = officer.url

    drafter = log_in(new_context, viewport, live_server, "tuphap-e2e")
    drafter.goto(draft_url)
    drafter.get_by_role("link", name=f"{procedure.national_code} Đăng ký kết hôn").click()
    accessible(drafter)
    fill_action(drafter, "before", 0, "Chuẩn bị hồ sơ, giấy tờ", "Chuẩn bị tờ khai, sao y", "4", "20000")
    fill_action(drafter, "before", 1, "Đi lại nộp hồ sơ, nhận kết quả", "Đi nộp và nhận", "2", "30000")
    drafter.get_by_role("button", name="Lưu chi phí hiện tại").click()
    expect(drafter.get_by_role("status")).to_have_text("Đã lưu.")
    fill_action(drafter, "after", 0, "Chuẩn bị hồ sơ, giấy tờ", "Khai trực tuyến", "2", "0")
    drafter.get_by_role("button", name="Lưu chi phí theo dự thảo").click()
    drafter.get_by_label("Sự cần thiết").fill("Cần thiết")
    drafter.get_by_label("Số đối tượng tuân thủ trong 01 năm").fill("1000")
    drafter.get_by_role("button", name="Lưu đánh giá").click()
    # 43 750 đ/h: now 195 000 + 117 500 = 312 500 đ, as drafted 87 500 đ; 1 000 subjects once a year.
    expect(drafter.locator("[data-figure=annual-before]")).to_have_text("312.500.000")
    expect(drafter.locator("[data-figure=annual-after]")).to_have_text("87.500.000")
    accessible(drafter)

    officer.goto(draft_url)
    officer.get_by_label("Số văn bản góp ý").fill("15/VP-KSTT")
    officer.get_by_label("Ngày góp ý").fill(today.isoformat())
    officer.get_by_label("Ý kiến chung").fill("Cơ bản thống nhất")
    officer.get_by_label("Ý kiến về thủ tục: Đăng ký kết hôn").fill("Đồng ý khai trực tuyến")
    officer.get_by_role("button", name="Gửi ý kiến").click()
    expect(officer.get_by_role("status")).to_have_text("Đã lưu.")
    expect(officer.locator("#draft-facts")).to_contain_text("đúng hạn")
    officer.goto(f"{live_server.url}/ra-soat/du-thao/")
    expect(officer.locator("#draft-counts")).to_contain_text("1 (0)")
    accessible(officer)
    officer.screenshot(path=f"/tmp/review-drafts-{viewport['width']}.png", full_page=True)
