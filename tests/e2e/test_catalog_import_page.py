"""The back office's catalog upload in Chromium (issue 18): the control officer picks a file, the page shows
the progress while the import runs (a progress bar and "Đã xử lý n/N thủ tục" in a live status region),
then the row-by-row report; the dry run writes nothing, the import writes, the report downloads."""

import csv

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from motcua.catalog.models import Procedure
from motcua.org.models import Role
from tests.catalog.factories import SectorFactory
from tests.catalog.test_import_layouts import HEADER, ROWS
from tests.e2e.helpers import log_in
from tests.factories import AgencyFactory, RoleAssignmentFactory, StaffFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def catalog_file(transactional_db, tmp_path):
    SectorFactory(code="G09-TP01", name="Hộ tịch")
    officer = StaffFactory(username="kiemsoat-e2e", full_name="Lê Thị Kiểm")
    RoleAssignmentFactory(user=officer, agency=AgencyFactory(), role=Role.CONTROL_OFFICER)
    path = tmp_path / "tthc.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    return path


def test_the_officer_sees_progress_then_the_report_and_imports(
    new_context, viewport, live_server, catalog_file
):
    page = log_in(new_context, viewport, live_server, "kiemsoat-e2e")
    page.goto(f"{live_server.url}{reverse('catalog:import')}")
    expect(page.get_by_label("Chạy thử, chưa ghi")).to_be_checked()
    page.get_by_label("Tệp danh mục (.xlsx, .json, .csv)").set_input_files(catalog_file)
    page.get_by_role("button", name="Kiểm tra và nhập").click()

    status = page.get_by_role("status")
    expect(status).to_contain_text("Đã xử lý 2/2 thủ tục")
    expect(status.locator("progress").last).to_have_attribute("value", "2")
    expect(page.get_by_role("heading", name="Kết quả chạy thử (chưa ghi gì)")).to_be_visible()
    report = page.get_by_role("table", name="Kết quả từng thủ tục")
    expect(report).to_contain_text("1.001193")
    expect(report).to_contain_text("C08_XPHCDB")
    assert not Procedure.objects.exists()

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải báo cáo (CSV)").click()
    assert "1.001193" in download.value.path().read_text(encoding="utf-8-sig")

    page.get_by_label("Chạy thử, chưa ghi").uncheck()
    page.get_by_label("Tệp danh mục (.xlsx, .json, .csv)").set_input_files(catalog_file)
    page.get_by_role("button", name="Kiểm tra và nhập").click()
    expect(page.get_by_role("heading", name="Đã nhập", exact=True)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Đã xử lý 2/2 thủ tục")
    assert Procedure.objects.count() == 2
