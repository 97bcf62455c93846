"""Issue 17: when logged in, the main navigation stays on one row at 1280 and 1366 px, in both languages."""

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
