"""Issue 17, the citizen's papers at step 3 in a real browser: a file over the limit is refused before the
upload starts, in the server's words, and the valid file chosen beside it is sent and kept."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from motcua.dossiers import reference
from tests.dossiers.factories import build_desk
from tests.e2e.helpers import log_in
from tests.factories import CitizenFactory
from tests.portal.factories import PDF
from tests.portal.flow import documents, fill_to_documents, step_url

pytestmark = pytest.mark.e2e

TOO_LARGE = "Tệp quá lớn (tối đa 1 MB). / The file is too large (at most 1 MB)."


@pytest.fixture
def draft(transactional_db, settings):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 1024 * 1024
    reference.clear()
    desk = build_desk()
    citizen = CitizenFactory(username="congdan.tep", full_name="Nguyễn Văn An")
    client = Client()
    client.force_login(citizen)
    return desk, fill_to_documents(client, desk)


@pytest.mark.parametrize("width", [1366, 390])
def test_a_file_over_the_limit_is_refused_before_the_upload(new_context, live_server, draft, width):
    desk, draft = draft
    first, _second = documents(desk)
    page = log_in(new_context, {"width": width, "height": 900}, live_server, "congdan.tep")
    page.goto(f"{live_server.url}{step_url(draft, 3)}")
    field = page.locator(f"#id_doc_{first.pk}")
    field.set_input_files(
        [
            {"name": "to-khai.pdf", "mimeType": "application/pdf", "buffer": PDF},
            {"name": "qua-lon.pdf", "mimeType": "application/pdf", "buffer": PDF + b"0" * (1024 * 1024)},
        ]
    )
    alert = page.locator(f"#id_doc_{first.pk}_size")
    expect(alert).to_have_text(f"qua-lon.pdf: {TOO_LARGE}")
    expect(alert).to_have_attribute("role", "alert")
    expect(field).to_have_attribute("aria-invalid", "true")
    assert f"id_doc_{first.pk}_size" in (field.get_attribute("aria-describedby") or "")
    assert field.evaluate("input => [...input.files].map(f => f.name)") == ["to-khai.pdf"]
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_role("link", name="to-khai.pdf")).to_be_visible()
    expect(page.get_by_text("qua-lon.pdf")).to_have_count(0)
    assert list(draft.files.values_list("original_name", flat=True)) == ["to-khai.pdf"]
