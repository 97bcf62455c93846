"""Feedback from sending to disagreement: a visitor sends feedback without an account, the provincial office
classifies and routes it, the department drafts an answer, its leader approves, the office publishes it,
the answer is on the public page, and the sender, back through tracking, disagrees. axe-core checks each
new page."""

import json
import re

import pytest
from playwright.sync_api import Page, expect

from motcua.feedback.models import Feedback, FeedbackDesk
from motcua.org.models import Role
from tests.e2e.conftest import DESKTOP
from tests.e2e.helpers import log_in, open_menu
from tests.e2e.test_accessibility import blocking_violations
from tests.factories import RoleAssignmentFactory, StaffFactory, province_with_communes

pytestmark = pytest.mark.e2e


@pytest.fixture
def people(transactional_db):
    province = province_with_communes(["Xã A"])
    FeedbackDesk.objects.create(agency=province.office, role=Role.CONTROL_OFFICER, is_default=True)
    for username, agency, role in [
        ("kiemsoat-e2e", province.office, Role.CONTROL_OFFICER),
        ("chuyenvien-e2e", province.department, Role.SPECIALIST),
        ("lanhdao-e2e", province.department, Role.AGENCY_LEADER),
    ]:
        RoleAssignmentFactory(
            user=StaffFactory(username=username, full_name=username), agency=agency, role=role
        )
    return province


def accessible(page: Page) -> None:
    violations = blocking_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=2)


def act(page: Page, button: str) -> None:
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("status").first).to_contain_text("Đã thực hiện")


@pytest.mark.parametrize("viewport", [DESKTOP], indirect=True)
def test_send_classify_route_answer_approve_publish_disagree(new_context, viewport, live_server, people):
    url = live_server.url
    sender = new_context(viewport=viewport).new_page()
    sender.goto(f"{url}/phan-anh/gui/")
    accessible(sender)
    sender.get_by_label("Họ tên hoặc tên tổ chức").fill("Nguyễn Thị Hạnh")
    sender.get_by_label("Điện thoại").fill("0912 345 678")
    sender.get_by_label("Tiêu đề").fill("Yêu cầu giấy tờ ngoài quy định khi chứng thực")
    sender.get_by_label("Nội dung phản ánh, kiến nghị").fill(
        "Cán bộ yêu cầu nộp thêm bản sao sổ hộ khẩu. Gọi tôi số 0912 345 678. <b>in đậm?</b>"
    )
    sender.get_by_role("button", name="Gửi phản ánh").click()
    code = sender.get_by_test_id("code").inner_text()
    assert re.fullmatch(r"PA[A-Z2-9]{8}", code)
    accessible(sender)
    item = Feedback.objects.get(code=code)

    office = log_in(new_context, viewport, live_server, "kiemsoat-e2e")
    office.goto(f"{url}/phan-anh/can-bo/")
    accessible(office)
    office.get_by_role("link", name=code).click()
    expect(office.get_by_test_id("sender")).to_contain_text("0912345678")
    accessible(office)
    office.get_by_label("Quy định, chính sách, thủ tục hành chính").check()
    act(office, "Tiếp nhận và phân loại")
    office.locator("#id_route-agency").select_option(label="Sở Tư pháp")
    act(office, "Chuyển cơ quan có thẩm quyền")
    expect(office.get_by_test_id("status")).to_contain_text("Đang xử lý")

    specialist = log_in(new_context, viewport, live_server, "chuyenvien-e2e")
    specialist.goto(f"{url}/phan-anh/can-bo/{item.pk}/")
    answer = specialist.get_by_role("textbox", name="Dự thảo trả lời")
    answer.fill("Sở đã chấn chỉnh; chứng thực không yêu cầu sổ hộ khẩu.")
    act(specialist, "Trình dự thảo trả lời")

    leader = log_in(new_context, viewport, live_server, "lanhdao-e2e")
    leader.goto(f"{url}/phan-anh/can-bo/{item.pk}/")
    act(leader, "Duyệt trả lời")

    office.goto(f"{url}/phan-anh/can-bo/{item.pk}/")
    act(office, "Công khai kết quả")
    expect(office.get_by_test_id("status")).to_have_text("Đã công khai kết quả")

    public = new_context(viewport=viewport).new_page()
    public.goto(f"{url}/phan-anh/")
    accessible(public)
    public.get_by_role("link", name="Yêu cầu giấy tờ ngoài quy định khi chứng thực").click()
    expect(public.get_by_test_id("answer")).to_contain_text("không yêu cầu sổ hộ khẩu")
    expect(public.get_by_test_id("sender")).to_have_text("N. T. H.")
    expect(public.get_by_test_id("content")).not_to_contain_text("0912")
    expect(public.get_by_test_id("content")).to_contain_text("<b>in đậm?</b>")
    accessible(public)

    sender.goto(f"{url}/phan-anh/tra-cuu/")
    accessible(sender)
    sender.get_by_label("Mã phản ánh").fill(code)
    sender.get_by_label("4 số cuối điện thoại").fill("5678")
    sender.get_by_role("button", name="Tra cứu").click()
    expect(sender.get_by_test_id("status")).to_have_text("Đã công khai kết quả")
    accessible(sender)
    sender.get_by_role("button", name="Không đồng ý").click()
    expect(sender.get_by_role("status").first).to_contain_text("Cảm ơn bạn đã cho ý kiến.")
    item.refresh_from_db()
    assert (item.agree_count, item.disagree_count) == (0, 1)


PHONE_390 = {"width": 390, "height": 844}


def in_english(page: Page) -> None:
    open_menu(page)
    page.get_by_role("button", name="English").click()
    page.wait_for_selector("html[lang=en]")


def english_and_accessible(page: Page, *texts: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "en")
    for text in texts:
        expect(page.locator("main")).to_contain_text(text)
    accessible(page)


def test_the_feedback_pages_in_english_on_a_phone(new_context, live_server, people):
    """Issue 15: the citizen's pages (send, receipt, tracking, public answers) and the desk officer's (queue,
    item, recording) in the English interface at 390 px, each through axe-core with nothing serious."""
    url = live_server.url
    sender = new_context(viewport=PHONE_390).new_page()
    sender.goto(f"{url}/")
    in_english(sender)
    sender.goto(f"{url}/phan-anh/gui/")
    english_and_accessible(sender, "Full name or name of the organisation")
    sender.locator("#id_name").fill("Nguyễn Thị Hạnh")
    sender.locator("#id_phone").fill("0912 345 678")
    sender.locator("#id_title").fill("Extra papers asked for a certified copy")
    sender.locator("#id_content").fill("The officer asked for a copy of the household book.")
    sender.locator("main form button[type=submit]").click()
    code = sender.get_by_test_id("code").inner_text()
    english_and_accessible(sender)
    sender.goto(f"{url}/phan-anh/tra-cuu/")
    english_and_accessible(sender)
    sender.locator("#id_code").fill(code)
    sender.locator("#id_secret").fill("5678")
    sender.locator("main form button[type=submit]").click()
    expect(sender.get_by_test_id("status")).to_have_text("Awaiting check and classification")
    english_and_accessible(sender)
    sender.goto(f"{url}/phan-anh/")
    english_and_accessible(sender)

    office = log_in(new_context, PHONE_390, live_server, "kiemsoat-e2e")
    in_english(office)
    office.goto(f"{url}/phan-anh/can-bo/")
    english_and_accessible(office, "Feedback to handle", "1 item.")
    office.get_by_role("link", name=code).click()
    english_and_accessible(office, "Handling history")
    office.goto(f"{url}/phan-anh/can-bo/nhap/")
    english_and_accessible(office)
