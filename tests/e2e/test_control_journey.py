"""A plan from issue to accepted result: the provincial officer issues a plan with a task, a commune
officer reports progress with evidence, the officer accepts it and the dashboard counts it on time."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from motcua.org.models import Role
from tests.e2e.helpers import log_in
from tests.factories import RoleAssignmentFactory, StaffFactory, province_with_communes

pytestmark = pytest.mark.e2e


@pytest.fixture
def people(transactional_db):
    province = province_with_communes(["Xã A", "Xã B"])
    officer = StaffFactory(username="kiemsoat-e2e", full_name="Kiểm", email="ks@example.invalid")
    RoleAssignmentFactory(user=officer, agency=province.office, role=Role.CONTROL_OFFICER)
    commune = StaffFactory(username="xa-a-e2e", full_name="Xã A", email="a@example.invalid")
    RoleAssignmentFactory(user=commune, agency=province.communes["Xã A"]["committee"], role=Role.SPECIALIST)
    return province


def test_plan_issue_report_accept_dashboard(new_context, viewport, live_server, people):
    today = timezone.localdate()
    officer = log_in(new_context, viewport, live_server, "kiemsoat-e2e")

    officer.goto(f"{live_server.url}/kiem-soat/ke-hoach/moi/")
    officer.get_by_label("Tên kế hoạch").fill("Kế hoạch kiểm soát TTHC năm thử")
    officer.get_by_label("Cơ quan ban hành").select_option(label="UBND Tỉnh Thử")
    officer.get_by_label("Cơ quan theo dõi, đôn đốc").select_option(label="Văn phòng UBND tỉnh")
    officer.get_by_label("Số, ký hiệu").fill("99/KH-UBND")
    officer.get_by_label("Ngày ký").fill(today.isoformat())
    officer.get_by_label("Từ năm").fill(str(today.year))
    officer.get_by_label("Đến năm").fill(str(today.year))
    officer.get_by_role("button", name="Lưu").click()
    expect(officer.get_by_role("status")).to_have_text("Đã tạo kế hoạch (dự thảo).")

    officer.get_by_role("link", name="Thêm nhiệm vụ").click()
    officer.get_by_label("Nội dung nhiệm vụ").fill("Niêm yết công khai TTHC tại Bộ phận Một cửa")
    officer.get_by_label("Cơ quan chủ trì").select_option(label="UBND Xã A")
    officer.get_by_label("Ngày bắt đầu").fill(today.isoformat())
    # Due within this year: the dashboard counts a task in the year of its deadline (in December, today + 30
    # days would be next year's).
    due = min(today + timedelta(days=30), date(today.year, 12, 31))
    officer.get_by_label("Hạn hoàn thành (nhiệm vụ một lần)").fill(due.isoformat())
    officer.get_by_role("button", name="Lưu").click()
    expect(officer.get_by_role("status")).to_have_text("Đã thêm nhiệm vụ.")
    officer.get_by_role("button", name="Ban hành kế hoạch").click()
    expect(officer.locator("#plan-status")).to_have_text("Đã ban hành")

    officer.goto(f"{live_server.url}/kiem-soat/tong-quan/")
    expect(officer.locator("#count-on-time")).to_have_text("0")

    commune = log_in(new_context, viewport, live_server, "xa-a-e2e")
    commune.goto(f"{live_server.url}/kiem-soat/viec-cua-toi/")
    commune.get_by_role("link", name="Niêm yết công khai TTHC tại Bộ phận Một cửa").click()
    commune.get_by_label("Tiến độ (%)").fill("100")
    commune.get_by_label("Kết quả thực hiện").fill("Đã niêm yết đủ 45 thủ tục")
    commune.get_by_label("Tệp minh chứng").set_input_files(
        files=[{"name": "anh-niem-yet.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8\xff\xe0jpeg"}]
    )
    commune.get_by_label("Đã hoàn thành (gửi cơ quan theo dõi duyệt)").check()
    commune.get_by_role("button", name="Gửi báo cáo").click()
    expect(commune.get_by_role("status")).to_have_text("Đã gửi báo cáo tiến độ.")
    expect(commune.get_by_role("link", name="📎 anh-niem-yet.jpg")).to_be_visible()

    officer.goto(f"{live_server.url}/kiem-soat/viec-cua-toi/")
    officer.get_by_role("link", name="nhiệm vụ 1").click()
    expect(officer.get_by_text("Đã niêm yết đủ 45 thủ tục")).to_be_visible()
    officer.get_by_role("button", name="Gửi ý kiến duyệt").click()
    expect(officer.get_by_role("status")).to_have_text("Đã chấp nhận kết quả.")

    officer.goto(f"{live_server.url}/kiem-soat/tong-quan/")
    expect(officer.locator("#count-on-time")).to_have_text("1")
    officer.get_by_role("link", name="UBND Xã A").click()
    expect(officer.get_by_text("Hoàn thành đúng hạn")).to_be_visible()
