"""axe-core in the browser: no serious or critical WCAG findings on the base pages."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import open_menu
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.e2e

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def blocking_violations(page: Page) -> list[dict]:
    """Run axe on the page as shown, with the phone menu open so that its colours are checked too."""
    open_menu(page)
    # Evaluated through the browser's devtools protocol, which the site's strict CSP (no inline scripts)
    # does not govern; the pages themselves still run under that CSP, so a blocked script fails a journey.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run()")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["html"] for n in v["nodes"][:5]],
        }
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("path", ["/", "/dang-nhap/", "/to-chuc/", "/lich-lam-viec/", "/khong-co-trang-nay/"])
def test_page_has_no_serious_violations(page: Page, live_server, centres_with_contacts, path):
    page.goto(f"{live_server.url}{path}")
    violations = blocking_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=2)


def test_login_errors_have_no_serious_violations(page: Page, live_server, staff):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_role("button", name="Đăng nhập").click()  # empty fields: errors under each field
    expect(page.locator(".invalid-feedback")).to_have_count(2)
    assert not blocking_violations(page)
    page.get_by_label("Tên đăng nhập").fill(staff.username)
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("alert")).to_be_visible()
    violations = blocking_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=2)


def test_signed_in_english_home_has_no_serious_violations(page: Page, live_server, centres_with_contacts):
    user = StaffFactory(username="quantri", is_staff=True)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("matkhau-thu-123")
    page.get_by_role("button", name="Đăng nhập").click()
    open_menu(page)
    page.get_by_role("button", name="English").click()
    page.wait_for_selector("html[lang=en]")
    violations = blocking_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=2)


def test_the_refusal_page_has_no_serious_violations_and_leads_back(page: Page, live_server):
    """A citizen who follows a link to an officers' page is told why, with the way back, accessibly."""
    citizen = CitizenFactory(username="congdan-axe")
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Số điện thoại, thư điện tử hoặc tên đăng nhập").fill(citizen.username)
    page.get_by_label("Mật khẩu").fill("matkhau-thu-123")
    page.get_by_role("button", name="Đăng nhập").click()
    response = page.goto(f"{live_server.url}/kiem-soat/")
    assert response is not None
    assert response.status == 403
    expect(page.get_by_role("alert")).to_contain_text("For officers only.")
    expect(page.get_by_role("link", name="Về trang chủ")).to_be_visible()
    violations = blocking_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=2)
