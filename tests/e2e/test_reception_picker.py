"""Issue 17, counter work in the browser: the officer types a procedure's name without diacritics, picks it
from the list with the keyboard, and its checklist opens with the officer's own centre chosen."""

import pytest
from playwright.sync_api import expect

from motcua.dossiers import reference
from tests.dossiers.factories import build_desk
from tests.e2e.helpers import log_in
from tests.e2e.test_accessibility import blocking_violations

pytestmark = pytest.mark.e2e


@pytest.fixture
def desk(transactional_db):
    reference.clear()
    return build_desk()


def test_the_officer_finds_a_procedure_as_they_type(new_context, viewport, live_server, desk):
    page = log_in(new_context, viewport, live_server, "motcua.a")
    page.goto(f"{live_server.url}/ho-so/tiep-nhan/")
    search = page.get_by_role("combobox", name="Tìm thủ tục theo tên hoặc mã")
    search.press_sequentially("giay phep xay", delay=30)
    listbox = page.get_by_role("listbox", name="Tìm thủ tục theo tên hoặc mã")
    options = listbox.get_by_role("option")
    expect(options).to_have_count(1)
    expect(options.first).to_have_text(f"{desk.bound_procedure.national_code} — Cấp giấy phép xây dựng nhà ở")
    expect(search).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status").last).to_have_text("Số thủ tục tìm thấy: 1")
    violations = blocking_violations(page)  # the open list, checked as it is shown
    assert not violations, violations

    search.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    search.press("Enter")
    expect(page.get_by_role("heading", level=2, name="Cấp giấy phép xây dựng nhà ở")).to_be_visible()
    expect(page.get_by_label("Chọn thủ tục hành chính")).to_have_value(str(desk.bound_procedure.pk))
    expect(page.get_by_label("Nơi tiếp nhận")).to_have_value(str(desk.centre().pk))

    # Nothing relevant: said, not a list of everything.
    search = page.get_by_role("combobox", name="Tìm thủ tục theo tên hoặc mã")
    search.fill("")
    search.press_sequentially("zzqq", delay=30)
    expect(page.get_by_role("status").last).to_have_text("Không có thủ tục phù hợp.")
    expect(listbox).to_be_hidden()
