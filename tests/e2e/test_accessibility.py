"""axe-core in the browser: no serious or critical WCAG findings on the base pages."""

import json

import pytest
from playwright.sync_api import Page, expect

from motcua.dossiers import reference
from tests.e2e.helpers import open_menu
from tests.e2e.sweep import axe_violations
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.e2e


def blocking_violations(page: Page) -> list[dict]:
    """Run axe on the page as shown, with the phone menu open so that its colours are checked too."""
    open_menu(page)
    return axe_violations(page)


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


@pytest.fixture
def demo(transactional_db):
    """The demo province without its bulk of generated dossiers: each role with the records its pages show."""
    from django.db import transaction

    from motcua.demo import catalog, citizens, contest, control, faq, feedback, org, portal, review

    reference.clear()
    for part in (org, catalog, control, citizens, portal, faq, feedback, review, contest):
        with transaction.atomic():
            part.load()
    reference.clear()


def demo_logins() -> dict[str, str]:
    """One demo account per role (those working the demo citizen's dossiers first), a citizen, a visitor."""
    from motcua.demo.org import USERS
    from motcua.demo.records import read

    cast = read("citizens.json")
    preferred = {cast["citizen"], *cast["officers"].values()}
    chosen: dict[str, str] = {}
    for user in sorted(USERS, key=lambda u: u.username not in preferred):
        chosen.setdefault(user.role.value if user.role else "citizen", user.username)
    return {"anonymous": "", **chosen}


# Their content depends on who looks: checked for every role that reaches them.
PER_ROLE = {"dossiers:queues", "dossiers:detail", "control:dashboard", "control:plan", "feedback:item"}


# Pages an officer uses all day, checked again in English on a phone (the longer English labels wrap).
ENGLISH_ON_PHONE = {"home", "dossiers:queues", "dossiers:reception", "dossiers:detail", "dossiers:search"}


def signed_in(new_context, live_server, username: str, width: int) -> Page:
    from motcua.demo.org import DEMO_PASSWORD

    page = new_context(viewport={"width": width, "height": 900}).new_page()
    if username:
        page.goto(f"{live_server.url}/dang-nhap/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(DEMO_PASSWORD)
        page.locator("main form button[type=submit]").click()
        expect(page).to_have_url(f"{live_server.url}/")
    return page


def test_every_page_of_every_demo_role(new_context, live_server, demo):
    """Issue 17: no serious or critical axe finding on any page a demo role reaches by following links, at
    1366 and 390 px; the desk officer's daily pages in English at 390 px too. One browser, one signed-in
    context per role and width."""
    from tests.e2e.sweep import Sweep, crawl, english_pass

    logins = demo_logins()
    sweeps = {}
    for width in (1366, 390):
        sweep = sweeps[width] = Sweep()
        for role, username in logins.items():
            page = signed_in(new_context, live_server, username, width)
            crawl(page, live_server.url, role, sweep, PER_ROLE, open_nav=open_menu)
            if width == 390 and role == "one_stop_officer":
                english_pass(page, role, sweep, ENGLISH_ON_PHONE, switch=in_english)
            if width == 390 and role == "control_officer":
                chart_labels_fit_a_phone(page, live_server.url)
            page.context.close()
    report = "\n\n".join(f"{width} px: {sweep.report()}" for width, sweep in sweeps.items())
    for sweep in sweeps.values():
        assert len(sweep.visited) > 100, report
        assert not sweep.findings, report
        assert not sweep.server_errors, report
        assert not sweep.refused, report  # no link a role is shown answers it 403/404 (issue 17)


def chart_labels_fit_a_phone(page: Page, origin: str) -> None:
    """Issue 17: on the control dashboard at phone width every bar keeps its own label (none skipped), long
    agency names wrap instead of being clipped, and both axes are titled."""
    page.goto(f"{origin}/kiem-soat/tong-quan/")
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-agencies')")
    chart = page.evaluate(
        """() => { const c = Chart.getChart('chart-agencies'); const y = c.scales.y, x = c.scales.x;
                   return {labels: c.data.labels, ticks: y.ticks.length, xTitle: x.options.title.text,
                           right: c.canvas.getBoundingClientRect().right, width: window.innerWidth}; }"""
    )
    assert len(chart["labels"]) >= 5  # the demo's lead agencies
    assert chart["ticks"] == len(chart["labels"])
    assert all(len(line) <= 16 or " " not in line for label in chart["labels"] for line in label)
    assert chart["xTitle"] == "Số kỳ nhiệm vụ"
    assert chart["right"] <= chart["width"]


def in_english(page: Page) -> None:
    open_menu(page)
    page.get_by_role("button", name="English").click()
    page.wait_for_selector("html[lang=en]")
