"""The strict Content-Security-Policy breaks nothing in a real browser: no violation, no script error, and the
control dashboard's charts (code moved out of the page) still draw (issue 19)."""

import pytest
from playwright.sync_api import expect

from motcua.org.models import Role
from tests.e2e.helpers import log_in
from tests.factories import RoleAssignmentFactory, StaffFactory, province_with_communes

pytestmark = pytest.mark.e2e


def watch(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}])
def test_pages_and_the_dashboard_run_under_the_policy(new_context, viewport, live_server, transactional_db):
    province = province_with_communes(["Xã A"])
    officer = StaffFactory(username="kiemsoat-csp")
    RoleAssignmentFactory(user=officer, agency=province.office, role=Role.CONTROL_OFFICER)
    page = log_in(new_context, viewport, live_server, "kiemsoat-csp")
    problems = watch(page)
    for path in ("/", "/thu-tuc/", "/lich-lam-viec/", "/to-chuc/", "/ho-so/tra-cuu/"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
    page.goto(f"{live_server.url}/kiem-soat/tong-quan/")
    expect(page.locator("#chart-data")).to_be_attached()
    assert page.evaluate("typeof Chart") == "function"
    assert problems == []
