"""Issue 17: when logged in, the main navigation stays on one row at 1280 and 1366 px, in both languages."""

import re

import pytest
from playwright.sync_api import expect

from motcua.dossiers import reference
from tests.dossiers.factories import build_desk
from tests.e2e.helpers import log_in
from tests.factories import CitizenFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def desk(transactional_db):
    reference.clear()
    desk = build_desk()
    # The longest bar: an officer who is also an administrator, with a long name.
    desk.officer_a.is_staff = True
    desk.officer_a.full_name = "Nguyễn Thị Thanh Hương"
    desk.officer_a.save()
    CitizenFactory(username="congdan.nav", full_name="Trần Văn Bình")
    return desk


def _rows(page) -> int:
    """How many rows the bar's items sit on (their distinct top edges, to the pixel)."""
    tops = page.evaluate(
        """() => [...document.querySelectorAll(
              '#nav-main .navbar-nav > .nav-item, #nav-main form, #nav-main .mc-user, .navbar-brand')]
            .filter(e => e.offsetParent !== null)
            .map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))"""
    )
    rows = sorted(set(tops))
    merged = [rows[0]]
    for top in rows[1:]:
        if top - merged[-1] > 12:
            merged.append(top)
    return len(merged)


@pytest.mark.parametrize("width", [1280, 1366])
@pytest.mark.parametrize("username", ["motcua.a", "congdan.nav"])
def test_the_bar_is_one_row_when_logged_in(new_context, live_server, desk, width, username):
    page = log_in(new_context, {"width": width, "height": 800}, live_server, username)
    expect(page.locator(".navbar-toggler")).to_be_hidden()
    assert _rows(page) == 1
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert _rows(page) == 1


def test_the_officers_information_menu_works_by_keyboard_and_marks_the_current_page(
    new_context, live_server, desk
):
    page = log_in(new_context, {"width": 1366, "height": 800}, live_server, "motcua.a")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    menu = nav.get_by_role("button", name="Thông tin")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    expect(nav.get_by_role("link", name="Lịch làm việc")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/to-chuc/")
    expect(menu).to_have_class(re.compile(r"\bactive\b"))
    menu.click()
    expect(nav.get_by_role("link", name="Danh bạ cơ quan")).to_have_attribute("aria-current", "page")
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")


def test_a_visitor_sees_the_information_pages_on_the_bar(new_context, live_server, desk):
    page = new_context(viewport={"width": 1366, "height": 800}).new_page()
    page.goto(f"{live_server.url}/")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    for name in ("Lịch làm việc", "Danh bạ cơ quan", "Hướng dẫn", "Hỏi đáp"):
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(nav.get_by_role("button", name="Thông tin")).to_have_count(0)
    assert _rows(page) == 1
