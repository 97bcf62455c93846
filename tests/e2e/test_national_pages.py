"""The national connections' pages in the browser (issue 22): the control officer previews, then applies,
the national TTHC database's decision; the administrator reads what the portal intake could not take, and
reconciles a period with the portal, resending the change it lost. axe-core finds nothing serious on any of
these pages, at phone and desktop width."""

from playwright.sync_api import expect

from motcua.dossiers.national_intake import pull as pull_submissions
from motcua.integrations.models import PortalSync
from motcua.integrations.portal import sync
from motcua.org.models import Role
from tests.dossiers.factories import receive
from tests.e2e.helpers import log_in
from tests.e2e.test_accessibility import blocking_violations
from tests.factories import AgencyFactory, RoleAssignmentFactory, StaffFactory
from tests.integrations.test_national_catalog import database, decision, procedure  # noqa: F401
from tests.integrations.test_portal_intake import offer, portal  # noqa: F401


def test_the_control_officer_previews_then_applies_a_national_decision(
    new_context,
    viewport,
    live_server,
    database,  # noqa: F811
    transactional_db,
):
    database.publish(decision("101/QĐ-BTP", "2026-07-01", [procedure("1.001193", "Đăng ký khai sinh")]))
    officer = StaffFactory(username="kiemsoat-e2e", full_name="Cán bộ kiểm soát TTHC")
    RoleAssignmentFactory(user=officer, agency=AgencyFactory(), role=Role.CONTROL_OFFICER)

    page = log_in(new_context, viewport, live_server, "kiemsoat-e2e")
    page.goto(f"{live_server.url}/thu-tuc/quan-ly/csdl-quoc-gia/")
    page.get_by_role("button", name="Chạy thử").click()
    report = page.get_by_test_id("national-report")
    expect(report).to_contain_text("Kết quả chạy thử (chưa ghi gì)")
    expect(report).to_contain_text("1.001193")
    assert blocking_violations(page) == []

    page.get_by_role("button", name="Cập nhật danh mục").click()
    expect(page.get_by_test_id("national-report")).to_contain_text("Đã cập nhật danh mục")
    page.goto(f"{live_server.url}/thu-tuc/1.001193/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Đăng ký khai sinh")


def test_the_administrator_reads_why_a_submission_was_not_taken(
    new_context,
    viewport,
    live_server,
    desk,
    portal,  # noqa: F811
):
    item = offer(portal, desk, "G22.99-260101-0100")
    portal.files[item["GiayTo"][0]["TepTin"][0]["DuongDan"]] = b"%PDF-1.7 altered"
    pull_submissions()
    admin = StaffFactory(username="quantri-e2e", full_name="Quản trị hệ thống")
    RoleAssignmentFactory(user=admin, agency=desk.province.office, role=Role.ADMINISTRATOR)

    page = log_in(new_context, viewport, live_server, "quantri-e2e")
    page.goto(f"{live_server.url}/tich-hop/trang-thai/")
    failed = page.get_by_test_id("intake-failed")
    expect(failed).to_contain_text("G22.99-260101-0100")
    expect(failed).to_contain_text("không khớp kích thước hoặc mã băm")
    assert blocking_violations(page) == []


def test_the_administrator_reconciles_a_period_and_resends_what_the_portal_lost(
    new_context,
    viewport,
    live_server,
    desk,
    portal,  # noqa: F811
):
    dossier = receive(desk)
    assert sync.push_due() == 1
    (lost,) = PortalSync.objects.filter(dossier_code=dossier.code)
    portal.forget(lost.key)
    admin = StaffFactory(username="quantri-ds-e2e", full_name="Quản trị đối soát")
    RoleAssignmentFactory(user=admin, agency=desk.province.office, role=Role.ADMINISTRATOR)

    page = log_in(new_context, viewport, live_server, "quantri-ds-e2e")
    page.goto(f"{live_server.url}/tich-hop/trang-thai/")
    page.get_by_role("link", name="Đối soát với Cổng Dịch vụ công quốc gia và cổng thanh toán").click()
    page.get_by_role("button", name="Đối soát", exact=True).click()
    missing = page.get_by_test_id("missing-on-portal")
    expect(missing).to_contain_text(dossier.code)
    assert blocking_violations(page) == []

    page.get_by_role("button", name="Gửi lại các thay đổi đã chọn").click()
    expect(page.get_by_text("Đã đưa 1 thay đổi vào hàng gửi lại.")).to_be_visible()
    expect(page.get_by_test_id("missing-on-portal")).to_have_count(0)
    assert blocking_violations(page) == []
    lost.refresh_from_db()
    assert lost.state == "pending"
