"""A review from plan to the province's summed report, in the browser: the provincial control officer
makes a review plan, adds a procedure for the department of justice and issues the plan; the department's
specialist fills the form (actions before and after, a constituent part, the option) and sends it; the
officer records the chairman's decision and the summary shows the hand-computed saving. axe-core checks
each new page at phone and desktop width."""

import json
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from motcua.org.models import Role
from tests.catalog.factories import published
from tests.e2e.helpers import log_in
from tests.e2e.test_accessibility import blocking_violations
from tests.factories import RoleAssignmentFactory, StaffFactory, province_with_communes

pytestmark = pytest.mark.e2e


@pytest.fixture
def people(transactional_db):
    province = province_with_communes(["Xã A"])
    officer = StaffFactory(username="kiemsoat-e2e", full_name="Kiểm", email="ks@example.invalid")
    RoleAssignmentFactory(user=officer, agency=province.office, role=Role.CONTROL_OFFICER)
    reviewer = StaffFactory(username="tuphap-e2e", full_name="Tư pháp", email="tp@example.invalid")
    RoleAssignmentFactory(user=reviewer, agency=province.department, role=Role.SPECIALIST)
    return published(name="Đăng ký kết hôn", effective_from=date(2025, 7, 1))


def accessible(page: Page) -> None:
    violations = blocking_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=2)
    page.keyboard.press("Escape")


def fill_action(page: Page, prefix: str, row: int, kind: str, text: str, hours: str, money: str) -> None:
    page.locator(f"#id_{prefix}-{row}-kind").select_option(label=kind)
    page.locator(f"#id_{prefix}-{row}-description").fill(text)
    page.locator(f"#id_{prefix}-{row}-hours").fill(hours)
    page.locator(f"#id_{prefix}-{row}-money").fill(money)


def test_review_from_plan_to_summed_report(new_context, viewport, live_server, people):
    procedure = people
    today = timezone.localdate()
    officer = log_in(new_context, viewport, live_server, "kiemsoat-e2e")
    officer.goto(f"{live_server.url}/kiem-soat/ke-hoach/moi/")
    officer.get_by_label("Loại kế hoạch").select_option(label="Rà soát, đơn giản hóa thủ tục hành chính")
    officer.get_by_label("Tên kế hoạch").fill("Kế hoạch rà soát TTHC năm thử")
    officer.get_by_label("Cơ quan ban hành").select_option(label="UBND Tỉnh Thử")
    officer.get_by_label("Cơ quan theo dõi, đôn đốc").select_option(label="Văn phòng UBND tỉnh")
    officer.get_by_label("Số, ký hiệu").fill("25/KH-UBND")
    officer.get_by_label("Ngày ký").fill(today.isoformat())
    officer.get_by_label("Từ năm").fill(str(today.year))
    officer.get_by_label("Đến năm").fill(str(today.year))
    officer.get_by_role("button", name="Lưu").click()
    expect(officer.get_by_role("status")).to_have_text("Đã tạo kế hoạch (dự thảo).")
    plan_url = officer.url

    officer.goto(f"{live_server.url}/ra-soat/")
    accessible(officer)
    officer.get_by_role("link", name="Kế hoạch rà soát TTHC năm thử").click()
    officer.get_by_label("Mã thủ tục").fill(procedure.national_code)
    officer.get_by_label("Cơ quan rà soát").select_option(label="Sở Tư pháp")
    officer.get_by_label("Thời hạn hoàn thành").fill(date(today.year, 12, 31).isoformat())
    officer.get_by_role("button", name="Thêm và giao nhiệm vụ").click()
    expect(officer.get_by_role("status")).to_have_text(
        "Đã thêm nội dung rà soát và giao nhiệm vụ cho cơ quan rà soát."
    )
    accessible(officer)
    officer.goto(plan_url)
    officer.get_by_role("button", name="Ban hành kế hoạch").click()
    expect(officer.locator("#plan-status")).to_have_text("Đã ban hành")

    reviewer = log_in(new_context, viewport, live_server, "tuphap-e2e")
    reviewer.goto(f"{live_server.url}/ra-soat/")
    reviewer.get_by_role("link", name=f"{procedure.national_code} Đăng ký kết hôn").click()
    accessible(reviewer)
    reviewer.get_by_role("button", name="Lập phiếu rà soát").click()
    expect(reviewer.get_by_role("heading", name="Phiếu rà soát, đánh giá thủ tục hành chính")).to_be_visible()
    accessible(reviewer)
    fill_action(reviewer, "before", 0, "Chuẩn bị hồ sơ, giấy tờ", "Chuẩn bị tờ khai, sao y", "4", "20000")
    fill_action(reviewer, "before", 1, "Đi lại nộp hồ sơ, nhận kết quả", "Đi nộp và nhận", "2", "30000")
    fill_action(reviewer, "before", 2, "Chờ đợi", "Chờ tiếp nhận", "1,5", "0")
    reviewer.get_by_role("button", name="Lưu chi phí hiện tại").click()
    expect(reviewer.get_by_role("status")).to_have_text("Đã lưu.")
    fill_action(reviewer, "before", 3, "Phí, lệ phí", "Lệ phí", "0", "100000")
    reviewer.get_by_role("button", name="Lưu chi phí hiện tại").click()
    fill_action(reviewer, "after", 0, "Chuẩn bị hồ sơ, giấy tờ", "Khai trực tuyến", "2", "0")
    fill_action(reviewer, "after", 1, "Phí, lệ phí", "Lệ phí trực tuyến", "0", "50000")
    reviewer.get_by_role("button", name="Lưu chi phí sau đơn giản hóa").click()
    expect(reviewer.get_by_role("status")).to_have_text("Đã lưu.")
    # Row 3 of the parts table is "thành phần, số lượng hồ sơ".
    reviewer.locator("#id_parts-3-necessary").select_option("yes")
    reviewer.locator("#id_parts-3-reasonable").select_option("no")
    reviewer.locator("#id_parts-3-lawful").select_option("yes")
    reviewer.locator("#id_parts-3-proposal").select_option("simplify")
    reviewer.locator("#id_parts-3-reason").fill("Khai thác dữ liệu dân cư")
    reviewer.get_by_role("button", name="Lưu đánh giá").click()
    expect(reviewer.get_by_role("status")).to_have_text("Đã lưu.")
    reviewer.get_by_label("Kiến nghị đối với thủ tục").select_option(label="Đơn giản hóa bộ phận")
    reviewer.get_by_label("Nội dung phương án đơn giản hóa").fill("Tiếp nhận trực tuyến toàn trình")
    reviewer.get_by_label("Lý do", exact=True).fill("Giảm đi lại")
    reviewer.get_by_label("Số đối tượng tuân thủ trong 01 năm").fill("1200")
    reviewer.get_by_role("button", name="Lưu phương án").click()
    expect(reviewer.locator("[data-figure=annual-before]")).to_have_text("573.750.000")
    expect(reviewer.locator("[data-figure=annual-after]")).to_have_text("165.000.000")
    expect(reviewer.locator("[data-figure=saving]")).to_have_text("408.750.000 (71,24%)")
    accessible(reviewer)
    reviewer.get_by_role("button", name="Gửi Văn phòng theo dõi kế hoạch").click()
    expect(reviewer.get_by_role("status")).to_have_text("Đã gửi kết quả rà soát.")

    officer.goto(f"{live_server.url}/ra-soat/")
    officer.get_by_role("link", name="Kế hoạch rà soát TTHC năm thử").click()
    officer.get_by_role("link", name="Ghi nhận quyết định phê duyệt phương án").click()
    accessible(officer)
    officer.get_by_label("Số quyết định").fill("120/QĐ-UBND")
    officer.get_by_label("Ngày ký").fill(today.isoformat())
    officer.get_by_label("Người ký").fill("Chủ tịch UBND tỉnh")
    officer.get_by_label(f"{procedure.national_code} Đăng ký kết hôn", exact=False).check()
    officer.get_by_role("button", name="Ghi nhận").click()
    expect(officer.get_by_role("status")).to_have_text("Đã ghi nhận quyết định phê duyệt phương án.")
    officer.get_by_role("link", name="Báo cáo tổng hợp").click()
    expect(officer.locator("[data-total=before]")).to_have_text("573.750.000")
    expect(officer.locator("[data-total=after]")).to_have_text("165.000.000")
    expect(officer.locator("[data-total=saving]")).to_have_text("408.750.000")
    expect(officer.locator("[data-total=percent]")).to_have_text("71,24")
    accessible(officer)
    officer.screenshot(path=f"/tmp/review-summary-{viewport['width']}.png", full_page=True)
