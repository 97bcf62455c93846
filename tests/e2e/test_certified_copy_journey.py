"""The counter certifies an electronic copy in the browser (issue 22): the one-stop officer opens the page
from the queue, uploads the scan of the original the holder presents, confirms the comparison and certifies;
the register shows the copy with its number and a download link. axe-core finds nothing serious on the page,
empty, with the errors of a refused submission, and with the register, at phone and desktop width."""

import io

from PIL import Image
from playwright.sync_api import expect

from motcua.dossiers.models import CertifiedCopy
from tests.e2e.helpers import log_in
from tests.e2e.test_accessibility import blocking_violations


def test_the_officer_certifies_a_scanned_original_and_finds_it_in_the_register(
    new_context, viewport, live_server, desk
):
    scan = io.BytesIO()
    Image.new("RGB", (300, 420), "white").save(scan, "PNG")
    page = log_in(new_context, viewport, live_server, "motcua.a")
    page.goto(f"{live_server.url}/ho-so/")
    page.get_by_role("link", name="Chứng thực bản sao điện tử").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chứng thực bản sao điện tử từ bản chính")
    assert blocking_violations(page) == []

    page.get_by_role("button", name="Chứng thực và ký số").click()  # nothing filled in: refused, said why
    expect(page.get_by_role("alert")).to_contain_text("Vui lòng sửa các lỗi được đánh dấu bên dưới")
    assert blocking_violations(page) == []

    page.get_by_label("Tên giấy tờ (bản chính)").fill("Giấy khai sinh")
    page.get_by_label("Cơ quan cấp bản chính").fill("UBND xã A")
    page.get_by_label("Họ tên người yêu cầu chứng thực").fill("Nguyễn Văn An")
    page.get_by_label("Số định danh cá nhân").fill("001099012345")
    page.get_by_label("Bản quét bản chính").set_input_files(
        files=[{"name": "scan.png", "mimeType": "image/png", "buffer": scan.getvalue()}]
    )
    page.get_by_label("Tôi đã đối chiếu bản quét với bản chính").check()
    page.get_by_role("button", name="Chứng thực và ký số").click()

    copy = CertifiedCopy.objects.get()
    expect(page.get_by_text(f"Đã chứng thực bản sao điện tử số {copy.register_number}.")).to_be_visible()
    register = page.get_by_test_id("certification-register")
    expect(register).to_contain_text(copy.register_number)
    expect(register).to_contain_text("Giấy khai sinh")
    expect(register.get_by_role("link", name=f"Tải bản sao {copy.register_number} (PDF)")).to_be_visible()
    assert blocking_violations(page) == []
