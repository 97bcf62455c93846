"""The citizen pays a fee in a real browser (issue 17): the payment section shows the collecting centre's
account with its VietQR code, passes axe-core at phone and desktop width, and once the desk has collected
the fee the e-receipt opens as a PDF from the same page."""

import json
from datetime import date

import pytest
from playwright.sync_api import expect

from motcua.dossiers import payments, reference
from motcua.integrations.models import CollectionAccount
from tests.dossiers.factories import build_desk
from tests.dossiers.test_payment import fee_procedure, online
from tests.e2e.helpers import log_in
from tests.e2e.test_accessibility import blocking_violations
from tests.factories import CitizenFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def owing(transactional_db):
    reference.clear()
    desk = build_desk()
    CollectionAccount.objects.create(
        agency=desk.centre(),
        bank_name="Ngân hàng TMCP Công Thương Việt Nam (VietinBank)",
        bank_bin="970415",
        account_number="119000990001",
        account_name="TRUNG TAM PHUC VU HANH CHINH CONG XA A",
        valid_from=date(2025, 7, 1),
    )
    citizen = CitizenFactory(username="nguoinop.e2e", full_name="Trần Minh Khoa")
    return desk, citizen, online(desk, citizen, fee_procedure(desk))


def test_the_citizen_pays_by_vietqr_and_downloads_the_receipt(new_context, viewport, live_server, owing):
    desk, citizen, dossier = owing
    page = log_in(new_context, viewport, live_server, citizen.username)
    page.goto(f"{live_server.url}/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/")
    code = page.get_by_test_id("vietqr")
    expect(code).to_be_visible()
    expect(code.get_by_role("img", name=f"Mã VietQR chuyển khoản phí hồ sơ {dossier.code}")).to_be_visible()
    expect(code).to_contain_text(dossier.code)
    box = code.locator("svg").bounding_box()
    assert box is not None
    assert box["width"] >= 120  # large enough for a phone camera
    assert box["x"] + box["width"] <= viewport["width"]
    violations = blocking_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=2)
    page.screenshot(path=f"/tmp/daily-vietqr-{viewport['width']}.png", full_page=True)

    payments.confirm_payment(actor=desk.officer_a, dossier=dossier, method="counter")
    page.reload()
    expect(page.get_by_test_id("vietqr")).to_have_count(0)
    link = page.get_by_test_id("payment-receipt")
    expect(link).to_have_text("Biên lai điện tử (PDF)")
    response = page.request.get(f"{live_server.url}{link.get_attribute('href')}")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
