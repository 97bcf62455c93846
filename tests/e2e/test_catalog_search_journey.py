"""A citizen searches the catalog the way people type, in Chromium at phone and desktop widths.

From the home page, "xoa the chap" (no diacritics, "thế chấp" not in the procedure's name) finds the
deregistration of a mortgage first, through the officer's synonym; a search for something the catalog does
not hold answers "no match" with the query and the sectors to browse, instead of listing every procedure.
Both result pages pass axe-core.
"""

import pytest
from playwright.sync_api import Page, expect

from motcua.catalog import services
from tests.catalog.factories import SectorFactory, published
from tests.e2e.test_accessibility import blocking_violations

pytestmark = pytest.mark.e2e


@pytest.fixture
def page(new_context, viewport):
    """As tests/e2e/conftest.py's, but axe-core (injected as an inline script) passes the site's CSP."""
    return new_context(viewport=viewport, bypass_csp=True).new_page()


@pytest.fixture
def catalog(transactional_db):
    land = SectorFactory(code="G06-DB01", name="Đăng ký biện pháp bảo đảm")
    residence = SectorFactory(code="G08-CA01", name="Đăng ký, quản lý cư trú")
    services.save_synonym(actor=None, term="thế chấp", expansion="biện pháp bảo đảm")
    published(
        national_code="1.011443",
        name="Xoá Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất",
        sector=land.code,
    )
    published(national_code="9.900302", name="Xóa đăng ký tạm trú", sector=residence.code)
    published(national_code="1.004222", name="Đăng ký thường trú", sector=residence.code)


def test_citizen_finds_the_mortgage_and_is_told_when_nothing_matches(page: Page, live_server, catalog):
    page.goto(f"{live_server.url}/")
    page.get_by_label("Bạn cần làm thủ tục gì?").fill("xoa the chap")
    page.get_by_role("button", name="Tìm thủ tục").click()
    results = page.locator("ol[aria-labelledby=results-title] li a")
    expect(results.first).to_have_text(
        "Xoá Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất"
    )
    assert blocking_violations(page) == []

    page.goto(f"{live_server.url}/thu-tuc/?q=pizza+hamburger")
    expect(page.locator("#no-match")).to_contain_text("pizza hamburger")
    expect(results).to_have_count(0)
    expect(page.get_by_role("link", name="Đăng ký, quản lý cư trú")).to_be_visible()
    assert blocking_violations(page) == []
