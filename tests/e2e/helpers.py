"""Page actions shared by the browser journeys."""

import re

from playwright.sync_api import Page, expect

SHOWN = re.compile(r"(^|\s)show(\s|$)")


def open_menu(page: Page) -> None:
    """On a phone the navigation sits behind the toggler; on a desktop it is always shown."""
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        expect(page.locator("#nav-main")).to_have_class(SHOWN)


def log_in(new_context, viewport, live_server, username: str, password: str = "matkhau-thu-123") -> Page:
    """A fresh browser context at `viewport`, signed in as `username` and back on the home page."""
    page = new_context(viewport=viewport).new_page()
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(f"{live_server.url}/")
    return page


def press(page: Page, button: str) -> None:
    """Click an action's button on the dossier page, ticking its confirmation first where it asks for one."""
    target = page.get_by_role("button", name=button, exact=True)
    form = page.locator("form").filter(has=target)
    confirm = form.locator("input[name=confirm]")
    if confirm.count():
        confirm.check()
    target.click()
