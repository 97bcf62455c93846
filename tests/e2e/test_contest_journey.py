"""The initiative contest in the browser, from its set-up to the public winners page: the organising
officer creates the contest on the staff pages (rules, five phases, criteria, prizes, the jury; axe-core
at 1366 and 390 px) and launches it; the public page says which phase is running; a citizen enters from
a phone (390 px) and gets a receipt, the secretariat checks the entry and closes the entries, two jurors
score it (each sees only their own sheet), the rounds close, the prizes are announced and the winners
page shows them. axe-core finds nothing serious on the public pages at 390 px."""

import json
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from motcua.contest import services
from motcua.contest.models import Contest, Criterion, Entry, Member
from motcua.contest.workflows import Round
from motcua.org.models import Role
from tests.contest.conftest import ENTRY
from tests.e2e.helpers import log_in
from tests.e2e.test_accessibility import blocking_violations
from tests.factories import CitizenFactory, RoleAssignmentFactory, StaffFactory, province_with_communes

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 800}


def accessible(page: Page) -> None:
    violations = blocking_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=2)


TITLE = "Hội thi Tìm kiếm sáng kiến, giải pháp, mô hình cải cách TTHC"
CRITERIA = (("Tính mới, sáng tạo", "40", "10"), ("Hiệu quả", "35", "10"), ("Khả năng nhân rộng", "25", "5"))
PRIZES = (("Giải Nhất", "1", "10000000"), ("Giải Nhì", "1", "7000000"), ("Giải Ba", "1", "5000000"))


@pytest.fixture
def people(transactional_db):
    """The organising officer (communication officer of the provincial office), two officers who will
    judge, two citizens; no contest yet: it is set up on the pages."""
    province = province_with_communes(["Xã A"])
    organiser = StaffFactory(username="thuky-e2e", full_name="Phạm Thư Ký")
    RoleAssignmentFactory(user=organiser, agency=province.office, role=Role.COMMUNICATION_OFFICER)
    for username, agency in (("giamkhao1-e2e", province.office), ("giamkhao2-e2e", province.department)):
        juror = StaffFactory(username=username, full_name=username)
        RoleAssignmentFactory(user=juror, agency=agency, role=Role.SPECIALIST)
    CitizenFactory(username="congdan-e2e", full_name="Nguyễn Thị Sáng")
    rival = CitizenFactory(username="congdan2-e2e", full_name="Trần Văn Kiến")
    return province, rival


def day(offset: int) -> str:
    return (date.today() + timedelta(days=offset)).strftime("%d/%m/%Y")


def accessible_at_both_widths(page: Page) -> None:
    accessible(page)
    page.set_viewport_size(PHONE)
    accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(DESKTOP)
    page.reload()


def set_up(page: Page, url: str) -> Contest:
    """The organiser creates the contest, lays down its criteria and prizes, appoints the jury and
    launches it, all on the staff pages."""
    page.goto(f"{url}/sang-kien/quan-ly/")
    page.get_by_role("link", name="Tạo hội thi").click()
    accessible_at_both_widths(page)
    page.get_by_label("Mã hội thi").fill("SK2026")
    page.get_by_label("Tên hội thi").fill(TITLE)
    page.get_by_label("Cơ quan tổ chức").select_option(label="Văn phòng UBND tỉnh")
    page.get_by_label("Căn cứ").fill("Kế hoạch 45/KH-UBND ngày 01/3/2026")
    page.get_by_label("Thể lệ").fill("Mỗi tác giả gửi tối đa hai bài.\n\nBài gửi qua Cổng dịch vụ công.")
    page.get_by_label("Số bài vào chung khảo").fill("3")
    for phase, start in (
        ("Phát động", -30),
        ("Nhận bài dự thi", -5),
        ("Sơ khảo", 60),
        ("Chung khảo", 90),
        ("Tổng kết, trao giải", 110),
    ):
        page.get_by_label(f"{phase}: từ ngày").fill(day(start))
        page.get_by_label(f"{phase}: đến ngày").fill(day(start + 19))
    page.get_by_role("button", name="Tạo hội thi").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thiết lập hội thi")
    expect(page.get_by_text("Tổng trọng số các tiêu chí phải bằng 100%")).to_be_visible()
    for name, weight, maximum in CRITERIA:
        page.locator("#id_criterion-name").fill(name)
        page.get_by_label("Trọng số (%)").fill(weight)
        page.get_by_label("Thang điểm").fill(maximum)
        page.get_by_role("button", name="Thêm tiêu chí").click()
        expect(page.get_by_test_id("criteria")).to_contain_text(name)
    for name, count, amount in PRIZES:
        page.locator("#id_prize-name").fill(name)
        page.get_by_label("Số giải").fill(count)
        page.get_by_label("Giá trị (đồng)").fill(amount)
        page.get_by_role("button", name="Thêm giải").click()
        expect(page.get_by_test_id("prizes")).to_contain_text(name)
    for username in ("giamkhao1-e2e", "giamkhao2-e2e"):
        page.get_by_label("Cán bộ").select_option(label=f"{username} ({username})")
        page.get_by_label("Vai trò").select_option("juror")
        page.get_by_role("button", name="Thêm thành viên").click()
        expect(page.get_by_test_id("members")).to_contain_text(username)
    expect(page.get_by_text("Chưa thể phát động")).to_have_count(0)
    accessible_at_both_widths(page)
    press(page, "Phát động hội thi")
    expect(page.get_by_test_id("status")).to_have_text("Đang nhận bài dự thi")
    return Contest.objects.get(code="SK2026")


def press(page: Page, name: str) -> None:
    page.get_by_role("button", name=name).click()
    expect(page.get_by_role("status").first).to_contain_text("Đã")


def score(page: Page, url: str, criteria, values) -> None:
    page.goto(url)
    for criterion, value in zip(criteria, values, strict=True):
        page.get_by_label(criterion.name).fill(value)
    page.get_by_label("Nhận xét").fill("Cách làm dễ nhân rộng")
    press(page, "Lưu phiếu chấm")


def test_set_up_launch_enter_score_award_and_the_public_winners_page(new_context, live_server, people):
    _province, rival = people
    url = live_server.url
    secretary = log_in(new_context, DESKTOP, live_server, "thuky-e2e")
    contest_row = set_up(secretary, url)
    criteria = list(Criterion.objects.filter(contest=contest_row).order_by("order"))
    assert [(c.name, c.weight) for c in criteria] == [(n, int(w)) for n, w, _m in CRITERIA]

    citizen = log_in(new_context, PHONE, live_server, "congdan-e2e")
    citizen.goto(f"{url}/sang-kien/")
    accessible(citizen)
    citizen.get_by_role("link", name=contest_row.title).click()
    expect(citizen.get_by_test_id("current-phase")).to_contain_text("Đang diễn ra: Nhận bài dự thi")
    accessible(citizen)
    citizen.get_by_role("link", name="Gửi bài dự thi").click()
    accessible(citizen)
    citizen.get_by_label("Loại").select_option("model")
    citizen.get_by_label("Tên sáng kiến, giải pháp, mô hình").fill(
        "Tổ hỗ trợ dịch vụ công tại nhà văn hóa thôn"
    )
    citizen.get_by_label("Tóm tắt").fill("Thanh niên hướng dẫn người cao tuổi nộp hồ sơ trực tuyến.")
    citizen.get_by_label("Nội dung, cách làm, hiệu quả").fill(
        "Mỗi tối thứ Bảy, <b>2 giờ</b>; 300 hồ sơ trong 3 tháng."
    )
    citizen.get_by_label("Tệp kèm theo").set_input_files(
        files=[{"name": "mo-hinh.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}]
    )
    citizen.get_by_role("button", name="Gửi bài dự thi").click()
    expect(citizen.get_by_test_id("code")).to_have_text("SK2026-0001")
    expect(citizen.get_by_text("mo-hinh.pdf")).to_be_visible()
    accessible(citizen)
    mine = Entry.objects.get(code="SK2026-0001")
    assert "<b>" in mine.description  # kept as typed, shown as text below
    other = services.submit_entry(
        actor=rival, contest=contest_row, data={**ENTRY, "title": "Phiếu hẹn qua Zalo"}
    )

    secretary.goto(f"{url}/sang-kien/quan-ly/SK2026/bai/{mine.pk}/")
    expect(secretary.get_by_text("<b>2 giờ</b>", exact=False)).to_be_visible()
    secretary.get_by_label("Hợp lệ", exact=True).check()
    press(secretary, "Ghi kết quả kiểm tra")
    expect(secretary.get_by_test_id("status")).to_contain_text("Hợp lệ")
    services.check_entry(actor=contest_row.members.get(role="secretariat").user, entry=other, eligible=True)
    secretary.goto(f"{url}/sang-kien/quan-ly/SK2026/")
    press(secretary, "Kết thúc nhận bài, bắt đầu sơ khảo")

    entry_url = f"{url}/sang-kien/quan-ly/SK2026/bai/{mine.pk}/"
    jurors = {}
    for username, values in (("giamkhao1-e2e", ("9", "8,5", "4")), ("giamkhao2-e2e", ("8", "8", "5"))):
        page = log_in(new_context, DESKTOP, live_server, username)
        score(page, entry_url, criteria, values)
        expect(page.get_by_text("Điểm các giám khảo")).to_have_count(0)  # blind
        jurors[username] = page
        juror_user = Member.objects.get(user__username=username).user
        services.score_entry(
            actor=juror_user, entry=other, round=Round.PRELIMINARY, marks=marks_for(criteria, 5, 5, 2)
        )

    secretary.goto(f"{url}/sang-kien/quan-ly/SK2026/")
    expect(secretary.get_by_text("2/2").first).to_be_visible()
    press(secretary, "Kết thúc sơ khảo, chọn bài vào chung khảo")
    expect(secretary.get_by_test_id("standings-preliminary")).to_contain_text("SK2026-0001")

    for username, values in (("giamkhao1-e2e", ("9,5", "9", "5")), ("giamkhao2-e2e", ("9", "9", "4,5"))):
        page = jurors[username]
        page.goto(f"{url}/sang-kien/quan-ly/SK2026/")
        page.get_by_role("link", name="SK2026-0001 — Tổ hỗ trợ dịch vụ công tại nhà văn hóa thôn").click()
        score(page, page.url, criteria, values)
        juror_user = Member.objects.get(user__username=username).user
        services.score_entry(
            actor=juror_user, entry=other, round=Round.FINAL, marks=marks_for(criteria, 6, 6, 3)
        )
    secretary.goto(f"{url}/sang-kien/quan-ly/SK2026/")
    press(secretary, "Kết thúc chung khảo, xếp hạng và xét giải")
    expect(secretary.get_by_test_id("standings-final")).to_contain_text("Giải Nhất")
    press(secretary, "Công bố kết quả, trao giải")
    expect(secretary.get_by_test_id("status")).to_have_text("Đã trao giải")

    visitor = new_context(viewport=PHONE).new_page()
    visitor.goto(f"{url}/sang-kien/SK2026/ket-qua/")
    winners = visitor.get_by_test_id("winner")
    expect(winners.first).to_have_text("Tổ hỗ trợ dịch vụ công tại nhà văn hóa thôn")
    expect(visitor.get_by_role("heading", name="Giải Nhất")).to_be_visible()
    accessible(visitor)
    assert visitor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    secretary.goto(entry_url)
    press(secretary, "Đưa vào sổ mô hình hay, sáng kiến")
    visitor.goto(f"{url}/sang-kien/mo-hinh/")
    accessible(visitor)
    visitor.get_by_role("link", name="Tổ hỗ trợ dịch vụ công tại nhà văn hóa thôn").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "Tổ hỗ trợ dịch vụ công tại nhà văn hóa thôn"
    )
    accessible(visitor)


def marks_for(criteria, *values):
    return {c.pk: v for c, v in zip(criteria, values, strict=True)}
