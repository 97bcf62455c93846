"""What a visitor and a staff member do on the base pages, at phone and desktop widths."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import open_menu

pytestmark = pytest.mark.e2e

PASSWORD = "matkhau-thu-123"


def test_staff_logs_in_switches_to_english_and_logs_out(page: Page, live_server, staff):
    page.goto(f"{live_server.url}/")
    expect(page).to_have_title("Trang chủ · MộtCửa")
    expect(page.locator("html")).to_have_attribute("lang", "vi")  # although the browser asks for English

    open_menu(page)
    page.get_by_role("link", name="Đăng nhập").click()
    expect(page).to_have_title("Đăng nhập · MộtCửa")
    page.get_by_label("Tên đăng nhập").fill("canbo-e2e")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(f"{live_server.url}/")

    open_menu(page)
    expect(page.locator(".mc-user")).to_have_text("Đang đăng nhập: Nguyễn Thị Lan")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_title("Home · MộtCửa")

    open_menu(page)
    nav = page.get_by_role("navigation", name="Main navigation")
    nav.get_by_role("button", name="Information").click()  # an officer's information pages share one menu
    expect(nav.get_by_role("link", name="Working calendar")).to_be_visible()
    expect(nav.get_by_role("link", name="Agency directory")).to_be_visible()
    page.get_by_role("button", name="Log out").click()

    open_menu(page)
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    expect(page.locator(".mc-user")).to_have_count(0)


def test_wrong_password_shows_vietnamese_error(page: Page, live_server, staff):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbo-e2e")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("alert")).to_contain_text("Tên đăng nhập hoặc mật khẩu không đúng.")


def test_keyboard_reaches_skip_link_first(page: Page, live_server, transactional_db):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Bỏ qua, đến nội dung chính")
    assert skip.bounding_box()["width"] > 100, "the skip link must become visible when focused"
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()


def test_keyboard_opens_the_navigation(page: Page, live_server, transactional_db):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # brand
    page.keyboard.press("Tab")
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        expect(toggler).to_be_focused()
        page.keyboard.press("Enter")
        expect(toggler).to_have_attribute("aria-expanded", "true")
        page.keyboard.press("Tab")
    first_link = page.locator("#nav-main .nav-link").first
    expect(first_link).to_be_focused()
    href = first_link.get_attribute("href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}{href}")
