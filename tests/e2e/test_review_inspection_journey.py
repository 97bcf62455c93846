"""An inspection in the browser: the provincial control officer plans an inspection of the department of
justice, records the minutes with the findings and a recommendation; the department's specialist reports it
done with an evidence file; the officer opens the file and accepts the result; the minutes come out as PDF.
axe-core checks each page at 390 and 1366 px."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.helpers import log_in
from tests.e2e.test_review_draft_journey import world  # noqa: F401  (the province, its users and plan)
from tests.e2e.test_review_journey import accessible

pytestmark = pytest.mark.e2e

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(
    params=[{"width": 390, "height": 844}, {"width": 1366, "height": 768}], ids=["phone-390", "desktop-1366"]
)
def viewport(request):
    """The widths the officers' own devices have (a 390 px phone, a 1366 px office screen)."""
    return request.param


def test_an_inspection_from_plan_to_accepted_follow_up(new_context, viewport, live_server, world):  # noqa: F811
    today = timezone.localdate()
    officer = log_in(new_context, viewport, live_server, "kiemsoat-e2e")
    officer.goto(f"{live_server.url}/ra-soat/kiem-tra/")
    accessible(officer)
    officer.locator("#id_plan").select_option(index=1)
    officer.get_by_label("Cơ quan được kiểm tra").select_option(label="Sở Tư pháp")
    officer.get_by_label("Nội dung kiểm tra").fill("Kiểm tra việc niêm yết TTHC và xin lỗi khi trễ hạn")
    officer.get_by_label("Từ ngày").fill(today.isoformat())
    officer.get_by_label("Đến ngày").fill(today.isoformat())
    officer.get_by_role("button", name="Lập kế hoạch kiểm tra").click()
    expect(officer.get_by_role("status")).to_have_text("Đã lập kế hoạch kiểm tra.")
    inspection_url = officer.url

    officer.get_by_label("Số biên bản").fill("12/BB-ĐKT")
    officer.get_by_label("Ngày lập biên bản").fill(today.isoformat())
    officer.get_by_label("Kết quả kiểm tra, tồn tại").fill("Còn 3 hồ sơ trễ hạn chưa có thư xin lỗi")
    officer.get_by_role("button", name="Lưu biên bản").click()
    expect(officer.get_by_role("status")).to_have_text("Đã lưu.")
    officer.get_by_label("Cơ quan thực hiện").select_option(label="Sở Tư pháp")
    officer.locator("#id_text").fill("Gửi thư xin lỗi người dân")
    officer.get_by_label("Hạn thực hiện").fill((today + timedelta(days=30)).isoformat())
    officer.get_by_role("button", name="Thêm kiến nghị").click()
    expect(officer.locator("#recommendations [data-testid=status]")).to_have_text("Chưa thực hiện")
    accessible(officer)

    department = log_in(new_context, viewport, live_server, "tuphap-e2e")
    department.goto(inspection_url)
    accessible(department)
    department.get_by_label("Kết quả, tài liệu chứng minh").fill("Công văn 815/STP kèm 3 thư xin lỗi")
    department.get_by_label("Tệp chứng minh").set_input_files(
        {"name": "cv-815.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    department.get_by_role("button", name="Báo cáo hoàn thành").click()
    expect(department.get_by_role("status")).to_have_text("Đã thực hiện: Báo cáo hoàn thành.")
    expect(department.locator("#recommendations [data-testid=status]")).to_have_text("Chờ chấp nhận kết quả")
    expect(department.get_by_role("button", name="Chấp nhận kết quả")).to_have_count(0)
    accessible(department)

    officer.goto(inspection_url)
    evidence = officer.get_by_role("link", name="cv-815.pdf").get_attribute("href")
    served = officer.request.get(f"{live_server.url}{evidence}")  # the officer's session, as a click
    assert served.status == 200
    assert served.headers["content-type"] == "application/pdf"
    officer.get_by_role("button", name="Chấp nhận kết quả").click()
    expect(officer.get_by_role("status")).to_have_text("Đã thực hiện: Chấp nhận kết quả.")
    expect(officer.locator("#recommendations [data-testid=status]")).to_contain_text("Đã chấp nhận kết quả")
    accessible(officer)
    officer.screenshot(path=f"/tmp/review-inspection-{viewport['width']}.png", full_page=True)
    minutes = officer.request.get(
        f"{live_server.url}{officer.get_by_role('link', name='Biên bản (PDF)').get_attribute('href')}"
    )
    assert minutes.status == 200
    assert minutes.body().startswith(b"%PDF-")
    officer.goto(f"{live_server.url}/ra-soat/kiem-tra/")
    expect(officer.locator("#inspection-counts")).to_contain_text("0 / 1")
