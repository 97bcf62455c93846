"""The signature section of the public tracking page in the browser (issue 22): the applicant looks the
dossier up and reads who signed the result and when; after the stored file is altered the same page says
the signature is no longer valid, and the check page refuses the altered file; axe-core finds nothing
serious on either page, at phone and desktop width."""

from playwright.sync_api import expect

from motcua.dossiers.models import Dossier
from tests.e2e.test_accessibility import blocking_violations
from tests.integrations.test_signatures import attach, flip_a_signed_byte, result_pdf


def look_up(page, live_server, dossier) -> None:
    page.goto(f"{live_server.url}/ho-so/tra-cuu/?code={dossier.code}")
    page.get_by_label("4 số cuối số điện thoại hoặc số định danh").fill("5678")
    page.get_by_role("button", name="Tra cứu").click()


def test_the_applicant_reads_who_signed_the_result_and_sees_a_tampered_file_fail(
    new_context, viewport, live_server, desk, tmp_path
):
    desk.leader_a.full_name = "Văn Đạo Mai"
    desk.leader_a.save()
    dossier = attach(desk, result_pdf())

    page = new_context(viewport=viewport).new_page()
    look_up(page, live_server, dossier)
    signatures = page.get_by_test_id("signatures")
    expect(signatures).to_contain_text("Hợp lệ")
    expect(signatures).to_contain_text("Văn Đạo Mai")
    expect(signatures.locator(".text-bg-danger")).to_have_count(0)
    assert blocking_violations(page) == []

    path = Dossier.objects.get(pk=dossier.pk).result_file.path
    with open(path, "rb") as handle:
        tampered = flip_a_signed_byte(handle.read())
    with open(path, "wb") as handle:
        handle.write(tampered)
    look_up(page, live_server, dossier)
    expect(page.get_by_test_id("signatures")).to_contain_text("Không hợp lệ")
    expect(page.get_by_test_id("signatures").locator(".text-bg-danger")).to_have_count(1)

    page.get_by_role("link", name="Kiểm tra chữ ký số của tệp kết quả bạn đang giữ").click()
    copy = tmp_path / "ket-qua.pdf"
    copy.write_bytes(tampered)
    page.locator("input[type=file]").set_input_files(str(copy))
    page.get_by_role("button", name="Kiểm tra", exact=True).click()
    expect(page.get_by_test_id("verdict")).to_have_text("Chữ ký số không hợp lệ")
    assert blocking_violations(page) == []
