"""Communication in the browser (issue 21), DEBUG off, axe-core on every page visited:

- Q&A: a visitor asks on a phone (390 px) → the provincial desk routes the question to the department →
  its specialist drafts the answer → its leader approves → the desk publishes → the public Q&A shows the
  answer with the asker's name masked.
- Bulletin: a commune's communication officer writes a draft and submits it → the provincial editor
  approves → the public bulletin page and its RSS feed carry it; the script in the body is gone.
- Training: the communication officer creates a course, enrols the commune's one-stop officers, takes
  the attendance, issues the certificates, and reads the coverage, at desktop and phone width.
"""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from motcua.org.models import Role
from motcua.outreach.models import Article, ArticleCategory, FaqTopic, Question, TrainingCourse
from tests.e2e.helpers import log_in
from tests.e2e.test_accessibility import blocking_violations
from tests.factories import RoleAssignmentFactory, StaffFactory, province_with_communes

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 800}


def accessible(page: Page) -> None:
    violations = blocking_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=2)


def staff(username: str, agency, role: str, name: str):
    user = StaffFactory(username=username, full_name=name)
    RoleAssignmentFactory(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def world(transactional_db):
    province = province_with_communes(["Xã A"])
    commune = province.communes["Xã A"]
    staff("bientap-e2e", province.office, Role.COMMUNICATION_OFFICER, "Hoàng Văn Tuyên")
    staff("tg-xa-a-e2e", commune["committee"], Role.COMMUNICATION_OFFICER, "Đinh Thị Viết")
    staff("cv-so-e2e", province.department, Role.SPECIALIST, "Ngô Văn Chuyên")
    staff("ld-so-e2e", province.department, Role.AGENCY_LEADER, "Trịnh Văn Lãnh")
    staff("mc-xa-a-e2e", commune["centre"], Role.ONE_STOP_OFFICER, "Bùi Thị Hoa")
    staff("mc2-xa-a-e2e", commune["centre"], Role.ONE_STOP_OFFICER, "Lý Văn Hai")
    FaqTopic.objects.create(name="Hộ tịch", order=1)
    ArticleCategory.objects.create(name="Cải cách ở cơ sở", order=1)
    return province


def act(page: Page, button: str, status: str) -> None:
    page.get_by_role("button", name=button, exact=True).click()
    expect(page.get_by_test_id("status")).to_contain_text(status)
    accessible(page)


def test_a_question_from_the_portal_to_the_public_faq(new_context, live_server, world):
    url = live_server.url
    visitor = new_context(viewport=PHONE).new_page()
    visitor.goto(f"{url}/tuyen-truyen/dat-cau-hoi/")
    accessible(visitor)
    visitor.get_by_label("Họ và tên").fill("Nguyễn Văn Hỏi")
    visitor.get_by_label("Thư điện tử").fill("hoi@example.invalid")
    visitor.get_by_label("Tiêu đề câu hỏi").fill("Trích lục khai sinh bản sao")
    visitor.get_by_label("Nội dung câu hỏi").fill(
        "Tôi là Nguyễn Văn Hỏi, xin hỏi cấp bản sao trích lục ở đâu?"
    )
    visitor.get_by_role("button", name="Gửi câu hỏi").click()
    expect(visitor.get_by_test_id("code")).to_be_visible()
    accessible(visitor)
    question = Question.objects.get()
    item = f"{url}/tuyen-truyen/cau-hoi/{question.pk}/"

    desk = log_in(new_context, DESKTOP, live_server, "bientap-e2e")
    desk.goto(f"{url}/tuyen-truyen/cau-hoi/")
    accessible(desk)
    desk.get_by_role("link", name=question.code).click()
    expect(desk.get_by_test_id("asker")).to_contain_text("Nguyễn Văn Hỏi")  # the desk handles it
    desk.locator("#id_route-agency").select_option(label="Sở Tư pháp")
    act(desk, "Chuyển cơ quan trả lời", "Cơ quan đang trả lời")

    specialist = log_in(new_context, DESKTOP, live_server, "cv-so-e2e")
    specialist.goto(item)
    specialist.get_by_label("Nội dung trả lời").fill(
        "Ông Nguyễn Văn Hỏi nộp yêu cầu tại UBND xã nơi đã đăng ký khai sinh hoặc trực tuyến."
    )
    act(specialist, "Trình dự thảo trả lời", "Chờ lãnh đạo duyệt")

    leader = log_in(new_context, DESKTOP, live_server, "ld-so-e2e")
    leader.goto(item)
    act(leader, "Duyệt trả lời", "Đã duyệt, chờ công khai")

    desk.goto(item)
    desk.get_by_label("Chủ đề").select_option(label="Hộ tịch")
    expect(desk.get_by_label("Trả lời công khai")).not_to_have_value("Ông Nguyễn Văn Hỏi", timeout=1000)
    act(desk, "Công khai câu hỏi và trả lời", "Đã công khai")

    visitor.goto(f"{url}/dich-vu-cong/hoi-dap/")
    accessible(visitor)
    visitor.get_by_text("Trích lục khai sinh bản sao").first.click()
    page = visitor.content()
    assert "nộp yêu cầu tại UBND xã nơi đã đăng ký khai sinh" in page
    assert "Nguyễn Văn Hỏi" not in page  # masked in what is published


def test_an_article_from_draft_to_the_public_page_and_feed(new_context, live_server, world):
    url = live_server.url
    author = log_in(new_context, DESKTOP, live_server, "tg-xa-a-e2e")
    author.goto(f"{url}/tuyen-truyen/ban-tin/quan-ly/moi/")
    accessible(author)
    author.get_by_label("Cơ quan đăng").select_option(label="UBND Xã A")
    author.get_by_label("Chuyên mục").select_option(label="Cải cách ở cơ sở")
    author.get_by_label("Tiêu đề").fill("Xã A số hóa hồ sơ ngay khi tiếp nhận")
    author.get_by_label("Tóm tắt").fill("Mỗi hồ sơ được số hóa trong 12 phút.")
    author.locator("textarea[name=body]").fill(
        "<p>Từ tháng 9, <strong>Xã A</strong> số hóa mọi hồ sơ.</p><script>alert(1)</script>"
    )
    author.get_by_role("button", name="Lưu", exact=True).click()
    expect(author.get_by_test_id("status")).to_have_text("Bản nháp")
    accessible(author)
    act(author, "Gửi biên tập duyệt", "Chờ biên tập duyệt")
    article = Article.objects.get()

    editor = log_in(new_context, DESKTOP, live_server, "bientap-e2e")
    editor.goto(f"{url}/tuyen-truyen/ban-tin/quan-ly/{article.pk}/")
    act(editor, "Duyệt và đăng (hoặc hẹn giờ)", "Đã đăng")

    visitor = new_context(viewport=PHONE).new_page()
    visitor.goto(f"{url}/tuyen-truyen/ban-tin/")
    accessible(visitor)
    visitor.get_by_role("link", name="Xã A số hóa hồ sơ ngay khi tiếp nhận").click()
    expect(visitor.locator("main")).to_contain_text("số hóa mọi hồ sơ")
    assert "alert(1)" not in visitor.content()
    accessible(visitor)
    feed = visitor.request.get(f"{url}/tuyen-truyen/ban-tin/rss/")
    assert feed.ok
    assert "Xã A số hóa hồ sơ ngay khi tiếp nhận" in feed.text()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_training_course_with_attendance_certificates_and_coverage(
    new_context, live_server, world, viewport
):
    url = live_server.url
    held = timezone.localdate() - timedelta(days=7)
    officer = log_in(new_context, viewport, live_server, "bientap-e2e")
    officer.goto(f"{url}/tuyen-truyen/tap-huan/")
    accessible(officer)
    officer.get_by_role("link", name="Tạo lớp tập huấn").click()
    accessible(officer)
    officer.get_by_label("Cơ quan tổ chức").select_option(label="Văn phòng UBND tỉnh")
    officer.get_by_label("Chủ đề, nội dung").fill("Nghiệp vụ Bộ phận Một cửa")
    officer.get_by_label("Từ ngày").fill(f"{held:%d/%m/%Y}")
    officer.get_by_label("Đến ngày").fill(f"{held:%d/%m/%Y}")
    officer.get_by_label("Hình thức").select_option(label="Trực tiếp")
    officer.get_by_role("button", name="Lưu", exact=True).click()
    expect(officer.get_by_role("heading", level=1)).to_have_text("Nghiệp vụ Bộ phận Một cửa")
    accessible(officer)
    officer.get_by_label("Cơ quan, xã").select_option(label="UBND Xã A")
    officer.get_by_role("button", name="Thêm vào danh sách").click()
    expect(officer.get_by_role("status").first).to_contain_text("Đã thêm 2 học viên")
    officer.get_by_label("Có mặt: Bùi Thị Hoa").check()
    officer.get_by_role("button", name="Lưu điểm danh").click()
    expect(officer.get_by_role("status").first).to_contain_text("Đã lưu điểm danh")
    officer.get_by_role("button", name="Cấp giấy chứng nhận cho học viên có mặt").click()
    expect(officer.get_by_role("status").first).to_contain_text("Đã cấp 1 giấy chứng nhận")
    accessible(officer)
    course = TrainingCourse.objects.get()
    number = course.attendees.get(attended=True).certificate_number
    pdf = officer.request.get(
        f"{url}/tuyen-truyen/tap-huan/hoc-vien/{course.attendees.get(attended=True).pk}/giay-chung-nhan/"
    )
    assert pdf.headers["content-type"] == "application/pdf"
    expect(officer.get_by_role("link", name=number)).to_be_visible()
    officer.goto(f"{url}/tuyen-truyen/tap-huan/ty-le/?nam={held.year}")
    expect(officer.locator("main")).to_contain_text("1/2")
    accessible(officer)
