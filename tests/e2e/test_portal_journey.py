"""The citizen's journey, from registration to rating, on a phone-sized screen and on a desktop.

A new citizen registers (the code comes from the outbox, as an SMS would), finds "Đăng ký khai sinh" by typing
"dang ky khai sinh", fills the online form, uploads the papers, saves a draft, logs out, logs in again and
resumes, then submits. The officer receives the dossier and asks for a supplement; the citizen supplements
online; the officer, the specialist and the leader finish it with an electronic result; the citizen downloads
the result and rates the service. Every citizen page on the way is checked with axe-core.
"""

import json
import re

import pytest
from playwright.sync_api import Page, expect

from motcua.dossiers import reference
from motcua.dossiers.models import Dossier
from motcua.evaluation.models import Rating
from motcua.integrations.models import OutboxMessage
from tests.dossiers.factories import build_desk
from tests.e2e.helpers import log_in, open_menu, press
from tests.e2e.test_accessibility import blocking_violations
from tests.portal.factories import PDF, PNG, online_form

pytestmark = pytest.mark.e2e

PHONE_NUMBER = "0987 654 321"
PASSWORD = "Khai-sinh-2026!"
CODE = re.compile(r"\b(\d{6})\b")


@pytest.fixture
def desk(transactional_db):
    reference.clear()
    desk = build_desk()
    online_form(desk.procedure)
    return desk


def accessible(page: Page) -> None:
    violations = blocking_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=2)
    # blocking_violations opened the phone menu: close it again so that it does not cover the page.
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible() and toggler.get_attribute("aria-expanded") == "true":
        toggler.click()


def latest_code() -> str:
    message = OutboxMessage.objects.filter(recipient="0987654321").latest("created_at")
    return CODE.search(message.body).group(1)


def register(page: Page, base: str) -> None:
    page.goto(f"{base}/tai-khoan/dang-ky/")
    accessible(page)
    page.get_by_label("Họ và tên").fill("Lê Thị Hoa")
    page.get_by_label("Số điện thoại hoặc thư điện tử").fill(PHONE_NUMBER)
    page.get_by_label(re.compile(r"^Mật khẩu")).fill(PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    page.get_by_label("Mã xác minh (6 chữ số)").fill(latest_code())
    accessible(page)
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_role("status")).to_contain_text("Tài khoản đã được kích hoạt")


def find_procedure(page: Page, base: str) -> None:
    page.goto(f"{base}/")
    page.get_by_label("Bạn cần làm thủ tục gì?").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm thủ tục").click()
    page.get_by_role("link", name="Đăng ký khai sinh").first.click()
    accessible(page)
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    accessible(page)
    page.get_by_role("button", name="Bắt đầu khai hồ sơ mới").click()


def fill_applicant_and_form(page: Page) -> None:
    accessible(page)
    page.get_by_label("Số định danh cá nhân (CCCD)").fill("001190012345")
    page.get_by_label("Xã, phường nơi cư trú").select_option(label="Xã A")
    page.get_by_label("Nơi tiếp nhận hồ sơ").select_option(label="Trung tâm PVHCC Xã A")
    page.get_by_role("button", name="Tiếp tục").click()
    accessible(page)
    page.get_by_label("Họ, chữ đệm, tên của trẻ").fill("Lê Minh Khang")
    page.get_by_label("Giới tính").select_option(label="Nam")
    page.get_by_label("Ngày, tháng, năm sinh").fill("2026-11-02")
    page.get_by_label("Nơi sinh").fill("Trạm y tế Xã A")
    page.get_by_label("Họ, chữ đệm, tên người mẹ").fill("Lê Thị Hoa")
    page.get_by_label("Tôi cam đoan nội dung khai là đúng").check()
    page.get_by_role("button", name="Tiếp tục").click()


def upload_and_save_draft(page: Page) -> None:
    accessible(page)
    inputs = page.locator("input[type=file]")
    for index in range(inputs.count()):
        inputs.nth(index).set_input_files(
            {"name": f"giay-to-{index}.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_text("giay-to-0.pdf").first).to_be_visible()


def log_out(page: Page) -> None:
    open_menu(page)
    page.get_by_role("button", name="Đăng xuất").click()


def resume_and_submit(page: Page, base: str) -> str:
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("tên đăng nhập").fill("0987.654.321")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{base}/dich-vu-cong/ho-so-nhap/")
    accessible(page)
    page.get_by_role("link", name=re.compile("Tiếp tục")).first.click()
    expect(page.get_by_text("giay-to-0.pdf").first).to_be_visible()
    page.get_by_role("button", name="Tiếp tục").click()
    accessible(page)
    expect(page.get_by_text("Lê Minh Khang")).to_be_visible()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    accessible(page)
    dossier = Dossier.objects.get()
    expect(page.get_by_text(dossier.code).first).to_be_visible()
    return dossier.code


def officer_act(page: Page, base: str, dossier: Dossier, button: str, **fields) -> None:
    page.goto(f"{base}/ho-so/{dossier.pk}/")
    for label, value in fields.items():
        page.get_by_label(label).first.fill(value)
    press(page, button)
    expect(page.get_by_role("status")).to_contain_text("Đã thực hiện")


def test_citizen_journey(new_context, viewport, live_server, desk):
    base = live_server.url
    citizen = new_context(viewport=viewport).new_page()
    register(citizen, base)
    find_procedure(citizen, base)
    fill_applicant_and_form(citizen)
    upload_and_save_draft(citizen)
    log_out(citizen)
    code = resume_and_submit(citizen, base)
    dossier = Dossier.objects.get(code=code)
    assert dossier.status == "submitted"
    assert dossier.channel == 2
    assert dossier.applicant_user.phone == "0987654321"

    officer = log_in(new_context, viewport, live_server, "motcua.a")
    officer_act(officer, base, dossier, "Tiếp nhận hồ sơ đã nộp")
    missing = {"Nội dung cần bổ sung": "Bản chụp giấy chứng sinh rõ hơn"}
    officer_act(officer, base, dossier, "Yêu cầu bổ sung", **missing)

    citizen.goto(f"{base}/dich-vu-cong/ho-so-cua-toi/")
    accessible(citizen)
    citizen.get_by_role("link", name=code).click()
    expect(citizen.get_by_text("Bản chụp giấy chứng sinh rõ hơn").first).to_be_visible()
    accessible(citizen)
    citizen.get_by_role("link", name="Bổ sung hồ sơ trực tuyến").click()
    accessible(citizen)
    citizen.locator("textarea").first.fill("Gửi lại bản chụp rõ nét")
    citizen.locator("input[type=file]").set_input_files(
        {"name": "giay-chung-sinh.png", "mimeType": "image/png", "buffer": PNG}
    )
    citizen.get_by_role("button", name="Gửi bổ sung").click()
    expect(citizen).to_have_url(f"{base}/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/")
    dossier.refresh_from_db()
    assert dossier.status == "received"

    officer_act(officer, base, dossier, "Chuyển bước tiếp theo")
    specialist = log_in(new_context, viewport, live_server, "chuyenvien.a")
    officer_act(specialist, base, dossier, "Chuyển bước tiếp theo")
    leader = log_in(new_context, viewport, live_server, "lanhdao.a")
    leader.goto(f"{base}/ho-so/{dossier.pk}/")
    leader.get_by_label("Số văn bản kết quả").fill("21/TLKS")
    leader.get_by_label("Tệp (PDF, JPEG, PNG)").set_input_files(
        {"name": "giay-khai-sinh.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    press(leader, "Cập nhật kết quả")
    expect(leader.get_by_role("status")).to_contain_text("Đã thực hiện")
    officer.goto(f"{base}/ho-so/{dossier.pk}/")
    officer.get_by_label("Hình thức trả").select_option(value="electronic")
    press(officer, "Trả kết quả")
    expect(officer.get_by_role("status")).to_contain_text("Đã thực hiện")

    citizen.goto(f"{base}/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/")
    accessible(citizen)
    result = citizen.get_by_role("link", name="Tải kết quả điện tử")
    download = citizen.request.get(f"{base}{result.get_attribute('href')}")
    assert download.ok
    assert download.body().startswith(b"%PDF")
    citizen.get_by_role("link", name="Đánh giá", exact=True).click()
    accessible(citizen)
    for fieldset in citizen.locator("fieldset").all():
        fieldset.locator("input[type=radio]").first.check()
    citizen.get_by_role("button", name="Gửi đánh giá").click()
    expect(citizen).to_have_url(f"{base}/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/")
    assert Rating.objects.filter(dossier=dossier, rated_by=dossier.applicant_user).exists()
